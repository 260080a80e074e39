// Netra's elements in the page: a host in the light DOM (attributes readable by tests), its content in a
// closed shadow root (page CSS cannot style it, page scripts cannot reach into it).
import { CSS } from './styles';

/** One parsed stylesheet per document, shared by every shadow root where the browser allows it. */
const sheets = new WeakMap<Document, CSSStyleSheet | null>();

function sheetFor(doc: Document): CSSStyleSheet | null {
  if (sheets.has(doc)) return sheets.get(doc) ?? null;
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
  sheets.set(doc, sheet);
  return sheet;
}

export function shadowHost(doc: Document, tag: string): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = sheetFor(doc);
  try {
    if (sheet) {
      root.adoptedStyleSheets = [sheet];
      return { host, root };
    }
  } catch {
    // fall through to a <style> of its own
  }
  const style = doc.createElement('style');
  style.textContent = CSS;
  root.append(style);
  return { host, root };
}

/** Events that must not reach the page around a Netra element (post clicks, the site's shortcuts). */
export function isolate(host: HTMLElement, types: readonly string[]): void {
  for (const type of types) host.addEventListener(type, stopPropagation);
}

const stopPropagation = (event: Event) => event.stopPropagation();
