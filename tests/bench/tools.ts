// Shared plumbing of the benchmark: a Chromium WITHOUT the extension (the baseline browser, same switches as
// the e2e harness's launchChromium minus the extension), bundling for the page, and small statistics.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { type BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM_PATH, LOOPBACK_FLAGS } from '../e2e/harness/chromium';
import { FEEDS, type FeedShape } from './feeds';

export interface BaselineBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBaseline(): Promise<BaselineBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'netra-bench-'));
  const cleanup = () => rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: false,
      ignoreDefaultArgs: ['--disable-extensions'],
      ignoreHTTPSErrors: true,
      viewport: { width: 1280, height: 900 },
      args: ['--headless=new', '--hide-scrollbars', '--mute-audio', '--no-sandbox', ...LOOPBACK_FLAGS],
    });
    return {
      context,
      async close() {
        await context.close().catch(() => {});
        cleanup();
      },
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}

/** One TypeScript entry bundled into a classic script for the page (the lib code as written, not minified). */
export async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
    platform: 'browser',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** The run failed (as opposed to measuring something slow): `npm run bench` exits 1. */
export class BenchFailure extends Error {}

/** The feeds to measure: all, or those NETRA_BENCH_FEEDS names (x,facebook,instagram). */
export function selectedFeeds(): FeedShape[] {
  const wanted = process.env.NETRA_BENCH_FEEDS?.split(',').map((id) => id.trim());
  if (!wanted) return [...FEEDS];
  const feeds = FEEDS.filter((feed) => wanted.includes(feed.id));
  if (feeds.length === 0) throw new BenchFailure(`NETRA_BENCH_FEEDS=${wanted.join(',')} names no feed`);
  return feeds;
}
