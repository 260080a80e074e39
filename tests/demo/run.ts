// `npm run demo`: the built extension in Chromium on the project's own invented X-like feed.
// With a display it opens a window and waits for Ctrl-C; without one it takes screenshots into
// artifacts/demo/ and exits.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { type ChromiumSession, launchChromium } from '../e2e/harness/chromium';
import { type HttpsTestServer, startHttpsServer } from '../e2e/harness/https-server';

const FEED_DIR = fileURLToPath(new URL('./feed/', import.meta.url));
const EXTENSION_DIR = resolve('.output/chrome-mv3');
const OUT_DIR = resolve('artifacts/demo');
const PROFILE = 'sriwahyuni_guru';
// The focal post of status.html (its id is also in home.html and index.html).
const STATUS_PATH = `/${PROFILE}/status/2124096734777835523`;
// Its "Reposted by" list: one account row (UserCell) per reposter, each with a flag button.
const REPOSTS_PATH = `${STATUS_PATH}/retweets`;
const POST_SELECTOR = 'article[data-testid="tweet"]';
const FLAG_SELECTOR = '[data-netra-flag]';
const VIEWPORT = { width: 1280, height: 900 };
const OVERALL_TIMEOUT_MS = 180_000;

function feedPage(file: string) {
  return { body: readFileSync(join(FEED_DIR, file)), type: 'text/html; charset=utf-8' };
}

function log(message: string): void {
  console.log(`[demo] ${message}`);
}

async function openFeed(session: ChromiumSession, url: string, ready = POST_SELECTOR): Promise<Page> {
  const page = await session.context.newPage();
  page.on('pageerror', (error) => log(`page error on ${page.url()}: ${error.message}`));
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  await page.locator(ready).first().waitFor({ timeout: 15_000 });
  return page;
}

/** Waits a little for the content script's flag buttons; a missing button is a warning, not a failure. */
async function countFlags(page: Page, timeoutMs = 5_000): Promise<number> {
  try {
    await page.locator(FLAG_SELECTOR).first().waitFor({ state: 'attached', timeout: timeoutMs });
  } catch {
    return 0;
  }
  return page.locator(FLAG_SELECTOR).count();
}

async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  const path = join(OUT_DIR, name);
  await page.screenshot({ path, fullPage, timeout: 30_000 });
  log(`wrote ${path}`);
}

async function headless(session: ChromiumSession, server: HttpsTestServer): Promise<void> {
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });

  const feed = await openFeed(session, `${server.origin('x.com')}/home`);
  const articles = await feed.locator(POST_SELECTOR).count();
  const flags = await countFlags(feed);
  log(`home timeline: ${articles} posts, ${flags} flag buttons`);
  if (flags === 0)
    log(`WARNING: no ${FLAG_SELECTOR} element appeared within 5 s (is the content script built?)`);
  await screenshot(feed, 'feed.png');

  // Flag first, while the feed is the only tab: Playwright's full-page screenshots and extra tabs
  // change what the headless window shows, which a real officer's click never does.
  if (flags > 0) {
    const flag = feed.locator(FLAG_SELECTOR).first();
    // A real mouse click at the host's centre: it lands on the button inside the closed shadow root
    // and is trusted, as the content script requires.
    await flag.click({ timeout: 10_000 });
    await feed
      .waitForFunction(
        (sel) => document.querySelector(sel)?.getAttribute('data-state') === 'saved',
        FLAG_SELECTOR,
        {
          timeout: 10_000,
        },
      )
      .catch(() => log('WARNING: the flagged post did not turn "saved" within 10 s'));
    await screenshot(feed, 'flag-clicked.png');
  }
  await screenshot(feed, 'feed-full.png', true);

  const status = await openFeed(session, `${server.origin('x.com')}${STATUS_PATH}`);
  log(`status page: ${await countFlags(status, 2_000)} flag buttons`);
  await screenshot(status, 'status.png', true);
  await status.close();

  const reposts = await openFeed(
    session,
    `${server.origin('x.com')}${REPOSTS_PATH}`,
    '[data-testid="UserCell"]',
  );
  const rows = await reposts.locator('[data-testid="primaryColumn"] [data-testid="UserCell"]').count();
  log(`reposts list: ${rows} accounts, ${await countFlags(reposts, 2_000)} flag buttons`);
  await screenshot(reposts, 'reposts.png');
  await reposts.close();

  const profile = await openFeed(session, `${server.origin('x.com')}/${PROFILE}`);
  await screenshot(profile, 'profile.png');
  await profile.close();

  const popup = await session.openPopup();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.waitForLoadState('load');
  await popup.waitForTimeout(500);
  await screenshot(popup, 'popup.png');
  await popup.close();
  log(`screenshots are in ${OUT_DIR}`);
}

async function headful(session: ChromiumSession, server: HttpsTestServer): Promise<void> {
  const page = await session.context.newPage();
  await page.goto(`${server.origin('x.com')}/home`);
  for (const stale of session.context.pages()) if (stale !== page) await stale.close();
  log(`demo feed:   ${server.origin('x.com')}/home`);
  log(`profile:     ${server.origin('x.com')}/${PROFILE}`);
  log(`status page: ${server.origin('x.com')}${STATUS_PATH}`);
  log(`reposts:     ${server.origin('x.com')}${REPOSTS_PATH}`);
  log(`popup:       ${session.extensionOrigin}/popup.html`);
  log('press Ctrl-C to stop');
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    session.context.once('close', () => done());
  });
}

async function main(): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`${EXTENSION_DIR} is missing: run \`npm run build\` first`);
  }
  const withWindow = Boolean(process.env.DISPLAY);
  const server = await startHttpsServer({
    '/': feedPage('index.html'),
    '/demo.css': { body: readFileSync(join(FEED_DIR, 'demo.css')), type: 'text/css; charset=utf-8' },
    '/home': feedPage('home.html'),
    [`/${PROFILE}`]: feedPage('profile.html'),
    [STATUS_PATH]: feedPage('status.html'),
    [REPOSTS_PATH]: feedPage('reposts.html'),
  });
  let session: ChromiumSession | undefined;
  const watchdog = setTimeout(() => {
    console.error(`[demo] gave up after ${OVERALL_TIMEOUT_MS / 1000} s`);
    void session?.close().finally(() => process.exit(1));
  }, OVERALL_TIMEOUT_MS);
  try {
    session = await launchChromium({
      extensionDir: EXTENSION_DIR,
      headless: !withWindow,
      viewport: VIEWPORT,
      // the window stays open until Ctrl-C, which headful() turns into an orderly close
      handleSignals: !withWindow,
    });
    log(`Chromium ${session.context.browser()?.version() ?? ''} with extension ${session.extensionId}`);
    if (withWindow) {
      clearTimeout(watchdog);
      await headful(session, server);
    } else {
      await headless(session, server);
    }
  } finally {
    clearTimeout(watchdog);
    await session?.close();
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[demo] failed:', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
