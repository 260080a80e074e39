// The synthetic Instagram-shaped feed, modelled on tests/fixtures/instagram/feed-home.html (the 2024-01 and
// 2025-04 home feed DOM): one <article> per post. Its header row (a div: feed articles have no <header>
// element) holds the avatar, the author link, the /p/CODE/ link around time[datetime] and the "Opsi lainnya"
// (…) button; then the media box (one photo, or a carousel), the action and liked-by sections, the caption with
// the author's link, "Lihat semua N komentar", a few comment preview rows (the commenter's name and text, no
// time and no link of their own: not comments, so no button), and the comment form. Hrefs mix absolute and
// relative, as the saved pages do.
import {
  type Child,
  EMOJI,
  type FeedShape,
  hyperscript,
  imageAttrs,
  PEOPLE,
  pageShell,
  pick,
  REPLIES,
  random,
  SENTENCES,
  svgIcon,
  TAGS,
  wrapper,
} from './feed-dom';

const IG = 'https://www.instagram.com';

function instagramCellBuilder(doc: Document): (index: number) => HTMLElement {
  const h = hyperscript(doc);
  const wrap = wrapper(h);
  const icon = (label: string) => svgIcon(doc, { 'aria-label': label, role: 'img' });
  const iconButton = (label: string) =>
    h('span', null, h('div', { role: 'button', tabindex: '0' }, h('span', null, icon(label))));
  const profile = (rnd: () => number, handle: string) => (rnd() < 0.5 ? `/${handle}/` : `${IG}/${handle}/`);
  const link = (href: string, ...children: Child[]) =>
    h('a', { role: 'link', href, tabindex: '0' }, ...children);
  const photo = (rnd: () => number, alt: string) => h('img', { ...imageAttrs(rnd, alt, 16), class: 'photo' });

  return (index) => {
    const rnd = random(index + 1);
    const [name, handle] = pick(rnd, PEOPLE);
    const code = `Bn${index.toString(36).padStart(9, '0')}`;
    const posted = new Date(Date.UTC(2029, 0, 14, 1, 0, 0) - index * 61_000);
    const authorHref = profile(rnd, handle);
    const headerLine: Child[] = [
      h(
        'span',
        { dir: 'auto' },
        h('span', null, h('span', null, link(authorHref, h('span', { dir: 'auto' }, handle)))),
      ),
      h('span', null, h('span', { dir: 'auto' }, '•')),
      link(
        `/p/${code}/`,
        h(
          'span',
          { dir: 'auto' },
          h('time', { datetime: posted.toISOString(), title: '14 Jan 2029' }, '2 j'),
        ),
      ),
    ];
    if (rnd() < 0.2) {
      headerLine.push(
        h('span', null, h('span', { dir: 'auto' }, '•')),
        h('div', { role: 'button', tabindex: '0' }, 'Ikuti'),
      );
    }
    const header = wrap(
      3,
      h(
        'div',
        { class: 'hdr' },
        h(
          'div',
          { class: 'av' },
          h('span', { role: 'link', tabindex: '-1' }, h('img', imageAttrs(rnd, `Foto profil ${handle}`, 4))),
        ),
        h('div', { class: 'who' }, ...headerLine),
        h('div', { role: 'button', tabindex: '0' }, icon('Opsi lainnya')),
      ),
    );
    const alt = `Foto oleh ${name} pada 14 Januari 2029`;
    const media =
      rnd() < 0.25
        ? h(
            'div',
            { role: 'button', 'aria-hidden': 'true', tabindex: '0' },
            h(
              'div',
              { role: 'presentation' },
              h(
                'ul',
                null,
                h('li'),
                h('li', { tabindex: '-1' }, h('div', { role: 'button', tabindex: '-1' }, photo(rnd, alt))),
                h('li', { tabindex: '-1' }, photo(rnd, '')),
              ),
            ),
            h('button', { 'aria-label': 'Berikutnya', tabindex: '-1' }),
          )
        : h('div', { role: 'button', 'aria-hidden': 'true', tabindex: '0' }, wrap(5, photo(rnd, alt)));
    const likes = String(3 + Math.floor(rnd() * 2000));
    const [, liker] = pick(rnd, PEOPLE);
    const liked =
      rnd() < 0.5
        ? h(
            'span',
            { dir: 'auto' },
            link(`/p/${code}/liked_by/`, h('span', null, h('span', null, likes), ' suka')),
          )
        : h(
            'span',
            { dir: 'auto' },
            'Disukai oleh ',
            link(profile(rnd, liker), h('span', null, liker)),
            ' dan ',
            link(`/p/${code}/liked_by/`, h('span', null, 'lainnya')),
          );
    const captionText: Child[] = [pick(rnd, SENTENCES), ' '];
    for (let n = 1 + Math.floor(rnd() * 2); n > 0; n--) {
      const tag = pick(rnd, TAGS);
      captionText.push(link(`/explore/tags/${tag.toLowerCase()}/`, `#${tag}`), ' ');
    }
    if (rnd() < 0.4) captionText.push(pick(rnd, EMOJI));
    const caption = h(
      'div',
      { class: 'caption' },
      h('div', null, h('span', null, h('div', null, link(authorHref, handle)))),
      ' ',
      h(
        'span',
        { dir: 'auto' },
        h('span', { dir: 'auto' }, ...captionText),
        ...(rnd() < 0.4
          ? [
              h(
                'span',
                null,
                '...\u00a0',
                h('div', { role: 'button', tabindex: '0' }, h('span', { dir: 'auto' }, 'selengkapnya')),
              ),
            ]
          : []),
      ),
    );
    const commentCount = 1 + Math.floor(rnd() * 40);
    const previews = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, n) => {
      const [, commenter] = PEOPLE[(index + n + 1) % PEOPLE.length]!;
      return h(
        'li',
        null,
        wrap(2, link(profile(rnd, commenter), h('span', { dir: 'auto' }, commenter))),
        wrap(2, h('span', { dir: 'auto' }, h('span', { dir: 'auto' }, pick(rnd, REPLIES)))),
        wrap(2, iconButton('Suka')),
      );
    });
    const footer = h(
      'div',
      { class: 'foot' },
      h(
        'section',
        { class: 'acts' },
        iconButton('Suka'),
        iconButton('Komentari'),
        h('button', { type: 'button' }, icon('Bagikan Postingan')),
        iconButton('Simpan'),
      ),
      h('section', null, wrap(2, liked)),
      wrap(2, caption),
      h(
        'div',
        null,
        h(
          'div',
          null,
          link(
            `/p/${code}/comments/`,
            h('span', { dir: 'auto' }, 'Lihat semua ', h('span', null, String(commentCount)), ' komentar'),
          ),
        ),
      ),
      h('ul', { class: 'previews' }, ...previews),
      h(
        'section',
        null,
        h(
          'div',
          null,
          h(
            'form',
            { method: 'POST' },
            h('textarea', { 'aria-label': 'Tambahkan komentar…', placeholder: 'Tambahkan komentar…' }),
          ),
        ),
      ),
    );
    return wrap(3, h('article', null, header, media, footer));
  };
}

const CSS = `
*{box-sizing:border-box}body{margin:0;font:14px/18px system-ui,sans-serif;color:#000}
a{color:inherit;text-decoration:none}button{font:inherit;background:none;border:0;padding:0}
main{width:470px;margin:0 auto}article{border-bottom:1px solid #dbdbdb;padding-bottom:16px;margin-bottom:12px}
.hdr{display:flex;align-items:center;gap:8px;padding:8px 0}.av img{width:32px;height:32px;border-radius:50%;display:block}
.who{flex:1;display:flex;gap:4px;align-items:center}svg{width:24px;height:24px}
.photo{width:100%;height:300px;display:block;background:#eee}ul{list-style:none;margin:0;padding:0}
[role="presentation"] li:first-child{display:none}[role="presentation"] li+li+li{display:none}
.acts{display:flex;gap:12px;padding:6px 0}.caption div{display:inline}.caption{margin:4px 0}
.previews li{display:flex;gap:4px;align-items:center}textarea{width:100%;border:0;resize:none;height:18px}
`;

export const instagramFeed: FeedShape = {
  id: 'instagram',
  label: 'Instagram',
  host: 'www.instagram.com',
  path: '/',
  manifestMatch: '*://www.instagram.com/*',
  post: 'article',
  comment: null,
  cellBuilder: instagramCellBuilder,
  itemsIn: () => 1,
  pageHtml: (scripts) =>
    pageShell({
      title: 'Instagram',
      css: CSS,
      scripts,
      body: '<div id="mount"><div><main role="main"><div><div id="timeline"></div></div></main></div></div>',
    }),
};
