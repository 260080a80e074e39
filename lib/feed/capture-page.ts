// The content script's half of a screenshot: measure the post right before the shot, scroll it into
// view (slice by slice when it is taller than the window), hide what must not be in the evidence, and
// put the page back as the officer left it.
import type { PrepareReply } from '../page-messages';
import type { FlagButton } from './flag-button';
import { pageFailure } from './replies';

export interface PageCapture {
  post: Element;
  button: FlagButton;
  /** Where the officer was scrolled before the capture moved the page. */
  scrolledFrom?: { x: number; y: number };
  /** Netra's own UI, and fixed or sticky bars while slices are taken: hidden, to be shown again. */
  hidden: HTMLElement[];
  /** Netra's markers, taken out of the layout so the post is pictured as the site shows it. */
  collapsed: HTMLElement[];
}

function measure(win: Window, post: Element): PrepareReply {
  const rect = post.getBoundingClientRect();
  return {
    ok: true,
    prepared: {
      rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      viewport: { width: win.innerWidth, height: win.innerHeight },
      scroll: { x: win.scrollX, y: win.scrollY },
      devicePixelRatio: win.devicePixelRatio || 1,
    },
  };
}

export async function preparePost(win: Window, capture: PageCapture): Promise<PrepareReply> {
  if (!capture.post.isConnected) return pageFailure('post-gone', 'feed_error_post_gone');
  // captureVisibleTab shows whatever tab is in front: never file a picture of another page.
  if (win.document.visibilityState !== 'visible')
    return pageFailure('tab-not-visible', 'feed_error_tab_hidden');
  hideOwnUi(win.document, capture);
  const rect = capture.post.getBoundingClientRect();
  const tall = rect.height > win.innerHeight;
  if (rect.top < 0 || rect.bottom > win.innerHeight) {
    capture.scrolledFrom ??= { x: win.scrollX, y: win.scrollY };
    capture.post.scrollIntoView({ block: tall ? 'start' : 'nearest', behavior: 'instant' });
  }
  await painted(win);
  // A tall post starts at the window's top, under the site's sticky bar: hide the bar.
  if (tall) {
    hideOverlays(win, capture);
    await painted(win);
  }
  return measure(win, capture.post);
}

/** Scrolls so that the post's `offset` (CSS px below its top) sits at the top of the window. */
export async function scrollPost(win: Window, capture: PageCapture, offset: number): Promise<PrepareReply> {
  if (!capture.post.isConnected) return pageFailure('post-gone', 'feed_error_post_gone');
  capture.scrolledFrom ??= { x: win.scrollX, y: win.scrollY };
  const top = capture.post.getBoundingClientRect().top + win.scrollY + offset;
  win.scrollTo({ left: win.scrollX, top, behavior: 'instant' });
  await painted(win);
  hideOverlays(win, capture);
  await painted(win);
  return measure(win, capture.post);
}

export function finishPost(win: Window, capture: PageCapture): void {
  for (const el of capture.hidden.splice(0)) el.style.visibility = '';
  for (const el of capture.collapsed.splice(0)) el.style.removeProperty('display');
  if (capture.scrolledFrom) {
    win.scrollTo({ left: capture.scrolledFrom.x, top: capture.scrolledFrom.y, behavior: 'instant' });
    capture.scrolledFrom = undefined;
  }
}

/** Our button and markers, an open panel and toasts must not be in the evidence. */
function hideOwnUi(doc: Document, capture: PageCapture): void {
  // A marker is a line of its own: hiding it would leave a gap in the picture, so it leaves the layout.
  for (const marker of capture.post.querySelectorAll<HTMLElement>('netra-marker')) {
    if (marker.style.display === 'none') continue;
    marker.style.display = 'none';
    capture.collapsed.push(marker);
  }
  const own = [capture.button.host, ...doc.querySelectorAll<HTMLElement>('netra-panel, netra-toast')];
  for (const el of own) {
    if (el.style.visibility === 'hidden') continue;
    el.style.visibility = 'hidden';
    capture.hidden.push(el);
  }
}

/** Sticky headers (X's top bar) would cover every slice after the first: hide what lies over the post. */
function hideOverlays(win: Window, capture: PageCapture): void {
  const rect = capture.post.getBoundingClientRect();
  const x = Math.min(Math.max(rect.left + rect.width / 2, 0), win.innerWidth - 1);
  for (const y of [2, 30, 60]) {
    const top = win.document.elementFromPoint(x, y);
    if (!top || capture.post.contains(top) || top.contains(capture.post)) continue;
    for (let el: Element | null = top; el && el !== win.document.body; el = el.parentElement) {
      const position = win.getComputedStyle(el).position;
      if (position === 'fixed' || position === 'sticky') {
        (el as HTMLElement).style.visibility = 'hidden';
        capture.hidden.push(el as HTMLElement);
        break;
      }
    }
  }
}

/** Resolves once the current state is on screen (two frames), or soon anyway in a hidden tab. */
function painted(win: Window): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    win.requestAnimationFrame(() =>
      win.requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}
