import { describe, expect, it } from 'vitest';
import { dedupeKey } from '@/lib/capture/dedupe-key';
import { xSnapshot } from './snapshot-factory';

const sha256 = async (value: string): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value));
  return `sha256:${Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')}`;
};

const reposter = {
  handle: 'ahmad_fauzi_asn',
  displayName: 'Ahmad Fauzi',
  profileUrl: 'https://x.com/ahmad_fauzi_asn',
};
const repostOf = (url: string | null) =>
  xSnapshot({
    kind: 'repost',
    url: null,
    postId: null,
    text: '',
    postedAt: null,
    author: reposter,
    parent: {
      url,
      author: { handle: 'camat_sukamaju', displayName: null, profileUrl: 'https://x.com/camat_sukamaju' },
      textExcerpt: '',
    },
    missing: ['url', 'postId', 'postedAt'],
  });

describe('dedupeKey', () => {
  it('is the permalink when there is one', async () => {
    const post = xSnapshot();
    expect(await dedupeKey(post, 'c1')).toBe(post.url);
  });

  it('is the click when nothing identifies the post', async () => {
    const post = xSnapshot({
      url: null,
      text: '',
      postedAt: null,
      author: { handle: null, displayName: null, profileUrl: null },
    });
    expect(await dedupeKey(post, 'c1')).toBe('click:c1');
    expect(await dedupeKey(post, 'c2')).toBe('click:c2');
  });

  it('keeps the digest of a post without a parent as before (keys already stored still match)', async () => {
    const post = xSnapshot({ url: null, postId: null });
    const identity = JSON.stringify(['x', 'post', 'sriwahyuni_guru', post.postedAt, post.text]);
    expect(await dedupeKey(post, 'c1')).toBe(await sha256(identity));
    expect(await dedupeKey(post, 'c2')).toBe(await dedupeKey(post, 'c1'));
  });

  it("tells one account's reposts of two posts apart by the parent's URL", async () => {
    const first = repostOf('https://x.com/camat_sukamaju/status/1849999999999999999');
    const second = repostOf('https://x.com/camat_sukamaju/status/1850000000000000555');
    const [a, b] = [await dedupeKey(first, 'c1'), await dedupeKey(second, 'c2')];
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(await dedupeKey(repostOf('https://x.com/camat_sukamaju/status/1849999999999999999'), 'c3')).toBe(
      a,
    );
  });

  it('keeps a repost and a like of the same post by the same account apart', async () => {
    const repost = repostOf('https://x.com/camat_sukamaju/status/1849999999999999999');
    const like = { ...repost, kind: 'reaction' as const };
    expect(await dedupeKey(repost, 'c1')).not.toBe(await dedupeKey(like, 'c2'));
  });

  it('falls back to the account alone when the parent has no URL', async () => {
    const repost = repostOf(null);
    const identity = JSON.stringify(['x', 'repost', 'ahmad_fauzi_asn', null, '']);
    expect(await dedupeKey(repost, 'c1')).toBe(await sha256(identity));
  });
});
