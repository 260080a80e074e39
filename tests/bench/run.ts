// `npm run bench`: the feed content script's cost in real Chromium, as ratios against baselines measured in
// the same run (machines are noisy: nothing here is a timed assertion). Writes artifacts/bench/feed.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type ChromiumSession, launchChromium } from '../e2e/harness/chromium';
import { type HttpsTestServer, startHttpsServer } from '../e2e/harness/https-server';
import { runPartA } from './part-a';
import { feedRun, type Mode, type PartBRun, servePartB } from './part-b';
import { formatReport, GOALS, type ScriptSize, summarisePartB } from './report';
import { type BaselineBrowser, BenchFailure, launchBaseline } from './tools';

const EXTENSION_DIR = '.output/chrome-mv3';
const OUT_FILE = 'artifacts/bench/feed.json';
const FEED = { batches: 50, batchSize: 20 };
const RUNS = 5;
const WARMUPS = 1;

const log = (line: string) => console.log(`[bench] ${line}`);

/** The content script(s) the built manifest injects on x.com, as one figure (gzip of each, summed). */
function scriptSize(): ScriptSize {
  const manifestPath = `${EXTENSION_DIR}/manifest.json`;
  if (!existsSync(manifestPath)) throw new BenchFailure(`${manifestPath} is missing: run npm run build`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    content_scripts?: { matches?: string[]; js?: string[] }[];
  };
  const files = (manifest.content_scripts ?? [])
    .filter((entry) => entry.matches?.includes('*://x.com/*'))
    .flatMap((entry) => entry.js ?? []);
  if (files.length === 0) throw new BenchFailure('the built manifest has no content script for x.com');
  const raw = files.map((file) => readFileSync(`${EXTENSION_DIR}/${file}`));
  return {
    file: files.map((file) => `${EXTENSION_DIR}/${file}`).join(' + '),
    rawBytes: raw.reduce((sum, bytes) => sum + bytes.length, 0),
    gzipBytes: raw.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0),
  };
}

async function partB(server: HttpsTestServer, baseline: BaselineBrowser, extension: ChromiumSession) {
  await servePartB(server);
  const url = `${server.origin('x.com')}/home`;
  const runs: PartBRun[] = [];
  // Interleaved, so a slow patch of the machine hits every mode alike.
  for (let i = 0; i < WARMUPS + RUNS; i++) {
    for (const mode of ['without', 'with'] as Mode[]) {
      const context = mode === 'without' ? baseline.context : extension.context;
      const origin = mode === 'without' ? null : extension.extensionOrigin;
      const run = await feedRun(context, url, mode, { ...FEED, intervalMs: 50 }, origin);
      if (i >= WARMUPS) runs.push(run);
      const tag = i < WARMUPS ? 'warm-up' : `run ${i - WARMUPS + 1}/${RUNS}`;
      log(
        `part B ${tag} ${mode.padEnd(8)}: ${run.longTasks.length} long tasks, ` +
          `TaskDuration ${run.metrics.TaskDuration.toFixed(0)} ms` +
          `, main thread ${run.mainThread.cpuMs.toFixed(0)} ms CPU` +
          (run.contentScript.count
            ? `, content script ${run.contentScript.cpuMs.toFixed(1)} ms CPU in ${run.contentScript.count} calls`
            : ''),
      );
    }
  }
  return runs;
}

async function main(): Promise<void> {
  console.log('Reproduce: npm run bench   (npm run build && tsx tests/bench/run.ts)');
  const size = scriptSize();
  const server = await startHttpsServer({});
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
    log(`${version}; ${cpus().length} CPUs; Node ${process.version}`);
    const partA = await runPartA(
      baseline.context,
      server,
      { ...FEED, reps: 20, runs: RUNS, warmups: WARMUPS },
      log,
    );
    const runsB = await partB(server, baseline, extension);
    const summaryB = summarisePartB(runsB);
    console.log(formatReport(partA, summaryB, size));
    mkdirSync(resolve(OUT_FILE, '..'), { recursive: true });
    const json = {
      at: new Date().toISOString(),
      reproduce: 'npm run bench',
      environment: { userAgent: version, cpus: cpus().length, node: process.version },
      goals: GOALS,
      size,
      partA,
      partB: { summary: summaryB, runs: runsB },
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
