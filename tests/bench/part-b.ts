// Part B: the REAL built extension in Chromium on a page whose own script appends the feed, against the same
// page in a Chromium without the extension. Long tasks come from the page's PerformanceObserver; main-thread
// time from CDP Performance.getMetrics and from a trace, which also times every call into the content script.
// Both browsers are traced alike, so the tracing overhead cancels out.
import type { BrowserContext, CDPSession } from 'playwright-core';
import type { HttpsTestServer } from '../e2e/harness/https-server';
import { type FeedShape, itemsBetween, SEED_INDEX } from './feeds';
import type { FeedRunOptions, FeedRunResult, LongTask } from './page-feed';
import { BenchFailure, bundle } from './tools';
import {
  callsInto,
  type LongTaskShare,
  longTaskShares,
  mainThreadTasks,
  type SpanTime,
  startTrace,
} from './trace';

export type Mode = 'without' | 'with';
export const METRICS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'] as const;
type Metric = (typeof METRICS)[number];

export interface PartBRun {
  mode: Mode;
  feed: FeedRunResult;
  longTasks: LongTask[];
  /** Main-thread milliseconds spent during the feed run, per CDP metric. */
  metrics: Record<Metric, number>;
  /** The page's main-thread tasks during the feed run (trace). */
  mainThread: SpanTime;
  /** Every call into the content script during the feed run (trace; zero calls without the extension). */
  contentScript: SpanTime;
  /** The trace's long tasks on the page's thread, with the content script's time inside each. */
  longTaskShares: LongTaskShare[];
  flags: number;
  /** Netra's markers on the page when the run's window closed (0 without a configuration). */
  markers: number;
  posts: number;
  /** Buttons expected: the posts (seed included) and their comments. */
  items: number;
}

interface FeedWindow {
  netraFeed: { start(o: FeedRunOptions): Promise<FeedRunResult>; longTasks(since: number): LongTask[] };
}

const FLAG = '[data-netra-flag]';
const MARKER = '[data-netra-marker]';

let pageFeedScript: Promise<string> | undefined;

/** Serves `feed`'s page on its host, with the page's own feed script. */
export async function servePartB(server: HttpsTestServer, feed: FeedShape): Promise<string> {
  pageFeedScript ??= bundle('tests/bench/page-feed.ts');
  server.setRoute(`//${feed.host}${feed.path}`, { body: feed.pageHtml(['/bench/page-feed.js']) });
  server.setRoute('/bench/page-feed.js', {
    body: await pageFeedScript,
    type: 'text/javascript; charset=utf-8',
  });
  return `${server.origin(feed.host)}${feed.path}`;
}

async function metrics(cdp: CDPSession): Promise<Record<Metric, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const value = (name: Metric) => (list.find((m) => m.name === name)?.value ?? 0) * 1000;
  return Object.fromEntries(METRICS.map((name) => [name, value(name)])) as Record<Metric, number>;
}

export async function feedRun(
  context: BrowserContext,
  url: string,
  shape: FeedShape,
  mode: Mode,
  options: FeedRunOptions,
  extensionOrigin: string | null,
  /**
   * Keep the window open until the markers stop changing (1 s without a new one; at most 20 s), so the
   * idle-time matching of a configured extension falls inside what is measured.
   */
  settleMarkers = false,
): Promise<PartBRun> {
  const posts = options.batches * options.batchSize;
  const items = itemsBetween(shape, 0, posts) + shape.itemsIn(SEED_INDEX);
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'load' });
    if (mode !== 'without') {
      await page
        .locator(FLAG)
        .first()
        .waitFor({ state: 'attached', timeout: 15_000 })
        .catch(() => {
          throw new BenchFailure('the content script put no button on the seed post within 15 s');
        });
    }
    // Let the content script's start-up and the page's load work finish in both browsers alike.
    await page.waitForTimeout(1000);
    await cdp.send('Performance.enable');
    const stopTrace = await startTrace(cdp);
    const before = await metrics(cdp);
    const feed = await page.evaluate((o) => (window as unknown as FeedWindow).netraFeed.start(o), options);
    // A frame or two for the last flush, then the same settling time with and without the extension.
    await page.waitForTimeout(500);
    const count = () => page.evaluate((selector) => document.querySelectorAll(selector).length, FLAG);
    let flags = await count();
    for (let waited = 0; mode !== 'without' && flags < items && waited < 20_000; waited += 250) {
      await page.waitForTimeout(250);
      flags = await count();
    }
    const markerCount = () => page.evaluate((selector) => document.querySelectorAll(selector).length, MARKER);
    let markers = await markerCount();
    for (let stable = 0, waited = 0; settleMarkers && stable < 4 && waited < 20_000; waited += 250) {
      await page.waitForTimeout(250);
      const now = await markerCount();
      stable = now === markers ? stable + 1 : 0;
      markers = now;
    }
    const after = await metrics(cdp);
    const trace = await stopTrace();
    const longTasks = await page.evaluate(
      (since) => (window as unknown as FeedWindow).netraFeed.longTasks(since),
      feed.startedAt,
    );
    // Every post and comment, not just as many buttons as them: a post's own button is one outside its comments.
    const seen = await page.evaluate(
      ({ flag, post, comment }) => {
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        const posts = [...document.querySelectorAll(post)];
        const comments = comment ? [...document.querySelectorAll(comment)] : [];
        const [postsFlagged, commentsFlagged] = [posts, comments].map(
          (boxes) =>
            boxes.filter((box) =>
              [...box.querySelectorAll(flag)].some((host) => {
                const inner = comment ? host.parentElement?.closest(comment) : null;
                return !inner || inner === box || !box.contains(inner);
              }),
            ).length,
        );
        return { posts: posts.length, postsFlagged, comments: comments.length, commentsFlagged };
      },
      { flag: FLAG, post: shape.post, comment: shape.comment },
    );
    if (seen.posts + seen.comments !== items) {
      throw new BenchFailure(
        `the page holds ${seen.posts} posts and ${seen.comments} comments, expected ${items} in all`,
      );
    }
    if (mode !== 'without' && (seen.postsFlagged !== seen.posts || seen.commentsFlagged !== seen.comments)) {
      throw new BenchFailure(
        `only ${seen.postsFlagged} of ${seen.posts} posts and ${seen.commentsFlagged} of ${seen.comments} ` +
          'comments got a flag button within 20 s',
      );
    }
    if (mode !== 'without' && flags !== items)
      throw new BenchFailure(`${flags} flag buttons on ${items} posts and comments`);
    const pageOrigin = new URL(url).origin;
    const scriptOrigin = extensionOrigin ?? 'chrome-extension://';
    const spent = Object.fromEntries(METRICS.map((m) => [m, after[m] - before[m]])) as Record<Metric, number>;
    return {
      mode,
      feed,
      longTasks,
      metrics: spent,
      mainThread: mainThreadTasks(trace, pageOrigin),
      contentScript: callsInto(trace, scriptOrigin),
      longTaskShares: longTaskShares(trace, pageOrigin, scriptOrigin),
      flags,
      markers,
      posts,
      items,
    };
  } finally {
    await page.close();
  }
}
