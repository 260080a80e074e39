// The foundation end to end: a real saved X page served as x.com, the built extension in real
// Chromium, three posts flagged by real clicks, records and screenshots read back from IndexedDB.
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { collectFindings } from './harness/findings';
import { type HttpsTestServer, startHttpsServer } from './harness/https-server';
import { pngSize } from './png';
import { readSharedFixture } from './shared-fixtures';

const ARTIFACTS = 'artifacts/e2e';
const DPR = 2;

interface StoredFinding {
  id: string;
  seq: number;
  version: number;
  versionOf: string | null;
  url: string | null;
  handle: string | null;
  text: string;
  postedAt: string | null;
  screenshot: { width: number; height: number; clipped: boolean };
  png: number[];
}

let server: HttpsTestServer;
let chromium: ChromiumSession;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startHttpsServer({
    // Saved by someone else from the live site (see ../shared/fixtures/SOURCES.tsv); its own scripts stay inert.
    '/home': { body: readSharedFixture('x/2025-02-home-twooter.html'), csp: true },
  });
  // Playwright's deviceScaleFactor only emulates the ratio for the page; the switch makes the real
  // window (and so captureVisibleTab's image) render at it too.
  chromium = await launchChromium({
    viewport: { width: 1280, height: 1400 },
    deviceScaleFactor: DPR,
    args: [`--force-device-scale-factor=${DPR}`],
  });
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

/** Every finding with its post screenshot, read from the extension's IndexedDB (harness/findings.ts). */
async function readFindings(session: ChromiumSession): Promise<StoredFinding[]> {
  return (await session.evalInWorker(collectFindings)).map((e) => {
    const screenshot = e.screenshots.find((s) => s.role === 'post')!;
    return {
      id: e.id,
      seq: e.seq,
      version: e.version,
      versionOf: e.versionOf,
      url: e.post.url,
      handle: e.post.author.handle,
      text: e.post.text,
      postedAt: e.post.postedAt,
      screenshot,
      png: e.pngs[screenshot.id] ?? [],
    };
  });
}

describe('flagging X posts in real Chromium', () => {
  it('puts a flag button on every post, and three clicks store three complete findings', async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${server.origin('x.com')}/home`);
    const posts = page.locator('article[data-testid="tweet"]');
    const buttons = page.locator('article[data-testid="tweet"] [data-netra-flag]');
    await expect.poll(() => buttons.count(), { timeout: 15_000 }).toBe(await posts.count());
    expect(await posts.count()).toBe(6);

    const expected: { url: string; handle: string; rect: { width: number; height: number } }[] = [];
    for (const index of [0, 2, 3]) {
      const post = posts.nth(index);
      const button = post.locator('[data-netra-flag]');
      await button.scrollIntoViewIfNeeded();
      await button.click();
      await expect.poll(() => button.getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
      const facts = await post.evaluate((el) => {
        const link = [...el.querySelectorAll('a[href*="/status/"]')].find((a) => a.querySelector('time'));
        const id = link?.getAttribute('href')?.match(/status\/(\d+)/)?.[1];
        const handle = el
          .querySelector('[data-testid="User-Name"] a[href^="https://x.com/"], [data-testid="User-Name"] a')
          ?.getAttribute('href');
        const r = el.getBoundingClientRect();
        return { id, handle, width: r.width, height: r.height };
      });
      const handle = (facts.handle ?? '')
        .replace(/^https:\/\/x\.com/, '')
        .replace(/^\//, '')
        .toLowerCase();
      expected.push({ url: `https://x.com/${handle}/status/${facts.id}`, handle, rect: facts });
    }
    await page.screenshot({ path: `${ARTIFACTS}/x-home-flagged.png` });

    const findings = await readFindings(chromium);
    expect(findings).toHaveLength(3);
    findings.forEach((finding, i) => {
      expect(finding.seq).toBe(i + 1);
      expect(finding.url).toBe(expected[i]!.url);
      expect(finding.handle).toBe(expected[i]!.handle);
      expect(finding.postedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      const png = Uint8Array.from(finding.png);
      writeFileSync(`${ARTIFACTS}/x-finding-${finding.seq}.png`, png);
      const size = pngSize(png);
      expect(size).toEqual({ width: finding.screenshot.width, height: finding.screenshot.height });
      expect(finding.screenshot.clipped).toBe(false);
      // The post's rectangle × device pixel ratio, to the pixel (rounding of fractional CSS px aside).
      expect(Math.abs(size.width - expected[i]!.rect.width * DPR)).toBeLessThanOrEqual(2);
      expect(Math.abs(size.height - expected[i]!.rect.height * DPR)).toBeLessThanOrEqual(2);
    });
    expect(findings.filter((f) => f.text.length > 0).length).toBeGreaterThanOrEqual(2);

    // Flagging the first post again is no silent duplicate: an explicit second version, linked to the first.
    const again = posts.nth(0).locator('[data-netra-flag]');
    await again.scrollIntoViewIfNeeded();
    await again.click();
    await expect.poll(() => again.getAttribute('data-state'), { timeout: 15_000 }).toBe('version');
    const all = await readFindings(chromium);
    expect(all).toHaveLength(4);
    expect(all[3]).toMatchObject({ url: findings[0]!.url, version: 2, versionOf: findings[0]!.id });
    await page.close();
  });

  it('lists the findings newest first in the popup, with thumbnails, and counts them on the badge', async () => {
    const popup = await chromium.openPopup();
    await popup.setViewportSize({ width: 400, height: 600 });
    await expect
      .poll(() => popup.locator('[data-testid="finding-count"]').textContent(), { timeout: 15_000 })
      .toBe('4');
    const cards = popup.locator('.evidence-card');
    expect(await cards.count()).toBe(4);
    expect(await cards.first().textContent()).toContain('#4');
    expect(await cards.first().textContent()).toContain('versi 2');
    await expect.poll(() => popup.locator('.evidence-card img.thumb').count(), { timeout: 15_000 }).toBe(4);
    const thumbsLoaded = await popup
      .locator('.evidence-card img.thumb')
      .evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).naturalWidth > 0));
    expect(thumbsLoaded).toBe(true);
    await popup.screenshot({ path: `${ARTIFACTS}/popup.png` });
    const badge = await chromium.evalInWorker(() => chrome.action.getBadgeText({}));
    expect(badge).toBe('4');
    await popup.close();
  });
});

declare const chrome: { action: { getBadgeText(details: object): Promise<string> } };
