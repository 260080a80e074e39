// The flag button, written without a framework: it is created for every post of every feed, so it
// must cost a few DOM calls. It lives in a closed shadow root (page CSS cannot style it, page scripts
// cannot reach into it) and only trusted clicks count.
import { isolate, shadowHost } from './shadow';
import { stringsVersion, text } from './strings';

export type FlagState = 'idle' | 'saving' | 'saved' | 'partial' | 'version' | 'duplicate' | 'error';

const CHECK = 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z';
const ICONS: Record<FlagState, string> = {
  idle: 'M5 21V4h9l.4 2H20v10h-7l-.4-2H7v7z',
  saving: 'M12 4a8 8 0 1 0 8 8h-2a6 6 0 1 1-6-6z',
  saved: CHECK,
  partial: CHECK,
  version: CHECK,
  duplicate: CHECK,
  error: 'M11 15h2v2h-2zm0-8h2v6h-2zm1-5a10 10 0 1 0 0 20 10 10 0 0 0 0-20z',
};

const label = (state: FlagState) => text(`feed_flag_${state}`);

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The post around the button is itself clickable (opens the post) and the site has shortcuts. */
const STOPPED = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup'];

export interface FlagButton {
  /** The element to insert into the page; carries `data-netra-flag` and `data-state`. */
  host: HTMLElement;
  setState(state: FlagState, detail?: string): void;
  /** Gives the keyboard focus back to the button (when the inline panel closes). */
  focus(): void;
  /** Shows the current state again in the current strings (the officer's language arrived or changed). */
  relabel(): void;
}

/** The idle button, built once per document (and language) and cloned for every post: cheaper than building. */
const templates = new WeakMap<Document, { button: HTMLButtonElement; version: number }>();

function templateFor(doc: Document): HTMLButtonElement {
  const found = templates.get(doc);
  if (found && found.version === stringsVersion()) return found.button;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'flag';
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICONS.idle);
  svg.append(path);
  const span = doc.createElement('span');
  span.className = 'text';
  span.textContent = label('idle');
  button.append(svg, span);
  button.setAttribute('aria-label', label('idle'));
  button.title = label('idle');
  templates.set(doc, { button, version: stringsVersion() });
  return button;
}

export function createFlagButton(doc: Document, onActivate: () => void): FlagButton {
  const { host, root } = shadowHost(doc, 'netra-flag');
  host.setAttribute('data-netra-flag', '');
  host.dataset.state = 'idle';
  const button = templateFor(doc).cloneNode(true) as HTMLButtonElement;
  root.append(button);

  let current: [FlagState, string | undefined] = ['idle', undefined];
  const setState = (state: FlagState, detail?: string) => {
    current = [state, detail];
    const shown = detail ? `${label(state)}: ${detail}` : label(state);
    host.dataset.state = state;
    button.querySelector('path')?.setAttribute('d', ICONS[state]);
    const span = button.querySelector('.text');
    if (span) span.textContent = label(state);
    button.setAttribute(
      'aria-label',
      state === 'idle' ? shown : text('feed_flag_detail', label('idle'), shown),
    );
    button.title = shown;
    button.setAttribute('aria-busy', String(state === 'saving'));
  };

  button.addEventListener('click', (event) => {
    event.preventDefault();
    // Synthetic clicks from page scripts must never create evidence.
    if (!event.isTrusted || host.dataset.state === 'saving') return;
    onActivate();
  });
  isolate(host, STOPPED);
  return { host, setState, focus: () => button.focus(), relabel: () => setState(...current) };
}
