// Flagging that survives a redesign: the context-menu / shortcut path in real Chromium, on a site no
// adapter knows (the page itself is flagged) and on X (the post under the pointer is flagged).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { collectFindings } from './harness/findings';
import { type HttpsTestServer, startHttpsServer } from './harness/https-server';
import { readSharedFixture } from './shared-fixtures';

interface Trigger {
  tab: { id?: number; windowId?: number; url?: string };
  selectionText?: string;
  linkUrl?: string;
}
declare const chrome: { tabs: { query(q: object): Promise<Trigger['tab'][]> } };
declare const netraFlagFallback: (trigger: Trigger) => Promise<void>;

let server: HttpsTestServer;
let chromium: ChromiumSession;

beforeAll(async () => {
  server = await startHttpsServer({
    '/forum': {
      body: '<!doctype html><title>Forum Warga</title><h1>Forum Warga</h1><p id="t">Pak camat ajak warga coblos 02.</p>',
    },
    '/home': { body: readSharedFixture('x/2025-02-home-twooter.html'), csp: true },
  });
  chromium = await launchChromium({ viewport: { width: 1280, height: 1400 } });
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

/** What the menu's onClicked listener does, with the info Chrome would pass. */
function flagFromMenu(url: string, info: Omit<Trigger, 'tab'> = {}) {
  return chromium.evalInWorker(
    async ({ url, info }) => {
      const [tab] = await chrome.tabs.query({ url: `${url.split('?')[0]}*` });
      await netraFlagFallback({ tab: tab!, ...info });
    },
    { url, info },
  );
}

/** The stored findings' posts, with their first screenshot (harness/findings.ts reads the database). */
async function findings() {
  const stored = await chromium.evalInWorker(collectFindings);
  return stored.map((e) => ({ ...e.post, screenshot: e.screenshots[0] }));
}

describe('fallback flagging in real Chromium', () => {
  it('flags a page no adapter knows, with the selected text and everything else missing', async () => {
    const page = await chromium.context.newPage();
    const url = `${server.origin('localhost')}/forum`;
    await page.goto(url);
    await page.evaluate(() => getSelection()!.selectAllChildren(document.getElementById('t')!));
    await flagFromMenu(url, { selectionText: 'Pak camat ajak warga coblos 02.' });
    await expect.poll(async () => (await findings()).length, { timeout: 15_000 }).toBe(1);
    const [finding] = await findings();
    expect(finding).toMatchObject({
      platform: 'web',
      url: null,
      text: 'Pak camat ajak warga coblos 02.',
      pageUrl: url,
      author: { handle: null, displayName: null, profileUrl: null },
      screenshot: { role: 'viewport', width: 1280 },
    });
    expect(finding?.missing).toEqual(expect.arrayContaining(['url', 'author.handle', 'postedAt']));
    await page.close();
  });

  it('the shortcut on a site without our content script reads the selection itself', async () => {
    const page = await chromium.context.newPage();
    const url = `${server.origin('localhost')}/forum?again`;
    await page.goto(url);
    await page.evaluate(() => getSelection()!.selectAllChildren(document.querySelector('h1')!));
    await flagFromMenu(url);
    await expect.poll(async () => (await findings()).length, { timeout: 15_000 }).toBe(2);
    expect((await findings())[1]).toMatchObject({ platform: 'web', text: 'Forum Warga' });
    await page.close();
  });

  it('on X, flags the post under the pointer through its adapter', async () => {
    const page = await chromium.context.newPage();
    const url = `${server.origin('x.com')}/home`;
    await page.goto(url);
    const post = page.locator('article[data-testid="tweet"]').nth(1);
    await post.locator('[data-netra-flag]').waitFor({ state: 'attached', timeout: 15_000 });
    await post.locator('[data-testid="tweetText"]').first().hover();
    await flagFromMenu(url);
    await expect
      .poll(() => post.locator('[data-netra-flag]').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('saved');
    const last = (await findings()).at(-1)!;
    expect(last.platform).toBe('x');
    expect(last.url).toMatch(/^https:\/\/x\.com\/[a-z0-9_]+\/status\/\d+$/);
    expect(last.screenshot?.role).toBe('post');
    await page.close();
  });
});
