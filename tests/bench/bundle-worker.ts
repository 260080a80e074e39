// Child process of tests/bench/bundle.ts, one measurement per process so that each starts with a clean
// heap:  node --expose-gc --import tsx tests/bench/bundle-worker.ts '<json WorkerJob>'
//   export          buildBundle streaming to a file (FileHandle.write, each awaited) — wall time and
//                   memory — then the SHA-256 baseline over the unzipped bundle's files, same process
//   baseline        the SHA-256 baseline alone, with the same records loaded: its time and memory
//   export-profile  where the export's time goes, piece by piece, on the same fixture
//   verify          readFile + verifyBundle — wall time and memory
//   verify-profile  verifyBundle's steps (the ones verify.ts runs), timed one by one
// The result is written as JSON to job.result.
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { type FileHandle, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync, unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { type BundleSource, buildBundle } from '../../lib/bundle/build';
import { CheckList } from '../../lib/bundle/checks';
import { evidenceCsv } from '../../lib/bundle/csv';
import { evidenceIdOf, SUMS } from '../../lib/bundle/format';
import { reportHtml } from '../../lib/bundle/report-html';
import { throwawayDeviceKey } from '../../lib/bundle/sample-shift';
import { type BundleSigner, deviceSigner } from '../../lib/bundle/signer';
import { verifyBundle } from '../../lib/bundle/verify';
import { checkAudit, checkScreenshots, checkViews } from '../../lib/bundle/verify-content';
import {
  checkKey,
  checkListed,
  checkRequired,
  checkSignature,
  readSums,
  readZip,
} from '../../lib/bundle/verify-files';
import { checkChain, checkRecordFiles, readManifest } from '../../lib/bundle/verify-records';
import { canonicalJson, sha256Hex } from '../../lib/evidence/canonical';
import { median } from '../tools/median';
import {
  type FixtureFile,
  GcWatch,
  listFiles,
  loadFixture,
  MemorySampler,
  MiB,
  peakRss,
  resetPeakRss,
  SHOTS_DIR,
  sha256Files,
} from './bundle-common';

export type WorkerJob =
  | {
      mode: 'export';
      fixture: string;
      out: string;
      /** The unzipped bundle to hash as the baseline; null for the warm-up run that makes it. */
      baselineDir: string | null;
      baselineReps: number;
      result: string;
    }
  | { mode: 'export-profile'; fixture: string; out: string; result: string }
  | { mode: 'baseline'; fixture: string; baselineDir: string; result: string }
  | { mode: 'verify'; zip: string; result: string }
  | { mode: 'verify-profile'; zip: string; result: string };

export interface MemoryResult {
  /** RSS right before the measured call, after a full GC. */
  rssBefore: number;
  /** Peak RSS seen by the 20 ms sampler, and by the kernel (VmHWM, reset right before the call). */
  rssPeakSampled: number;
  rssPeakKernel: number | null;
  heapUsedBefore: number;
  heapUsedPeak: number;
  arrayBuffersBefore: number;
  arrayBuffersPeak: number;
  externalBefore: number;
  externalPeak: number;
  heapTotalBefore: number;
  heapTotalPeak: number;
  samples: number;
  /** Garbage-collection pauses during the call. */
  gc: { count: number; ms: number; major: number; majorMs: number };
}

export interface ExportResult {
  ms: number;
  bytes: number;
  count: number;
  /** Inside the export: awaiting screenshot(id) (readFile), awaiting write(chunk), signing. */
  readMs: number;
  writeMs: number;
  writes: number;
  signMs: number;
  memory: MemoryResult;
  /** SHA-256 (node:crypto) of every file of the unzipped bundle, read one by one, `baselineReps` times. */
  baselineMs: number[];
  baselineBytes: number;
  baselineFiles: number;
  /** The same with WebCrypto (what the builder hashes with), once. */
  webCryptoBaselineMs: number;
}

export interface BaselineResult {
  ms: number;
  records: number;
  memory: MemoryResult;
}

export interface VerifyResult {
  ms: number;
  readMs: number;
  ok: boolean;
  failed: string[];
  checks: number;
  memory: MemoryResult;
}

const PROFILE_REPS = 3;

/** Named pieces in milliseconds, in the order they ran. */
export type Profile = Record<string, number>;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function settle(): Promise<void> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc();
}

/** Runs `fn` between a fresh peak mark and the sampler; returns its result, wall time and memory. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; memory: MemoryResult }> {
  await settle();
  const sampler = new MemorySampler(20);
  const gcWatch = new GcWatch();
  resetPeakRss();
  sampler.start();
  gcWatch.start();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  sampler.stop();
  const kernel = peakRss();
  const gcs = await gcWatch.stop();
  return {
    value,
    ms,
    memory: {
      rssBefore: sampler.before.rss,
      rssPeakSampled: sampler.peak.rss,
      rssPeakKernel: kernel,
      heapUsedBefore: sampler.before.heapUsed,
      heapUsedPeak: sampler.peak.heapUsed,
      arrayBuffersBefore: sampler.before.arrayBuffers,
      arrayBuffersPeak: sampler.peak.arrayBuffers,
      externalBefore: sampler.before.external,
      externalPeak: sampler.peak.external,
      heapTotalBefore: sampler.before.heapTotal,
      heapTotalPeak: sampler.peak.heapTotal,
      samples: sampler.samples,
      gc: gcs,
    },
  };
}

interface ExportStats {
  readMs: number;
  writeMs: number;
  writes: number;
  signMs: number;
}

/** The BundleSource of the fixture: screenshots read from disk one at a time, when the builder asks. */
async function fixtureSource(
  dir: string,
  stats: ExportStats,
): Promise<{ fx: FixtureFile; source: BundleSource }> {
  const fx = loadFixture(dir);
  const signer = deviceSigner(await throwawayDeviceKey());
  const timedSigner: BundleSigner = {
    spki: signer.spki,
    fingerprint: signer.fingerprint,
    async sign(data) {
      const t0 = performance.now();
      const signature = await signer.sign(data);
      stats.signMs += performance.now() - t0;
      return signature;
    },
  };
  const source: BundleSource = {
    officer: fx.officer,
    office: fx.office,
    extensionVersion: fx.extensionVersion,
    createdAt: new Date(fx.createdAt),
    records: fx.records,
    tombstones: fx.tombstones,
    audit: fx.audit,
    previous: null,
    signer: timedSigner,
    async screenshot(id) {
      const t0 = performance.now();
      const bytes = await readFile(join(dir, SHOTS_DIR, `${id}.png`));
      stats.readMs += performance.now() - t0;
      return bytes;
    },
  };
  return { fx, source };
}

async function runExport(job: Extract<WorkerJob, { mode: 'export' }>): Promise<ExportResult> {
  const stats: ExportStats = { readMs: 0, writeMs: 0, writes: 0, signMs: 0 };
  const { source } = await fixtureSource(job.fixture, stats);
  const run = await measured(async () => {
    const file = await open(job.out, 'w');
    try {
      return await buildBundle(source, async (chunk) => {
        const t0 = performance.now();
        await file.write(chunk);
        stats.writeMs += performance.now() - t0;
        stats.writes++;
      });
    } finally {
      await file.close();
    }
  });

  // The baseline, after the export so the export's memory is measured on a clean process.
  const dir = job.baselineDir;
  const files = dir === null ? [] : listFiles(dir);
  const baselineMs: number[] = [];
  let webCryptoBaselineMs = 0;
  if (dir !== null) {
    for (let i = 0; i < job.baselineReps; i++) {
      await settle();
      baselineMs.push(await sha256Files(dir, files));
    }
    await settle();
    const t0 = performance.now();
    for (const file of files) await sha256Hex(await readFile(join(dir, file.path)));
    webCryptoBaselineMs = performance.now() - t0;
  }

  return {
    ms: run.ms,
    bytes: run.value.bytes,
    count: run.value.count,
    ...stats,
    memory: run.memory,
    baselineMs,
    baselineBytes: files.reduce((n, f) => n + f.size, 0),
    baselineFiles: files.length,
    webCryptoBaselineMs,
  };
}

/** The baseline alone in a fresh process holding the same records: its time and memory, for scale. */
async function runBaseline(job: Extract<WorkerJob, { mode: 'baseline' }>): Promise<BaselineResult> {
  const fx = loadFixture(job.fixture);
  const files = listFiles(job.baselineDir);
  const run = await measured(() => sha256Files(job.baselineDir, files));
  return { ms: run.value, records: fx.records.length, memory: run.memory };
}

/**
 * A sink gathering the builder's chunks into `size`-byte blocks, each written and awaited: the same
 * back-pressure with ~180 writes instead of three per zip entry (header, data, data descriptor).
 */
function coalescingSink(file: FileHandle, size: number) {
  const block = new Uint8Array(size);
  let used = 0;
  const flush = async () => {
    if (used > 0) await file.write(block.subarray(0, used));
    used = 0;
  };
  return {
    flush,
    async write(chunk: Uint8Array) {
      if (used + chunk.length > size) await flush();
      if (chunk.length >= size) await file.write(chunk);
      else {
        block.set(chunk, used);
        used += chunk.length;
      }
    },
  };
}

/** The export's pieces on the same fixture: what each costs alone. */
async function exportProfile(job: Extract<WorkerJob, { mode: 'export-profile' }>): Promise<Profile> {
  const stats: ExportStats = { readMs: 0, writeMs: 0, writes: 0, signMs: 0 };
  const { fx, source } = await fixtureSource(job.fixture, stats);
  const profile: Profile = {};
  // Each piece PROFILE_REPS times, the median kept: the machine is shared.
  const time = async (name: string, fn: () => unknown) => {
    const times: number[] = [];
    for (let i = 0; i < PROFILE_REPS; i++) {
      await settle();
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    profile[name] = median(times);
  };
  const shots = fx.records.flatMap((r) =>
    r.screenshots.map((s) => join(job.fixture, SHOTS_DIR, `${s.id}.png`)),
  );

  let manifest: Awaited<ReturnType<typeof buildBundle>>['manifest'] | undefined;
  let chunks: number[] = [];
  const reads: number[] = [];
  const gcs: Awaited<ReturnType<GcWatch['stop']>>[] = [];
  await time('buildBundle, sink discards (no disk write)', async () => {
    const gcWatch = new GcWatch();
    gcWatch.start();
    stats.readMs = 0;
    chunks = [];
    manifest = (await buildBundle(source, (chunk) => void chunks.push(chunk.length))).manifest;
    reads.push(stats.readMs);
    gcs.push(await gcWatch.stop());
  });
  profile['  of which screenshot(id) = readFile, awaited'] = median(reads);
  profile[`  of which GC pauses (${median(gcs.map((g) => g.major))} mark-compacts)`] = median(
    gcs.map((g) => g.ms),
  );
  await time('buildBundle, no screenshots (screenshot(id) → null), sink discards', async () => {
    await buildBundle({ ...source, screenshot: async () => null }, () => {});
  });

  // The sink alone: the builder's chunks (sizes as emitted) written and awaited one by one, then the
  // same bytes in 1 MiB writes.
  const block = new Uint8Array(Math.max(...chunks, MiB)).fill(0x5a);
  const total = chunks.reduce((n, c) => n + c, 0);
  const writeAll = async (sizes: readonly number[]) => {
    rmSync(job.out, { force: true });
    const file = await open(job.out, 'w');
    for (const size of sizes) await file.write(block.subarray(0, size));
    await file.close();
  };
  await time(`sink alone: FileHandle.write ×${chunks.length} (the builder's chunks), awaited`, () =>
    writeAll(chunks),
  );
  const coalesced = Array.from({ length: Math.ceil(total / MiB) }, (_, i) => Math.min(MiB, total - i * MiB));
  await time(`sink alone: the same bytes as ${coalesced.length} writes of 1 MiB`, () => writeAll(coalesced));
  const toFile = async (coalesce: boolean) => {
    rmSync(job.out, { force: true });
    const file = await open(job.out, 'w');
    const sink = coalesce ? coalescingSink(file, MiB) : null;
    await buildBundle(source, sink ? sink.write : async (chunk) => void (await file.write(chunk)));
    await sink?.flush();
    await file.close();
  };
  await time('buildBundle → file, every chunk written and awaited (as the timed runs)', () => toFile(false));
  await time('buildBundle → file through a sink coalescing chunks into 1 MiB writes', () => toFile(true));
  rmSync(job.out, { force: true });
  await time('screenshots: readFile alone', async () => {
    for (const path of shots) await readFile(path);
  });
  // In memory from here on (this process measures no memory), so each piece is CPU alone.
  const pngs: Uint8Array[] = [];
  for (const path of shots) pngs.push(await readFile(path));
  await time('screenshots: sha256Hex (WebCrypto, as ZipWriter.add)', async () => {
    for (const png of pngs) await sha256Hex(png);
  });
  await time('screenshots: node:crypto createHash (the baseline)', () => {
    for (const png of pngs) createHash('sha256').update(png).digest('hex');
  });
  await time('screenshots: fflate CRC-32 (ZipPassThrough.push)', () => {
    for (const png of pngs) {
      const entry = new ZipPassThrough('x.png');
      entry.ondata = () => {};
      entry.push(png, true);
    }
  });
  await time('screenshots: zlib.crc32 (native, for comparison)', async () => {
    const { crc32 } = await import('node:zlib');
    for (const png of pngs) crc32(png);
  });
  pngs.length = 0;

  const texts: Uint8Array[] = [];
  await time('evidence/*.json: canonicalJson ×records', () => {
    for (const record of fx.records) canonicalJson({ ...record, exportedAt: null });
  });
  for (const record of fx.records) {
    texts.push(new TextEncoder().encode(canonicalJson({ ...record, exportedAt: null })));
  }
  await time(`evidence/*.json: a new ZipDeflate (level 6) per file ×${texts.length}, as ZipWriter`, () => {
    const zip = new Zip(() => {});
    for (const [i, text] of texts.entries()) {
      const entry = new ZipDeflate(`${i}.json`, { level: 6 });
      zip.add(entry);
      entry.push(text, true);
    }
    zip.end();
  });
  await time(`evidence/*.json: deflateSync (level 6) per file ×${texts.length}, for comparison`, () => {
    for (const text of texts) deflateSync(text, { level: 6 });
  });
  let csv = '';
  let html = '';
  await time('evidence.csv: evidenceCsv', () => {
    csv = evidenceCsv(fx.records, fx.audit);
  });
  await time('index.html: reportHtml', () => {
    html = reportHtml(manifest!, fx.records, fx.audit);
  });
  texts.push(new TextEncoder().encode(csv), new TextEncoder().encode(html));
  const records = texts.slice(0, fx.records.length);
  profile['  evidence/*.json size [MiB]'] = records.reduce((n, t) => n + t.length, 0);
  profile['  evidence/*.json deflated size [MiB]'] = records.reduce((n, t) => n + deflateSync(t).length, 0);
  profile['  text size (JSON + CSV + HTML) [MiB]'] = texts.reduce((n, t) => n + t.length, 0);
  profile['  index.html size [MiB]'] = texts.at(-1)!.length;
  await time('text (JSON + CSV + HTML): deflateSync level 6 (fflate)', () => {
    for (const text of texts) deflateSync(text, { level: 6 });
  });
  await time('text (JSON + CSV + HTML): sha256Hex (WebCrypto)', async () => {
    for (const text of texts) await sha256Hex(text);
  });
  return profile;
}

async function runVerify(job: Extract<WorkerJob, { mode: 'verify' }>): Promise<VerifyResult> {
  let readMs = 0;
  const run = await measured(async () => {
    const t0 = performance.now();
    const bytes = await readFile(job.zip);
    readMs = performance.now() - t0;
    return verifyBundle(bytes);
  });
  return {
    ms: run.ms,
    readMs,
    ok: run.value.ok,
    failed: run.value.checks.filter((c) => !c.ok).map((c) => `${c.id}: ${c.messageEn}`),
    checks: run.value.checks.length,
    memory: run.memory,
  };
}

/** verify.ts's run(), step by step with a clock around each (no previous bundle, no trusted list). */
async function verifyProfile(job: Extract<WorkerJob, { mode: 'verify-profile' }>): Promise<Profile> {
  const laps = new Map<string, number[]>();
  for (let rep = 0; rep < PROFILE_REPS; rep++) {
    const checks = new CheckList();
    await settle();
    let t = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      laps.set(name, [...(laps.get(name) ?? []), now - t]);
      t = now;
    };
    const zip = await readFile(job.zip);
    lap('readFile (the zip)');
    const files = readZip(zip, checks);
    if (!files) throw new Error('readZip failed');
    lap('readZip (fflate unzipSync: copies every entry)');
    checkRequired(files, checks);
    const sums = readSums(files, checks);
    if (!sums) throw new Error('readSums failed');
    await sha256Hex(files.get(SUMS)!);
    lap('readSums');
    const fingerprint = await checkSignature(files, checks);
    lap('checkSignature');
    const manifest = readManifest(files, checks);
    if (!manifest || !fingerprint) throw new Error('manifest or key unreadable');
    checkKey(fingerprint, manifest.device.keyFingerprint, undefined, checks);
    lap('readManifest + checkKey');
    await checkListed(files, sums, checks);
    lap('checkListed (sha256Hex of every file)');
    const records = await checkRecordFiles(files, sums, checks);
    lap('checkRecordFiles (parse, schema, chainHash of each record)');
    const evidenceFiles = [...sums.keys()].filter((p) => evidenceIdOf(p) !== null && files.has(p)).length;
    await checkChain(records, evidenceFiles, manifest, checks);
    lap('checkChain (verifyChain: every chainHash again)');
    await checkScreenshots(files, sums, records, checks);
    lap('checkScreenshots (sha256Hex of every PNG, again)');
    const audit = await checkAudit(files, manifest, checks);
    lap('checkAudit');
    if (!audit) throw new Error('audit unreadable');
    checkViews(files, manifest, records, audit, checks);
    lap('checkViews (rebuild CSV + HTML, compare)');
    if (!checks.ok) throw new Error('verify-profile: a check failed');
    // For scale: the same bytes hashed natively, and the unzip alone.
    for (const bytes of files.values()) createHash('sha256').update(bytes).digest();
    lap('(for scale) node:crypto createHash of every file');
    unzipSync(zip);
    lap('(for scale) fflate unzipSync again');
  }
  return Object.fromEntries([...laps].map(([name, times]) => [name, median(times)]));
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as WorkerJob;
  let result: unknown;
  switch (job.mode) {
    case 'export':
      result = await runExport(job);
      break;
    case 'baseline':
      result = await runBaseline(job);
      break;
    case 'export-profile':
      result = await exportProfile(job);
      break;
    case 'verify':
      result = await runVerify(job);
      break;
    case 'verify-profile':
      result = await verifyProfile(job);
      break;
    default:
      throw new Error(`unknown job ${process.argv[2]}`);
  }
  writeFileSync(job.result, JSON.stringify(result));
}

main().catch((error: unknown) => {
  process.stderr.write(`bundle-worker: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  process.exit(1);
});
