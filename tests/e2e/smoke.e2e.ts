// Smoke test: the built extension loads in both real browsers and its popup renders.
// Needs `npm run build` first (.output/chrome-mv3 and .output/firefox-mv2).
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { type FirefoxSession, launchFirefox, NETRA_GECKO_ID } from './harness/firefox';
import { type HttpsTestServer, startHttpsServer } from './harness/https-server';

function requireBuild(dir: string): void {
  if (!existsSync(`${dir}/manifest.json`)) throw new Error(`${dir} is missing: run \`npm run build\` first`);
}

// Functions passed to evalInWorker run in the service worker, where the API is the global `chrome`.
declare const chrome: WxtBrowser;

let server: HttpsTestServer;

beforeAll(async () => {
  server = await startHttpsServer({
    '/home': { body: '<!doctype html><title>home</title><main id="feed">feed</main>', csp: true },
  });
});
afterAll(async () => {
  await server?.close();
});

describe('Chromium (MV3)', () => {
  let chromium: ChromiumSession;

  beforeAll(async () => {
    requireBuild('.output/chrome-mv3');
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
  });

  it('starts the service worker', async () => {
    expect(chromium.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await chromium.evalInWorker(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
  });

  it('opens and renders the popup', async () => {
    const popup = await chromium.openPopup();
    await popup.waitForFunction(() => (document.getElementById('app')?.childElementCount ?? 0) > 0);
    expect(((await popup.locator('#app').textContent()) ?? '').trim()).not.toBe('');
    await popup.close();
  });

  it('reaches the test server as x.com', async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${server.origin('x.com')}/home`);
    expect(await page.locator('#feed').textContent()).toBe('feed');
    expect(server.requestsTo('/home').at(-1)?.host).toBe('x.com');
    await page.close();
  });
});

describe('Firefox (MV2)', () => {
  let firefox: FirefoxSession;

  beforeAll(async () => {
    requireBuild('.output/firefox-mv2');
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('installs the extension under its gecko id', () => {
    expect(firefox.extensionId).toBe(NETRA_GECKO_ID);
    expect(firefox.extensionOrigin).toMatch(/^moz-extension:\/\/[0-9a-f-]{36}$/);
  });

  it('opens and renders the popup', async () => {
    const popup = await firefox.openPopup();
    await popup.waitForFunction(() => (document.getElementById('app')?.childElementCount ?? 0) > 0);
    const text = await popup.evaluate(() => document.getElementById('app')?.textContent ?? '');
    expect(text.trim()).not.toBe('');
    await popup.close();
  });

  it('reaches the test server as x.com', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(`${server.origin('x.com')}/home`);
    expect(await page.$eval('#feed', (el) => el.textContent)).toBe('feed');
    await page.close();
  });
});
