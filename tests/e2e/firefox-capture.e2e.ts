// The same flow in Firefox ESR (MV2 build), driven over WebDriver BiDi: one post flagged, one record.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, launchFirefox } from './harness/firefox';
import { type HttpsTestServer, startHttpsServer } from './harness/https-server';
import { readSharedFixture } from './shared-fixtures';

const ARTIFACTS = 'artifacts/e2e';
let server: HttpsTestServer;
let firefox: FirefoxSession;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startHttpsServer({
    '/home': { body: readSharedFixture('x/2025-02-home-twooter.html'), csp: true },
  });
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('flagging an X post in real Firefox', () => {
  it('stores one finding with its screenshot and lists it in the popup', async () => {
    const page = await firefox.browser.newPage();
    await page.setViewport({ width: 1280, height: 1200 });
    await page.goto(`${server.origin('x.com')}/home`);
    await page.waitForSelector('article[data-testid="tweet"] [data-netra-flag]', { timeout: 20_000 });
    const counts = await page.evaluate(() => ({
      posts: document.querySelectorAll('article[data-testid="tweet"]').length,
      buttons: document.querySelectorAll('article[data-testid="tweet"] [data-netra-flag]').length,
    }));
    expect(counts).toEqual({ posts: 6, buttons: 6 });

    // What the first post shows, read independently of the adapter (no real names in this repo).
    const shown = await page.evaluate(() => {
      const post = document.querySelector('article[data-testid="tweet"]')!;
      const link = [...post.querySelectorAll('a[href*="/status/"]')].find((a) => a.querySelector('time'))!;
      const [, handle, id] = new URL(link.getAttribute('href')!, location.href).pathname.split(
        /\/status\/|\//,
      );
      return { url: `https://x.com/${handle!.toLowerCase()}/status/${id}`, handle: handle!.toLowerCase() };
    });

    await page.click('article[data-testid="tweet"] [data-netra-flag]');
    await page.waitForFunction(
      () => document.querySelector('[data-netra-flag]')?.getAttribute('data-state') === 'saved',
      { timeout: 20_000, polling: 100 },
    );
    await page.screenshot({ path: `${ARTIFACTS}/firefox-x-home-flagged.png` });

    const popup = await firefox.openPopup();
    await popup.waitForFunction(
      () => document.querySelector('[data-testid="finding-count"]')?.textContent === '1',
      {
        timeout: 15_000,
        polling: 100,
      },
    );
    const stored = await popup.evaluate(async () => {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const open = indexedDB.open('netra');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const all = (store: string) =>
        new Promise<unknown[]>((ok) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => ok(request.result);
        });
      const [evidence] = (await all('evidence')) as {
        post: { url: string; author: { handle: string } };
        screenshots: { width: number; size: number }[];
      }[];
      const shots = (await all('screenshots')) as { blob: Blob }[];
      return {
        count: (await all('evidence')).length,
        url: evidence?.post.url,
        handle: evidence?.post.author.handle,
        screenshotWidth: evidence?.screenshots[0]?.width,
        blobType: shots[0]?.blob.type,
        blobSize: shots[0]?.blob.size,
        recordedSize: evidence?.screenshots[0]?.size,
      };
    });
    expect(stored.count).toBe(1);
    expect(stored.url).toBe(shown.url);
    expect(stored.handle).toBe(shown.handle);
    expect(stored.blobType).toBe('image/png');
    expect(stored.blobSize).toBe(stored.recordedSize);
    expect(stored.screenshotWidth).toBeGreaterThan(100);
    await popup.screenshot({ path: `${ARTIFACTS}/firefox-popup.png` });
  });
});
