// `npm run bench`: the feed content scripts' cost in real Chromium, on an X-, a Facebook- and an
// Instagram-shaped feed, as ratios against baselines measured in the same run (machines are noisy: nothing
// here is a timed assertion). Writes artifacts/bench/feed.json. NETRA_BENCH_FEEDS=x,facebook runs a subset.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type ChromiumSession, launchChromium } from '../e2e/harness/chromium';
import { type HttpsTestServer, startHttpsServer } from '../e2e/harness/https-server';
import type { FeedId, FeedShape } from './feeds';
import { runPartA } from './part-a';
import { feedRun, type Mode, type PartBRun, servePartB } from './part-b';
import {
  type FeedResult,
  formatFeedReport,
  formatSummary,
  GOALS,
  type ScriptSize,
  summarisePartB,
} from './report';
import { type BaselineBrowser, BenchFailure, launchBaseline, selectedFeeds } from './tools';

const EXTENSION_DIR = '.output/chrome-mv3';
const OUT_FILE = 'artifacts/bench/feed.json';
const FEED = { batches: 50, batchSize: 20 };
const WARMUPS = 1;
/** Warm-up runs (not measured) go through a 200-post feed: enough for every code path, and quicker. */
const WARMUP_BATCHES = 10;
/**
 * Measured runs per platform (after one warm-up each), and part A's repetitions of each step per batch (enough
 * for the clock: X's steps take microseconds, Facebook's and Instagram's far longer). X keeps the original
 * figures; Facebook and Instagram get fewer runs and repetitions so that the whole bench stays within about
 * 8 minutes on a shared 2-core machine.
 */
const RUNS: Record<FeedId, { partA: number; reps: number; partB: number }> = {
  x: { partA: 5, reps: 20, partB: 5 },
  facebook: { partA: 3, reps: 2, partB: 3 },
  instagram: { partA: 3, reps: 3, partB: 3 },
};

const log = (line: string) => console.log(`[bench] ${line}`);

/** The content script(s) the built manifest injects on the feed's host, as one figure (gzip of each, summed). */
function scriptSize(feed: FeedShape): ScriptSize {
  const manifestPath = `${EXTENSION_DIR}/manifest.json`;
  if (!existsSync(manifestPath)) throw new BenchFailure(`${manifestPath} is missing: run npm run build`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    content_scripts?: { matches?: string[]; js?: string[] }[];
  };
  const files = (manifest.content_scripts ?? [])
    .filter((entry) => entry.matches?.includes(feed.manifestMatch))
    .flatMap((entry) => entry.js ?? []);
  if (files.length === 0) throw new BenchFailure(`the built manifest has no content script for ${feed.host}`);
  const raw = files.map((file) => readFileSync(`${EXTENSION_DIR}/${file}`));
  return {
    file: files.map((file) => `${EXTENSION_DIR}/${file}`).join(' + '),
    rawBytes: raw.reduce((sum, bytes) => sum + bytes.length, 0),
    gzipBytes: raw.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0),
  };
}

async function partB(
  server: HttpsTestServer,
  feed: FeedShape,
  baseline: BaselineBrowser,
  extension: ChromiumSession,
): Promise<{ url: string; runs: PartBRun[] }> {
  const url = await servePartB(server, feed);
  const count = RUNS[feed.id].partB;
  const runs: PartBRun[] = [];
  // Interleaved, so a slow patch of the machine hits every mode alike.
  for (let i = 0; i < WARMUPS + count; i++) {
    for (const mode of ['without', 'with'] as Mode[]) {
      const context = mode === 'without' ? baseline.context : extension.context;
      const origin = mode === 'without' ? null : extension.extensionOrigin;
      const batches = i < WARMUPS ? WARMUP_BATCHES : FEED.batches;
      const run = await feedRun(context, url, feed, mode, { ...FEED, batches, intervalMs: 50 }, origin);
      if (i >= WARMUPS) runs.push(run);
      const tag = i < WARMUPS ? 'warm-up' : `run ${i - WARMUPS + 1}/${count}`;
      log(
        `${feed.label} part B ${tag} ${mode.padEnd(8)}: ${run.longTasks.length} long tasks, ` +
          `TaskDuration ${run.metrics.TaskDuration.toFixed(0)} ms` +
          `, main thread ${run.mainThread.cpuMs.toFixed(0)} ms CPU` +
          (run.contentScript.count
            ? `, content script ${run.contentScript.cpuMs.toFixed(1)} ms CPU in ${run.contentScript.count} calls`
            : ''),
      );
    }
  }
  return { url, runs };
}

async function main(): Promise<void> {
  console.log('Reproduce: npm run bench   (npm run build && tsx tests/bench/run.ts)');
  const started = Date.now();
  const feeds = selectedFeeds();
  const sizes = new Map(feeds.map((feed) => [feed.id, scriptSize(feed)]));
  const server = await startHttpsServer({});
  const load = { before: loadavg(), after: loadavg() };
  let baseline: BaselineBrowser | undefined;
  let extension: ChromiumSession | undefined;
  try {
    baseline = await launchBaseline();
    extension = await launchChromium({ extensionDir: EXTENSION_DIR });
    const version = await baseline.context.newPage().then(async (page) => {
      const agent = await page.evaluate(() => navigator.userAgent);
      await page.close();
      return agent;
    });
    log(
      `${version}; ${cpus().length} CPUs; Node ${process.version}; load ${load.before.map((v) => v.toFixed(2)).join(' ')}`,
    );
    const results: (FeedResult & { runsB: PartBRun[] })[] = [];
    for (const feed of feeds) {
      const partA = await runPartA(
        baseline.context,
        server,
        feed,
        {
          ...FEED,
          reps: RUNS[feed.id].reps,
          runs: RUNS[feed.id].partA,
          warmups: WARMUPS,
          warmupBatches: WARMUP_BATCHES,
        },
        log,
      );
      const { url, runs: runsB } = await partB(server, feed, baseline, extension);
      results.push({ feed, url, size: sizes.get(feed.id)!, partA, partB: summarisePartB(runsB), runsB });
    }
    load.after = loadavg();
    for (const result of results) console.log(formatFeedReport(result));
    console.log(formatSummary(results));
    const minutes = (Date.now() - started) / 60_000;
    const loads = `${load.before.map((v) => v.toFixed(2)).join(' ')} → ${load.after.map((v) => v.toFixed(2)).join(' ')}`;
    const runs = feeds.map(
      (feed) =>
        `${feed.label}: part A ${RUNS[feed.id].partA} runs, each step ×${RUNS[feed.id].reps} per batch; ` +
        `part B ${RUNS[feed.id].partB} runs per mode (one short warm-up each, not counted)`,
    );
    console.log(
      `\n${version}\n${cpus().length} CPUs, load average ${loads}; measuring took ${minutes.toFixed(1)} min\n` +
        `${runs.join('\n')}\n` +
        'Facebook and Instagram get fewer runs and repetitions than X to keep the bench under ~8 minutes: ' +
        'their medians are noisier.',
    );
    mkdirSync(resolve(OUT_FILE, '..'), { recursive: true });
    const json = {
      at: new Date().toISOString(),
      reproduce: 'npm run bench',
      environment: {
        userAgent: version,
        cpus: cpus().length,
        node: process.version,
        loadavgBefore: load.before,
        loadavgAfter: load.after,
        minutes,
      },
      goals: GOALS,
      feeds: Object.fromEntries(
        results.map(({ feed, url, size, partA, partB: summary, runsB }) => [
          feed.id,
          {
            label: feed.label,
            url,
            runs: RUNS[feed.id],
            size,
            partA,
            partB: { summary, runs: runsB },
          },
        ]),
      ),
    };
    writeFileSync(OUT_FILE, `${JSON.stringify(json, null, 2)}\n`);
    console.log(`\nWrote ${OUT_FILE}`);
  } finally {
    await extension?.close();
    await baseline?.close();
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof BenchFailure ? `[bench] FAILED: ${error.message}` : error);
    process.exit(1);
  },
);
