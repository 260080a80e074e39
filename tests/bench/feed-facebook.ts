// The synthetic Facebook-shaped feed, modelled on tests/fixtures/facebook (group-feed.html post 2 and
// hover-permalink.html, the 2025 feed DOM): one div[aria-posinset] unit per post, no role=article on it, two
// "Facebook" decoys first, the profile_name header with its h4, a placeholder timestamp link with scrambled
// letters (Facebook fills the permalink only on hover), the "Actions for this post" menu, the story_message
// text, a photo on some, the reactions toolbar, and 1–2 comments (role=article, comment_id author links, own
// menu, placeholder time link), each of which gets a button of its own. Wrapper divs as deep as React's.
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
  TINY_SVG,
  wrapper,
} from './feed-dom';

const FB = 'https://www.facebook.com';
const SVG_NS = 'http://www.w3.org/2000/svg';
const SCRAMBLE = 'qxz-k';

/** 1 or 2 comments under post `index` (its own seed, so the count is known without building the post). */
const commentsIn = (index: number): number => (random(index * 7 + 3)() < 0.5 ? 1 : 2);

function facebookCellBuilder(doc: Document): (index: number) => HTMLElement {
  const h = hyperscript(doc);
  const wrap = wrapper(h);
  const icon = () => svgIcon(doc, { 'aria-hidden': 'true' });
  // The avatar is an svg <image> inside the profile link (a picture: never taken for the timestamp link).
  const avatar = () => {
    const svg = doc.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('aria-hidden', 'true');
    const image = doc.createElementNS(SVG_NS, 'image');
    image.setAttribute('href', TINY_SVG);
    svg.append(image);
    return svg;
  };
  const cft = (index: number) => `__cft__[0]=AZWbench${index.toString(36)}`;
  // Member, vanity and numeric profile links, as a group feed mixes them.
  const profileHref = (rnd: () => number, handle: string, n: number) => {
    const kind = rnd();
    if (kind < 0.3) return `${FB}/groups/1234567890123456/user/1000890000${String(n).padStart(5, '0')}/`;
    if (kind < 0.5) return `${FB}/profile.php?id=1000890000${String(n).padStart(5, '0')}`;
    return `${FB}/${handle.replace(/_/g, '.')}`;
  };
  const join = (href: string, query: string) => `${href}${href.includes('?') ? '&' : '?'}${query}`;
  // "3 j" with hidden letters between the visible ones, as Facebook scrambles its timestamps.
  const scrambled = (rnd: () => number, text: string): HTMLElement =>
    h(
      'span',
      null,
      h(
        'b',
        null,
        ...[...text].flatMap((letter) => [
          h('b', { style: 'display:none' }, pick(rnd, [...SCRAMBLE])),
          h('b', null, letter),
        ]),
      ),
    );
  const decoy = () =>
    h(
      'div',
      null,
      h('blockquote', null, h('span', { dir: 'auto' }, h('span', null, 'Facebook'))),
      h('div', { role: 'button', tabindex: '-1', 'aria-hidden': 'true' }),
    );
  const actionButton = (label: string) =>
    h(
      'div',
      { class: 'act' },
      h(
        'div',
        { role: 'button', 'aria-label': label, tabindex: '0' },
        wrap(3, h('span', null, icon())),
        h('span', { dir: 'auto' }, label),
      ),
    );
  const message = (rnd: () => number, id: string): HTMLElement => {
    const first: Child[] = [pick(rnd, SENTENCES)];
    if (rnd() < 0.5) first.push(' ', h('img', { alt: pick(rnd, EMOJI), src: TINY_SVG, class: 'emoji' }));
    const paragraphs = [h('div', { dir: 'auto' }, ...first)];
    if (rnd() < 0.6) {
      const tag = pick(rnd, TAGS);
      const second: Child[] = [
        `${pick(rnd, SENTENCES)} `,
        h(
          'a',
          { role: 'link', tabindex: '0', href: `${FB}/hashtag/${tag.toLowerCase()}?__eep__=6` },
          `#${tag}`,
        ),
      ];
      if (rnd() < 0.4) second.push('…', h('div', { role: 'button', tabindex: '0' }, 'Lihat selengkapnya'));
      paragraphs.push(h('div', { dir: 'auto' }, ...second));
    }
    return h(
      'div',
      { dir: 'auto' },
      h(
        'div',
        { 'data-ad-rendering-role': 'story_message' },
        h(
          'div',
          { 'data-ad-comet-preview': 'message', 'data-ad-preview': 'message', id },
          h('div', null, ...paragraphs),
        ),
      ),
    );
  };
  const comment = (rnd: () => number, index: number, postId: string, n: number): HTMLElement => {
    const [name, handle] = PEOPLE[(index + 2 * n + 1) % PEOPLE.length]!;
    const commentId = `72000000${String(index * 10 + n).padStart(8, '0')}`;
    const token = encodeURIComponent(btoa(`comment:${postId}_${commentId}`));
    const href = join(profileHref(rnd, handle, index * 10 + n), `comment_id=${token}&${cft(index)}`);
    const text: Child[] = [pick(rnd, REPLIES)];
    if (rnd() < 0.3) text.push(' ', h('img', { alt: pick(rnd, EMOJI), src: TINY_SVG, class: 'emoji' }));
    return h(
      'div',
      {
        role: 'article',
        'aria-label': `Komentar dari ${name} ${n + 1} jam yang lalu`,
        tabindex: '-1',
        class: 'cmt',
      },
      h('span', null, h('a', { role: 'link', 'aria-hidden': 'true', tabindex: '-1', href }, icon())),
      h(
        'div',
        { class: 'cbody' },
        wrap(
          4,
          h(
            'div',
            { class: 'bubble' },
            h(
              'span',
              null,
              h(
                'a',
                { role: 'link', tabindex: '0', href },
                h('span', null, h('span', { dir: 'auto' }, name)),
              ),
            ),
            h('div', null, h('span', { dir: 'auto' }, h('div', { dir: 'auto' }, ...text))),
          ),
        ),
        h(
          'div',
          { 'aria-hidden': 'false' },
          h(
            'div',
            {
              role: 'button',
              'aria-label': 'Hapus, sembunyikan, atau laporkan ini',
              'aria-haspopup': 'menu',
              tabindex: '0',
            },
            h('i'),
          ),
        ),
      ),
      h(
        'ul',
        { 'aria-hidden': 'false' },
        h('li', null, wrap(2, h('div', { role: 'button', tabindex: '0' }, 'Suka'))),
        h('li', null, wrap(2, h('div', { role: 'button', tabindex: '0' }, 'Balas'))),
        h(
          'li',
          null,
          h('a', { role: 'link', tabindex: '0', href: `${FB}/#` }, h('span', null, `${n + 1} j`)),
        ),
      ),
    );
  };

  return (index) => {
    const rnd = random(index + 1);
    const [name, handle] = pick(rnd, PEOPLE);
    const postId = `71000000${String(index + 1).padStart(8, '0')}`;
    const profile = join(profileHref(rnd, handle, index), cft(index));
    const ids = [`«Rb${index}a»`, `«Rb${index}b»`, `«Rb${index}c»`];
    const header = h(
      'div',
      { class: 'hdr' },
      wrap(
        2,
        h(
          'div',
          { class: 'who' },
          h('a', { role: 'link', 'aria-label': name, tabindex: '0', href: profile, class: 'av' }, avatar()),
          h(
            'div',
            { class: 'names' },
            h(
              'span',
              { dir: 'ltr' },
              h(
                'div',
                { 'data-ad-rendering-role': 'profile_name' },
                h(
                  'h4',
                  { id: ids[0]! },
                  h(
                    'span',
                    null,
                    h(
                      'a',
                      { role: 'link', tabindex: '0', href: profile },
                      h('strong', null, h('span', null, name)),
                    ),
                  ),
                ),
              ),
            ),
            h(
              'span',
              { dir: 'ltr' },
              h(
                'div',
                { id: ids[1]! },
                h(
                  'a',
                  { role: 'link', tabindex: '0', href: `${FB}/?${cft(index)}#?${index.toString(36)}` },
                  scrambled(rnd, `${1 + (index % 23)} j`),
                ),
                h('span', { 'aria-hidden': 'true' }, ' · '),
                h('span', null, icon()),
              ),
            ),
          ),
        ),
      ),
      h(
        'div',
        { class: 'menu' },
        h(
          'div',
          {
            role: 'button',
            'aria-label': 'Tindakan untuk postingan ini',
            'aria-haspopup': 'menu',
            'aria-expanded': 'false',
            tabindex: '0',
          },
          icon(),
        ),
      ),
    );
    const body: Child[] = [decoy(), decoy(), wrap(4, header), wrap(7, message(rnd, ids[2]!))];
    if (rnd() < 0.35) {
      const photo = h(
        'a',
        { role: 'link', tabindex: '0', href: `${FB}/photo/?fbid=73${postId.slice(2)}&set=pcb.${postId}` },
        h('img', { ...imageAttrs(rnd, 'Mungkin gambar kerumunan', 16), class: 'photo' }),
      );
      body.push(wrap(3, photo));
    }
    const count = String(2 + Math.floor(rnd() * 300));
    const comments = Array.from({ length: commentsIn(index) }, (_, n) =>
      wrap(6, comment(rnd, index, postId, n)),
    );
    const footer = h(
      'div',
      { 'data-visualcompletion': 'ignore-dynamic' },
      wrap(
        3,
        h(
          'div',
          { class: 'counts' },
          h(
            'span',
            { role: 'toolbar', 'aria-label': 'Lihat siapa yang menanggapi ini' },
            h(
              'div',
              { role: 'button', 'aria-label': `Suka: ${count} orang`, tabindex: '0' },
              h('img', { role: 'presentation', src: TINY_SVG, class: 'emoji' }),
            ),
            h(
              'div',
              { role: 'button', 'aria-label': 'Super: 3 orang', tabindex: '0' },
              h('img', { role: 'presentation', src: TINY_SVG, class: 'emoji' }),
            ),
          ),
          h('span', null, count),
          h(
            'div',
            { role: 'button', tabindex: '0' },
            h('span', { dir: 'auto' }, `${comments.length} komentar`),
          ),
        ),
      ),
      wrap(
        3,
        h(
          'div',
          { class: 'acts' },
          actionButton('Suka'),
          actionButton('Beri komentar'),
          actionButton('Kirim'),
        ),
      ),
      h('div', { class: 'cmts' }, ...comments),
      wrap(
        3,
        h(
          'form',
          { role: 'presentation' },
          h(
            'div',
            { role: 'textbox', 'aria-label': 'Tulis komentar…', tabindex: '0' },
            h('p', null, h('br')),
          ),
        ),
      ),
    );
    body.push(wrap(4, footer));
    const unit = h(
      'div',
      {
        'aria-posinset': String(index + 1),
        'aria-labelledby': ids[0]!,
        'aria-describedby': `${ids[1]} ${ids[2]}`,
        class: 'unit',
      },
      h('div', null, h('div', null, ...body)),
    );
    return wrap(4, unit);
  };
}

const CSS = `
*{box-sizing:border-box}body{margin:0;font:15px/20px system-ui,sans-serif;color:#050505;background:#f0f2f5}
a{color:inherit;text-decoration:none}svg{width:16px;height:16px}h4{margin:0;font-size:15px}
main{width:680px;margin:0 auto}.unit{background:#fff;border-radius:8px;margin:16px 0;padding:12px 16px}
blockquote{display:none}.hdr{display:flex;justify-content:space-between;align-items:center}
.who{display:flex;gap:8px;align-items:center}.av svg{width:40px;height:40px;border-radius:50%;background:#ccd}
.menu{display:flex;align-items:center}[data-ad-rendering-role="story_message"]{margin:8px 0}
.photo{width:100%;height:240px;display:block;background:#dde}.emoji{width:16px;height:16px}
.counts,.acts{display:flex;gap:8px;align-items:center;border-bottom:1px solid #ced0d4;padding:6px 0}
.act{flex:1;text-align:center}.cmt{display:flex;gap:6px;margin-top:8px}.cmt ul{display:flex;gap:8px;
list-style:none;margin:0;padding:0;font-size:12px}.cbody{display:flex;align-items:center;gap:4px}
.bubble{background:#f0f2f5;border-radius:18px;padding:8px 12px}form{margin-top:8px}
[role="textbox"]{background:#f0f2f5;border-radius:18px;padding:8px 12px}[role="textbox"] p{margin:0}
`;

export const facebookFeed: FeedShape = {
  id: 'facebook',
  label: 'Facebook',
  host: 'www.facebook.com',
  path: '/',
  manifestMatch: '*://www.facebook.com/*',
  post: 'div[aria-posinset]',
  comment: 'div[aria-posinset] [role="article"]',
  cellBuilder: facebookCellBuilder,
  itemsIn: (index) => 1 + commentsIn(index),
  pageHtml: (scripts) =>
    pageShell({
      title: 'Facebook',
      css: CSS,
      scripts,
      body: '<main role="main"><h1>Beranda</h1><div role="feed" id="timeline"></div></main>',
    }),
};
