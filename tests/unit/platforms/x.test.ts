// The X adapter on hand-written synthetic pages (tests/fixtures/x, invented people) that copy the structure
// of the real saved pages in ../shared/fixtures/x. The real pages are tested in tests/fixtures/x-real.test.ts.
import { describe, expect, it } from 'vitest';
import { adapterForHost, adapters, extractPosts } from '@/lib/platforms';
import { PostSnapshot } from '@/lib/platforms/snapshot';
import { normalizeText } from '@/lib/platforms/text';
import { xAdapter } from '@/lib/platforms/x';
import homeHtml from '../../fixtures/x/home-timeline.html?raw';
import threadHtml from '../../fixtures/x/status-thread.html?raw';
import cellHtml from '../../fixtures/x/tweet-cell.html?raw';

const HOME = 'https://x.com/home';
const STATUS = 'https://x.com/siti_rahma/status/1850000000000000102';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const account = (handle: string, displayName: string) => ({
  handle,
  displayName,
  profileUrl: `https://x.com/${handle}`,
});
const base = (pageUrl: string) => ({
  platform: 'x',
  kind: 'post',
  textTruncated: false,
  repostedBy: null,
  parent: null,
  quoted: null,
  media: [],
  pageUrl,
  missing: [],
  promoted: false,
});

describe('registry', () => {
  it('finds the X adapter by host and nothing for other sites', () => {
    expect(adapters).toContain(xAdapter);
    for (const host of ['x.com', 'twitter.com', 'mobile.twitter.com', 'mobile.x.com', 'www.x.com', 'X.COM']) {
      expect(adapterForHost(host)).toBe(xAdapter);
    }
    expect(adapterForHost('example.com')).toBeUndefined();
    expect(adapterForHost('x.com.example.org')).toBeUndefined();
  });

  it('extracts nothing on unknown hosts or bad page URLs', () => {
    const doc = parse(homeHtml);
    expect(extractPosts(doc, 'https://example.com/home')).toEqual([]);
    expect(extractPosts(doc, 'not a url')).toEqual([]);
    expect(extractPosts(doc, HOME)).toHaveLength(8);
  });
});

describe('findPosts', () => {
  it('finds the 8 timeline tweets, not spacers, carousel cards or DM bubbles', () => {
    const doc = parse(homeHtml);
    const posts = xAdapter.findPosts(doc);
    expect(posts).toHaveLength(8);
    expect(posts.every((post) => post.matches('article[data-testid="tweet"]'))).toBe(true);
    expect(doc.querySelectorAll('[data-testid="tweetText"]')).toHaveLength(12);
  });

  it('includes the root itself and skips tweets nested in tweets', () => {
    const doc = parse(homeHtml);
    const first = xAdapter.findPosts(doc)[0]!;
    expect(xAdapter.findPosts(first)).toEqual([first]);
    const nested = parse(
      '<article data-testid="tweet"><div data-testid="User-Name"></div>' +
        '<article data-testid="tweet"><div data-testid="User-Name"></div></article></article>',
    );
    expect(xAdapter.findPosts(nested)).toHaveLength(1);
  });

  it('accepts role=article only with an author row (fallback for a renamed testid)', () => {
    const doc = parse(
      '<div role="article"><div data-testid="User-Name"><a href="/budi">Budi</a></div></div>' +
        '<div role="article"><p>widget</p></div>',
    );
    expect(xAdapter.findPosts(doc)).toHaveLength(1);
  });

  it('finds the status page thread and the element-only capture', () => {
    expect(xAdapter.findPosts(parse(threadHtml))).toHaveLength(4);
    expect(xAdapter.findPosts(parse(cellHtml))).toHaveLength(1);
  });
});

describe('extract on the home timeline', () => {
  const doc = parse(homeHtml);
  const snapshots = xAdapter.findPosts(doc).map((post) => xAdapter.extract(post, HOME));

  it('produces valid snapshots, all posts', () => {
    for (const snapshot of snapshots) expect(PostSnapshot.safeParse(snapshot).success).toBe(true);
    expect(snapshots.map((s) => s.kind)).toEqual(Array(8).fill('post'));
  });

  it('reads a plain tweet: mentions inline, hashtag, line breaks, emoji, photo', () => {
    expect(snapshots[0]).toEqual({
      ...base(HOME),
      url: 'https://x.com/budisantoso_/status/1850000000000000001',
      postId: '1850000000000000001',
      text:
        'Ayo hadir di deklarasi dukungan untuk Paslon 02 besok pagi di balai desa! @relawan_desa dan ' +
        '#PilkadaDamai\n\nBawa keluarga ya 🙏',
      author: account('budisantoso_', 'Budi Santoso'),
      postedAt: '2025-10-20T03:15:00.000Z',
      media: [{ type: 'image', url: 'https://pbs.twimg.com/media/SyntheticBudi01?format=jpg&name=small' }],
    });
  });

  it('records the reposter (Indonesian UI, name in its own span); video in placementTracking is no ad', () => {
    expect(snapshots[1]).toEqual({
      ...base(HOME),
      url: 'https://x.com/kabarsukamaju/status/1850000000000000002',
      postId: '1850000000000000002',
      text: 'Suasana apel siaga di kantor kecamatan pagi ini.',
      author: account('kabarsukamaju', 'Kabar Sukamaju'),
      repostedBy: account('rina_kusuma', 'Rina Kusumawati'),
      postedAt: '2025-10-19T09:00:00.000Z',
      media: [
        {
          type: 'video',
          url: 'https://pbs.twimg.com/amplify_video_thumb/1850000000000000902/img/SyntheticApel.jpg',
        },
      ],
    });
  });

  it('reads a quote tweet: own text only, quoted author/time/text/photo, quoted URL from its photo link', () => {
    expect(snapshots[2]).toEqual({
      ...base(HOME),
      url: 'https://x.com/yanto_sap/status/1850000000000000003',
      postId: '1850000000000000003',
      text: 'Ini bukti ASN ikut kampanye. Mohon ditindaklanjuti.',
      author: account('yanto_sap', 'Yanto Saputra'),
      postedAt: '2025-10-20T00:30:00.000Z',
      quoted: {
        ...base(HOME),
        url: 'https://x.com/camat_sukamaju/status/1849999999999999999',
        postId: '1849999999999999999',
        text: 'Hari ini saya hadir sebagai relawan pemenangan Paslon 02 😊',
        author: account('camat_sukamaju', 'Pak Camat Sukamaju'),
        postedAt: '2025-10-18T02:00:00.000Z',
        media: [
          { type: 'image', url: 'https://pbs.twimg.com/media/SyntheticCamat01?format=jpg&name=360x360' },
        ],
      },
    });
  });

  it('marks a promoted post ("Iklan", no time): no permalink or time, listed as missing', () => {
    expect(snapshots[3]).toEqual({
      ...base(HOME),
      url: null,
      postId: null,
      text: 'Diskon 50% batik tulis khusus minggu ini!',
      author: account('tokobatiklestari', 'Toko Batik Lestari'),
      postedAt: null,
      media: [{ type: 'link', url: 'https://batik.example/promo' }],
      missing: ['url', 'postId', 'postedAt'],
      promoted: true,
    });
  });

  it('flags truncated text and keeps its line breaks, without the "Show more" label', () => {
    const snapshot = snapshots[4]!;
    expect(snapshot.textTruncated).toBe(true);
    expect(snapshot.text).toBe(
      'Catatan rapat koordinasi pengawasan hari ini:\n\n1. Semua pengawas desa wajib lapor harian.\n' +
        '2. Temuan di media sosial dikumpulkan per kecamatan.\n3. Untuk',
    );
    expect(snapshot.missing).toEqual([]);
  });

  it('gives a media-only GIF tweet empty text, not missing text; emoji in the display name', () => {
    expect(snapshots[5]).toEqual({
      ...base(HOME),
      url: 'https://x.com/agus_w/status/1850000000000000006',
      postId: '1850000000000000006',
      text: '',
      author: account('agus_w', 'Agus Wibowo 🇮🇩'),
      postedAt: '2025-10-20T02:00:00.000Z',
      media: [{ type: 'gif', url: 'https://video.twimg.com/tweet_video/SyntheticGif01.mp4' }],
    });
  });

  it('strips the repost verb (English UI) and canonicalises a twitter.com share link', () => {
    const snapshot = snapshots[6]!;
    expect(snapshot.repostedBy).toEqual(account('dewianggraini', 'Dewi Anggraini'));
    expect(snapshot.url).toBe('https://x.com/siti_rahma/status/1850000000000000007');
    expect(snapshot.author).toEqual(account('siti_rahma', 'Siti Rahmawati'));
  });

  it('reports a missing time, takes the permalink from the analytics link, is no ad without a label', () => {
    expect(snapshots[7]).toEqual({
      ...base(HOME),
      url: 'https://x.com/rina_kusuma/status/1850000000000000008',
      postId: '1850000000000000008',
      text: 'Jangan lupa cek DPT kalian sebelum hari H.',
      author: account('rina_kusuma', 'Rina Kusumawati'),
      postedAt: null,
      missing: ['postedAt'],
    });
  });
});

describe('extract on a status page', () => {
  const doc = parse(threadHtml);
  const posts = xAdapter.findPosts(doc);
  const snapshots = posts.map((post) => xAdapter.extract(post, STATUS));

  it('has the thread above and the focal tweet as posts, the tweets below as replies', () => {
    expect(snapshots.map((s) => s.kind)).toEqual(['post', 'post', 'reply', 'reply']);
    expect(snapshots.map((s) => s.postId)).toEqual([
      '1850000000000000101',
      '1850000000000000102',
      '1850000000000000103',
      '1850000000000000104',
    ]);
  });

  it('collapses pretty-printed whitespace without gluing or splitting words', () => {
    expect(snapshots[0]!.text).toBe(
      'Utas: temuan patroli siber hari ini bersama @budisantoso_, tim pengawas desa.',
    );
    expect(snapshots[0]!.author.displayName).toBe('Siti Rahmawati');
  });

  it('reads the focal tweet: time link at the bottom, quote without a permalink', () => {
    expect(snapshots[1]).toEqual({
      ...base(STATUS),
      url: 'https://x.com/siti_rahma/status/1850000000000000102',
      postId: '1850000000000000102',
      text: 'Kepala desa ini terang-terangan mengajak warga memilih.\nLihat kutipan di bawah.',
      author: account('siti_rahma', 'Siti Rahmawati'),
      postedAt: '2025-10-20T03:15:00.000Z',
      quoted: {
        ...base(STATUS),
        url: null,
        postId: null,
        text: 'Warga Mekarsari, pilih nomor 2 ya!',
        author: account('kades_mekarsari', 'Kades Mekarsari'),
        postedAt: '2025-10-19T12:00:00.000Z',
        missing: ['url', 'postId'],
      },
    });
  });

  it('reads replies: "Show more" button, <br> line breaks, "Replying to" does not change the author', () => {
    expect(snapshots[2]).toMatchObject({
      kind: 'reply',
      author: account('yanto_sap', 'Yanto Saputra'),
      text: 'Sudah saya teruskan ke Panwascam. Videonya juga sudah diarsipkan, tapi',
      textTruncated: true,
    });
    expect(snapshots[3]).toMatchObject({
      kind: 'reply',
      url: 'https://x.com/budisantoso_/status/1850000000000000104',
      text: 'Terima kasih.\nBesok saya cek lokasi.',
      textTruncated: false,
      missing: [],
    });
  });

  it("names the focal post as every reply's parent", () => {
    const focal = snapshots[1]!;
    expect(focal.parent).toBeNull();
    for (const reply of snapshots.slice(2)) {
      expect(reply.parent).toEqual({ url: focal.url, author: focal.author, textExcerpt: focal.text });
    }
  });

  it('finds the focal tweet by tabindex when its permalink is gone, and calls the rest replies', () => {
    const other = parse(threadHtml);
    other.querySelector('a[href="/siti_rahma/status/1850000000000000102"]')!.remove();
    const kinds = xAdapter.findPosts(other).map((post) => xAdapter.extract(post, STATUS).kind);
    expect(kinds).toEqual(['post', 'post', 'reply', 'reply']);
    other.querySelector('article[tabindex="-1"]')!.remove();
    const rest = xAdapter.findPosts(other).map((post) => xAdapter.extract(post, STATUS).kind);
    expect(rest).toEqual(['reply', 'reply', 'reply']);
  });

  it('calls every tweet a post on other pages, also under a photo viewer opened from the feed', () => {
    expect(posts.map((post) => xAdapter.extract(post, HOME).kind)).toEqual(Array(4).fill('post'));
    expect(posts.map((post) => xAdapter.extract(post, `${STATUS}/photo/1`).kind)).toEqual(
      Array(4).fill('post'),
    );
    expect(posts.map((post) => xAdapter.extract(post, `${STATUS}/`).kind)).toEqual([
      'post',
      'post',
      'reply',
      'reply',
    ]);
    expect(posts.map((post) => xAdapter.extract(post, 'https://x.com/siti_rahma').kind)).toEqual(
      Array(4).fill('post'),
    );
  });
});

describe('extract on an element-only capture', () => {
  it('skips the affiliation badge, keeps the link text and the emoji name, prefers a real video file', () => {
    const [post] = xAdapter.findPosts(parse(cellHtml));
    expect(xAdapter.extract(post!, HOME)).toEqual({
      ...base(HOME),
      url: 'https://x.com/dinascontoh/status/1850000000000000201',
      postId: '1850000000000000201',
      text: 'Jadwal sosialisasi netralitas ASN: https://contoh.go.id/netralitas #NetralitasASN',
      author: account('dinascontoh', 'Dinas Contoh 🏛️'),
      postedAt: '2025-10-21T02:00:00.000Z',
      media: [
        {
          type: 'video',
          url: 'https://video.twimg.com/ext_tw_video/1850000000000000910/pu/vid/720x1280/SynthVid.mp4',
        },
      ],
    });
  });
});

describe('extract never throws', () => {
  it('lists everything as missing for an element that is no tweet', () => {
    const div = parse('<div><p>bukan tweet</p></div>').querySelector('div')!;
    const snapshot = xAdapter.extract(div, HOME);
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
  });

  it('keeps what it could read when the DOM throws halfway', () => {
    const [post] = xAdapter.findPosts(parse(cellHtml));
    const real = post!.querySelectorAll.bind(post);
    Object.defineProperty(post, 'querySelectorAll', {
      value: (selector: string) => {
        if (selector.includes('video') || selector.includes('tweetPhoto')) throw new Error('boom');
        return real(selector);
      },
    });
    const snapshot = xAdapter.extract(post!, HOME);
    expect(snapshot.url).toBe('https://x.com/dinascontoh/status/1850000000000000201');
    expect(snapshot.media).toEqual([]);
    expect(snapshot.missing).toEqual(['media']);
  });

  it('falls back to the avatar testid for the handle', () => {
    const doc = parse(
      '<article data-testid="tweet"><div data-testid="UserAvatar-Container-Budi_S"></div>' +
        '<div data-testid="tweetText">Halo</div></article>',
    );
    const snapshot = xAdapter.extract(doc.querySelector('article')!, HOME);
    expect(snapshot.author).toEqual({
      handle: 'budi_s',
      displayName: null,
      profileUrl: 'https://x.com/budi_s',
    });
    expect(snapshot.missing).toEqual(['url', 'postId', 'postedAt', 'author.displayName']);
  });

  it('reads a repost line whose name is its own link, in a language it does not know', () => {
    const doc = parse(
      '<article data-testid="tweet"><span data-testid="socialContext"><a href="/joko_susilo">Joko Susilo</a>' +
        ' repostou</span><div data-testid="User-Name"><a href="/budi"><span>Budi</span></a><span>@budi</span>' +
        '</div><div data-testid="tweetText">Halo</div></article>',
    );
    const snapshot = xAdapter.extract(doc.querySelector('article')!, HOME);
    expect(snapshot.repostedBy).toEqual(account('joko_susilo', 'Joko Susilo'));
    expect(snapshot.author).toEqual(account('budi', 'Budi'));
  });

  it('ignores "Pinned" and other context lines that are no reposts', () => {
    const doc = parse(
      '<article data-testid="tweet"><div data-testid="socialContext">Disematkan</div></article>' +
        '<article data-testid="tweet"><a href="/budi"><span data-testid="socialContext">Pinned</span></a></article>',
    );
    for (const post of xAdapter.findPosts(doc)) expect(xAdapter.extract(post, HOME).repostedBy).toBeNull();
  });

  it('counts placementTracking around the tweet as an ad, but not inside its media', () => {
    const doc = parse(
      '<div data-testid="placementTracking"><article data-testid="tweet"><div data-testid="User-Name">' +
        '<a href="/iklan_co"><span>Iklan Co</span></a><span>@iklan_co</span></div>' +
        '<div data-testid="tweetText">Beli sekarang</div></article></div>' +
        '<article data-testid="tweet"><div data-testid="User-Name"><a href="/budi"><span>Budi</span></a>' +
        '<span>@budi</span></div><div data-testid="tweetPhoto"><div data-testid="placementTracking">' +
        '<video poster="https://pbs.twimg.com/amplify_video_thumb/1/img/a.jpg"></video></div></div></article>',
    );
    const [ad, video] = xAdapter.findPosts(doc).map((post) => xAdapter.extract(post, HOME));
    expect(ad!.promoted).toBe(true);
    expect(video!.promoted).toBe(false);
  });
});

describe('anchor', () => {
  it('is the header row holding the caret, inside the tweet', () => {
    const [post] = xAdapter.findPosts(parse(homeHtml));
    const row = xAdapter.anchor(post!);
    expect(row).not.toBe(post);
    expect(post!.contains(row)).toBe(true);
    expect(row.querySelector('[data-testid="caret"]')).not.toBeNull();
    expect(row.querySelector('[aria-label="Tindakan Grok"]')).not.toBeNull();
    expect(row.querySelector('[data-testid="User-Name"]')).toBeNull();
  });

  it('falls back to the author row, then to the tweet', () => {
    const doc = parse(
      '<article data-testid="tweet"><div><div data-testid="User-Name"><a href="/budi">Budi</a></div></div></article>' +
        '<article data-testid="tweet"><p>kosong</p></article>',
    );
    const [withName, bare] = xAdapter.findPosts(doc);
    expect(xAdapter.anchor(withName!)).toBe(
      withName!.querySelector('[data-testid="User-Name"]')!.parentElement,
    );
    expect(xAdapter.anchor(bare!)).toBe(bare);
  });
});

describe('normalizeText', () => {
  it.each([
    ['a  b\t c', 'a b c'],
    ['baris satu  \nbaris dua', 'baris satu\nbaris dua'],
    ['a\n\n\n\nb', 'a\n\nb'],
    ['kata\n                    lanjut', 'kata lanjut'],
    ['  tepi  ', 'tepi'],
    ['a\r\nb', 'a\nb'],
    ['a\u00a0b', 'a b'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
  });
});
