// The X adapter on interaction lists ("Reposted by", "Liked by") and the quotes list, on synthetic pages
// (tests/fixtures/x, invented people). findPosts reads the page URL from the document, so the pages are parsed
// as the CLI parses them: a happy-dom Window whose url is the page's.
import { afterEach, describe, expect, it } from 'vitest';
import { dedupeKey } from '@/lib/capture/dedupe-key';
import { extractPosts } from '@/lib/platforms';
import { parseSavedPage } from '@/lib/platforms/extract-cli';
import { PostSnapshot, parentRef } from '@/lib/platforms/snapshot';
import { xAdapter } from '@/lib/platforms/x';
import homeHtml from '../../fixtures/x/home-timeline.html?raw';
import listHtml from '../../fixtures/x/reposts-list.html?raw';

const POST = 'https://x.com/camat_sukamaju/status/1849999999999999999';
const RETWEETS = `${POST}/retweets`;
const LIKES = `${POST}/likes`;
const QUOTES = `${POST}/quotes`;
const HOME = 'https://x.com/home';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const page of opened.splice(0)) page.close();
});

/** `html` as the document at `url` (document.URL = url). */
function open(html: string, url: string): Document {
  const page = parseSavedPage(html, url);
  opened.push(page);
  return page.document;
}

const account = (handle: string, displayName: string) => ({
  handle,
  displayName,
  profileUrl: `https://x.com/${handle}`,
});
const camat = { handle: 'camat_sukamaju', displayName: null, profileUrl: 'https://x.com/camat_sukamaju' };
const sidebarCells = (doc: Document) => [
  ...doc.querySelectorAll('[data-testid="sidebarColumn"] [data-testid="UserCell"]'),
];

describe('findPosts on interaction lists', () => {
  it('finds the 4 account rows of the primary column on a "Reposted by" page', () => {
    const doc = open(listHtml, RETWEETS);
    const rows = xAdapter.findPosts(doc);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.getAttribute('data-testid')).toBe('UserCell');
      expect(row.closest('[data-testid="primaryColumn"]')).not.toBeNull();
    }
    expect(xAdapter.findPosts(open(listHtml, LIKES))).toHaveLength(4);
  });

  it('finds no row on any other page: same DOM at /home, the status page, its quotes, a profile', () => {
    for (const url of [
      HOME,
      POST,
      `${POST}/`,
      QUOTES,
      `${POST}/retweets/with_comments`,
      'https://x.com/relawan_desa',
    ]) {
      expect(xAdapter.findPosts(open(listHtml, url)), url).toEqual([]);
    }
  });

  it('recognises the list URL on other X hosts, with a trailing slash or a query', () => {
    for (const url of [
      'https://twitter.com/Camat_Sukamaju/status/1849999999999999999/retweets',
      'https://mobile.x.com/camat_sukamaju/status/1849999999999999999/likes/',
      `${RETWEETS}?s=20`,
    ]) {
      expect(xAdapter.findPosts(open(listHtml, url)), url).toHaveLength(4);
    }
  });

  it('never takes the sidebar\'s "Who to follow" cells', () => {
    const doc = open(listHtml, RETWEETS);
    const sidebar = sidebarCells(doc);
    expect(sidebar).toHaveLength(2);
    const rows = xAdapter.findPosts(doc);
    for (const cell of sidebar) {
      expect(rows).not.toContain(cell);
      expect(xAdapter.findPosts(cell)).toEqual([]);
    }
    expect(xAdapter.findPosts(doc.querySelector('[data-testid="sidebarColumn"]')!)).toEqual([]);
  });

  it('includes the root itself and finds a row in an added cell', () => {
    const doc = open(listHtml, RETWEETS);
    const [row] = xAdapter.findPosts(doc);
    expect(xAdapter.findPosts(row!)).toEqual([row]);
    expect(xAdapter.findPosts(row!.closest('[data-testid="cellInnerDiv"]')!)).toEqual([row]);
  });
});

describe('extract on interaction lists', () => {
  it('reads a repost row: the listed account, no permalink of its own, the post from the page URL', () => {
    const doc = open(listHtml, RETWEETS);
    const snapshots = xAdapter.findPosts(doc).map((row) => xAdapter.extract(row, RETWEETS));
    for (const snapshot of snapshots) expect(PostSnapshot.safeParse(snapshot).success).toBe(true);
    expect(snapshots[0]).toEqual({
      platform: 'x',
      kind: 'repost',
      url: null,
      postId: null,
      text: '',
      textTruncated: false,
      author: account('ahmad_fauzi_asn', 'Ahmad Fauzi'),
      repostedBy: null,
      parent: { url: POST, author: camat, textExcerpt: '' },
      quoted: null,
      postedAt: null,
      media: [],
      pageUrl: RETWEETS,
      missing: ['url', 'postId', 'postedAt'],
      promoted: false,
    });
    expect(snapshots.map((s) => s.author)).toEqual([
      account('ahmad_fauzi_asn', 'Ahmad Fauzi'),
      account('gurulestari88', 'Bu Guru Lestari 🌸'),
      account('relawan_desa', 'Relawan Desa Sukamaju'),
      account('rudi_patroli', 'Rudi (Pengawas)'),
    ]);
    expect(snapshots.every((s) => s.kind === 'repost' && s.parent?.url === POST)).toBe(true);
  });

  it('calls the rows of a "Liked by" page reactions', () => {
    const doc = open(listHtml, LIKES);
    const snapshots = xAdapter.findPosts(doc).map((row) => xAdapter.extract(row, LIKES));
    expect(snapshots.map((s) => s.kind)).toEqual(Array(4).fill('reaction'));
    expect(snapshots[2]).toMatchObject({
      author: account('relawan_desa', 'Relawan Desa Sukamaju'),
      parent: { url: POST, author: camat, textExcerpt: '' },
      pageUrl: LIKES,
    });
  });

  it('gives extractPosts (the CLI) the same rows', () => {
    const snapshots = extractPosts(open(listHtml, RETWEETS), RETWEETS);
    expect(snapshots.map((s) => s.author.handle)).toEqual([
      'ahmad_fauzi_asn',
      'gurulestari88',
      'relawan_desa',
      'rudi_patroli',
    ]);
  });

  it('names the parent from a twitter.com or /i/status list URL, canonical', () => {
    const doc = open(listHtml, RETWEETS);
    const [row] = xAdapter.findPosts(doc);
    const other = 'https://twitter.com/Camat_Sukamaju/status/1849999999999999999/retweets?s=20';
    expect(xAdapter.extract(row!, other).parent).toEqual({ url: POST, author: camat, textExcerpt: '' });
    const anonymous = xAdapter.extract(row!, 'https://x.com/i/status/1849999999999999999/likes');
    expect(anonymous.kind).toBe('reaction');
    expect(anonymous.parent).toEqual({
      url: 'https://x.com/i/status/1849999999999999999',
      author: { handle: null, displayName: null, profileUrl: null },
      textExcerpt: '',
    });
  });

  it('takes the parent from the original tweet when the page shows it, in document order', () => {
    const url = 'https://x.com/BudiSantoso_/status/1850000000000000001/retweets';
    const doc = open(listHtml, url);
    const tweet = open(homeHtml, HOME).querySelector('article[data-testid="tweet"]')!;
    const list = doc.querySelector('[aria-label="Timeline: Diposting ulang oleh"]')!;
    list.prepend(doc.importNode(tweet, true));
    const found = xAdapter.findPosts(doc);
    expect(found).toHaveLength(5);
    expect(found[0]!.matches('article[data-testid="tweet"]')).toBe(true);
    const original = xAdapter.extract(found[0]!, url);
    expect(original.kind).toBe('post');
    const repost = xAdapter.extract(found[1]!, url);
    expect(repost.parent).toEqual(parentRef(original));
    expect(repost.parent?.author).toEqual(account('budisantoso_', 'Budi Santoso'));
  });

  it('reads the handle from the avatar, then the Follow label, then the first link; never from the bio', () => {
    const doc = open(listHtml, RETWEETS);
    const [row] = xAdapter.findPosts(doc);
    const expected = account('ahmad_fauzi_asn', 'Ahmad Fauzi');
    row!.querySelector('[data-testid^="UserAvatar-Container-"]')!.removeAttribute('data-testid');
    expect(xAdapter.extract(row!, RETWEETS).author).toEqual(expected);
    // Without its own links the row's only profile link is the bio's @mention: the Follow label still wins.
    for (const link of row!.querySelectorAll('a[href="/Ahmad_Fauzi_ASN"]')) link.removeAttribute('href');
    expect(xAdapter.extract(row!, RETWEETS)).toMatchObject({
      author: { ...expected, displayName: null },
      missing: ['url', 'postId', 'postedAt', 'author.displayName'],
    });
    // Without a Follow button (the officer's own row) the first link names the account.
    const own = xAdapter.findPosts(doc)[3]!;
    own.querySelector('[data-testid^="UserAvatar-Container-"]')!.removeAttribute('data-testid');
    expect(xAdapter.extract(own, RETWEETS).author).toEqual(account('rudi_patroli', 'Rudi (Pengawas)'));
  });

  it('never throws; lists the author as missing for an empty row', () => {
    const doc = open('<div data-testid="primaryColumn"><div data-testid="UserCell"></div></div>', RETWEETS);
    const [row] = xAdapter.findPosts(doc);
    const snapshot = xAdapter.extract(row!, RETWEETS);
    expect(PostSnapshot.safeParse(snapshot).success).toBe(true);
    expect(snapshot.kind).toBe('repost');
    expect(snapshot.missing).toEqual([
      'url',
      'postId',
      'postedAt',
      'author.handle',
      'author.displayName',
      'author.profileUrl',
    ]);
  });
});

describe('anchor on interaction lists', () => {
  it("is the Follow button's box (follow or unfollow), else the row", () => {
    const doc = open(listHtml, RETWEETS);
    const rows = xAdapter.findPosts(doc);
    for (const row of rows.slice(0, 3)) {
      const box = xAdapter.anchor(row);
      expect(box).not.toBe(row);
      expect(row.contains(box)).toBe(true);
      expect(box.querySelector('button[data-testid$="follow"]')).not.toBeNull();
    }
    // The officer's own row has no Follow button.
    expect(xAdapter.anchor(rows[3]!)).toBe(rows[3]);
  });
});

describe('dedupe of interaction rows', () => {
  it('keeps one account reposting two posts as two records, and the same repost as one', async () => {
    const other = 'https://x.com/camat_sukamaju/status/1850000000000000555/retweets';
    const [first] = xAdapter
      .findPosts(open(listHtml, RETWEETS))
      .map((row) => xAdapter.extract(row, RETWEETS));
    const [second] = xAdapter.findPosts(open(listHtml, other)).map((row) => xAdapter.extract(row, other));
    expect(first!.author).toEqual(second!.author);
    const keys = await Promise.all([first, second].map((s) => dedupeKey(s!, crypto.randomUUID())));
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys.every((key) => key.startsWith('sha256:'))).toBe(true);
    const again = xAdapter.extract(xAdapter.findPosts(open(listHtml, RETWEETS))[0]!, RETWEETS);
    expect(await dedupeKey(again, crypto.randomUUID())).toBe(keys[0]);
  });

  it('keeps the repost and the like of one post by one account apart', async () => {
    const [repost] = extractPosts(open(listHtml, RETWEETS), RETWEETS);
    const [like] = extractPosts(open(listHtml, LIKES), LIKES);
    expect(await dedupeKey(repost!, 'a')).not.toBe(await dedupeKey(like!, 'b'));
  });
});

describe('the quotes list', () => {
  it('holds ordinary posts: kind post with the quoted post filled, no parent, no list rows', () => {
    const doc = open(homeHtml, QUOTES);
    const snapshots = xAdapter.findPosts(doc).map((post) => xAdapter.extract(post, QUOTES));
    expect(snapshots).toHaveLength(8);
    expect(snapshots.map((s) => s.kind)).toEqual(Array(8).fill('post'));
    const quote = snapshots.find((s) => s.quoted !== null)!;
    expect(quote).toMatchObject({
      kind: 'post',
      url: 'https://x.com/yanto_sap/status/1850000000000000003',
      parent: null,
      quoted: { kind: 'post', url: POST, author: { handle: 'camat_sukamaju' } },
    });
  });
});
