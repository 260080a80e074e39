// Part A: the content script's lib code, bundled as written, timed step by step inside a real Chromium page
// served as https://x.com:PORT/home (cross-origin isolated, so performance.now() is fine-grained).
import type { BrowserContext } from 'playwright-core';
import type { HttpsTestServer } from '../e2e/harness/https-server';
import { feedPageHtml } from './feed-page';
import type { InPageOptions, InPageTotals } from './in-page';
import { BenchFailure, bundle, median } from './tools';

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
  /** Milliseconds per post. `total` = find + extract + inject. */
  perPost: Record<Step, number>;
}

export interface PartA {
  options: InPageOptions;
  runs: PartARun[];
  /** Medians over the runs: ms per post, and each run's ratio to its own baseline (pass 2: its own). */
  perPost: Record<Step, number>;
  ratio: Record<Step, number>;
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

export async function runPartA(
  context: BrowserContext,
  server: HttpsTestServer,
  options: InPageOptions & { runs: number; warmups: number },
  log: (line: string) => void,
): Promise<PartA> {
  const script = await bundle('tests/bench/in-page.ts');
  server.setRoute('/home', { body: feedPageHtml(['/bench/in-page.js']), headers: ISOLATED });
  server.setRoute('/bench/in-page.js', { body: script, type: 'text/javascript; charset=utf-8' });
  const { runs: count, warmups, ...inPage } = options;
  const runs: PartARun[] = [];
  for (let i = 0; i < warmups + count; i++) {
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin('x.com')}/home`, { waitUntil: 'load' });
      const totals = await page.evaluate(
        (o) =>
          (
            window as unknown as { netraBench: { run(o: InPageOptions): Promise<InPageTotals> } }
          ).netraBench.run(o),
        inPage,
      );
      if (totals.posts !== inPage.batches * inPage.batchSize)
        throw new BenchFailure(`part A saw ${totals.posts} posts`);
      const run = { totals, perPost: perPost(totals) };
      if (i >= warmups) runs.push(run);
      log(
        `part A ${i < warmups ? 'warm-up' : `run ${i - warmups + 1}/${count}`}: ` +
          `find+extract+inject ${run.perPost.total.toFixed(4)} ms/post, baseline ${run.perPost.baseline.toFixed(5)}`,
      );
    } catch (error) {
      throw error instanceof BenchFailure ? error : new BenchFailure(`part A failed: ${String(error)}`);
    } finally {
      await page.close();
    }
  }
  return {
    options: inPage,
    runs,
    perPost: byStep((step) => median(runs.map((r) => r.perPost[step]))),
    ratio: byStep((step) => median(runs.map((r) => r.perPost[step] / r.perPost[baselineOf(step)]))),
  };
}
