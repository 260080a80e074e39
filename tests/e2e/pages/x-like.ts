// Synthetic X-like pages for the custody tests, the soak and the capture benchmark: invented accounts
// and texts, the DOM hooks X used in 2025 (article[data-testid=tweet], User-Name, a status link around
// <time datetime>, tweetText, tweetPhoto), a sticky top bar over the main column like X's. No scripts.
// Every post id is chosen by the caller, so each post of a run has its own permalink.
import { readFileSync } from 'node:fs';

export { seededRandom } from '../../tools/seeded-random';

export interface XLikePost {
  /** Numeric status id (unique per run). */
  id: string;
  handle: string;
  name: string;
  text: string;
  /** Height in CSS px of one invented photo under the text; none when absent. */
  photoHeight?: number;
}

const FIRST = ['Sri', 'Budi', 'Dewi', 'Agus', 'Rina', 'Joko', 'Lestari', 'Hendra', 'Wulan', 'Bayu', 'Yanti'];
const LAST = [
  'Wahyuni',
  'Santoso',
  'Lestari',
  'Saputra',
  'Marlina',
  'Purnomo',
  'Siregar',
  'Utami',
  'Nugroho',
];
const LINES = [
  'Ayo datang ke lapangan desa sore ini, ada pembagian sembako dari tim pemenangan.',
  'Kepala desa ikut foto bersama relawan paslon di balai desa, pakai seragam dinas.',
  'Jangan lupa coblos nomor urut kita, amplop sudah disiapkan untuk tiap RT.',
  'Spanduk kampanye dipasang di pagar sekolah dasar, padahal masih jam belajar.',
  'Info: kumpul di posko jam 7 malam, transport diganti, bawa fotokopi KTP.',
  'Guru honorer diminta hadir di acara deklarasi dukungan, absensi dicatat.',
];

/** `count` invented posts with ids `firstId`, `firstId + 1`, …; texts of one to three lines. */
export function inventPosts(count: number, firstId: bigint, random: () => number): XLikePost[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const first = pick(FIRST);
    const last = pick(LAST);
    const lines = 1 + Math.floor(random() * 3);
    return {
      id: String(firstId + BigInt(i)),
      handle: `${first}_${last}${i}`.toLowerCase(),
      name: `${first} ${last}`,
      text: Array.from({ length: lines }, () => pick(LINES)).join(' '),
    };
  });
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const svg = (body: string, width: number, height: number): string =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}">${body}</svg>`,
  )}`;

function avatar(initials: string, hue: number): string {
  return svg(
    `<rect width="100" height="100" fill="hsl(${hue},45%,45%)"/><text x="50" y="50" dy=".35em" text-anchor="middle" font-family="Liberation Sans,Arial,sans-serif" font-size="40" font-weight="700" fill="#fff">${initials}</text>`,
    100,
    100,
  );
}

function photo(label: string, height: number): string {
  return svg(
    `<rect width="520" height="${height}" fill="#9fd3f0"/><rect y="${height * 0.6}" width="520" height="${height * 0.4}" fill="#6aa84f"/><text x="260" y="${height / 2}" text-anchor="middle" font-family="Liberation Sans,Arial,sans-serif" font-size="28" font-weight="700" fill="#fff">${label}</text>`,
    520,
    height,
  );
}

export const X_LIKE_CSS = `
*{box-sizing:border-box}
html,body{margin:0;background:#fff}
body{font-family:"Liberation Sans",Arial,sans-serif;color:#0f1419;font-size:15px;line-height:20px}
a{color:inherit;text-decoration:none}
.app{display:flex;justify-content:center;min-height:100vh}
.nav{width:275px;flex-shrink:0}
.nav-in{position:sticky;top:0;height:100vh;padding:12px;font-size:20px;line-height:48px}
.primary{width:600px;border-left:1px solid #eff3f4;border-right:1px solid #eff3f4;min-height:100vh}
.sidebar{width:350px;margin-left:30px}
.side-in{position:sticky;top:0;padding:12px 0}
.box{border:1px solid #eff3f4;border-radius:16px;padding:12px 16px}
.topbar{position:sticky;top:0;z-index:3;display:flex;align-items:center;height:53px;padding:0 16px;background:rgba(255,255,255,.85);backdrop-filter:blur(12px);border-bottom:1px solid #eff3f4}
.topbar h2{margin:0;font-size:20px;line-height:24px}
.cell{border-bottom:1px solid #eff3f4}
.tweet{display:block;padding:12px 16px}
.row{display:flex}
.av-col{width:40px;margin-right:8px;flex-shrink:0}
.avatar{width:40px;height:40px;border-radius:9999px;overflow:hidden;background:#cfd9de}
.avatar img{display:block;width:100%;height:100%}
.body{flex:1;min-width:0}
.hdr{display:flex;justify-content:space-between;align-items:flex-start;margin-bottom:2px}
.user-name{display:flex;align-items:center;min-width:0;white-space:nowrap;overflow:hidden}
.name{font-weight:700}
.meta{display:flex;color:#536471;margin-left:4px}
.sep{padding:0 4px}
.caret{display:flex;width:34px;height:34px;margin:-8px -8px -8px 0;border:0;background:none;color:#536471;align-items:center;justify-content:center}
.text{white-space:pre-wrap;overflow-wrap:break-word}
.media{margin-top:12px;border:1px solid #cfd9de;border-radius:16px;overflow:hidden}
.media img{display:block;width:100%;height:auto}
.actions{display:flex;justify-content:space-between;margin-top:12px;color:#536471;font-size:13px;max-width:425px}
`;

export function xLikePost(post: XLikePost): string {
  const initials = post.name
    .split(' ')
    .map((w) => w[0])
    .join('')
    .slice(0, 2);
  const hue = Number(BigInt(post.id) % 360n);
  const media = post.photoHeight
    ? `<div class="media"><a href="/${post.handle}/status/${post.id}/photo/1"><div aria-label="Gambar" data-testid="tweetPhoto"><img alt="Gambar" src="${photo(`foto ${post.id}`, post.photoHeight)}"></div></a></div>`
    : '';
  return `<div data-testid="cellInnerDiv"><div class="cell"><article role="article" tabindex="0" data-testid="tweet" class="tweet"><div class="row"><div class="av-col"><div data-testid="UserAvatar-Container-${post.handle}" class="avatar"><a href="/${post.handle}" tabindex="-1"><img alt="" src="${avatar(initials, hue)}"></a></div></div><div class="body"><div class="hdr"><div data-testid="User-Name" class="user-name"><a href="/${post.handle}" class="name"><span>${escapeHtml(post.name)}</span></a><div class="meta"><a href="/${post.handle}" tabindex="-1"><span>@${post.handle}</span></a><span class="sep">·</span><a href="/${post.handle}/status/${post.id}" aria-label="2 jam yang lalu"><time datetime="2026-11-21T11:05:00.000Z">2j</time></a></div></div><button aria-haspopup="menu" aria-label="Lainnya" data-testid="caret" type="button" class="caret">…</button></div><div dir="auto" lang="in" data-testid="tweetText" class="text"><span>${escapeHtml(post.text)}</span></div>${media}<div role="group" class="actions"><span>Balas 3</span><span>Repost 12</span><span>Suka 40</span><span>Tayangan 1,2 rb</span></div></div></div></article></div></div>`;
}

/** A whole X-like page: left nav, main column with a sticky top bar, the posts, a sidebar. */
export function xLikePage(title: string, posts: readonly XLikePost[]): string {
  return `<!doctype html>
<!-- Netra test page, generated by tests/e2e/pages/x-like.ts: invented accounts and texts, X-like DOM. -->
<html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(title)} / X</title><style>${X_LIKE_CSS}</style></head>
<body><div id="react-root"><div class="app">
<header role="banner" class="nav"><div class="nav-in"><div>Beranda</div><div>Jelajahi</div><div>Notifikasi</div></div></header>
<main role="main"><div data-testid="primaryColumn" class="primary">
<div class="topbar"><h2>${escapeHtml(title)}</h2></div>
<section role="region"><div aria-label="Timeline: ${escapeHtml(title)}">${posts.map(xLikePost).join('\n')}</div></section>
</div></main>
<div class="sidebar"><div class="side-in"><div class="box"><b>Sedang tren</b><br>#PemiluDamai</div></div></div>
</div></div></body></html>
`;
}

/** tests/e2e/pages/tall-post.html with the stylesheet every X-like page shares put in. */
export function tallPostPage(): string {
  const page = readFileSync(new URL('./tall-post.html', import.meta.url), 'utf8');
  return page.replace(
    '/* X_LIKE_CSS: tests/e2e/pages/x-like.ts, put in by the server (tallPostPage) */',
    X_LIKE_CSS,
  );
}
