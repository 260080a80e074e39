// Shared by tests/bench/bundle.ts and its child processes (bundle-fixture.ts, bundle-worker.ts): the
// fixture's layout on disk, the memory sampler, and small statistics.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import type { AuditEntry, Tombstone } from '../../lib/evidence/audit';
import type { Evidence, Officer } from '../../lib/evidence/schema';

/** source.json in the fixture folder: everything of the BundleSource but the signer and the screenshots. */
export interface FixtureFile {
  officer: Officer;
  office: { name: string | null };
  extensionVersion: string;
  createdAt: string;
  records: Evidence[];
  tombstones: Tombstone[];
  audit: AuditEntry[];
  screenshots: { count: number; bytes: number; largest: number };
}

export const SOURCE_JSON = 'source.json';
/** The screenshots, one file each: `<screenshot id>.png`, read only when `screenshot(id)` asks. */
export const SHOTS_DIR = 'shots';

export function loadFixture(dir: string): FixtureFile {
  return JSON.parse(readFileSync(join(dir, SOURCE_JSON), 'utf8')) as FixtureFile;
}

export interface MemoryPeaks {
  rss: number;
  /** V8 heap committed (young and old generations): grows with allocation rate, not only live data. */
  heapTotal: number;
  heapUsed: number;
  arrayBuffers: number;
  external: number;
}

/** process.memoryUsage() every `intervalMs` while running; the peaks of each figure. */
export class MemorySampler {
  readonly before: MemoryPeaks;
  readonly peak: MemoryPeaks;
  samples = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly intervalMs = 20) {
    this.before = snapshot();
    this.peak = { ...this.before };
  }

  start(): void {
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }

  private sample(): void {
    const now = snapshot();
    this.samples++;
    for (const key of Object.keys(now) as (keyof MemoryPeaks)[]) {
      this.peak[key] = Math.max(this.peak[key], now[key]);
    }
  }
}

function snapshot(): MemoryPeaks {
  const m = process.memoryUsage();
  return {
    rss: m.rss,
    heapTotal: m.heapTotal,
    heapUsed: m.heapUsed,
    arrayBuffers: m.arrayBuffers,
    external: m.external,
  };
}

/** Resets the kernel's peak-RSS mark (VmHWM) of this process; false where /proc does not allow it. */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** The kernel's peak RSS of this process (VmHWM) in bytes, exact (no sampling gap); null off Linux. */
export function peakRss(): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Every file under `dir` (relative path, size), sorted by path. */
export function listFiles(dir: string): { path: string; size: number }[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => {
      const full = join(d.parentPath, d.name);
      return { path: relative(dir, full), size: statSync(full).size };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The baseline: SHA-256 (node:crypto) of each file under `dir`, read one at a time, the way the builder
 * reads each screenshot: the bytes the bundle holds, hashed once. Returns milliseconds.
 */
export async function sha256Files(dir: string, files: readonly { path: string }[]): Promise<number> {
  const t0 = performance.now();
  for (const file of files) {
    createHash('sha256')
      .update(await readFile(join(dir, file.path)))
      .digest('hex');
  }
  return performance.now() - t0;
}

/** Garbage-collection pauses (count, total ms, by kind) while running, from Node's 'gc' performance entries. */
export class GcWatch {
  count = 0;
  ms = 0;
  major = 0;
  majorMs = 0;
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      this.count++;
      this.ms += entry.duration;
      // NODE_PERFORMANCE_GC_MAJOR = 4 (mark-compact)
      if ((entry as { detail?: { kind?: number } }).detail?.kind === 4) {
        this.major++;
        this.majorMs += entry.duration;
      }
    }
  });

  start(): void {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Stops watching; waits a tick so the last entries are delivered. */
  async stop(): Promise<{ count: number; ms: number; major: number; majorMs: number }> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.observer.disconnect();
    return { count: this.count, ms: this.ms, major: this.major, majorMs: this.majorMs };
  }
}

export const MiB = 2 ** 20;
