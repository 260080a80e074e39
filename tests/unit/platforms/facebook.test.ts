// The Facebook adapter on hand-written synthetic pages (tests/fixtures/facebook, invented people) that copy the
// structure of the real saved pages in ../shared/fixtures/facebook; the real pages are tested in
// tests/fixtures/facebook-real.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterForHost, adapters, extractPosts } from '@/lib/platforms';
import { canonicalUrl, parseFacebookPermalink, parseFacebookProfile } from '@/lib/platforms/canonical-url';
import { facebookAdapter } from '@/lib/platforms/facebook';
import { parseFacebookTime } from '@/lib/platforms/facebook/time';
import { type Account, PostSnapshot } from '@/lib/platforms/snapshot';
import groupHtml from '../../fixtures/facebook/group-feed.html?raw';
import hoverHtml from '../../fixtures/facebook/hover-permalink.html?raw';
import reactionsHtml from '../../fixtures/facebook/reactions-dialog.html?raw';

const GROUP = 'https://www.facebook.com/groups/1234567890123456/';
const FEED = 'https://www.facebook.com/';
const POST_PAGE = 'https://www.facebook.com/budi.santoso.id/posts/7000000000000500';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const account = (handle: string, displayName: string): Account => ({
  handle,
  displayName,
  profileUrl: `https://www.facebook.com/${handle}`,
});
const base = (pageUrl: string) => ({
  platform: 'facebook',
  kind: 'post',
  textTruncated: false,
  repostedBy: null,
  parent: null,
  quoted: null,
  postedAt: null,
  media: [],
  pageUrl,
  missing: ['postedAt'],
  promoted: false,
});
/** What Facebook's "Jumat, 14 Februari 2024 pukul 10.15" means in the zone of the browser reading it. */
const local = (...parts: [number, number, number, number, number]): string =>
  new Date(parts[0], parts[1] - 1, parts[2], parts[3], parts[4]).toISOString();

describe('registry', () => {
  it('serves facebook.com, www, web and m; nothing else', () => {
    expect(adapters).toContain(facebookAdapter);
    for (const host of [
      'facebook.com',
      'www.facebook.com',
      'web.facebook.com',
      'm.facebook.com',
      'FACEBOOK.COM',
    ]) {
      expect(adapterForHost(host)).toBe(facebookAdapter);
    }
    expect(adapterForHost('facebook.com.example.org')).toBeUndefined();
    expect(adapterForHost('l.facebook.com')).toBeUndefined();
  });

  it('extracts through the registry', () => {
    expect(extractPosts(parse(groupHtml), GROUP)).toHaveLength(7);
  });
});

describe('Facebook permalinks and profiles', () => {
  it.each([
    [
      'https://www.facebook.com/permalink.php?story_fbid=7000000000000001&id=100089000000011&substory_index=3&__cft__[0]=AZ&__tn__=%2CO%2CP-R',
      'https://www.facebook.com/permalink.php?story_fbid=7000000000000001&id=100089000000011',
    ],
    [
      'http://m.facebook.com/story.php?id=100089000000011&story_fbid=7000000000000001',
      'https://www.facebook.com/permalink.php?story_fbid=7000000000000001&id=100089000000011',
    ],
    [
      'https://web.facebook.com/Budi.Santoso.ID/posts/pfbid02AbCdEfGhIjKlMnOp?__cft__[0]=AZ&__tn__=R',
      'https://www.facebook.com/budi.santoso.id/posts/pfbid02AbCdEfGhIjKlMnOp',
    ],
    [
      'https://www.facebook.com/photo/?fbid=7000000000000101&set=pcb.7000000000000001&__cft__[0]=AZ',
      'https://www.facebook.com/photo/?fbid=7000000000000101',
    ],
    ['https://www.facebook.com/photo.php?fbid=7&set=a.1', 'https://www.facebook.com/photo/?fbid=7'],
    [
      'https://www.facebook.com/budi.santoso.id/photos/a.123/456/',
      'https://www.facebook.com/photo/?fbid=456',
    ],
    [
      'https://www.facebook.com/groups/1234567890123456/permalink/7000000000000003/?__cft__[0]=AZ',
      'https://www.facebook.com/groups/1234567890123456/posts/7000000000000003',
    ],
    ['https://www.facebook.com/kabar.desa/videos/apel-siaga/789/', 'https://www.facebook.com/watch/?v=789'],
    ['https://www.facebook.com/watch/?v=789&ref=sharing', 'https://www.facebook.com/watch/?v=789'],
    ['https://www.facebook.com/reel/789?s=yWDuG2&fs=e', 'https://www.facebook.com/reel/789'],
    // Comments and replies keep the parameters that name them.
    [
      'https://www.facebook.com/photo/?fbid=7&set=a.1&comment_id=8&reply_comment_id=9&__tn__=R%5D-R',
      'https://www.facebook.com/photo/?fbid=7&comment_id=8&reply_comment_id=9',
    ],
    // Placeholders, the feed, profiles and Facebook's own pages are no permalinks.
    ['https://www.facebook.com/?__cft__[0]=AZUM#?xyz', null],
    ['https://www.facebook.com/#', null],
    ['#', null],
    ['https://www.facebook.com/', null],
    ['https://www.facebook.com/budi.santoso.id', null],
    ['https://www.facebook.com/profile.php?id=100089000000011', null],
    ['https://www.facebook.com/groups/1234567890123456/', null],
    ['https://www.facebook.com/hashtag/pilkadadamai', null],
    ['https://www.facebook.com/permalink.php?story_fbid=abc&id=1', null],
  ])('%s → %s', (href, expected) => {
    expect(canonicalUrl(href)).toBe(expected);
    if (expected) expect(canonicalUrl(expected)).toBe(expected);
  });

  it('names the post, comment and reply ids', () => {
    expect(
      parseFacebookPermalink(
        '/groups/1/posts/2/?comment_id=3&reply_comment_id=4',
        'https://www.facebook.com/',
      ),
    ).toEqual({
      url: 'https://www.facebook.com/groups/1/posts/2?comment_id=3&reply_comment_id=4',
      id: '2',
      commentId: '3',
      replyId: '4',
    });
  });

  it.each([
    ['https://www.facebook.com/Budi.Santoso.ID?__cft__[0]=AZ&__tn__=-UC', 'budi.santoso.id'],
    ['https://www.facebook.com/budi.santoso.id/', 'budi.santoso.id'],
    ['https://www.facebook.com/budi.santoso.id?comment_id=Y29tbWVudDox', 'budi.santoso.id'],
    [
      'https://www.facebook.com/profile.php?id=100089000000011&__cft__[0]=AZ',
      'profile.php?id=100089000000011',
    ],
    ['https://www.facebook.com/groups/123/user/100089000000011/', 'profile.php?id=100089000000011'],
    ['https://www.facebook.com/people/Budi-Santoso/100089000000011/', 'profile.php?id=100089000000011'],
    ['https://www.facebook.com/friends/', null],
    ['https://www.facebook.com/messages/t/100089000000011/', null],
    ['https://www.facebook.com/budi.santoso.id/posts/7', null],
    ['https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com', null],
    ['https://www.facebook.com/profile.php', null],
  ])('profile %s → %s', (href, handle) => {
    expect(parseFacebookProfile(href)).toBe(handle);
  });
});

describe('parseFacebookTime', () => {
  it.each([
    ['Jumat, 14 Februari 2024 pukul 10.15', local(2024, 2, 14, 10, 15)],
    ['Friday, February 14, 2024 at 10:15 PM', local(2024, 2, 14, 22, 15)],
    ['Friday 14 February 2024 at 00:05', local(2024, 2, 14, 0, 5)],
    ['viernes, 14 de febrero de 2024 a las 9:05', local(2024, 2, 14, 9, 5)],
    ['2024年2月14日星期三 下午3:20', local(2024, 2, 14, 15, 20)],
    ['2024年2月14日 上午12:10', local(2024, 2, 14, 0, 10)],
    ['١٤ فبراير ٢٠٢٤ في ١٠:١٥ م', local(2024, 2, 14, 22, 15)],
  ])('%s → local date and time', (label, iso) => {
    expect(parseFacebookTime(label)).toBe(iso);
  });

  it.each([
    // Relative times and dates without a time of day (all of the real fixtures) are no instant.
    '6h',
    '1 d',
    '28週',
    '3 j',
    '2023年8月18日',
    '14 October 2016',
    '5 أكتوبر 2023',
    '14 Februari pukul 10.15',
    // Numeric dates are ambiguous (day or month first); impossible dates do not exist.
    '03/04/2024 10:15',
    '31 Februari 2024 pukul 10.15',
    'Jumat, 14 Februari 2024 pukul 25.15',
    '',
  ])('%j → null', (label) => {
    expect(parseFacebookTime(label)).toBeNull();
  });
});

describe('findPosts on a group feed', () => {
  const doc = parse(groupHtml);
  const found = facebookAdapter.findPosts(doc);

  it('finds 4 posts and 3 comments in page order, nothing in the sidebar, placeholder or hidden timeline', () => {
    const snapshots = found.map((el) => facebookAdapter.extract(el, GROUP));
    expect(snapshots.map((s) => s.kind)).toEqual([
      'post',
      'comment',
      'comment',
      'comment',
      'post',
      'post',
      'post',
    ]);
    expect(found.some((el) => el.closest('[role="complementary"], [hidden]'))).toBe(false);
    expect(snapshots.some((s) => s.text.includes('tersembunyi'))).toBe(false);
  });

  it('includes the root itself, finds what a subtree holds, nothing more', () => {
    const [post, comment] = found;
    expect(facebookAdapter.findPosts(comment!)).toEqual([comment, found[2]]);
    expect(facebookAdapter.findPosts(post!)).toEqual(found.slice(0, 4));
    // A subtree of a post without its header or comments holds nothing to flag.
    expect(facebookAdapter.findPosts(post!.querySelector('a[href*="/photo/"]')!)).toEqual([]);
    // A share's embedded original is found from inside the share.
    const share = found[5]!;
    expect(facebookAdapter.findPosts(share)).toEqual([share, found[6]]);
  });

  it('finds a unit Facebook fills in after inserting it, from the header subtree that completes it', () => {
    const page = parse(groupHtml);
    const unit = page.querySelector('[aria-posinset="1"]')!;
    const row = unit.querySelector('h3')!.closest('div')!;
    const header = row.parentElement!;
    row.remove();
    expect(facebookAdapter.findPosts(unit).filter((el) => el === unit)).toEqual([]);
    header.prepend(row);
    expect(facebookAdapter.findPosts(row)).toEqual([unit]);
  });

  it('puts the flag beside the post menu, after the comment name or menu, never on a decoy', () => {
    for (const el of found) {
      const spot = facebookAdapter.anchor(el);
      expect(el.contains(spot) && spot !== el).toBe(true);
      expect(spot.closest('blockquote')).toBeNull();
    }
    const menuOf = (el: Element) => el.querySelector('[aria-haspopup="menu"]');
    expect(facebookAdapter.anchor(found[0]!)).toBe(menuOf(found[0]!)!.parentElement);
    expect(facebookAdapter.anchor(found[4]!)).toBe(menuOf(found[4]!)!.parentElement);
    expect(facebookAdapter.anchor(found[1]!).querySelector('[aria-haspopup="menu"]')).not.toBeNull();
    // The reply has no menu: after its name.
    expect(facebookAdapter.anchor(found[2]!).textContent).toBe('Agus Wibisono');
  });
});

describe('extract on a group feed', () => {
  const doc = parse(groupHtml);
  const snapshots = facebookAdapter.findPosts(doc).map((el) => facebookAdapter.extract(el, GROUP));
  const agus = account('profile.php?id=100089000000011', 'Agus Wibisono');
  const post1 = 'https://www.facebook.com/groups/1234567890123456/posts/7000000000000001';
  const text1 =
    'Ayo warga Sukamaju, Sabtu besok datang ke kampanye akbar paslon nomor 2 di lapangan desa 🇮🇩\n' +
    'Jangan lupa pakai kaos yang sudah dibagikan #PilkadaDamai dan ajak keluarga…';
  const parent1 = { url: post1, author: agus, textExcerpt: text1 };

  it('produces valid snapshots', () => {
    for (const snapshot of snapshots) expect(PostSnapshot.safeParse(snapshot).success).toBe(true);
  });

  it('reads a 2024 post: member link as profile.php, paragraphs, cut text, date and time, photo', () => {
    expect(snapshots[0]).toEqual({
      ...base(GROUP),
      url: post1,
      postId: '7000000000000001',
      text: text1,
      textTruncated: true,
      author: agus,
      postedAt: local(2024, 2, 14, 10, 15),
      media: [{ type: 'image', url: 'https://scontent.xx.fbcdn.net/v/t39.30808-6/7000000000000101_n.jpg' }],
      missing: [],
    });
  });

  it('reads comments and a reply: own permalink, name without the online badge, parent post', () => {
    expect(snapshots[1]).toEqual({
      ...base(GROUP),
      kind: 'comment',
      url: `${post1}?comment_id=7000000000000201`,
      postId: '7000000000000201',
      text: 'Siap hadir bu, sekalian bawa spanduk 💪\nKumpul jam 7 di balai desa ya',
      author: account('lestari.handayani.77', 'Lestari Handayani'),
      parent: parent1,
    });
    expect(snapshots[2]).toEqual({
      ...base(GROUP),
      kind: 'comment',
      url: `${post1}?comment_id=7000000000000201&reply_comment_id=7000000000000202`,
      postId: '7000000000000202',
      text: 'Mantap, nanti saya siapkan konsumsinya',
      author: agus,
      parent: parent1,
    });
    // A sticker alone: no words, not missing text.
    expect(snapshots[3]).toEqual({
      ...base(GROUP),
      kind: 'comment',
      url: `${post1}?comment_id=7000000000000203`,
      postId: '7000000000000203',
      text: '',
      author: account('profile.php?id=100089000000031', 'Joko Purnomo'),
      media: [{ type: 'image', url: 'https://scontent.xx.fbcdn.net/v/t39.1997-6/stiker-jempol.png' }],
      parent: parent1,
    });
  });

  it('reports the 2025 placeholder timestamp as missing, not the feed URL; decoys are no text', () => {
    expect(snapshots[4]).toEqual({
      ...base(GROUP),
      url: null,
      postId: null,
      text: 'Info rapat koordinasi relawan kecamatan malam ini, lokasi di rumah pak RT 🙏',
      author: account('profile.php?id=100089000000021', 'Siti Aminah Rahayu'),
      missing: ['url', 'postId', 'postedAt'],
    });
  });

  it('reads a share: the sharer is the author, the embedded original is quoted and a post of its own', () => {
    const original = {
      ...base(GROUP),
      url: 'https://www.facebook.com/wahyu.prasetyo.adi/posts/pfbid02SintetisAbCdEfGhIjKlMnOpQrStUvWxYz1234567890l',
      postId: 'pfbid02SintetisAbCdEfGhIjKlMnOpQrStUvWxYz1234567890l',
      text: 'Pemilih pemula wajib cek DPT di cekdptonline sebelum hari H',
      author: account('wahyu.prasetyo.adi', 'Wahyu Prasetyo Adi'),
      media: [{ type: 'link', url: 'https://contoh-berita.example/cek-dpt' }],
    };
    expect(snapshots[5]).toEqual({
      ...base(GROUP),
      url: 'https://www.facebook.com/groups/1234567890123456/posts/7000000000000003',
      postId: '7000000000000003',
      text: 'Setuju sekali, mohon disebarkan',
      author: account('rina.kartikasari', 'Rina Kartikasari'),
      quoted: original,
    });
    expect(snapshots[6]).toEqual(original);
  });
});

describe('the reactions dialog', () => {
  const doc = parse(reactionsHtml);
  const found = facebookAdapter.findPosts(doc);
  const budi = account('budi.santoso.id', 'Budi Santoso');
  const rows = [
    [account('agus.wibisono.35', 'Agus Wibisono'), 'Suka'],
    [account('profile.php?id=100089000000021', 'Siti Aminah Rahayu'), 'Super'],
    [account('lestari.handayani.77', 'Lestari Handayani'), 'Suka'],
  ] as const;

  it('gives every person a row of their own, and nothing to the Messenger dialog', () => {
    const kinds = found.map((el) => facebookAdapter.extract(el, FEED).kind);
    expect(kinds).toEqual(['post', 'reaction', 'reaction', 'reaction']);
    for (const row of found.slice(1)) {
      expect(row.closest('[aria-label="Reaksi"]')).not.toBeNull();
      expect(facebookAdapter.anchor(row)).toBe(row);
    }
  });

  it('on the post page, names the page post as the parent', () => {
    const snapshots = found.slice(1).map((el) => facebookAdapter.extract(el, POST_PAGE));
    const parent = {
      url: POST_PAGE,
      author: budi,
      textExcerpt: 'Terima kasih atas dukungannya, coblos nomor 1!',
    };
    expect(snapshots).toEqual(
      rows.map(([author, reaction]) => ({
        ...base(POST_PAGE),
        kind: 'reaction',
        url: null,
        postId: null,
        text: reaction,
        author,
        parent,
        missing: [],
      })),
    );
    for (const snapshot of snapshots) expect(PostSnapshot.safeParse(snapshot).success).toBe(true);
  });

  it('opened from the feed, says the parent is unknown instead of guessing', () => {
    const snapshot = facebookAdapter.extract(found[1]!, FEED);
    expect(snapshot.parent).toEqual({
      url: null,
      author: { handle: null, displayName: null, profileUrl: null },
      textExcerpt: '',
    });
    expect(snapshot.missing).toEqual(['parent.url']);
  });

  it('on a comment link to the post page, still names the post', () => {
    const snapshot = facebookAdapter.extract(found[1]!, `${POST_PAGE}?comment_id=7000000000000999`);
    expect(snapshot.parent?.url).toBe(POST_PAGE);
    expect(snapshot.parent?.author).toEqual(budi);
  });

  it('finds rows added to an open dialog from the added subtree alone', () => {
    expect(facebookAdapter.findPosts(found[2]!)).toEqual([found[2]]);
  });
});

describe('reveal on a hover-filled permalink', () => {
  let post: Element;
  let comment: Element;

  beforeAll(() => {
    document.body.innerHTML = parse(hoverHtml).body.innerHTML;
    // happy-dom does not run scripts inserted through innerHTML: run the page's own script.
    const script = document.body.querySelector('script');
    new Function(script?.textContent ?? '')();
    [post, comment] = facebookAdapter.findPosts(document) as [Element, Element];
  });
  afterAll(() => {
    document.body.innerHTML = '';
  });

  it('without reveal, reports the placeholder as a missing permalink', () => {
    const snapshot = facebookAdapter.extract(post, FEED);
    expect(snapshot.url).toBeNull();
    expect(snapshot.missing).toEqual(['url', 'postId', 'postedAt']);
  });

  it('hovers the timestamp, reads the filled href and the tooltip time, then leaves the page as it was', async () => {
    const stamp = post.querySelector('a[data-hover-fill]')!;
    const placeholder = stamp.getAttribute('href');
    const focused = document.activeElement;
    const started = Date.now();
    await facebookAdapter.reveal!(post);
    expect(Date.now() - started).toBeLessThan(300);
    expect(stamp.getAttribute('href')).toBe(placeholder);
    expect(document.querySelector('[role="tooltip"]')).toBeNull();
    expect(document.activeElement).toBe(focused);
    expect(facebookAdapter.extract(post, FEED)).toEqual({
      ...base(FEED),
      url: 'https://www.facebook.com/budi.santoso.id/posts/pfbid02SintetisHover1234567890AbCdEfGhIjKlMnOpQrStl',
      postId: 'pfbid02SintetisHover1234567890AbCdEfGhIjKlMnOpQrStl',
      text: 'Dukung terus kepala desa kita untuk periode kedua!',
      author: account('budi.santoso.id', 'Budi Santoso'),
      postedAt: local(2024, 2, 14, 10, 15),
      missing: [],
    });
  });

  it('reveals a comment time link the same way; its parent carries the revealed post URL', async () => {
    await facebookAdapter.reveal!(comment);
    const snapshot = facebookAdapter.extract(comment, FEED);
    expect(snapshot.kind).toBe('comment');
    expect(snapshot.url).toBe(
      'https://www.facebook.com/budi.santoso.id/posts/pfbid02SintetisHover1234567890AbCdEfGhIjKlMnOpQrStl?comment_id=7000000000000701',
    );
    expect(snapshot.postId).toBe('7000000000000701');
    expect(snapshot.postedAt).toBe(local(2024, 2, 14, 11, 40));
    expect(snapshot.parent?.url).toBe(
      'https://www.facebook.com/budi.santoso.id/posts/pfbid02SintetisHover1234567890AbCdEfGhIjKlMnOpQrStl',
    );
    expect(snapshot.missing).toEqual([]);
  });

  it('gives up after a short wait when nothing fills the href, and never throws', async () => {
    const doc = parse(groupHtml);
    const silent = facebookAdapter.findPosts(doc)[4]!;
    const thrower = () => {
      throw new Error('page bug');
    };
    doc.addEventListener('mouseover', thrower);
    const started = Date.now();
    await expect(facebookAdapter.reveal!(silent)).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(facebookAdapter.extract(silent, GROUP).missing).toEqual(['url', 'postId', 'postedAt']);
  });
});
