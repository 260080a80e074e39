// Part A, bundled into the bench page: the content script's own lib code (the platform's adapter, the flag
// button, the feed watcher) timed on the platform's synthetic feed, beside a bare querySelectorAll over the
// same cells.
import { createFlagButton } from '../../lib/feed/flag-button';
import { watchFeed } from '../../lib/feed/watch-feed';
import type { PlatformAdapter } from '../../lib/platforms/adapter';
import { facebookAdapter } from '../../lib/platforms/facebook';
import { instagramAdapter } from '../../lib/platforms/instagram';
import type { PostSnapshot } from '../../lib/platforms/snapshot';
import { xAdapter } from '../../lib/platforms/x';
import { type FeedId, feedById, itemsBetween } from './feeds';

const ADAPTERS: Record<FeedId, PlatformAdapter> = {
  x: xAdapter,
  facebook: facebookAdapter,
  instagram: instagramAdapter,
};

export interface InPageOptions {
  feed: FeedId;
  batches: number;
  batchSize: number;
  /** Repetitions of each timed step per batch (the clock is coarse; a batch of 20 takes well under 1 ms). */
  reps: number;
}

/** Total milliseconds per step over the whole feed, each summed over `reps` repetitions. */
export interface InPageTotals {
  /** Feed posts (cells): the per-post figures divide by this. */
  posts: number;
  /** What the adapter found and the content script puts a button on: the posts and their comments. */
  items: number;
  comments: number;
  reps: number;
  elementsPerPost: number;
  /** performance.now() resolution seen (ms): 0.005 when cross-origin isolated, else 0.1. */
  clockMs: number;
  /** The page's own DOM insertion of the cells (context, not the content script). */
  append: number;
  baseline: number;
  find: number;
  inject: number;
  /** adapter.extract on each post, and (apart) on each comment. */
  extract: number;
  extractComment: number;
  /** watchFeed's scheduled flush with the content script's onPost (find + inject), once per batch. */
  watchFlush: number;
  /** One bare querySelectorAll pass over the same cells, beside each flush. */
  watchBaseline: number;
  /** Fields extract could not read, summed over every post and comment once, by field name. */
  missingFields: number;
  missingByField: Record<string, number>;
}

function clockResolution(): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 200; i++) {
    const a = performance.now();
    let b = performance.now();
    while (b === a) b = performance.now();
    smallest = Math.min(smallest, b - a);
  }
  return smallest;
}

function emptyTotals(reps: number): InPageTotals {
  return {
    posts: 0,
    items: 0,
    comments: 0,
    reps,
    elementsPerPost: 0,
    clockMs: clockResolution(),
    append: 0,
    baseline: 0,
    find: 0,
    inject: 0,
    extract: 0,
    extractComment: 0,
    watchFlush: 0,
    watchBaseline: 0,
    missingFields: 0,
    missingByField: {},
  };
}

/** Pass 1: each step on its own, repeated `reps` times per batch. */
function measureSteps({ feed: id, batches, batchSize, reps }: InPageOptions, totals: InPageTotals): number {
  const feed = feedById(id);
  const adapter = ADAPTERS[id];
  const build = feed.cellBuilder(document);
  const ops = document.createElement('div');
  document.getElementById('timeline')!.append(ops);
  const href = location.href;
  let sink = 0;
  let elements = 0;
  for (let b = 0; b < batches; b++) {
    const cells = Array.from({ length: batchSize }, (_, k) => build(b * batchSize + k));
    let t = performance.now();
    ops.append(...cells);
    totals.append += performance.now() - t;

    t = performance.now();
    for (let r = 0; r < reps; r++) for (const cell of cells) sink += cell.querySelectorAll(feed.post).length;
    totals.baseline += performance.now() - t;

    let items: Element[] = [];
    t = performance.now();
    for (let r = 0; r < reps; r++) {
      items = [];
      for (const cell of cells) items.push(...adapter.findPosts(cell));
    }
    totals.find += performance.now() - t;
    const expected = itemsBetween(feed, b * batchSize, (b + 1) * batchSize);
    if (items.length !== expected) throw new Error(`findPosts found ${items.length} of ${expected} items`);

    for (let r = 0; r < reps; r++) {
      const hosts: Element[] = [];
      t = performance.now();
      for (const item of items) {
        const button = createFlagButton(document, () => {});
        adapter.anchor(item).append(button.host);
        hosts.push(button.host);
      }
      totals.inject += performance.now() - t;
      // The last repetition's buttons stay, as they would in the feed, while extract runs.
      if (r < reps - 1) for (const host of hosts) host.remove();
    }

    const posts = items.filter((item) => item.matches(feed.post));
    const comments = items.filter((item) => !item.matches(feed.post));
    if (posts.length !== batchSize)
      throw new Error(`${posts.length} of the items are posts, not ${batchSize}`);
    // The first repetition's snapshots are kept (a push each) for the missing-fields count.
    const snapshots: PostSnapshot[] = [];
    t = performance.now();
    for (let r = 0; r < reps; r++) {
      for (const post of posts) {
        const snapshot = adapter.extract(post, href);
        sink += snapshot.missing.length;
        if (r === 0) snapshots.push(snapshot);
      }
    }
    totals.extract += performance.now() - t;
    t = performance.now();
    for (let r = 0; r < reps; r++) {
      for (const comment of comments) {
        const snapshot = adapter.extract(comment, href);
        sink += snapshot.missing.length;
        if (r === 0) snapshots.push(snapshot);
      }
    }
    totals.extractComment += performance.now() - t;
    for (const snapshot of snapshots) {
      for (const field of snapshot.missing) {
        totals.missingFields++;
        totals.missingByField[field] = (totals.missingByField[field] ?? 0) + 1;
      }
    }
    for (const cell of cells) elements += cell.getElementsByTagName('*').length;
    totals.posts += posts.length;
    totals.comments += comments.length;
    totals.items += items.length;
  }
  ops.remove();
  totals.elementsPerPost = elements / totals.posts;
  return sink;
}

/** Pass 2: the feed watcher as the content script runs it; the frame it waits for is run by hand. */
async function measureWatcher(
  { feed: id, batches, batchSize }: InPageOptions,
  totals: InPageTotals,
): Promise<number> {
  const feed = feedById(id);
  const adapter = ADAPTERS[id];
  const build = feed.cellBuilder(document);
  const controller = new AbortController();
  let flush: (() => void) | undefined;
  watchFeed({
    doc: document,
    adapter,
    signal: controller.signal,
    schedule: (next) => {
      flush = next;
    },
    onPost(post) {
      const button = createFlagButton(document, () => {});
      adapter.anchor(post).append(button.host);
    },
  });
  const watched = document.createElement('div');
  document.getElementById('timeline')!.append(watched);
  let sink = 0;
  for (let b = 0; b < batches; b++) {
    const cells = Array.from({ length: batchSize }, (_, k) => build(b * batchSize + k));
    watched.append(...cells);
    // The MutationObserver callback runs at this microtask checkpoint and schedules the flush.
    await Promise.resolve();
    const next = flush;
    flush = undefined;
    if (!next) throw new Error('watchFeed scheduled no flush after an append');
    const baseline = () => {
      const t = performance.now();
      for (const cell of cells) sink += cell.querySelectorAll(feed.post).length;
      totals.watchBaseline += performance.now() - t;
    };
    // Single passes, in alternating order, so neither always finds the caches warmed by the other.
    if (b % 2) baseline();
    const flushStart = performance.now();
    next();
    totals.watchFlush += performance.now() - flushStart;
    if (b % 2 === 0) baseline();
  }
  const flags = watched.querySelectorAll('[data-netra-flag]').length;
  controller.abort();
  watched.remove();
  const expected = itemsBetween(feed, 0, batches * batchSize);
  if (flags !== expected) throw new Error(`watchFeed put ${flags} buttons on ${expected} posts and comments`);
  return sink;
}

async function run(options: InPageOptions): Promise<InPageTotals & { sink: number }> {
  const totals = emptyTotals(options.reps);
  const sink = measureSteps(options, totals) + (await measureWatcher(options, totals));
  // `sink` keeps the timed loops' results alive.
  return { ...totals, sink };
}

(window as unknown as { netraBench: unknown }).netraBench = { run };
