// `npm run demo`: the built extension in Chromium on the project's own invented X-like feed, with the
// office's invented configuration pack (tests/demo/config-pack.json) loaded, so the feed shows the
// watchlist and rule markers. With a display it opens a window and waits for Ctrl-C; without one it
// walks through an officer's day and takes screenshots into artifacts/demo/, then exits.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { type ChromiumSession, launchChromium } from '../e2e/harness/chromium';
import { loadConfigPack } from '../e2e/harness/config-pack';
import { type HttpsTestServer, startHttpsServer } from '../e2e/harness/https-server';
import { CONFIG_PACK_PATH, demoRoutes, PROFILE, REPOSTS_PATH, STATUS_PATH } from './routes';

// NETRA_EXTENSION_DIR: another build (a copy safe from a rebuild while the demo runs).
const EXTENSION_DIR = resolve(process.env.NETRA_EXTENSION_DIR ?? '.output/chrome-mv3');
const OUT_DIR = resolve('artifacts/demo');
const POST_SELECTOR = 'article[data-testid="tweet"]';
const FLAG_SELECTOR = '[data-netra-flag]';
const MARKER_SELECTOR = '[data-netra-marker]';
const PANEL_SELECTOR = '[data-netra-panel]';
/** Flagged in the headless walk: a teacher's campaign post, a camat's quote post, a volunteer's post. */
const FLAGGED_AUTHORS = ['sriwahyuni_guru', 'hendra_camat', 'relawan_darma01'];
const VIEWPORT = { width: 1280, height: 900 };
const OVERALL_TIMEOUT_MS = 180_000;
// An invented officer: the findings and the popup name them.
const OFFICER = { name: 'Rudi Hartono', nip: '198703152010011002', unit: 'Bawaslu Kabupaten Harapan Jaya' };

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

/**
 * Waits a little for Netra's elements, until their number stops growing (markers arrive in batches);
 * a missing one is a warning, not a failure.
 */
async function countAttached(page: Page, selector: string, timeoutMs = 5_000): Promise<number> {
  try {
    await page.locator(selector).first().waitFor({ state: 'attached', timeout: timeoutMs });
  } catch {
    return 0;
  }
  const deadline = Date.now() + timeoutMs;
  let count = await page.locator(selector).count();
  while (Date.now() < deadline) {
    await page.waitForTimeout(300);
    const next = await page.locator(selector).count();
    if (next === count) break;
    count = next;
  }
  return count;
}

async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  const path = join(OUT_DIR, name);
  await page.screenshot({ path, fullPage, timeout: 30_000 });
  log(`wrote ${path}`);
}

async function openExtensionPage(session: ChromiumSession, path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${session.extensionOrigin}/${path}`, { waitUntil: 'load' });
  await page.waitForTimeout(500);
  return page;
}

/**
 * Flags the post by `author` with a real (trusted) click and waits for the inline panel; the panel is
 * left open for the caller. False, with a warning, when the button or the panel did not come.
 */
async function flagPost(page: Page, author: string): Promise<boolean> {
  const post = page.locator(POST_SELECTOR).filter({ has: page.locator(`a[href="/${author}"]`) }).first();
  const flag = post.locator(FLAG_SELECTOR).first();
  try {
    await flag.scrollIntoViewIfNeeded({ timeout: 5_000 });
    await flag.click({ timeout: 10_000 });
    await page
      .locator(`${PANEL_SELECTOR}[data-state="open"]`)
      .waitFor({ state: 'attached', timeout: 15_000 });
    return true;
  } catch {
    log(`WARNING: flagging @${author} did not open the inline panel within 15 s`);
    return false;
  }
}

async function headless(session: ChromiumSession, server: HttpsTestServer): Promise<void> {
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });

  const feed = await openFeed(session, `${server.origin('x.com')}/home`);
  const articles = await feed.locator(POST_SELECTOR).count();
  const flags = await countAttached(feed, FLAG_SELECTOR);
  const markers = await countAttached(feed, MARKER_SELECTOR);
  log(`home timeline: ${articles} posts, ${flags} flag buttons, ${markers} markers`);
  if (flags === 0)
    log(`WARNING: no ${FLAG_SELECTOR} element appeared within 5 s (is the content script built?)`);
  if (markers === 0) log('WARNING: no marker appeared: is the configuration pack loaded?');
  await screenshot(feed, 'feed.png');

  // Flag first, while the feed is the only tab: Playwright's full-page screenshots and extra tabs
  // change what the headless window shows, which a real officer's click never does.
  for (const [i, author] of FLAGGED_AUTHORS.entries()) {
    if (!(await flagPost(feed, author))) continue;
    if (i === 0) await screenshot(feed, 'inline-panel.png');
    await feed.keyboard.press('Escape');
  }
  await screenshot(feed, 'feed-full.png', true);

  const status = await openFeed(session, `${server.origin('x.com')}${STATUS_PATH}`);
  log(`status page: ${await countAttached(status, FLAG_SELECTOR, 2_000)} flag buttons`);
  await screenshot(status, 'status.png', true);
  await status.close();

  const reposts = await openFeed(
    session,
    `${server.origin('x.com')}${REPOSTS_PATH}`,
    '[data-testid="UserCell"]',
  );
  const rows = await reposts.locator('[data-testid="primaryColumn"] [data-testid="UserCell"]').count();
  log(`reposts list: ${rows} accounts, ${await countAttached(reposts, FLAG_SELECTOR, 2_000)} flag buttons`);
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

  const options = await openExtensionPage(session, 'options.html');
  await screenshot(options, 'options.png', true);
  await options.close();

  // The review page with the teacher's finding open: screenshots, text, audit history, edit form.
  const review = await openExtensionPage(session, 'review.html');
  await review
    .locator('[data-testid="review-row"]')
    .last()
    .locator('.row-open')
    .click({ timeout: 5_000 })
    .catch(() => log('WARNING: no finding to open on the review page'));
  await review.waitForTimeout(500);
  await screenshot(review, 'review.png');
  await review.close();
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
  log(`options:     ${session.extensionOrigin}/options.html`);
  log(`review:      ${session.extensionOrigin}/review.html`);
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
  const server = await startHttpsServer(demoRoutes());
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
      // Dates read "WIB", as on an officer's laptop in Indonesia.
      timezone: 'Asia/Jakarta',
      // the window stays open until Ctrl-C, which headful() turns into an orderly close
      handleSignals: !withWindow,
    });
    log(`Chromium ${session.context.browser()?.version() ?? ''} with extension ${session.extensionId}`);
    // Before any feed opens: the content script asks for the configuration when it starts.
    const pack = await loadConfigPack(session, CONFIG_PACK_PATH);
    await session.evalInWorker((officer) => chrome.storage.local.set({ officer }), OFFICER);
    log(`configuration pack: ${pack.watchlist.length} watched accounts, ${pack.rules.length} rules`);
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

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };
