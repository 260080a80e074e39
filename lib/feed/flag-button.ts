// The flag button, written without a framework: it is created for every post of every feed, so it
// must cost a few DOM calls. It lives in a closed shadow root (page CSS cannot style it, page scripts
// cannot reach into it) and only trusted clicks count.

export type FlagState = 'idle' | 'saving' | 'saved' | 'partial' | 'version' | 'duplicate' | 'error';

const LABELS: Record<FlagState, string> = {
  idle: 'Tandai pelanggaran',
  saving: 'Menyimpan…',
  saved: 'Tersimpan',
  partial: 'Tersimpan tanpa gambar',
  version: 'Versi baru tersimpan',
  duplicate: 'Sudah tersimpan',
  error: 'Gagal — coba lagi',
};

const ICONS: Record<FlagState, string> = {
  idle: 'M5 21V4h9l.4 2H20v10h-7l-.4-2H7v7z',
  saving: 'M12 4a8 8 0 1 0 8 8h-2a6 6 0 1 1-6-6z',
  saved: 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z',
  partial: 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z',
  version: 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z',
  duplicate: 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z',
  error: 'M11 15h2v2h-2zm0-8h2v6h-2zm1-5a10 10 0 1 0 0 20 10 10 0 0 0 0-20z',
};

const CSS = `
:host { all: initial; display: inline-flex; align-self: center; margin: 0 4px; z-index: 1; }
button {
  display: inline-flex; align-items: center; gap: 4px; height: 28px; min-width: 28px; padding: 0 6px;
  border: 1px solid #c9ced6; border-radius: 14px; background: #fff; color: #b42318; cursor: pointer;
  font: 600 12px/1 system-ui, sans-serif; white-space: nowrap;
}
button:hover { background: #fef3f2; border-color: #b42318; }
button:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
svg { width: 16px; height: 16px; fill: currentColor; flex: none; }
.text { display: none; }
:host([data-state="saving"]) button { color: #475467; cursor: progress; }
:host([data-state="saving"]) svg { animation: spin 0.8s linear infinite; }
:host([data-state="saved"]) button, :host([data-state="version"]) button, :host([data-state="duplicate"]) button {
  color: #067647; border-color: #067647; background: #ecfdf3;
}
:host([data-state="partial"]) button { color: #b54708; border-color: #b54708; background: #fffaeb; }
:host([data-state="error"]) button { color: #fff; background: #b42318; border-color: #b42318; }
:host(:not([data-state="idle"])) .text { display: inline; }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { :host([data-state="saving"]) svg { animation: none; } }
`;

const SVG_NS = 'http://www.w3.org/2000/svg';
const STOPPED = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup'];

export interface FlagButton {
  /** The element to insert into the page; carries `data-netra-flag` and `data-state`. */
  host: HTMLElement;
  setState(state: FlagState, detail?: string): void;
}

/** The post around the button is itself clickable (opens the post) and the site has shortcuts. */
const stop = (event: Event) => event.stopPropagation();

interface Parts {
  /** The idle button, built once per document and cloned for every post (cheaper than building). */
  template: HTMLButtonElement;
  /** One parsed stylesheet shared by every button's shadow root, where the browser allows it. */
  sheet: CSSStyleSheet | null;
}

const parts = new WeakMap<Document, Parts>();

function partsFor(doc: Document): Parts {
  let found = parts.get(doc);
  if (found) return found;
  const template = doc.createElement('button');
  template.type = 'button';
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICONS.idle);
  svg.append(path);
  const text = doc.createElement('span');
  text.className = 'text';
  text.textContent = LABELS.idle;
  template.append(svg, text);
  template.setAttribute('aria-label', LABELS.idle);
  template.title = LABELS.idle;
  let sheet: CSSStyleSheet | null = null;
  try {
    // Constructable sheets from a content script's world: fine in Chrome; Firefox's Xray wrappers may
    // refuse them, and then each shadow root gets its own <style>.
    const Sheet = doc.defaultView?.CSSStyleSheet;
    if (Sheet && 'adoptedStyleSheets' in ShadowRoot.prototype) {
      sheet = new Sheet();
      sheet.replaceSync(CSS);
    }
  } catch {
    sheet = null;
  }
  found = { template, sheet };
  parts.set(doc, found);
  return found;
}

function attachStyle(doc: Document, root: ShadowRoot, sheet: CSSStyleSheet | null): void {
  if (sheet) {
    try {
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // fall through to a <style> of its own
    }
  }
  const style = doc.createElement('style');
  style.textContent = CSS;
  root.append(style);
}

export function createFlagButton(doc: Document, onActivate: () => void): FlagButton {
  const { template, sheet } = partsFor(doc);
  const host = doc.createElement('netra-flag');
  host.setAttribute('data-netra-flag', '');
  host.dataset.state = 'idle';
  const root = host.attachShadow({ mode: 'closed' });
  attachStyle(doc, root, sheet);
  const button = template.cloneNode(true) as HTMLButtonElement;
  root.append(button);

  const setState = (state: FlagState, detail?: string) => {
    const path = button.querySelector('path');
    const text = button.querySelector('.text');
    host.dataset.state = state;
    path?.setAttribute('d', ICONS[state]);
    if (text) text.textContent = LABELS[state];
    const label = detail ? `${LABELS[state]}: ${detail}` : LABELS[state];
    button.setAttribute('aria-label', state === 'idle' ? label : `${LABELS.idle} — ${label}`);
    button.title = label;
    button.setAttribute('aria-busy', String(state === 'saving'));
  };

  button.addEventListener('click', (event) => {
    event.preventDefault();
    // Synthetic clicks from page scripts must never create evidence.
    if (!event.isTrusted || host.dataset.state === 'saving') return;
    onActivate();
  });
  for (const type of STOPPED) host.addEventListener(type, stop);
  return { host, setState };
}
