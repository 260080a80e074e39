// The Instagram adapter on hand-written synthetic pages (tests/fixtures/instagram, invented people) that copy
// the structure of the real saved pages in ../shared/fixtures/instagram; the liked-by dialog has no real
// sample (see its comment). The real pages are tested in tests/fixtures/instagram-real.test.ts.
import { describe, expect, it } from 'vitest';
import { adapterForHost, adapters, extractPosts } from '@/lib/platforms';
import { parseSavedPage } from '@/lib/platforms/extract-cli';
import { instagramAdapter } from '@/lib/platforms/instagram';
import { PostSnapshot, type PostSnapshot as Snapshot } from '@/lib/platforms/snapshot';
import feedHtml from '../../fixtures/instagram/feed-home.html?raw';
import likedByHtml from '../../fixtures/instagram/liked-by-dialog.html?raw';
import dialogHtml from '../../fixtures/instagram/post-dialog.html?raw';
import pageHtml from '../../fixtures/instagram/post-page.html?raw';

const HOME = 'https://www.instagram.com/';
const DIALOG_URL = 'https://www.instagram.com/p/SyntKades01/?img_index=1';
const PAGE_URL = 'https://www.instagram.com/reel/SyntReel004/?igsh=c3ludGhldGlj';
const LIKED_BY_URL = 'https://www.instagram.com/p/SyntCamat01/liked_by/';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const account = (handle: string, displayName: string | null = null) => ({
  handle,
  displayName,
  profileUrl: `https://www.instagram.com/${handle}/`,
});
const nobody = { handle: null, displayName: null, profileUrl: null };
const base = (pageUrl: string) => ({
  platform: 'instagram',
  kind: 'post',
  textTruncated: false,
  repostedBy: null,
  parent: null,
  quoted: null,
  media: [],
  pageUrl,
  missing: ['author.displayName'],
  promoted: false,
});
const read = (doc: Document, pageUrl: string): Snapshot[] =>
  instagramAdapter.findPosts(doc).map((post) => instagramAdapter.extract(post, pageUrl));
const cdn = (path: string) => `https://scontent.cdninstagram.com/v/${path}`;

describe('registry', () => {
  it('serves instagram.com and www.instagram.com', () => {
    expect(adapters).toContain(instagramAdapter);
    for (const host of ['instagram.com', 'www.instagram.com', 'WWW.Instagram.com']) {
      expect(adapterForHost(host)).toBe(instagramAdapter);
    }
    expect(adapterForHost('instagram.com.example.org')).toBeUndefined();
    expect(extractPosts(parse(feedHtml), HOME)).toHaveLength(3);
  });
});

describe('findPosts', () => {
  it('finds the feed articles, not the comment preview or the tagged account', () => {
    const posts = instagramAdapter.findPosts(parse(feedHtml));
    expect(posts).toHaveLength(3);
    expect(posts.every((post) => post.localName === 'article')).toBe(true);
  });

  it('finds the dialog post, its comments and the reply in document order, not the grid under it', () => {
    const doc = parse(dialogHtml);
    const posts = instagramAdapter.findPosts(doc);
    expect(posts.map((post) => post.localName)).toEqual(['article', 'li', 'li', 'li']);
    expect(read(doc, DIALOG_URL).map((s) => s.kind)).toEqual(['post', 'comment', 'comment', 'comment']);
  });

  it('finds the post page without an article: one box around the post, its comment rows', () => {
    const doc = parse(pageHtml);
    const [post, ...comments] = instagramAdapter.findPosts(doc);
    expect(comments).toHaveLength(2);
    expect(post!.querySelectorAll('time')).toHaveLength(4);
    // The box stops before "Postingan lainnya": other posts' tiles are not part of it.
    expect(post!.querySelector('a[href*="SyntOther01"]')).toBeNull();
    expect(post!.querySelector('video')).not.toBeNull();
    for (const row of comments) {
      expect(row.querySelectorAll('time')).toHaveLength(1);
      expect(post!.contains(row)).toBe(true);
    }
  });

  it('finds one row per account in the liked-by dialog, besides the feed posts', () => {
    const doc = parse(likedByHtml);
    expect(read(doc, LIKED_BY_URL).map((s) => s.kind)).toEqual([
      'post',
      'post',
      'reaction',
      'reaction',
      'reaction',
      'reaction',
    ]);
  });

  it('includes the root itself and looks only inside the root', () => {
    const doc = parse(dialogHtml);
    const [post, comment] = instagramAdapter.findPosts(doc);
    expect(instagramAdapter.findPosts(comment!)).toEqual([comment]);
    expect(instagramAdapter.findPosts(post!)).toHaveLength(4);
    const list = doc.querySelector('ul ul')!;
    expect(instagramAdapter.findPosts(list)).toHaveLength(2);
    const likes = parse(likedByHtml);
    const row = instagramAdapter.findPosts(likes)[3]!;
    expect(instagramAdapter.findPosts(row)).toEqual([row]);
  });

  it('finds nothing on grids and in other dialogs', () => {
    const grid = parse(
      '<main><div><a href="/budi/p/SyntGrid001/"><img src="https://scontent.cdninstagram.com/a.jpg"></a>' +
        '<a href="/p/SyntGrid002/"><img src=""></a></div></main>' +
        '<article><a href="/p/SyntGrid003/"><img></a></article>' +
        '<div role="dialog"><h2>Bagikan</h2><div role="option"><span>Siti</span></div></div>',
    );
    expect(instagramAdapter.findPosts(grid)).toEqual([]);
  });

  it('knows a liked-by list by its URL when the title is unknown, and skips it otherwise', () => {
    const html = likedByHtml.replace('<span dir="auto">Suka</span>', '<span dir="auto">Menyukai ini</span>');
    const home = parseSavedPage(html, HOME);
    const likes = parseSavedPage(html, LIKED_BY_URL);
    try {
      expect(instagramAdapter.findPosts(home.document)).toHaveLength(2);
      expect(instagramAdapter.findPosts(likes.document)).toHaveLength(6);
    } finally {
      home.close();
      likes.close();
    }
  });
});

describe('extract on the feed', () => {
  const snapshots = read(parse(feedHtml), HOME);

  it('produces valid snapshots', () => {
    for (const snapshot of snapshots) expect(PostSnapshot.safeParse(snapshot).success).toBe(true);
  });

  it('reads a collab post: owner first, the other author in coAuthors; caption cut by "selengkapnya"', () => {
    expect(snapshots[0]).toEqual({
      ...base(HOME),
      url: 'https://www.instagram.com/p/SyntCollab01/',
      postId: 'SyntCollab01',
      text: 'Hari ini kami hadir di deklarasi relawan Paslon 02 bersama warga #PilkadaDamai',
      textTruncated: true,
      author: account('budi.santoso.asn'),
      coAuthors: [account('relawan.paslon02')],
      postedAt: '2025-10-20T03:15:00.000Z',
      // The saved local copy of the second photo is no address of the file: left out.
      media: [
        {
          type: 'image',
          url: cdn('t51.2885-15/synth-collab-1.jpg?stp=dst-jpg&_nc_ht=scontent.cdninstagram.com'),
        },
      ],
    });
  });

  it('marks a sponsored post: no permalink or time (listed missing), the ad photo kept', () => {
    expect(snapshots[1]).toEqual({
      ...base(HOME),
      url: null,
      postId: null,
      text: 'Diskon 50% batik tulis khusus minggu ini!',
      author: account('toko.batik.lestari'),
      postedAt: null,
      media: [{ type: 'image', url: cdn('t51.2885-15/synth-iklan.jpg') }],
      missing: ['url', 'postId', 'postedAt', 'author.displayName'],
      promoted: true,
    });
  });

  it('reads a suggested video post: relative links, mention and line break, poster as the video', () => {
    expect(snapshots[2]).toEqual({
      ...base(HOME),
      url: 'https://www.instagram.com/p/SyntVideo003/',
      postId: 'SyntVideo003',
      text: 'Sosialisasi netralitas ASN bersama @bawaslu.contoh\nTerima kasih semua 🙏 #ASNNetral',
      author: account('kominfo.sukamaju'),
      postedAt: '2025-10-18T01:00:00.000Z',
      media: [{ type: 'video', url: cdn('t51.2885-15/synth-video-poster.jpg') }],
    });
  });
});

describe('extract on a post dialog', () => {
  const snapshots = read(parse(dialogHtml), DIALOG_URL);
  const post = {
    ...base(DIALOG_URL),
    url: 'https://www.instagram.com/p/SyntKades01/',
    postId: 'SyntKades01',
    text: 'Warga Mekarsari, ayo pilih nomor 2 di Pilkada nanti!\n#PilkadaDamai bersama @siti.rahma',
    author: account('kades.mekarsari'),
    // The permalink's time, not the caption row's (12:05).
    postedAt: '2025-10-19T12:00:00.000Z',
    media: [
      { type: 'image', url: cdn('t51.2885-15/synth-kades-1.jpg') },
      { type: 'image', url: cdn('t51.2885-15/synth-kades-2.jpg') },
    ],
  };
  const parent = { url: post.url, author: post.author, textExcerpt: post.text };

  it('reads the post: caption from the h1, time from its own permalink without the username', () => {
    expect(snapshots[0]).toEqual(post);
  });

  it('reads a comment with its parent post', () => {
    expect(snapshots[1]).toEqual({
      ...base(DIALOG_URL),
      kind: 'comment',
      url: 'https://www.instagram.com/p/SyntKades01/c/18000000000000001/',
      postId: '18000000000000001',
      text: 'Pak Kades kan ASN, kok ikut kampanye?',
      author: account('yanto_sap'),
      postedAt: '2025-10-19T13:00:00.000Z',
      parent,
    });
  });

  it('reads a reply as a comment on the post: its own /r/ link, the mention kept in the text', () => {
    expect(snapshots[2]).toEqual({
      ...base(DIALOG_URL),
      kind: 'comment',
      url: 'https://www.instagram.com/p/SyntKades01/c/18000000000000001/r/18000000000000002/',
      postId: '18000000000000002',
      text: '@yanto_sap saya hadir sebagai warga biasa.',
      author: account('kades.mekarsari'),
      postedAt: '2025-10-19T14:30:00.000Z',
      parent,
    });
  });

  it('skips the verified badge and "Lihat terjemahan"; reads emoji images', () => {
    expect(snapshots[3]).toMatchObject({
      author: account('dewi.anggraini'),
      text: 'Sudah dilaporkan ke Panwascam 👍',
      missing: ['author.displayName'],
      parent,
    });
  });
});

describe('extract on a post page', () => {
  const snapshots = read(parse(pageHtml), PAGE_URL);

  it('reads a collab reel without article or header: caption after the edit line, permalink time', () => {
    expect(snapshots[0]).toEqual({
      ...base(PAGE_URL),
      url: 'https://www.instagram.com/reel/SyntReel004/',
      postId: 'SyntReel004',
      text: 'Guru dan siswa diajak hadir di kampanye akbar Sabtu ini.\nWajib datang ya!',
      author: account('dinas.pendidikan.contoh'),
      coAuthors: [account('sman1.sukamaju')],
      postedAt: '2025-10-21T07:30:00.000Z',
      media: [
        {
          type: 'video',
          url: 'https://scontent.cdninstagram.com/o1/v/t16/f2/m86/synth-reel.mp4?efg=synthetic',
        },
      ],
    });
  });

  it('reads comment rows whose time comes before the text', () => {
    const post = snapshots[0]!;
    expect(snapshots[1]).toEqual({
      ...base(PAGE_URL),
      kind: 'comment',
      url: 'https://www.instagram.com/p/SyntReel004/c/18000000000000011/',
      postId: '18000000000000011',
      text: 'Ini sekolah negeri lho, kok disuruh kampanye?',
      author: account('rina_kusuma'),
      postedAt: '2025-10-21T09:00:00.000Z',
      parent: { url: post.url, author: post.author, textExcerpt: post.text },
    });
    expect(snapshots[2]).toMatchObject({ author: account('agus_w'), text: 'Sudah saya screenshot.' });
  });
});

describe('extract on a liked-by list', () => {
  const camat = {
    url: 'https://www.instagram.com/p/SyntCamat01/',
    author: account('camat_sukamaju'),
    textExcerpt: 'Hari ini saya hadir sebagai relawan pemenangan Paslon 02.',
  };
  const reactions = (doc: Document, pageUrl: string) =>
    read(doc, pageUrl).filter((s) => s.kind === 'reaction');

  it('records each account as a reaction to the post the page URL names, read from the feed', () => {
    const snapshots = reactions(parse(likedByHtml), LIKED_BY_URL);
    expect(snapshots[0]).toEqual({
      ...base(LIKED_BY_URL),
      kind: 'reaction',
      url: null,
      postId: null,
      text: '',
      author: account('siti.rahma', 'Siti Rahmawati'),
      postedAt: null,
      parent: camat,
      missing: [],
    });
    expect(snapshots.map((s) => s.author)).toEqual([
      account('siti.rahma', 'Siti Rahmawati'),
      account('budi.santoso.asn', 'Budi Santoso 🇮🇩'),
      account('kominfo.sukamaju', 'Diskominfo Kecamatan Sukamaju'),
      account('rw07.mekarsari'),
    ]);
    expect(snapshots[3]!.missing).toEqual(['author.displayName']);
    for (const snapshot of snapshots) expect(PostSnapshot.safeParse(snapshot).success).toBe(true);
  });

  it('names the post by URL alone when it is not on the page', () => {
    const url = 'https://www.instagram.com/budi/reel/SyntGone009/liked_by/?igsh=abc';
    const [first] = reactions(parse(likedByHtml), url);
    expect(first!.parent).toEqual({
      url: 'https://www.instagram.com/reel/SyntGone009/',
      author: nobody,
      textExcerpt: '',
    });
    expect(first!.missing).toEqual([]);
  });

  it('takes the only post on the page when the URL names none', () => {
    const doc = parse(likedByHtml);
    doc.querySelectorAll('article')[1]!.remove();
    expect(reactions(doc, HOME)[0]!.parent).toEqual(camat);
  });

  it('leaves the parent unknown (and says so) when several posts could be meant', () => {
    const [first] = reactions(parse(likedByHtml), HOME);
    expect(first!.parent).toEqual({ url: null, author: nobody, textExcerpt: '' });
    expect(first!.missing).toEqual(['parent.url']);
  });

  it('opened over a post dialog: the dialog post is the parent', () => {
    const doc = parse(dialogHtml);
    const likes = parse(likedByHtml).querySelector('[role="dialog"]')!.parentElement!;
    doc.body.append(doc.importNode(likes, true));
    const snapshots = read(doc, 'https://www.instagram.com/p/SyntKades01/liked_by/');
    expect(snapshots.map((s) => s.kind)).toEqual([
      'post',
      'comment',
      'comment',
      'comment',
      'reaction',
      'reaction',
      'reaction',
      'reaction',
    ]);
    expect(snapshots[4]!.parent).toMatchObject({
      url: 'https://www.instagram.com/p/SyntKades01/',
      author: account('kades.mekarsari'),
    });
  });
});

describe('anchor', () => {
  it('puts a post\'s button in the header row beside "Opsi lainnya"', () => {
    for (const html of [feedHtml, dialogHtml, pageHtml]) {
      const [post] = instagramAdapter.findPosts(parse(html));
      const row = instagramAdapter.anchor(post!);
      expect(row).not.toBe(post);
      expect(post!.contains(row)).toBe(true);
      expect(row.querySelector('svg[aria-label="Opsi lainnya"]')).not.toBeNull();
    }
  });

  it('falls back to the author line without a known "more" label', () => {
    const doc = parse(feedHtml.replaceAll('Opsi lainnya', 'Opciones'));
    const [post] = instagramAdapter.findPosts(doc);
    const row = instagramAdapter.anchor(post!);
    expect(row.querySelector('a[href$="/relawan.paslon02/"]')).not.toBeNull();
    expect(row).not.toBe(post);
  });

  it("puts a comment's button on its action line and a liked-by row's at its end", () => {
    for (const [html, url] of [
      [dialogHtml, DIALOG_URL],
      [pageHtml, PAGE_URL],
    ] as const) {
      const doc = parse(html);
      for (const row of instagramAdapter.findPosts(doc).slice(1)) {
        const line = instagramAdapter.anchor(row);
        expect(row.contains(line) && line !== row, url).toBe(true);
        expect(line.textContent).toMatch(/Balas/);
      }
    }
    const rows = instagramAdapter.findPosts(parse(likedByHtml)).slice(2);
    for (const row of rows) {
      const end = instagramAdapter.anchor(row);
      expect(end.querySelector('button')).not.toBeNull();
      expect(end).toBe(row.lastElementChild?.lastElementChild ?? end);
    }
  });
});

describe('extract never throws', () => {
  it('lists everything as missing for an element that is no post', () => {
    const div = parse('<div><p>bukan postingan</p></div>').querySelector('div')!;
    const snapshot = instagramAdapter.extract(div, HOME);
    expect(PostSnapshot.safeParse(snapshot).success).toBe(true);
    expect(snapshot.missing).toEqual([
      'url',
      'postId',
      'postedAt',
      'author.handle',
      'author.displayName',
      'author.profileUrl',
      'text',
    ]);
    expect(instagramAdapter.anchor(div)).toBe(div);
  });

  it('keeps what it could read when the DOM throws halfway', () => {
    const [post] = instagramAdapter.findPosts(parse(dialogHtml));
    const real = post!.querySelectorAll.bind(post);
    Object.defineProperty(post, 'querySelectorAll', {
      value: (selector: string) => {
        if (selector === 'video') throw new Error('boom');
        return real(selector);
      },
    });
    const snapshot = instagramAdapter.extract(post!, DIALOG_URL);
    expect(snapshot.url).toBe('https://www.instagram.com/p/SyntKades01/');
    expect(snapshot.media).toEqual([]);
    expect(snapshot.missing).toEqual(['author.displayName', 'media']);
  });
});
