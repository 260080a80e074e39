// The synthetic X-shaped feed. Cells are built with DOM calls, as X's React renders them: deep single-child
// wrapper divs around data-testid hooks, about as many elements per post as the saved pages in
// ../shared/fixtures/x (150–250 per tweet).
import {
  type Child,
  EMOJI,
  type FeedShape,
  hyperscript,
  imageAttrs,
  PEOPLE,
  pageShell,
  pick,
  random,
  SENTENCES,
  svgIcon,
  TAGS,
  TINY_SVG,
  wrapper,
} from './feed-dom';

/** Returns a function that builds the (detached) cellInnerDiv of post number `index`. */
function xCellBuilder(doc: Document): (index: number) => HTMLElement {
  const h = hyperscript(doc);
  // X wraps nearly everything in layers of anonymous divs.
  const wrap = wrapper(h);
  const icon = (testid?: string): Element => svgIcon(doc, testid ? { 'data-testid': testid } : {});
  const iconButton = (attrs: Record<string, string>, count?: string): HTMLElement =>
    h(
      'div',
      null,
      h(
        'button',
        { role: 'button', type: 'button', ...attrs },
        h('div', { dir: 'ltr' }, h('div', null, h('div', null), icon())),
        ...(count === undefined
          ? []
          : [
              h(
                'div',
                null,
                h(
                  'span',
                  { 'data-testid': 'app-text-transition-container' },
                  h('span', null, h('span', null, count)),
                ),
              ),
            ]),
      ),
    );
  const image = (rnd: () => number, alt: string, width: number): HTMLElement => {
    const { src, ...rest } = imageAttrs(rnd, alt, width);
    return h('img', { ...rest, draggable: 'true', ...(src ? { src } : {}) });
  };
  const userName = (name: string, handle: string, time: HTMLElement | null, verified: boolean): HTMLElement =>
    h(
      'div',
      { 'data-testid': 'User-Name' },
      h(
        'div',
        null,
        h(
          'div',
          null,
          h(
            'a',
            { href: `/${handle}`, role: 'link' },
            h(
              'div',
              null,
              h('div', { dir: 'ltr' }, h('span', null, h('span', null, name))),
              ...(verified ? [h('div', { dir: 'ltr' }, h('span', null, icon('icon-verified')))] : []),
            ),
          ),
        ),
      ),
      h(
        'div',
        null,
        h(
          'div',
          null,
          h(
            'div',
            null,
            h(
              'a',
              { href: `/${handle}`, role: 'link', tabindex: '-1' },
              h('div', { dir: 'ltr' }, h('span', null, `@${handle}`)),
            ),
          ),
          h('div', { dir: 'ltr', 'aria-hidden': 'true' }, h('span', null, '·')),
          ...(time ? [h('div', null, time)] : []),
        ),
      ),
    );
  const tweetText = (rnd: () => number): HTMLElement => {
    const parts: Child[] = [h('span', null, pick(rnd, SENTENCES))];
    if (rnd() < 0.5) parts.push(h('img', { alt: pick(rnd, EMOJI), src: TINY_SVG }));
    if (rnd() < 0.4) {
      const [, other] = pick(rnd, PEOPLE);
      parts.push(
        h('span', null, ' cc '),
        h('div', null, h('span', null, h('a', { href: `/${other}`, role: 'link' }, `@${other}`))),
      );
    }
    for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) {
      const tag = pick(rnd, TAGS);
      parts.push(
        h('span', null, ' '),
        h('span', null, h('a', { href: `/hashtag/${tag}?src=hashtag_click`, role: 'link' }, `#${tag}`)),
      );
    }
    if (rnd() < 0.3) {
      parts.push(
        h('span', null, ' '),
        h(
          'a',
          { href: 'https://t.co/Contoh01', dir: 'ltr', role: 'link' },
          h('span', { 'aria-hidden': 'true' }, 'https://'),
          'contoh.go.id/jadwal',
        ),
      );
    }
    return h('div', { dir: 'auto', lang: 'in', 'data-testid': 'tweetText' }, ...parts);
  };
  const quote = (rnd: () => number, index: number): HTMLElement => {
    const [name, handle] = PEOPLE[(index + 3) % PEOPLE.length]!;
    const time = h('time', { datetime: '2029-01-10T03:15:00.000Z' }, '10 Jan');
    return h(
      'div',
      null,
      h(
        'div',
        { role: 'link', tabindex: '0' },
        wrap(2, userName(name, handle, time, false)),
        h('div', null, tweetText(rnd)),
      ),
    );
  };

  return (index) => {
    const rnd = random(index + 1);
    const [name, handle] = pick(rnd, PEOPLE);
    const id = `19${String(index + 1).padStart(17, '0')}`;
    const datetime = new Date(Date.UTC(2029, 0, 14, 1, 0, 0) - index * 61_000).toISOString();
    const time = h(
      'a',
      { href: `/${handle}/status/${id}`, dir: 'ltr', role: 'link', 'aria-label': '2 jam yang lalu' },
      h('time', { datetime }, '2j'),
    );
    const context: Child[] = [];
    if (rnd() < 0.15) {
      const [byName, byHandle] = PEOPLE[(index + 5) % PEOPLE.length]!;
      context.push(
        h(
          'a',
          { href: `/${byHandle}`, role: 'link' },
          h('span', { 'data-testid': 'socialContext' }, h('span', null, byName), ' memposting ulang'),
        ),
      );
    }
    const avatar = h(
      'div',
      { 'data-testid': 'Tweet-User-Avatar' },
      wrap(
        2,
        h(
          'div',
          { 'data-testid': `UserAvatar-Container-${handle}` },
          wrap(3, h('a', { href: `/${handle}`, role: 'link', tabindex: '-1' }, wrap(2, image(rnd, '', 4)))),
        ),
      ),
    );
    // The flag button goes into the row around the caret (flex, as on X).
    const header = h(
      'div',
      { class: 'hdr' },
      wrap(4, userName(name, handle, time, rnd() < 0.3)),
      h(
        'div',
        { class: 'hdr-r' },
        h('div', null, iconButton({ 'aria-label': 'Grok' })),
        wrap(2, iconButton({ 'data-testid': 'caret', 'aria-haspopup': 'menu', 'aria-label': 'Lainnya' })),
      ),
    );
    const body: Child[] = [header, h('div', null, tweetText(rnd))];
    if (rnd() < 0.35) {
      const photo = h(
        'div',
        { 'data-testid': 'tweetPhoto', 'aria-label': 'Gambar' },
        h('div', null),
        image(rnd, 'Gambar', 16),
      );
      body.push(wrap(5, h('a', { href: `/${handle}/status/${id}/photo/1`, role: 'link' }, photo)));
    }
    if (rnd() < 0.15) body.push(quote(rnd, index));
    const counts = () => String(Math.floor(rnd() * 900));
    const actions = h(
      'div',
      { role: 'group', 'aria-label': 'Balas, repost, suka' },
      iconButton({ 'data-testid': 'reply' }, counts()),
      iconButton({ 'data-testid': 'retweet', 'aria-haspopup': 'menu' }, counts()),
      iconButton({ 'data-testid': 'like' }, counts()),
      iconButton({ 'data-testid': 'bookmark' }),
      iconButton({ 'aria-haspopup': 'menu', 'aria-label': 'Bagikan' }),
    );
    body.push(wrap(2, actions));
    const article = h(
      'article',
      { 'data-testid': 'tweet', role: 'article', tabindex: '0' },
      h(
        'div',
        null,
        h(
          'div',
          null,
          wrap(3, h('div', null, ...context)),
          h('div', { class: 'row' }, h('div', { class: 'av' }, avatar), h('div', { class: 'body' }, ...body)),
        ),
      ),
    );
    return h('div', { 'data-testid': 'cellInnerDiv' }, h('div', null, h('div', { class: 'cell' }, article)));
  };
}

const CSS = `
*{box-sizing:border-box}body{margin:0;font:15px/20px system-ui,sans-serif;color:#0f1419}
a{color:inherit;text-decoration:none}button{font:inherit;background:none;border:0;padding:0}
main{width:600px;margin:0 auto;border:1px solid #eff3f4}.cell{border-bottom:1px solid #eff3f4;padding:12px 16px}
.row{display:flex;gap:8px}.av{width:40px;flex:none}.av img{width:40px;height:40px;border-radius:50%}
.body{flex:1;min-width:0}[data-testid="User-Name"]{display:flex;gap:4px}[data-testid="User-Name"]>div>div{display:flex;gap:4px}
[data-testid="tweetPhoto"] img{width:100%;height:200px;border-radius:16px;display:block}
[role="group"]{display:flex;justify-content:space-between;max-width:425px;margin-top:12px}
[role="group"] button{display:flex;align-items:center;gap:4px}svg{width:18px;height:18px}
[role="link"][tabindex="0"]{display:block;border:1px solid #cfd9de;border-radius:16px;padding:12px;margin-top:12px}
[dir="auto"] div{display:inline}.hdr{display:flex;justify-content:space-between}.hdr-r{display:flex;align-items:center}
`;

export const xFeed: FeedShape = {
  id: 'x',
  label: 'X',
  host: 'x.com',
  path: '/home',
  manifestMatch: '*://x.com/*',
  post: 'article[data-testid="tweet"]',
  comment: null,
  cellBuilder: xCellBuilder,
  itemsIn: () => 1,
  pageHtml: (scripts) =>
    pageShell({
      title: 'Beranda / X',
      css: CSS,
      scripts,
      body: `<main><h1>Beranda</h1>
<div aria-label="Timeline: Timeline Beranda Anda"><div id="timeline"></div></div></main>`,
    }),
};
