// Export and verification of a full shift's bundle, against same-run baselines:
//
//   npm run bench:bundle     (prints a table, writes artifacts/bench/bundle.json; about 2 minutes)
//
// Fixture: 1,001 findings sealed by the device's own code (fillSampleShift: appendEvidence into an
// in-memory IndexedDB, one edit, one deletion → 1,000 findings and one tombstone in the bundle), every
// screenshot ~150 KB of incompressible bytes behind a PNG signature. Built once in a child process
// (bundle-fixture.ts) and left on disk, so no measured process holds a screenshot before the builder
// asks for it.
//
// Figures (goals from the issue), each measured in its own fresh process (bundle-worker.ts), 3 runs:
//   export   buildBundle → FileHandle, every write awaited; wall time ÷ SHA-256 (node:crypto) of the
//            same bytes (every file of the unzipped bundle, read one by one) in the same process. ≤ 1.3×
//   memory   peak RSS during the export − RSS right before it (kernel VmHWM, reset before the export;
//            a 20 ms sampler of RSS, heapUsed, arrayBuffers beside it). ≤ largest entry + 64 MiB
//   verify   readFile + verifyBundle ÷ `sha256sum -c SHA256SUMS` on the already-unzipped folder, a real
//            process (and beside `unzip -q` + `sha256sum -c`). ≤ 1.2×
// A missed goal is a figure, not a failure: the exit code is 1 only when the run itself breaks (a
// child fails, the bundle does not verify, sha256sum -c or openssl refuse it). The machine is shared:
// read ratios, and the load average printed with them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '../tools/median';
import { type FixtureFile, listFiles, loadFixture, MiB } from './bundle-common';
import type { BaselineResult, ExportResult, Profile, VerifyResult, WorkerJob } from './bundle-worker';

const COMMAND = 'npm run bench:bundle';
const FINDINGS = 1_000;
const RUNS = 3;
const BASELINE_REPS = 3;
const GOALS = { exportRatio: 1.3, memoryAboveLargest: 64 * MiB, verifyRatio: 1.2 };
const OUT = 'artifacts/bench/bundle.json';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENV = { ...process.env, TZ: 'Asia/Jakarta' };
const WORKER_TIMEOUT_MS = 240_000;

class RunFailure extends Error {}

function log(line: string): void {
  process.stderr.write(`[bench:bundle] ${line}\n`);
}

function run(command: string, args: readonly string[], cwd = ROOT): number {
  const t0 = performance.now();
  const child = spawnSync(command, args, {
    cwd,
    env: ENV,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: WORKER_TIMEOUT_MS,
  });
  const ms = performance.now() - t0;
  if (child.status !== 0) {
    throw new RunFailure(
      `${command} ${args.join(' ')} exited ${child.status ?? child.signal}: ${child.stderr?.toString().slice(-2000)}`,
    );
  }
  return ms;
}

function tsx(script: string, args: readonly string[]): void {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: ENV,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: WORKER_TIMEOUT_MS,
  });
  if (child.status !== 0) throw new RunFailure(`${script} exited ${child.status ?? child.signal}`);
}

function worker<T>(job: WorkerJob): T {
  tsx('tests/bench/bundle-worker.ts', [JSON.stringify(job)]);
  return JSON.parse(readFileSync(job.result, 'utf8')) as T;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const mib = (bytes: number) => (bytes / MiB).toFixed(1);
const ratio = (x: number) => `${x.toFixed(2)}×`;
const pad = (text: string, width: number) => text.padStart(width);
const padEnd = (text: string, width: number) => text.padEnd(width);

interface Row {
  figure: string;
  runs: string[];
  median: string;
  goal: string;
  verdict: string;
}

/** A figure measured in every run: each run and the median, in `format`'s unit. */
function row(
  figure: string,
  values: readonly number[],
  format: (v: number) => string,
  goal = '',
  verdict = '',
): Row {
  return { figure, runs: values.map(format), median: format(median(values)), goal, verdict };
}

function table(rows: readonly Row[]): string {
  const head = ['figure', 'run 1', 'run 2', 'run 3', 'median', 'goal', 'verdict'];
  const widths = [44, 8, 8, 8, 9, 22, 0];
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 || i >= 5 ? padEnd(c, widths[i]!) : pad(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    line(head),
    line(head.map((h, i) => '-'.repeat(Math.max(h.length, widths[i]!)))),
    ...rows.map((r) => line([r.figure, ...r.runs, r.median, r.goal, r.verdict])),
  ].join('\n');
}

function profileLines(title: string, profile: Profile, totalMs: number): string {
  const lines = [title];
  for (const [name, value] of Object.entries(profile)) {
    if (name.endsWith(' [MiB]')) lines.push(`  ${padEnd(name.slice(0, -6), 76)} ${pad(mib(value), 8)} MiB`);
    else
      lines.push(
        `  ${padEnd(name, 76)} ${pad(seconds(value), 8)} s ${pad(`${((value / totalMs) * 100).toFixed(0)}%`, 5)}`,
      );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const load0 = loadavg();
  const tmp = mkdtempSync(join(tmpdir(), 'netra-bench-bundle-'));
  const keep = process.argv.includes('--keep');
  try {
    // 1. The fixture.
    const fixtureDir = join(tmp, 'fixture');
    log(`fixture: ${FINDINGS + 1} findings through appendEvidence (one is deleted) → ${fixtureDir}`);
    const t0 = performance.now();
    tsx('tests/bench/bundle-fixture.ts', [fixtureDir, String(FINDINGS + 1)]);
    const fixtureMs = performance.now() - t0;
    const fx: FixtureFile = loadFixture(fixtureDir);
    if (fx.records.length !== FINDINGS) throw new RunFailure(`fixture holds ${fx.records.length} findings`);
    log(
      `fixture: ${fx.records.length} findings, ${fx.screenshots.count} screenshots, ${mib(fx.screenshots.bytes)} MiB, in ${seconds(fixtureMs)} s`,
    );

    // 2. A warm-up export, whose zip is the one verified and whose unzipped files are the baselines' bytes.
    const zip = join(tmp, 'bundle.zip');
    const unzipped = join(tmp, 'unzipped');
    log('warm-up export');
    worker<ExportResult>({
      mode: 'export',
      fixture: fixtureDir,
      out: zip,
      baselineDir: null,
      baselineReps: 0,
      result: join(tmp, 'warmup.json'),
    });
    run('unzip', ['-q', zip, '-d', unzipped]);
    run('sha256sum', ['-c', '--quiet', '--strict', 'SHA256SUMS'], unzipped);
    run(
      'openssl',
      ['dgst', '-sha256', '-verify', 'officer.pub.pem', '-signature', 'SHA256SUMS.sig', 'SHA256SUMS'],
      unzipped,
    );
    const entries = listFiles(unzipped);
    const largest = entries.reduce((a, b) => (b.size > a.size ? b : a));
    const largestPng = entries
      .filter((e) => e.path.endsWith('.png'))
      .reduce((a, b) => (b.size > a.size ? b : a));
    const entryBytes = entries.reduce((n, e) => n + e.size, 0);
    const zipBytes = statSync(zip).size;
    log(`bundle: ${entries.length} entries, ${mib(entryBytes)} MiB unzipped, zip ${mib(zipBytes)} MiB`);

    // 3. Export, 3 runs, each in a fresh process with its own baseline.
    const exports: ExportResult[] = [];
    for (let i = 1; i <= RUNS; i++) {
      rmSync(join(tmp, 'run.zip'), { force: true });
      log(`export run ${i}/${RUNS}`);
      const result = worker<ExportResult>({
        mode: 'export',
        fixture: fixtureDir,
        out: join(tmp, 'run.zip'),
        baselineDir: unzipped,
        baselineReps: BASELINE_REPS,
        result: join(tmp, `export-${i}.json`),
      });
      if (result.count !== FINDINGS) throw new RunFailure(`export run ${i}: ${result.count} findings`);
      if (Math.abs(result.bytes - zipBytes) > 1024) {
        throw new RunFailure(`export run ${i}: ${result.bytes} bytes, the warm-up made ${zipBytes}`);
      }
      exports.push(result);
    }
    log('baseline alone (memory)');
    const baselineAlone = worker<BaselineResult>({
      mode: 'baseline',
      fixture: fixtureDir,
      baselineDir: unzipped,
      result: join(tmp, 'baseline.json'),
    });
    log('export profile');
    const exportProfile = worker<Profile>({
      mode: 'export-profile',
      fixture: fixtureDir,
      out: join(tmp, 'profile.bin'),
      result: join(tmp, 'export-profile.json'),
    });

    // 4. Verification, 3 runs, each beside sha256sum -c and unzip + sha256sum -c.
    const verifies: VerifyResult[] = [];
    const sumsMs: number[] = [];
    const unzipSumsMs: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      log(`verify run ${i}/${RUNS}`);
      sumsMs.push(run('sha256sum', ['-c', '--quiet', '--strict', 'SHA256SUMS'], unzipped));
      const result = worker<VerifyResult>({ mode: 'verify', zip, result: join(tmp, `verify-${i}.json`) });
      if (!result.ok) throw new RunFailure(`the bundle does not verify:\n  ${result.failed.join('\n  ')}`);
      verifies.push(result);
      const fresh = join(tmp, 'unzip-baseline');
      rmSync(fresh, { recursive: true, force: true });
      mkdirSync(fresh);
      unzipSumsMs.push(
        run('unzip', ['-q', zip, '-d', fresh]) +
          run('sha256sum', ['-c', '--quiet', '--strict', 'SHA256SUMS'], fresh),
      );
    }
    log('verify profile');
    const verifyProfile = worker<Profile>({
      mode: 'verify-profile',
      zip,
      result: join(tmp, 'verify-profile.json'),
    });

    // 5. Figures.
    const exportMs = exports.map((e) => e.ms);
    const baselineMs = exports.map((e) => median(e.baselineMs));
    const exportRatios = exports.map((e, i) => e.ms / baselineMs[i]!);
    const exportRatio = median(exportRatios);
    const kernelPeak = exports.every((e) => e.memory.rssPeakKernel !== null);
    const rssAbove = exports.map(
      (e) => Math.max(e.memory.rssPeakKernel ?? 0, e.memory.rssPeakSampled) - e.memory.rssBefore,
    );
    const rssAboveSampled = exports.map((e) => e.memory.rssPeakSampled - e.memory.rssBefore);
    const heapAbove = exports.map((e) => e.memory.heapUsedPeak - e.memory.heapUsedBefore);
    const heapTotalAbove = exports.map((e) => e.memory.heapTotalPeak - e.memory.heapTotalBefore);
    const baselineRssAbove =
      Math.max(baselineAlone.memory.rssPeakKernel ?? 0, baselineAlone.memory.rssPeakSampled) -
      baselineAlone.memory.rssBefore;
    const arrayBuffersAbove = exports.map((e) => e.memory.arrayBuffersPeak - e.memory.arrayBuffersBefore);
    const memoryBudget = largest.size + GOALS.memoryAboveLargest;
    const memoryBudgetPng = largestPng.size + GOALS.memoryAboveLargest;
    const memoryWorst = Math.max(...rssAbove);
    const verifyMs = verifies.map((v) => v.ms);
    const verifyRatios = verifies.map((v, i) => v.ms / sumsMs[i]!);
    const verifyRatio = median(verifyRatios);
    const verifyUnzipRatios = verifies.map((v, i) => v.ms / unzipSumsMs[i]!);
    const verifyRssAbove = verifies.map(
      (v) => Math.max(v.memory.rssPeakKernel ?? 0, v.memory.rssPeakSampled) - v.memory.rssBefore,
    );

    const verdictRatio = (value: number, goal: number) =>
      value <= goal ? 'met' : `MISSED by ${ratio(value / goal)} (+${((value / goal - 1) * 100).toFixed(0)}%)`;
    const rows: Row[] = [
      row('export: buildBundle → file (s)', exportMs, seconds),
      row('baseline: SHA-256 same bytes, createHash (s)', baselineMs, seconds),
      {
        figure: 'export ÷ SHA-256',
        runs: exportRatios.map(ratio),
        median: ratio(exportRatio),
        goal: `≤ ${ratio(GOALS.exportRatio)}`,
        verdict: verdictRatio(exportRatio, GOALS.exportRatio),
      },
      {
        figure: `export peak RSS above pre-export (MiB)${kernelPeak ? '' : ' [sampled]'}`,
        runs: rssAbove.map(mib),
        median: mib(median(rssAbove)),
        goal: `≤ ${mib(memoryBudget)} (${mib(largest.size)}+64)`,
        verdict:
          memoryWorst <= memoryBudget
            ? 'met (worst run)'
            : `MISSED by ${mib(memoryWorst - memoryBudget)} MiB (worst run)`,
      },
      row('  same, 20 ms sampler (MiB)', rssAboveSampled, mib),
      row('  heapUsed peak above pre-export (MiB)', heapAbove, mib),
      row('  heapTotal (V8 committed) peak above (MiB)', heapTotalAbove, mib),
      row('  arrayBuffers peak above pre-export (MiB)', arrayBuffersAbove, mib),
      {
        figure: '  GC pauses during the export (s)',
        runs: exports.map((e) => seconds(e.memory.gc.ms)),
        median: seconds(median(exports.map((e) => e.memory.gc.ms))),
        goal: '',
        verdict: `${median(exports.map((e) => e.memory.gc.major))} mark-compacts (median)`,
      },
      {
        figure: '  baseline alone, peak RSS above (MiB)',
        runs: [mib(baselineRssAbove), '', ''],
        median: '',
        goal: '',
        verdict: `fresh process, same records; ${seconds(baselineAlone.ms)} s`,
      },
      row('verify: readFile + verifyBundle (s)', verifyMs, seconds),
      row('baseline: sha256sum -c SHA256SUMS (s)', sumsMs, seconds),
      row('baseline: unzip -q + sha256sum -c (s)', unzipSumsMs, seconds),
      {
        figure: 'verify ÷ sha256sum -c',
        runs: verifyRatios.map(ratio),
        median: ratio(verifyRatio),
        goal: `≤ ${ratio(GOALS.verifyRatio)}`,
        verdict: verdictRatio(verifyRatio, GOALS.verifyRatio),
      },
      {
        figure: 'verify ÷ (unzip + sha256sum -c)',
        runs: verifyUnzipRatios.map(ratio),
        median: ratio(median(verifyUnzipRatios)),
        goal: '',
        verdict: '',
      },
      row('verify peak RSS above pre-verify (MiB)', verifyRssAbove, mib, '', '(zip held whole)'),
    ];

    const mid = (pick: (e: ExportResult) => number) => median(exports.map(pick));
    const exportMedian = median(exportMs);
    const inRun: Profile = {
      'screenshot(id): readFile, awaited': mid((e) => e.readMs),
      [`write(chunk): FileHandle.write, awaited (${exports[0]!.writes} writes; GC runs in the waits)`]: mid(
        (e) => e.writeMs,
      ),
      'signing SHA256SUMS': mid((e) => e.signMs),
      'the rest: hashing, CRC-32, zip framing, JSON/CSV/HTML, deflate': mid(
        (e) => e.ms - e.readMs - e.writeMs - e.signMs,
      ),
      '(overlapping all of the above) GC pauses': mid((e) => e.memory.gc.ms),
    };
    const load1 = loadavg();
    const report = [
      '',
      `Reproduce: ${COMMAND}`,
      `Node ${process.version}, ${cpus().length} CPUs, load average ${load0.map((l) => l.toFixed(2)).join(' ')} → ${load1.map((l) => l.toFixed(2)).join(' ')}`,
      `Fixture: ${fx.records.length} findings (+${fx.tombstones.length} deleted), ${fx.screenshots.count} screenshots, ` +
        `${mib(fx.screenshots.bytes)} MiB (${(fx.screenshots.bytes / fx.screenshots.count / 1000).toFixed(1)} KB each on average)`,
      `Bundle: ${entries.length} entries, ${mib(entryBytes)} MiB unzipped (the bytes both baselines hash), zip ${mib(zipBytes)} MiB; ` +
        `largest entry ${largest.path} ${(largest.size / 1000).toFixed(0)} KB, largest PNG ${(largestPng.size / 1000).toFixed(0)} KB`,
      `Ratios are per run (each beside its own baseline), then the median of the 3. Medians of ${BASELINE_REPS} baseline passes per run.`,
      '',
      table(rows),
      '',
      `Memory goal taken as the largest entry (${largest.path}) + 64 MiB; with the largest PNG instead: ≤ ${mib(memoryBudgetPng)} MiB → ${memoryWorst <= memoryBudgetPng ? 'met' : `missed by ${mib(memoryWorst - memoryBudgetPng)} MiB`}.`,
      `WebCrypto SHA-256 over the same files (what the builder hashes with): ${seconds(median(exports.map((e) => e.webCryptoBaselineMs)))} s; export ÷ that ${ratio(exportMedian / median(exports.map((e) => e.webCryptoBaselineMs)))}.`,
      '',
      profileLines('Where the export time goes (inside the timed runs, medians):', inRun, exportMedian),
      '',
      profileLines(
        'Export pieces alone, one extra process, median of 3 each (% of the median export):',
        exportProfile,
        exportMedian,
      ),
      '',
      profileLines(
        "verifyBundle's steps, one extra process, median of 3 each (% of the median verify):",
        verifyProfile,
        median(verifyMs),
      ),
      '',
      `Total ${seconds(performance.now() - started)} s (fixture ${seconds(fixtureMs)} s). Written: ${OUT}`,
    ].join('\n');
    process.stdout.write(`${report}\n`);

    mkdirSync(join(ROOT, 'artifacts/bench'), { recursive: true });
    writeFileSync(
      join(ROOT, OUT),
      `${JSON.stringify(
        {
          command: COMMAND,
          date: new Date().toISOString(),
          node: process.version,
          cpus: cpus().length,
          loadavg: { before: load0, after: load1 },
          goals: GOALS,
          fixture: {
            findings: fx.records.length,
            tombstones: fx.tombstones.length,
            screenshots: fx.screenshots,
            ms: fixtureMs,
          },
          bundle: {
            entries: entries.length,
            entryBytes,
            zipBytes,
            largestEntry: largest,
            largestPng,
          },
          export: {
            runs: exports,
            medianMs: exportMedian,
            baselineMedianMs: median(baselineMs),
            ratios: exportRatios,
            ratio: exportRatio,
            met: exportRatio <= GOALS.exportRatio,
            inRun,
            profile: exportProfile,
          },
          memory: {
            rssAbove,
            rssAboveSampled,
            heapAbove,
            heapTotalAbove,
            arrayBuffersAbove,
            baselineAlone,
            kernelPeak,
            budget: memoryBudget,
            budgetLargestPng: memoryBudgetPng,
            worst: memoryWorst,
            met: memoryWorst <= memoryBudget,
          },
          verify: {
            runs: verifies,
            sha256sumMs: sumsMs,
            unzipSha256sumMs: unzipSumsMs,
            medianMs: median(verifyMs),
            ratios: verifyRatios,
            ratio: verifyRatio,
            unzipRatios: verifyUnzipRatios,
            met: verifyRatio <= GOALS.verifyRatio,
            rssAbove: verifyRssAbove,
            profile: verifyProfile,
          },
          totalMs: performance.now() - started,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    if (keep) log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:bundle: ${error instanceof RunFailure ? error.message : error instanceof Error ? (error.stack ?? error.message) : error}\n`,
  );
  process.exit(1);
});
