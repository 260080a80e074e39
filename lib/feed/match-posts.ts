// Markers: the posts the feed finds are read (adapter.extract) in idle time, a few at a time, and sent to
// the background's matcher (feed.match); each post that matched a watchlisted account or a rule gets a
// marker beside its flag button. Nothing is extracted while there is nothing to match.
//
// Markers go into the page together, not one answer at a time: a marker is a new line inside a post, so
// everything below it moves, and on a long feed the browser's next frame re-walks the whole page (on the
// bench's 1,000-post Facebook feed, ~200 ms a frame). Drawn as each answer came, that was one such frame
// per idle slice, keeping the tab busy for 25 s; now it is one when the work runs dry, and at most one a
// second while it goes on.
import { matchInputFromSnapshot } from '../config/match-input';
import type { MatchInput } from '../feed-messages';
import type { PlatformAdapter } from '../platforms/adapter';
import { createMarker } from './marker';
import { readMatchResults, type ShownMatch } from './replies';

/** What requestIdleCallback hands its callback, as far as the feed uses it. */
export type IdleDeadline = { timeRemaining(): number };
export type Idle = (work: (deadline: IdleDeadline) => void) => void;

export interface MatchPostsOptions {
  win: Window;
  adapter: PlatformAdapter;
  send(message: unknown): Promise<unknown>;
  /** Puts a marker host into the page beside the post's flag button. */
  place(post: Element, marker: HTMLElement): void;
  signal: AbortSignal;
  /** Runs work in idle time (default: requestIdleCallback, a timeout where there is none). */
  idle?: Idle;
}

/** At most this many posts per feed.match message, and this long (ms) of extraction per idle slice. */
const BATCH = 50;
const BUDGET_MS = 8;
/** While matching goes on, markers waiting are drawn at least this often (ms). */
const DRAW_EVERY_MS = 1000;

function idleOf(win: Window): Idle {
  if (typeof win.requestIdleCallback === 'function') {
    // The timeout keeps markers coming on a page that is never idle (a video playing).
    return (work) => win.requestIdleCallback(work, { timeout: 1000 });
  }
  return (work) => setTimeout(() => work({ timeRemaining: () => BUDGET_MS }), 50);
}

export function matchPosts({ win, adapter, send, place, signal, idle = idleOf(win) }: MatchPostsOptions) {
  const doc = win.document;
  let enabled = false;
  // Bumped by reset(): answers to batches sent before it are dropped.
  let generation = 0;
  let nextKey = 0;
  /** A post's match, null when it matched nothing; absent while unknown. */
  let known = new WeakMap<Element, ShownMatch | null>();
  let queued = new WeakSet<Element>();
  let queue: Element[] = [];
  let scheduled = false;
  const markers = new WeakMap<Element, HTMLElement>();
  /** Batches sent and not yet answered (of any generation). */
  let inFlight = 0;
  /** Markers to draw at the next draw(), by post. */
  let waiting = new Map<Element, ShownMatch>();
  let drawTimer: ReturnType<typeof setTimeout> | undefined;

  const draw = () => {
    clearTimeout(drawTimer);
    drawTimer = undefined;
    const now = waiting;
    waiting = new Map();
    if (signal.aborted) return;
    for (const [post, match] of now) {
      if (markers.get(post)?.isConnected || !post.isConnected) continue;
      const marker = createMarker(doc, match);
      markers.set(post, marker);
      place(post, marker);
    }
  };

  /** Draws now when nothing is left to match, else within DRAW_EVERY_MS. */
  const drawSoon = () => {
    if (waiting.size === 0) return;
    if (queue.length === 0 && inFlight === 0) draw();
    else drawTimer ??= setTimeout(draw, DRAW_EVERY_MS);
  };

  const show = (post: Element, match: ShownMatch) => {
    if (markers.get(post)?.isConnected || !post.isConnected) return;
    waiting.set(post, match);
  };
  signal.addEventListener('abort', () => clearTimeout(drawTimer));

  const ask = async (
    items: { key: string; input: MatchInput }[],
    posts: Map<string, Element>,
    sentIn: number,
  ) => {
    let raw: unknown;
    inFlight++;
    try {
      raw = await send({ type: 'feed.match', items });
    } catch {
      raw = undefined;
    } finally {
      inFlight--;
    }
    // A stale answer is dropped, but it was what kept this generation's markers waiting.
    if (sentIn !== generation || signal.aborted) return drawSoon();
    const results = readMatchResults(raw);
    for (const post of posts.values()) {
      // Unanswered: forget the post, so the next time the site renders it, it is tried again.
      if (results) known.set(post, null);
      else queued.delete(post);
    }
    for (const { key, match } of results ?? []) {
      const post = posts.get(key);
      if (!post) continue;
      known.set(post, match);
      show(post, match);
    }
    drawSoon();
  };

  const run = (deadline: IdleDeadline) => {
    scheduled = false;
    if (!enabled || signal.aborted) return;
    const until = performance.now() + Math.max(1, Math.min(BUDGET_MS, deadline.timeRemaining()));
    const items: { key: string; input: MatchInput }[] = [];
    const posts = new Map<string, Element>();
    while (queue.length > 0 && items.length < BATCH && (items.length === 0 || performance.now() < until)) {
      const post = queue.shift() as Element;
      if (!post.isConnected) {
        queued.delete(post);
        continue;
      }
      try {
        const key = String(nextKey++);
        items.push({ key, input: matchInputFromSnapshot(adapter.extract(post, win.location.href)) });
        posts.set(key, post);
      } catch {
        known.set(post, null);
      }
    }
    if (queue.length > 0) schedule();
    if (items.length > 0) void ask(items, posts, generation);
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    idle(run);
  };

  return {
    /** A post the feed found (again): marked from what is known, else queued for matching. */
    add(post: Element): void {
      if (!enabled) return;
      const match = known.get(post);
      if (match) {
        show(post, match);
        drawSoon();
      }
      if (match !== undefined || queued.has(post)) return;
      queued.add(post);
      queue.push(post);
      schedule();
    },
    /** The watchlist or rules changed: markers are taken down, and `posts` matched again if enabled. */
    reset(matching: boolean, posts: Iterable<Element>): void {
      enabled = matching;
      generation++;
      known = new WeakMap();
      queued = new WeakSet();
      queue = [];
      waiting = new Map();
      clearTimeout(drawTimer);
      drawTimer = undefined;
      for (const marker of doc.querySelectorAll('netra-marker')) marker.remove();
      for (const post of posts) this.add(post);
    },
  };
}
