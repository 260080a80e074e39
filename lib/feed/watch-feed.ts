import type { PlatformAdapter } from '../platforms/adapter';

export interface FeedOptions {
  doc: Document;
  adapter: PlatformAdapter;
  /** Called once per post element that appears; must be cheap and must not throw. */
  onPost(post: Element): void;
  signal: AbortSignal;
  /** Schedules a batch (default: next animation frame, or a timeout when the tab is hidden). */
  schedule?: (run: () => void) => void;
}

/** Netra's own elements (netra-flag, netra-marker, netra-panel, netra-toast): never scanned for posts. */
const isOwn = (node: Node): node is Element =>
  node.nodeType === 1 && (node as Element).localName.startsWith('netra-');
/** The ones that belong to a post: when the site drops one, the post is handled again. */
const POST_PARTS = ['netra-flag', 'netra-marker'];

function nextFrame(doc: Document): (run: () => void) => void {
  const view = doc.defaultView;
  return (run) => {
    // Once per frame, before it renders (the buttons are laid out with the frame that shows the posts);
    // rAF does not fire in hidden tabs, so a timeout keeps posts loaded in the background handled.
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      run();
    };
    view?.requestAnimationFrame?.(once);
    setTimeout(once, 100);
  };
}

/**
 * One MutationObserver per tab. Added subtrees are collected and scanned at most once per frame;
 * a WeakSet remembers posts already handled, so nothing is rescanned or injected twice. When the
 * site's own rendering removes our button or marker from a post still on screen, the post is handled
 * again (`onPost` must then add only what is missing).
 */
export function watchFeed({ doc, adapter, onPost, signal, schedule = nextFrame(doc) }: FeedOptions): {
  /** Looks at the whole document once, e.g. after in-page navigation. */
  rescan(): void;
} {
  const handled = new WeakSet<Element>();
  const pending = new Set<Element>();
  let scheduled = false;

  const handle = (post: Element) => {
    if (handled.has(post)) return;
    handled.add(post);
    try {
      onPost(post);
    } catch {
      // Never throw into the page; the post simply gets no button.
    }
  };

  const scan = (root: ParentNode) => {
    for (const post of adapter.findPosts(root)) handle(post);
  };

  const flush = () => {
    scheduled = false;
    if (signal.aborted) return;
    for (const node of pending) {
      // Scan each added subtree once: skip nodes whose added ancestor is scanned anyway.
      let covered = false;
      for (let p = node.parentElement; p; p = p.parentElement) {
        if (pending.has(p)) {
          covered = true;
          break;
        }
      }
      if (!covered && node.isConnected) scan(node);
    }
    pending.clear();
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === 1 && !isOwn(node)) pending.add(node as Element);
      }
      for (const node of record.removedNodes) {
        // The site re-rendered a post and dropped our button or marker: hand the post back.
        if (isOwn(node) && POST_PARTS.includes(node.localName)) {
          let post: Element | null = record.target as Element;
          while (post && !handled.has(post)) post = post.parentElement;
          if (post?.isConnected && !post.querySelector(node.localName)) {
            handled.delete(post);
            pending.add(post);
          }
        }
      }
    }
    if (pending.size > 0 && !scheduled) {
      scheduled = true;
      schedule(flush);
    }
  });

  scan(doc);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  return { rescan: () => scan(doc) };
}
