import { isPlaceholderHref } from './collect';
import * as sel from './selectors';

// Since 2024 Facebook leaves a post's timestamp link a placeholder (`#`, `/?__cft__…#?…`) until a pointer or
// the focus reaches it, and shows the full date and time only in a hover tooltip. At click time, reveal()
// plays that hover on the timestamp links of the flagged post, waits for the href (and tooltip), notes what
// it saw, and leaves again. Nothing is clicked and focus is not moved: only events are dispatched.

/** What a timestamp link showed while hovered: its href once real, and the tooltip's text. */
export interface Revealed {
  href: string | null;
  tooltip: string | null;
}

const revealed = new WeakMap<Element, Revealed>();
const TOOLTIP = sel.any(sel.tooltip);
/** How long to wait for Facebook to fill the href; it does within a frame or two on a live page. */
export const REVEAL_WAIT_MS = 300;
const POLL_MS = 25;

/** What reveal() saw on this timestamp link, if it ran. */
export const revealedOf = (link: Element): Revealed | undefined => revealed.get(link);

type Init = MouseEventInit & FocusEventInit;

function fire(target: Element, type: string, init: Init): void {
  const view = target.ownerDocument.defaultView;
  if (!view) return;
  // PointerEvent is missing in some runtimes (older happy-dom, the CLI): a MouseEvent of that type stands in.
  const Pointer = (view as unknown as { PointerEvent?: typeof MouseEvent }).PointerEvent ?? view.MouseEvent;
  const Ctor = type.startsWith('pointer')
    ? Pointer
    : type.startsWith('mouse')
      ? view.MouseEvent
      : view.FocusEvent;
  target.dispatchEvent(new Ctor(type, { ...init, view }));
}

const ENTER = ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'focus', 'focusin'];
const LEAVE = ['pointerout', 'pointerleave', 'mouseout', 'mouseleave', 'blur', 'focusout'];
const BUBBLES = new Set(['pointerover', 'pointerout', 'mouseover', 'mouseout', 'focusin', 'focusout']);

function tooltipsOf(doc: Document): Element[] {
  return [...doc.querySelectorAll(TOOLTIP)];
}

/** Hovers and focuses one link, waits for a real href and a tooltip, then leaves it. */
async function hover(link: Element, wait: number): Promise<void> {
  const doc = link.ownerDocument;
  const before = new Set(tooltipsOf(doc));
  const init = (type: string): Init => ({ bubbles: BUBBLES.has(type), cancelable: true, composed: true });
  for (const type of ENTER) fire(link, type, init(type));
  let href: string | null = null;
  let tooltip: string | null = null;
  const deadline = Date.now() + wait;
  for (;;) {
    const current = link.getAttribute('href');
    if (!isPlaceholderHref(current)) href = current;
    const shown = tooltipsOf(doc).find((tip) => !before.has(tip) && (tip.textContent ?? '').trim());
    if (shown) tooltip = (shown.textContent ?? '').replace(/\s+/g, ' ').trim();
    if ((href && tooltip) || Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  for (const type of LEAVE) fire(link, type, init(type));
  revealed.set(link, { href, tooltip });
}

/**
 * Hovers each of `links` in turn (the post's timestamp, or a comment's), so extract() finds the permalink and
 * time Facebook only shows on hover. Never throws; leaves the page as it found it, apart from what Facebook
 * itself keeps (a filled href).
 */
export async function revealLinks(links: readonly Element[], wait = REVEAL_WAIT_MS): Promise<void> {
  for (const link of links) {
    try {
      await hover(link, wait);
    } catch {
      // A page that throws from its own listeners must not stop the capture.
    }
  }
}
