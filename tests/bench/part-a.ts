// Part A: the content script's lib code, bundled as written, timed step by step inside a real Chromium page
// served on the platform's own host (https://x.com:PORT/home, https://www.facebook.com:PORT/,
// https://www.instagram.com:PORT/), cross-origin isolated, so performance.now() is fine-grained.
import type { BrowserContext } from 'playwright-core';
import type { HttpsTestServer } from '../e2e/harness/https-server';
import { median } from '../tools/median';
import type { FeedShape } from './feeds';
import type { InPageOptions, InPageTotals } from './in-page';
import { BenchFailure, bundle } from './tools';

const ISOLATED = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export const STEPS = [
  'baseline',
  'find',
  'inject',
  'extract',
  'total',
  'watchBaseline',
  'watchFlush',
  'append',
] as const;
export type Step = (typeof STEPS)[number];

export interface PartARun {
  totals: InPageTotals;
  /**
   * Milliseconds per feed post (find and inject include its comments' buttons; extract is the post's own).
   * `total` = find + extract + inject.
   */
  perPost: Record<Step, number>;
  /** adapter.extract on one comment (ms), where the feed has comments with buttons of their own. */
  extractPerComment: number | null;
}

export interface PartA {
  options: InPageOptions;
  runs: PartARun[];
  /** Medians over the runs: ms per post, and each run's ratio to its own baseline (pass 2: its own). */
  perPost: Record<Step, number>;
  ratio: Record<Step, number>;
  /** Median ms and ratio to the pass-1 baseline of extract on one comment; null without comments. */
  extractPerComment: { ms: number; ratio: number } | null;
}

function perPost(t: InPageTotals): Record<Step, number> {
  const repeated = (ms: number) => ms / t.posts / t.reps;
  const steps = {
    baseline: repeated(t.baseline),
    find: repeated(t.find),
    inject: repeated(t.inject),
    extract: repeated(t.extract),
    watchBaseline: t.watchBaseline / t.posts,
    watchFlush: t.watchFlush / t.posts,
    append: t.append / t.posts,
  };
  return { ...steps, total: steps.find + steps.inject + steps.extract };
}

/** Pass 1 steps are repeated on warm caches; pass 2 runs once per batch, so it has its own baseline. */
const baselineOf = (step: Step): Step => (step.startsWith('watch') ? 'watchBaseline' : 'baseline');

function byStep(fn: (step: Step) => number): Record<Step, number> {
  return Object.fromEntries(STEPS.map((step) => [step, fn(step)])) as Record<Step, number>;
}

const extractPerComment = (t: InPageTotals): number | null =>
  t.comments > 0 ? t.extractComment / t.comments / t.reps : null;

let inPageScript: Promise<string> | undefined;

export async function runPartA(
  context: BrowserContext,
  server: HttpsTestServer,
  feed: FeedShape,
  options: Omit<InPageOptions, 'feed'> & { runs: number; warmups: number; warmupBatches: number },
  log: (line: string) => void,
): Promise<PartA> {
  inPageScript ??= bundle('tests/bench/in-page.ts');
  const script = await inPageScript;
  server.setRoute(`//${feed.host}${feed.path}`, {
    body: feed.pageHtml(['/bench/in-page.js']),
    headers: ISOLATED,
  });
  server.setRoute('/bench/in-page.js', { body: script, type: 'text/javascript; charset=utf-8' });
  const { runs: count, warmups, warmupBatches, ...rest } = options;
  const inPage: InPageOptions = { feed: feed.id, ...rest };
  const runs: PartARun[] = [];
  for (let i = 0; i < warmups + count; i++) {
    // Warm-ups run every code path on a shorter feed: they are not measured.
    const o = i < warmups ? { ...inPage, batches: warmupBatches } : inPage;
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin(feed.host)}${feed.path}`, { waitUntil: 'load' });
      const totals = await page.evaluate(
        (o) =>
          (
            window as unknown as { netraBench: { run(o: InPageOptions): Promise<InPageTotals> } }
          ).netraBench.run(o),
        o,
      );
      if (totals.posts !== o.batches * o.batchSize)
        throw new BenchFailure(`part A saw ${totals.posts} posts`);
      const run = { totals, perPost: perPost(totals), extractPerComment: extractPerComment(totals) };
      if (i >= warmups) runs.push(run);
      log(
        `${feed.label} part A ${i < warmups ? 'warm-up' : `run ${i - warmups + 1}/${count}`}: ` +
          `find+extract+inject ${run.perPost.total.toFixed(4)} ms/post, ` +
          `as shipped ${run.perPost.watchFlush.toFixed(4)}, baseline ${run.perPost.baseline.toFixed(5)}`,
      );
    } catch (error) {
      throw error instanceof BenchFailure ? error : new BenchFailure(`part A failed: ${String(error)}`);
    } finally {
      await page.close();
    }
  }
  const perComment = runs.every((r) => r.extractPerComment !== null)
    ? {
        ms: median(runs.map((r) => r.extractPerComment!)),
        ratio: median(runs.map((r) => r.extractPerComment! / r.perPost.baseline)),
      }
    : null;
  return {
    options: inPage,
    runs,
    perPost: byStep((step) => median(runs.map((r) => r.perPost[step]))),
    ratio: byStep((step) => median(runs.map((r) => r.perPost[step] / r.perPost[baselineOf(step)]))),
    extractPerComment: perComment,
  };
}
