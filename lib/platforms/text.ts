// Text as the officer saw it, shared by every adapter, without innerText: innerText needs layout (slow in
// a live feed, absent in happy-dom and the CLI) and would turn X's inline-flex mention <div>s into line
// breaks.

const SKIPPED = new Set(['script', 'style', 'svg', 'template', 'noscript', 'button']);
const ELEMENT = 1;
const TEXT = 3;
// X's live DOM keeps every space inside a span; a blank line-broken text node BETWEEN elements only exists
// in pretty-printed saves (thread-brocc puts one after each mention), where it is indentation, not text.
const FORMATTING = /^\s*\n\s*$/;

function collect(node: Node, out: string[], skip: ((el: Element) => boolean) | undefined): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT) {
      const value = child.nodeValue ?? '';
      if (!FORMATTING.test(value) || (node as Partial<Element>).childElementCount === 0) out.push(value);
      continue;
    }
    if (child.nodeType !== ELEMENT) continue;
    const el = child as Element;
    const tag = el.localName;
    if (SKIPPED.has(tag) || skip?.(el)) continue;
    if (tag === 'br') out.push('\n');
    // Emoji are <img alt="😀">; avatars and photos have empty or generic alts and do not sit in text.
    else if (tag === 'img') out.push(el.getAttribute('alt') ?? '');
    else collect(el, out, skip);
  }
}

/**
 * Collapses whitespace but keeps the author's line breaks. A newline followed by indentation (two or more
 * spaces or a tab) is source formatting from a pretty-printed save, not a line break: it becomes a space.
 */
export function normalizeText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]*\n(?:[ \t\u00a0]{2,}|\t)/g, ' ')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The normalised text of `root`: text nodes, emoji alts and <br>s, skipping buttons, icons and `skip`. */
export function readText(root: Element, skip?: (el: Element) => boolean): string {
  const out: string[] = [];
  collect(root, out, skip);
  return normalizeText(out.join(''));
}
