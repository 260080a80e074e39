// What the three synthetic feeds (feed-x.ts, feed-facebook.ts, feed-instagram.ts) share: the shape a feed
// gives the benchmark, element building, deterministic randomness, and invented Indonesian names and texts.
// Every name, handle, id and text in the feeds is invented.

export type Child = Node | string;
export type FeedId = 'x' | 'facebook' | 'instagram';

/** One platform's synthetic feed, as Part A (in the page) and Part B (the page's own script) build it. */
export interface FeedShape {
  id: FeedId;
  label: string;
  /** The host the page is served on (the content script's match pattern holds it) and the page's path. */
  host: string;
  path: string;
  /** The match pattern whose content script runs on this host, in the built manifest. */
  manifestMatch: string;
  /** One feed post's box: what Part A's bare querySelectorAll baseline looks for, one per cell. */
  post: string;
  /** The comments inside a post that get a button of their own (none on X and Instagram here). */
  comment: string | null;
  /** Builds the (detached) cell of feed post number `index`: the post, its comments and the site's wrappers. */
  cellBuilder(doc: Document): (index: number) => HTMLElement;
  /** Flaggable items (the post and its comments) in cell `index`: buttons the content script should add. */
  itemsIn(index: number): number;
  /** The page shell: the feed's container is `#timeline`; `scripts` are loaded in the head. */
  pageHtml(scripts: readonly string[]): string;
}

export type H = (tag: string, attrs?: Record<string, string> | null, ...children: Child[]) => HTMLElement;

/** `h(tag, attrs, ...children)` over `doc`. */
export function hyperscript(doc: Document): H {
  return (tag, attrs, ...children) => {
    const el = doc.createElement(tag);
    if (attrs) for (const name in attrs) el.setAttribute(name, attrs[name]!);
    el.append(...children);
    return el;
  };
}

/** `child` inside `depth` anonymous divs: React sites wrap nearly everything so. */
export function wrapper(h: H): (depth: number, child: Child) => HTMLElement {
  return (depth, child) => {
    let el = h('div', null, child);
    for (let i = 1; i < depth; i++) el = h('div', null, el);
    return el;
  };
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const ICON_PATH = 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20z';

/** An inline icon (svg > g > path), optionally with attributes (data-testid, aria-label…). */
export function svgIcon(doc: Document, attrs: Record<string, string> = {}): Element {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  for (const name in attrs) svg.setAttribute(name, attrs[name]!);
  const g = doc.createElementNS(SVG_NS, 'g');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICON_PATH);
  g.append(path);
  svg.append(g);
  return svg;
}

/** Deterministic per-post randomness (mulberry32), so every run builds the same feed. */
export function random(seed: number): () => number {
  let a = seed * 2654435761;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

export const TINY_SVG = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 4 3'/%3E";
const COLORS = ['%23c0587e', '%232e86c1', '%23f08a24', '%236aa84f', '%237b4a2a', '%23536471'];

/** Half the pictures are still loading (no src yet), the rest are tiny inline pictures. */
export function imageAttrs(rnd: () => number, alt: string, width: number): Record<string, string> {
  const attrs: Record<string, string> = { alt };
  if (rnd() < 0.5) {
    const color = pick(rnd, COLORS);
    attrs.src = `data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ${width} 9'%3E%3Crect width='${width}' height='9' fill='${color}'/%3E%3C/svg%3E`;
  }
  return attrs;
}

/** [display name, handle]: handles fit X, Facebook vanity names and Instagram usernames alike. */
export const PEOPLE = [
  ['Sri Wahyuni, S.Pd.', 'sriwahyuni_guru'],
  ['Budi Santoso', 'budisantoso_asn'],
  ['Kecamatan Sukamaju', 'kec_sukamaju'],
  ['Rina Kartika', 'rinakartika88'],
  ['Ahmad Fauzi', 'fauzi_kades'],
  ['Dewi Lestari Putri', 'dewilestari_p'],
  ['Info Pemilu Contoh', 'infopemilu_contoh'],
  ['Yohanes Lumban', 'yohanes_lmb'],
] as const;
export const SENTENCES = [
  'Alhamdulillah, sore ini ikut hadir di kampanye akbar bersama rekan-rekan guru se-kecamatan.',
  'Mohon doa restu, besok kami sosialisasi program kerja di balai desa.',
  'Pegawai kantor kecamatan diminta hadir di acara deklarasi, katanya wajib absen.',
  'Lapangan penuh sekali hari ini, jalanan macet sampai ke pasar.',
  'Jangan lupa datang ke TPS tanggal 14, bawa KTP dan undangan.',
  'Foto bersama bapak kepala dinas di posko pemenangan tadi malam.',
  'Warga RT 05 sudah menerima paket sembako dari tim sukses, terima kasih banyak.',
  'Pendidikan maju kalau pemimpinnya peduli guru honorer.',
];
export const REPLIES = [
  'Siap hadir bu, sekalian bawa spanduk.',
  'Mantap, lanjutkan!',
  'Kumpul jam 7 di balai desa ya.',
  'Setuju pak, mohon disebarkan.',
  'Ini bukannya belum masa kampanye?',
  'Terima kasih infonya 🙏',
];
export const TAGS = ['Coblos02', 'PemiluDamai', 'NetralitasASN', 'SuryaMelati', 'Sukamaju2029', 'AyoMemilih'];
export const EMOJI = ['✌️', '🗳️', '🙏', '🔥', '🇮🇩'];

/** The page shell shared by the three feeds: the given scripts, no CSP so they run. */
export function pageShell(o: {
  title: string;
  css: string;
  scripts: readonly string[];
  body: string;
}): string {
  const tags = o.scripts.map((src) => `<script src="${src}"></script>`).join('');
  return `<!doctype html><html lang="id" dir="ltr"><head><meta charset="utf-8"><title>${o.title}</title>
<style>${o.css}</style>${tags}</head><body>${o.body}</body></html>`;
}
