// The custody soak: hundreds of real flag clicks in real Chromium over X, Facebook and Instagram pages,
// with the service worker stopped at random moments and some tabs closed while their captures are in
// flight. Reports lost and duplicated findings; the goal is 0 and 0.
//
//   npm run soak                      300 flags (builds first)
//   npx tsx tests/e2e/soak.ts --flags 60 --seed 7 --stop-every 10 --close-every 4
//
// A click is "sent" once its button leaves 'idle' (it turns 'saving' synchronously on a trusted click).
// Lost = a sent click with no record of its post afterwards; duplicated = more than one record for one
// click. Posts are flagged at most once per tab and each tab has its own address (`?soak=N`), so a click
// is its (page URL, post URL) pair. The run ends the way a real shift does: the worker is stopped and
// started once more (as Chrome does after 30 s idle and the next event), its resumeJobs pass runs 6 s
// later, and everything must be stored by then.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { extractPosts } from '../../lib/platforms';
import { parseSavedPage } from '../../lib/platforms/extract-cli';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { type HttpsTestServer, startHttpsServer } from './harness/https-server';
import { readStore, type StoredRecord } from './pages/evidence-reader';
import { inventPosts, seededRandom, xLikePage } from './pages/x-like';

// ---- The pages, one row per platform ---------------------------------------------------------------------
// `html(tab, random)` is the page served for tab number `tab`: the project's own synthetic pages only. A row
// whose host has no content script in the build (.output/chrome-mv3/manifest.json) runs X_SHAPED instead,
// and the report says so. Adding a platform (or another page of one) is one row.
interface SoakSite {
  platform: string;
  host: string;
  path: string;
  html(tab: number, random: () => number): string;
}

const X_POSTS_PER_TAB = 20;
const xShaped = (tab: number, random: () => number) =>
  xLikePage(
    'Beranda',
    inventPosts(X_POSTS_PER_TAB, 1_900_000_000_000_000_000n + BigInt(tab) * 1000n, random),
  );
const fixture = (path: string) => () => readFileSync(`tests/fixtures/${path}`, 'utf8');

const X_SHAPED: Omit<SoakSite, 'platform'> = { host: 'x.com', path: '/home', html: xShaped };
const SITES: SoakSite[] = [
  { platform: 'x', ...X_SHAPED },
  {
    platform: 'facebook',
    host: 'www.facebook.com',
    path: '/groups/1234567890123456/',
    html: fixture('facebook/group-feed.html'),
  },
  { platform: 'instagram', host: 'www.instagram.com', path: '/', html: fixture('instagram/feed-home.html') },
];

// ---- Options ---------------------------------------------------------------------------------------------
export interface SoakOptions {
  flags: number;
  seed: number;
  /** Stop the worker about every this many flags (at a random moment after a click). */
  stopEvery: number;
  /** Close about one tab in this many right after a burst of clicks, captures still in flight (0: never). */
  closeEvery: number;
  extensionDir?: string;
  /** Where the JSON report goes; none when undefined. */
  resultFile?: string;
  log?: (line: string) => void;
}

export const DEFAULTS: SoakOptions = {
  flags: 300,
  seed: 20_251_122,
  stopEvery: 12,
  closeEvery: 4,
  resultFile: 'artifacts/soak/result.json',
};

interface Click {
  tab: number;
  platform: string;
  pageUrl: string;
  url: string;
  /** Button state right after the click: 'idle' means the click did not register (not sent). */
  stateAfterClick: string;
  /** Final state (or the state when its tab was closed). */
  state: string;
  closedMidCapture: boolean;
}

export interface SoakResult {
  options: Omit<SoakOptions, 'log'>;
  sites: { platform: string; host: string; pages: number; flags: number; substitute: boolean }[];
  flags: number;
  sent: number;
  stored: number;
  lost: number;
  /** Of the lost: the button said so (error). */
  lostWithError: number;
  /** Lost among the clicks whose tab was closed mid-capture. */
  lostInClosedTabs: number;
  duplicated: number;
  withoutScreenshot: number;
  /** Stored, although the button showed an error (the officer would flag again: a second version). */
  storedDespiteError: number;
  workerStops: number;
  /** Of the worker stops: those with a button of the page still saving when the worker went. */
  workerStopsMidCapture: number;
  tabsClosed: number;
  clicksInFlightAtClose: number;
  jobsLeft: number;
  wallTimeMs: number;
  lostClicks: Click[];
  /** Stored by resumeJobs from the snapshot alone (the capture was cut short and nobody retried it). */
  withoutScreenshotClicks: Click[];
  /** Clicks that did not register (the button stayed idle: the page moved under the pointer). */
  unsentClicks: Click[];
}

// ---- The run ---------------------------------------------------------------------------------------------
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Hosts the built extension's content scripts run on. */
function contentScriptHosts(extensionDir: string): string[] {
  const manifest = JSON.parse(readFileSync(`${extensionDir}/manifest.json`, 'utf8')) as {
    content_scripts?: { matches: string[] }[];
  };
  return (manifest.content_scripts ?? []).flatMap((cs) =>
    cs.matches.map((m) => /^[^:]+:\/\/([^/]+)\//.exec(m)?.[1] ?? ''),
  );
}

const covers = (pattern: string, host: string) =>
  pattern === host || (pattern.startsWith('*.') && host.endsWith(pattern.slice(1)));

const states = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-netra-flag]')].map((b) => b.getAttribute('data-state') ?? ''),
  );

export async function runSoak(partial: Partial<SoakOptions> = {}): Promise<SoakResult> {
  const options: SoakOptions = { ...DEFAULTS, ...partial };
  const log = options.log ?? ((line: string) => console.log(line));
  const extensionDir = options.extensionDir ?? '.output/chrome-mv3';
  if (!existsSync(`${extensionDir}/manifest.json`))
    throw new Error(`${extensionDir}: run npm run build first`);
  const random = seededRandom(options.seed);
  const hosts = contentScriptHosts(extensionDir);
  const sites = SITES.map((site) => {
    const substitute = !hosts.some((pattern) => covers(pattern, site.host));
    return { ...(substitute ? { ...site, ...X_SHAPED } : site), substitute, pages: 0, flags: 0 };
  });
  for (const s of sites.filter((s) => s.substitute)) {
    log(`${s.platform}: no content script for its host in the build, an X-shaped page on x.com instead`);
  }

  const started = Date.now();
  const server: HttpsTestServer = await startHttpsServer({});
  const chromium: ChromiumSession = await launchChromium({
    extensionDir,
    viewport: { width: 1280, height: 900 },
  });
  const clicks: Click[] = [];
  let workerStops = 0;
  let workerStopsMidCapture = 0;
  let tabsClosed = 0;
  let untilStop = 1 + Math.floor(random() * options.stopEvery * 2);

  const maybeStopWorker = async (page: Page) => {
    if (--untilStop > 0) return;
    untilStop = 1 + Math.floor(random() * options.stopEvery * 2);
    // A random moment: right after the click (its capture certainly in flight) half the time, else up to
    // 700 ms later: message in flight, waiting in the screenshot queue, capturing, storing, or idle.
    if (random() < 0.5) await sleep(Math.floor(random() * 700));
    const inFlight = (await states(page)).includes('saving');
    await chromium.stopWorker();
    workerStops++;
    if (inFlight) workerStopsMidCapture++;
  };

  /** Waits until no button of the page is 'saving' (the officer stays while captures finish). */
  const settle = async (page: Page, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && (await states(page)).includes('saving')) await sleep(200);
  };

  /** Waits (a little) until the worker holds a job or a record for each of these clicks. */
  const persisted = async (of: Click[], timeoutMs = 3_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { records, jobs } = await readStore(chromium);
      const known = new Set([...records, ...jobs].map((r) => `${r.pageUrl} ${r.url}`));
      if (of.every((c) => known.has(`${c.pageUrl} ${c.url}`))) return;
      await sleep(30);
    }
  };

  try {
    for (let tab = 0; clicks.length < options.flags; tab++) {
      const site = sites[tab % sites.length]!;
      const path = `${site.path}?soak=${tab}`;
      const html = site.html(tab, random);
      server.setRoute(`//${site.host}${site.path}`, { body: html });
      const pageUrl = `${server.origin(site.host)}${path}`;
      // What the adapter reads from this page, post by post, in the order the feed puts flag buttons.
      const parsed = parseSavedPage(html, pageUrl);
      const expected = extractPosts(parsed.document, pageUrl).map((p) => p.url);
      parsed.close();

      const page = await chromium.context.newPage();
      await page.goto(pageUrl);
      const buttons = page.locator('[data-netra-flag]');
      const deadline = Date.now() + 15_000;
      while ((await buttons.count()) < expected.length && Date.now() < deadline) await sleep(100);
      if ((await buttons.count()) !== expected.length) {
        throw new Error(
          `${pageUrl}: ${await buttons.count()} flag buttons, the adapter reads ${expected.length}`,
        );
      }
      // Posts with a permalink of their own on this page: each is flagged once.
      const seen = new Set<string>();
      const flaggable = expected.flatMap((url, index) => {
        if (!url || seen.has(url)) return [];
        seen.add(url);
        return [{ url, index }];
      });
      const plan = flaggable.slice(0, options.flags - clicks.length);
      const closeMidCapture = plan.length >= 2 && options.closeEvery > 0 && random() < 1 / options.closeEvery;
      const burstFrom = closeMidCapture
        ? plan.length - Math.min(plan.length, 2 + Math.floor(random() * 3))
        : -1;
      site.pages++;
      const mine: Click[] = [];

      const record = (url: string, state: string) => {
        const click: Click = {
          tab,
          platform: site.platform,
          pageUrl,
          url,
          stateAfterClick: state,
          state,
          closedMidCapture: false,
        };
        mine.push(click);
        clicks.push(click);
        site.flags++;
      };
      const normal = burstFrom >= 0 ? plan.slice(0, burstFrom) : plan;
      for (const { url, index } of normal) {
        // Keep the queue realistic: an officer does not flag 20 posts in five seconds.
        while ((await states(page)).filter((s) => s === 'saving').length > 4) await sleep(100);
        const button = buttons.nth(index);
        await button.click({ timeout: 30_000 });
        record(url, (await button.getAttribute('data-state')) ?? '');
        const roll = random();
        await sleep(
          roll < 0.2
            ? 60
            : roll < 0.9
              ? 150 + Math.floor(random() * 550)
              : 1000 + Math.floor(random() * 1000),
        );
        await maybeStopWorker(page);
      }
      // The last few posts in quick succession (trusted clicks at the buttons' centres, no actionability
      // waits), and then the tab is closed.
      const burst = burstFrom >= 0 ? plan.slice(burstFrom) : [];
      if (burst.length > 0) await buttons.nth(burst[0]!.index).scrollIntoViewIfNeeded();
      const boxes = await Promise.all(burst.map((b) => buttons.nth(b.index).boundingBox()));
      const windowHeight = await page.evaluate(() => window.innerHeight);
      for (const [k, { index }] of burst.entries()) {
        const box = boxes[k];
        if (box && box.y >= 0 && box.y + box.height <= windowHeight) {
          await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        } else {
          await buttons.nth(index).click({ timeout: 30_000 });
        }
        await sleep(50 + Math.floor(random() * 100));
      }
      const afterBurst = await states(page);
      for (const { url, index } of burst) record(url, afterBurst[index] ?? '');

      if (closeMidCapture) {
        // Sent and persisted (a job or already a record), then the tab goes with its captures in flight.
        await persisted(mine.slice(burstFrom));
        const now = await states(page);
        for (const click of mine) {
          click.state = now[expected.indexOf(click.url)] ?? '';
          click.closedMidCapture = click.state === 'saving';
        }
        await page.close();
        tabsClosed++;
      } else {
        await settle(page);
        const now = await states(page);
        for (const click of mine) click.state = now[expected.indexOf(click.url)] ?? '';
        await page.close();
      }
      log(
        `tab ${tab} ${site.platform}${site.substitute ? ' (X-shaped)' : ''}: ${mine.length} flags` +
          `${closeMidCapture ? `, closed with ${mine.filter((c) => c.closedMidCapture).length} in flight` : ''}` +
          ` — ${clicks.length}/${options.flags}, ${workerStops} worker stops`,
      );
    }

    // The end of the shift: the worker idles out and is started by the next event; 6 s later it stores
    // every job older than 5 s (those from closed tabs) from its snapshot.
    await sleep(5_500);
    await chromium.stopWorker();
    await chromium.currentWorker();
    let store = await readStore(chromium);
    for (let waited = 0; store.jobs.length > 0 && waited < 30_000; waited += 500) {
      await sleep(500);
      store = await readStore(chromium);
    }
    if (store.jobs.length === 0) await sleep(500);
    store = await readStore(chromium);
    return tally(options, sites, clicks, store.records, store.jobs.length, started, {
      workerStops,
      workerStopsMidCapture,
      tabsClosed,
    });
  } finally {
    await chromium.close();
    await server.close();
  }
}

function tally(
  options: SoakOptions,
  sites: SoakResult['sites'],
  clicks: Click[],
  records: StoredRecord[],
  jobsLeft: number,
  started: number,
  counts: Pick<SoakResult, 'workerStops' | 'workerStopsMidCapture' | 'tabsClosed'>,
): SoakResult {
  const byClick = new Map<string, StoredRecord[]>();
  for (const r of records) {
    const key = `${r.pageUrl} ${r.url}`;
    byClick.set(key, [...(byClick.get(key) ?? []), r]);
  }
  const sent = clicks.filter((c) => c.stateAfterClick !== 'idle');
  let stored = 0;
  let duplicated = 0;
  let withoutScreenshot = 0;
  let storedDespiteError = 0;
  const lostClicks: Click[] = [];
  const withoutScreenshotClicks: Click[] = [];
  for (const click of sent) {
    const found = byClick.get(`${click.pageUrl} ${click.url}`) ?? [];
    if (found.length === 0) {
      lostClicks.push(click);
      continue;
    }
    stored++;
    duplicated += found.length - 1;
    if (found[0]!.missing.includes('screenshot')) {
      withoutScreenshot++;
      withoutScreenshotClicks.push(click);
    }
    if (click.state === 'error') storedDespiteError++;
  }
  const { log: _, ...kept } = options;
  return {
    options: kept,
    sites: sites.map(({ platform, host, pages, flags, substitute }) => ({
      platform,
      host,
      pages,
      flags,
      substitute,
    })),
    flags: clicks.length,
    sent: sent.length,
    stored,
    lost: lostClicks.length,
    lostWithError: lostClicks.filter((c) => c.state === 'error').length,
    lostInClosedTabs: lostClicks.filter((c) => c.closedMidCapture).length,
    duplicated,
    withoutScreenshot,
    storedDespiteError,
    ...counts,
    clicksInFlightAtClose: clicks.filter((c) => c.closedMidCapture).length,
    jobsLeft,
    wallTimeMs: Date.now() - started,
    lostClicks,
    withoutScreenshotClicks,
    unsentClicks: clicks.filter((c) => c.stateAfterClick === 'idle'),
  };
}

export function formatResult(r: SoakResult): string {
  const rows: [string, string | number][] = [
    ['flags (real clicks)', r.flags],
    ['  sent (button left idle)', r.sent],
    ['stored', r.stored],
    ['lost', r.lost],
    ['  of which the button showed an error', r.lostWithError],
    ['  of which in a tab closed mid-capture', r.lostInClosedTabs],
    ['duplicated', r.duplicated],
    ['stored without screenshot', r.withoutScreenshot],
    ['stored although the button showed an error', r.storedDespiteError],
    ['worker stops', r.workerStops],
    ['  with a capture in flight', r.workerStopsMidCapture],
    ['tabs closed mid-capture', r.tabsClosed],
    ['  clicks in flight when their tab closed', r.clicksInFlightAtClose],
    ['capture jobs left', r.jobsLeft],
    ['wall time', `${(r.wallTimeMs / 1000).toFixed(1)} s`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const sites = r.sites
    .map(
      (s) =>
        `  ${s.platform}: ${s.flags} flags on ${s.pages} pages${s.substitute ? ' (X-shaped, on x.com)' : ` (${s.host})`}`,
    )
    .join('\n');
  return `${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\nper platform:\n${sites}`;
}

function parseArgs(argv: string[]): Partial<SoakOptions> {
  const options: Partial<SoakOptions> = {};
  const numeric: Record<string, keyof SoakOptions> = {
    '--flags': 'flags',
    '--seed': 'seed',
    '--stop-every': 'stopEvery',
    '--close-every': 'closeEvery',
  };
  for (let i = 0; i < argv.length; i++) {
    const key = numeric[argv[i]!];
    const value = Number(argv[i + 1]);
    if (!key || !Number.isFinite(value))
      throw new Error(`usage: soak [--flags N] [--seed N] [--stop-every N] [--close-every N]`);
    (options as Record<string, number>)[key] = value;
    i++;
  }
  return options;
}

async function main() {
  const result = await runSoak(parseArgs(process.argv.slice(2)));
  console.log(`\n${formatResult(result)}`);
  if (result.lostClicks.length > 0) {
    console.log('\nlost clicks:');
    for (const c of result.lostClicks) {
      console.log(
        `  tab ${c.tab} ${c.platform} ${c.url} — state ${c.state}${c.closedMidCapture ? ', tab closed' : ''}`,
      );
    }
  }
  if (result.options.resultFile) {
    mkdirSync('artifacts/soak', { recursive: true });
    writeFileSync(result.options.resultFile, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nwritten to ${result.options.resultFile}`);
  }
  process.exit(result.lost > 0 || result.duplicated > 0 ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(2);
  });
}
