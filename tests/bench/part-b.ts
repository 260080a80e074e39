// Part B: the REAL built extension in Chromium on a page whose own script appends the feed, against the same
// page in a Chromium without the extension. Long tasks come from the page's PerformanceObserver; main-thread
// time from CDP Performance.getMetrics and from a trace, which also times every call into the content script.
// Both browsers are traced alike, so the tracing overhead cancels out.
import type { BrowserContext, CDPSession } from 'playwright-core';
import type { HttpsTestServer } from '../e2e/harness/https-server';
import { feedPageHtml } from './feed-page';
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
  posts: number;
}

interface FeedWindow {
  netraFeed: { start(o: FeedRunOptions): Promise<FeedRunResult>; longTasks(since: number): LongTask[] };
}

const FLAG = '[data-netra-flag]';

export async function servePartB(server: HttpsTestServer): Promise<void> {
  server.setRoute('/home', { body: feedPageHtml(['/bench/page-feed.js']) });
  server.setRoute('/bench/page-feed.js', {
    body: await bundle('tests/bench/page-feed.ts'),
    type: 'text/javascript; charset=utf-8',
  });
}

async function metrics(cdp: CDPSession): Promise<Record<Metric, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const value = (name: Metric) => (list.find((m) => m.name === name)?.value ?? 0) * 1000;
  return Object.fromEntries(METRICS.map((name) => [name, value(name)])) as Record<Metric, number>;
}

export async function feedRun(
  context: BrowserContext,
  url: string,
  mode: Mode,
  options: FeedRunOptions,
  extensionOrigin: string | null,
): Promise<PartBRun> {
  const posts = options.batches * options.batchSize;
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
    for (let waited = 0; mode !== 'without' && flags < posts + 1 && waited < 20_000; waited += 250) {
      await page.waitForTimeout(250);
      flags = await count();
    }
    const after = await metrics(cdp);
    const trace = await stopTrace();
    const longTasks = await page.evaluate(
      (since) => (window as unknown as FeedWindow).netraFeed.longTasks(since),
      feed.startedAt,
    );
    // Every post, not just as many buttons as posts: [posts, posts holding a button].
    const [articles, flagged] = await page.evaluate((selector) => {
      const all = [...document.querySelectorAll('article[data-testid="tweet"]')];
      return [all.length, all.filter((post) => post.querySelector(selector)).length];
    }, FLAG);
    if (articles !== posts + 1)
      throw new BenchFailure(`the page holds ${articles} posts, expected ${posts + 1}`);
    if (mode !== 'without' && flagged !== articles) {
      throw new BenchFailure(`only ${flagged} of ${articles} posts got a flag button within 20 s`);
    }
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
      posts,
    };
  } finally {
    await page.close();
  }
}
