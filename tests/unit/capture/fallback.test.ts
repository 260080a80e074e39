import { describe, expect, it } from 'vitest';
import { pageSnapshot } from '@/lib/capture/fallback';
import { PostSnapshot } from '@/lib/platforms/snapshot';

describe('pageSnapshot (context menu / shortcut when no post is recognised)', () => {
  it('keeps the selection verbatim and marks every field it could not read as missing', () => {
    const snapshot = pageSnapshot({
      pageUrl: 'https://forum.example.id/t/kampanye',
      selection: '  Ayo pilih nomor 2!  ',
    });
    expect(PostSnapshot.safeParse(snapshot).success).toBe(true);
    expect(snapshot).toMatchObject({
      platform: 'web',
      url: null,
      text: 'Ayo pilih nomor 2!',
      author: { handle: null, displayName: null, profileUrl: null },
      postedAt: null,
    });
    expect(snapshot.missing).toEqual([
      'url',
      'postId',
      'author.handle',
      'author.displayName',
      'author.profileUrl',
      'postedAt',
    ]);
  });

  it('names the post when the menu was opened on a permalink of a known platform', () => {
    const snapshot = pageSnapshot({
      pageUrl: 'https://x.com/home',
      linkUrl: 'https://twitter.com/SriWahyuni_Guru/status/1850000000000000001?s=20',
    });
    expect(snapshot).toMatchObject({
      platform: 'x',
      url: 'https://x.com/sriwahyuni_guru/status/1850000000000000001',
      text: '',
    });
    expect(snapshot.missing).toContain('text');
    expect(snapshot.missing).not.toContain('url');
  });

  it('does not take an ordinary link on an unknown site for a permalink', () => {
    const snapshot = pageSnapshot({
      pageUrl: 'https://blog.example/',
      linkUrl: 'https://blog.example/about',
    });
    expect(snapshot.url).toBeNull();
  });
});
