// Capture latency in real Chromium with the built extension: how long a trusted click on a flag takes to
// become 'saved' (snapshot, screenshot queue, captureVisibleTab, crop, hashes, IndexedDB), how long a burst
// of ten clicks takes to be stored whole, and — measured in the same run, same browser, same page — how
// long the browser's own tabs.captureVisibleTab takes, so the latency reads as a ratio to it.
//
//   npm run bench:capture        (builds first; prints a table, writes artifacts/bench/capture.json)
//
// Times come from the page's own clock: a capture-phase listener records each trusted click's event
// timestamp, a MutationObserver records performance.now() when a button's data-state changes. Figures
// only: nothing here passes or fails a build (the machine is shared; read the load average with them).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { type ChromiumSession, launchChromium } from '../e2e/harness/chromium';
import { type HttpsTestServer, startHttpsServer } from '../e2e/harness/https-server';
import { readStore } from '../e2e/pages/evidence-reader';
import { type XLikePost, xLikePage } from '../e2e/pages/x-like';

const VIEWPORT = { width: 1280, height: 1100 };
const SINGLE_CLICKS = 40;
const WARM_UP = 3;
const SPACING_MS = 600;
const BURSTS = 5;
const BURST_SIZE = 10;
const BURST_GAP_MS = 90;
const BASELINE_CALLS = 20;
/** The screenshot queue's interval (lib/capture/screenshot-queue.ts): ten captures cannot start sooner. */
const QUEUE_INTERVAL_MS = 510;
const GOALS = { latencyP95Ms: 250, burstMs: 6_000 };
const OUT = 'artifacts/bench/capture.json';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const summary = (values: readonly number[]) => ({
  n: values.length,
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  min: Math.min(...values),
  max: Math.max(...values),
  mean: values.reduce((a, b) => a + b, 0) / values.length,
});

/** One-line posts (about 100 px each), so that a burst's ten posts are all in the window at once. */
function posts(count: number, firstId: bigint, prefix: string): XLikePost[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(firstId + BigInt(i)),
    handle: `${prefix}_${i + 1}`,
    name: `Akun Ukur ${i + 1}`,
    text: `Postingan ${prefix} ${i + 1}: ajakan memilih di luar jadwal kampanye.`,
  }));
}

interface Marks {
  clicks: { i: number; t: number }[];
  states: { i: number; state: string; t: number }[];
}

/** Records trusted clicks on flag buttons and every data-state change, on the page's clock. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const marks = {
      clicks: [] as { i: number; t: number }[],
      states: [] as { i: number; state: string; t: number }[],
    };
    Object.assign(window, { netraBench: marks });
    // Capture phase on window: before the button's own handler, which keeps the event to itself.
    window.addEventListener(
      'click',
      (event) => {
        if (!event.isTrusted) return;
        const i = [...document.querySelectorAll('[data-netra-flag]')].indexOf(event.target as Element);
        if (i >= 0) marks.clicks.push({ i, t: event.timeStamp });
      },
      true,
    );
    new MutationObserver((records) => {
      const t = performance.now();
      const all = [...document.querySelectorAll('[data-netra-flag]')];
      for (const record of records) {
        const el = record.target as Element;
        marks.states.push({ i: all.indexOf(el), state: el.getAttribute('data-state') ?? '', t });
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  });
}

const marksOf = (page: Page): Promise<Marks> =>
  page.evaluate(() => (window as unknown as { netraBench: Marks }).netraBench);

/** Resolves once button `i` is no longer saving (saved, or an error, which the bench reports). */
async function settled(page: Page, indexes: number[], timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      const all = [...document.querySelectorAll('[data-netra-flag]')];
      return wanted.every((i) => {
        const state = all[i]?.getAttribute('data-state');
        return state !== 'saving' && state !== 'idle';
      });
    },
    indexes,
    { polling: 25, timeout: timeoutMs },
  );
}

async function openFeed(session: ChromiumSession, url: string, count: number): Promise<Page> {
  for (const old of session.context.pages().slice(1)) await old.close();
  const page = await session.context.newPage();
  await page.goto(url);
  await page.waitForFunction((n) => document.querySelectorAll('[data-netra-flag]').length === n, count);
  await instrument(page);
  return page;
}

async function centre(page: Page, i: number): Promise<{ x: number; y: number }> {
  const box = await page.locator('[data-netra-flag]').nth(i).boundingBox();
  if (!box) throw new Error(`flag button ${i} is not rendered`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

interface Baseline {
  /** tabs.captureVisibleTab alone (PNG data URL of the window). */
  capture: number[];
  /** Then what the pipeline does with such a picture, timed alone: data URL → Blob, decoding it (for its
   * size), cropping a post-sized box out of it and encoding that as PNG, SHA-256 of the window PNG. */
  toBlob: number[];
  decode: number[];
  cropEncode: number[];
  sha256: number[];
}

/** The browser's own capture, from the extension's worker, of the tab in front: the baseline. */
function captureBaseline(session: ChromiumSession): Promise<Baseline> {
  return session.evalInWorker(
    async ({ calls, spacing }) => {
      const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      const [tab] = await api.tabs.query({ active: true });
      const out = { capture: [], toBlob: [], decode: [], cropEncode: [], sha256: [] } as Record<
        string,
        number[]
      >;
      for (let i = 0; i < calls; i++) {
        let start = performance.now();
        const dataUrl = await api.tabs.captureVisibleTab(tab!.windowId!, { format: 'png' });
        out.capture!.push(performance.now() - start);
        start = performance.now();
        const blob = await (await fetch(dataUrl)).blob();
        out.toBlob!.push(performance.now() - start);
        start = performance.now();
        const bitmap = await createImageBitmap(blob);
        out.decode!.push(performance.now() - start);
        start = performance.now();
        const canvas = new OffscreenCanvas(598, 110);
        const bitmap2 = await createImageBitmap(blob);
        canvas.getContext('2d')!.drawImage(bitmap2, 341, 200, 598, 110, 0, 0, 598, 110);
        await canvas.convertToBlob({ type: 'image/png' });
        out.cropEncode!.push(performance.now() - start);
        bitmap.close();
        bitmap2.close();
        start = performance.now();
        await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
        out.sha256!.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, spacing));
      }
      return out as unknown as Baseline;
    },
    { calls: BASELINE_CALLS, spacing: SPACING_MS },
  );
}

async function main() {
  mkdirSync('artifacts/bench', { recursive: true });
  const single = posts(SINGLE_CLICKS + WARM_UP, 1_950_000_000_000_000_001n, 'tunggal');
  const bursts = Array.from({ length: BURSTS }, (_, r) =>
    posts(BURST_SIZE + 1, 1_951_000_000_000_000_001n + BigInt(r) * 100n, `serbu${r + 1}`),
  );
  const server: HttpsTestServer = await startHttpsServer({
    '/bench/single': { body: xLikePage('Beranda', single) },
    ...Object.fromEntries(bursts.map((b, r) => [`/bench/burst-${r + 1}`, { body: xLikePage('Beranda', b) }])),
  });
  const session = await launchChromium({ viewport: VIEWPORT });
  const load = { before: loadavg() };
  try {
    const browserVersion = await session.evalInWorker(() => navigator.userAgent);

    // 1. The baseline, on the same page the single clicks use (same window size, same content).
    let page = await openFeed(session, `${server.origin()}/bench/single`, single.length);
    const baseline = await captureBaseline(session);

    // 2. Single clicks, each one alone in the queue (≥ 600 ms after the previous click and its answer).
    const errors: string[] = [];
    let lastClick = 0;
    for (let i = 0; i < single.length; i++) {
      await page.locator('[data-netra-flag]').nth(i).scrollIntoViewIfNeeded();
      await sleep(100);
      const { x, y } = await centre(page, i);
      const wait = lastClick + SPACING_MS - Date.now();
      if (wait > 0) await sleep(wait);
      lastClick = Date.now();
      await page.mouse.click(x, y);
      await settled(page, [i]);
      await sleep(100);
    }
    const singleMarks = await marksOf(page);
    const latencies: number[] = [];
    for (let i = WARM_UP; i < single.length; i++) {
      const click = singleMarks.clicks.find((c) => c.i === i);
      const done = singleMarks.states.find((s) => s.i === i && s.state !== 'saving');
      if (!click || !done) throw new Error(`click ${i}: no click or no answer recorded`);
      if (done.state !== 'saved') errors.push(`single ${i}: ${done.state}`);
      else latencies.push(done.t - click.t);
    }

    // 3. Bursts: ten clicks ~90 ms apart (under a second in all), then until the tenth is stored (with its screenshots).
    const burstTimes: number[] = [];
    const burstSpans: number[] = [];
    for (let r = 0; r < BURSTS; r++) {
      page = await openFeed(session, `${server.origin()}/bench/burst-${r + 1}`, BURST_SIZE + 1);
      const indexes = Array.from({ length: BURST_SIZE }, (_, i) => i);
      const centres = await Promise.all(indexes.map((i) => centre(page, i)));
      const height = await page.evaluate(() => window.innerHeight);
      if (centres.some((c) => c.y > height)) throw new Error('a burst post is below the window');
      await sleep(1_000);
      // On a schedule (not a fixed pause after each click): a slow click does not push the rest later.
      const burstStart = Date.now();
      for (const [n, c] of centres.entries()) {
        const wait = burstStart + n * BURST_GAP_MS - Date.now();
        if (wait > 0) await sleep(wait);
        await page.mouse.click(c.x, c.y);
      }
      await settled(page, indexes, 60_000);
      const marks = await marksOf(page);
      const first = Math.min(...marks.clicks.map((c) => c.t));
      const lastClickT = Math.max(...marks.clicks.map((c) => c.t));
      const done = indexes.map((i) => marks.states.find((s) => s.i === i && s.state !== 'saving'));
      for (const [i, d] of done.entries())
        if (d?.state !== 'saved') errors.push(`burst ${r + 1} #${i}: ${d?.state}`);
      burstTimes.push(Math.max(...done.map((d) => d?.t ?? Number.NaN)) - first);
      burstSpans.push(lastClickT - first);
      // Stored whole: each of the ten has its post and window screenshots in IndexedDB.
      const urls = bursts[r]!.slice(0, BURST_SIZE).map((p) => `https://x.com/${p.handle}/status/${p.id}`);
      const { records } = await readStore(session);
      for (const url of urls) {
        const record = records.find((rec) => rec.url === url);
        const roles = record?.screenshots
          .filter((s) => s.blobSize > 0 && s.blobSize === s.size)
          .map((s) => s.role);
        if (!roles?.includes('post') || !roles.includes('viewport'))
          errors.push(`burst ${r + 1}: ${url} incomplete`);
      }
    }
    load.before = load.before.map((v) => Math.round(v * 100) / 100);
    const loadAfter = loadavg().map((v) => Math.round(v * 100) / 100);

    const lat = summary(latencies);
    const base = summary(baseline.capture);
    const sortedBursts = [...burstTimes].sort((a, b) => a - b);
    const burst = {
      runs: burstTimes,
      clickSpans: burstSpans,
      median: sortedBursts[Math.floor(sortedBursts.length / 2)]!,
      max: Math.max(...burstTimes),
      floorMs: (BURST_SIZE - 1) * QUEUE_INTERVAL_MS,
    };
    const result = {
      date: new Date().toISOString(),
      browser: browserVersion,
      viewport: VIEWPORT,
      devicePixelRatio: 1,
      machine: { cpus: cpus().length, loadavgBefore: load.before, loadavgAfter: loadAfter },
      goals: GOALS,
      latencyMs: { ...lat, warmUpExcluded: WARM_UP, spacingMs: SPACING_MS, samples: latencies },
      burstMs: burst,
      captureVisibleTabMs: { ...base, samples: baseline.capture },
      pipelinePrimitivesMs: {
        dataUrlToBlob: summary(baseline.toBlob),
        decodeWindowPng: summary(baseline.decode),
        cropAndEncodePost: summary(baseline.cropEncode),
        sha256WindowPng: summary(baseline.sha256),
      },
      ratio: { p50: lat.p50 / base.p50, p95: lat.p95 / base.p95 },
      errors,
    };
    writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);

    const ms = (v: number) => `${v < 1000 ? v.toFixed(1) : Math.round(v)} ms`;
    const verdict = (ok: boolean) => (ok ? 'meets goal' : 'MISSES goal');
    const rows = [
      [
        `Click → 'saved' (${lat.n} clicks, ≥${SPACING_MS} ms apart)`,
        `p50 ${ms(lat.p50)}`,
        `p95 ${ms(lat.p95)}`,
        `goal p95 ≤ ${GOALS.latencyP95Ms} ms: ${verdict(lat.p95 <= GOALS.latencyP95Ms)}`,
      ],
      [
        `Burst of ${BURST_SIZE} clicks in ≤1 s → all stored (${BURSTS} runs)`,
        `median ${ms(burst.median)}`,
        `max ${ms(burst.max)}`,
        `goal ≤ ${GOALS.burstMs} ms (floor ${burst.floorMs} ms): ${verdict(burst.max <= GOALS.burstMs)}`,
      ],
      [
        `tabs.captureVisibleTab alone (${base.n} calls)`,
        `p50 ${ms(base.p50)}`,
        `p95 ${ms(base.p95)}`,
        'baseline, same browser and page',
      ],
      ...(
        [
          ['  then data URL → Blob', baseline.toBlob],
          ['  decode the window PNG', baseline.decode],
          ['  crop a post (598×110) + PNG encode', baseline.cropEncode],
          ['  SHA-256 of the window PNG', baseline.sha256],
        ] as const
      ).map(([label, values]) => {
        const s = summary(values);
        return [label, `p50 ${ms(s.p50)}`, `p95 ${ms(s.p95)}`, 'alone, same worker'];
      }),
      [
        'Click → saved ÷ captureVisibleTab',
        `p50 ×${result.ratio.p50.toFixed(2)}`,
        `p95 ×${result.ratio.p95.toFixed(2)}`,
        '',
      ],
    ];
    const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
    console.log(
      `\n${browserVersion}\nviewport ${VIEWPORT.width}×${VIEWPORT.height} @1x, ${cpus().length} cores, load ${load.before.join(' ')} → ${loadAfter.join(' ')}\n`,
    );
    for (const r of rows)
      console.log(r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell)).join('  '));
    console.log(
      `\nburst runs: ${burstTimes.map(ms).join(', ')} (clicks spanned ${burstSpans.map(ms).join(', ')})`,
    );
    if (errors.length) console.log(`\nerrors: ${errors.join('; ')}`);
    console.log(`\nwritten to ${OUT}`);
  } finally {
    await session.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
