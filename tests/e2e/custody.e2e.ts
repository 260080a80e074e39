// Custody in real Chromium: a post taller than the window is stitched whole, a click that raced a
// stopped service worker is stored exactly once, and a burst of ten clicks gives ten findings, each
// with its screenshots. Invented X-like pages only (tests/e2e/pages), served as https://x.com:PORT.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { type HttpsTestServer, type Routes, startHttpsServer } from './harness/https-server';
import { countByUrl, readStore, type StoredRecord } from './pages/evidence-reader';
import { tallPostPage, type XLikePost, xLikePage } from './pages/x-like';
import { pngSize } from './png';

const ARTIFACTS = 'artifacts/e2e';
const PAGES = 'tests/e2e/pages';
const TALL_PATH = '/kronik_desa/status/1890000000000000002';
const TALL_URL = `https://x.com${TALL_PATH}`;

/** Short one-line posts, so that a dozen fit in the window at once. */
const shortPosts = (count: number, firstId: bigint, prefix: string): XLikePost[] =>
  Array.from({ length: count }, (_, i) => ({
    id: String(firstId + BigInt(i)),
    handle: `${prefix}_${i + 1}`,
    name: `Akun Uji ${i + 1}`,
    text: `Postingan ${prefix} nomor ${i + 1}: ajakan memilih di luar jadwal kampanye.`,
  }));
const postUrl = (p: XLikePost) => `https://x.com/${p.handle}/status/${p.id}`;

const CRASH_POSTS = shortPosts(4, 1_892_000_000_000_000_001n, 'henti');
const BURST_POSTS = shortPosts(12, 1_893_000_000_000_000_001n, 'serbu');

const routes: Routes = {
  [TALL_PATH]: { body: tallPostPage() },
  '/media/tall-ruler-a.svg': { body: readFileSync(`${PAGES}/tall-ruler-a.svg`) },
  '/media/tall-ruler-b.svg': { body: readFileSync(`${PAGES}/tall-ruler-b.svg`) },
  '/media/avatar.svg': { body: readFileSync(`${PAGES}/avatar.svg`) },
  '/henti/home': { body: xLikePage('Beranda', CRASH_POSTS) },
  '/serbu/home': { body: xLikePage('Beranda', BURST_POSTS) },
};

let server: HttpsTestServer;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startHttpsServer(routes);
});

afterAll(async () => {
  await server?.close();
});

/** Opens `path` on x.com and waits for every post's flag button and every image. */
async function openFeed(
  session: ChromiumSession,
  path: string,
  viewport?: { width: number; height: number },
) {
  const page = await session.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(`${server.origin('x.com')}${path}`);
  const posts = page.locator('article[data-testid="tweet"]');
  const buttons = page.locator('article[data-testid="tweet"] [data-netra-flag]');
  await expect.poll(() => buttons.count(), { timeout: 15_000 }).toBe(await posts.count());
  await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
  return { page, posts, buttons };
}

/** The centre of the nth flag button, in the window: a trusted click there, without Playwright scrolling. */
async function buttonCentre(page: Page, index: number): Promise<{ x: number; y: number }> {
  const box = await page.locator('article[data-testid="tweet"] [data-netra-flag]').nth(index).boundingBox();
  if (!box) throw new Error(`flag button ${index} is not rendered`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const buttonState = (page: Page, index: number) =>
  page.locator('article[data-testid="tweet"] [data-netra-flag]').nth(index).getAttribute('data-state');

interface Scan {
  /** Rows (image px) whose pixel in the column is the sticky bar's pink. */
  barRows: number;
  /** Runs of the ruler's two band colours down the ruler column, longer than a label or a line. */
  bands: { colour: 'yellow' | 'blue'; start: number; length: number }[];
}

/** Reads two columns of a PNG in the page: where the sticky bar shows, and the ruler photos' bands. */
function scanShot(page: Page, base64: string, barX: number, rulerX: number): Promise<Scan> {
  return page.evaluate(
    async ({ base64, barX, rulerX }) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const column = (x: number) => context.getImageData(x, 0, 1, bitmap.height).data;
      const bar = column(barX);
      let barRows = 0;
      for (let y = 0; y < bitmap.height; y++) {
        const [r, g, b] = [bar[y * 4]!, bar[y * 4 + 1]!, bar[y * 4 + 2]!];
        // rgba(255,235,238,.92) over white.
        if (r >= 250 && g >= 230 && g <= 243 && b >= 233 && b <= 245) barRows++;
      }
      const ruler = column(rulerX);
      const colourAt = (y: number) => {
        const [r, g, b] = [ruler[y * 4]!, ruler[y * 4 + 1]!, ruler[y * 4 + 2]!];
        if (Math.abs(r - 0xfd) < 12 && Math.abs(g - 0xe6) < 12 && Math.abs(b - 0x8a) < 12) return 'yellow';
        if (Math.abs(r - 0xbf) < 12 && Math.abs(g - 0xdb) < 12 && Math.abs(b - 0xfe) < 12) return 'blue';
        return null;
      };
      const bands: Scan['bands'] = [];
      let run: Scan['bands'][number] | null = null;
      for (let y = 0; y <= bitmap.height; y++) {
        const colour = y < bitmap.height ? colourAt(y) : null;
        if (run && colour === run.colour) {
          run.length++;
          continue;
        }
        if (run && run.length >= 20) bands.push(run);
        run = colour ? { colour, start: y, length: 1 } : null;
      }
      bitmap.close();
      return { barRows, bands };
    },
    { base64, barX, rulerX },
  );
}

function recordFor(records: StoredRecord[], url: string): StoredRecord {
  const found = records.filter((r) => r.url === url);
  expect(found, `records for ${url}`).toHaveLength(1);
  return found[0]!;
}

/** The tall post, flagged by a trusted click in a window of `viewport` at `dpr`. */
async function flagTallPost(session: ChromiumSession, dpr: number, artifact: string) {
  const { page, posts } = await openFeed(session, TALL_PATH);
  const post = posts.nth(1);
  await page.evaluate(() => window.scrollTo(0, 100));
  const geometry = await post.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const imgs = [...el.querySelectorAll('[data-testid="tweetPhoto"] img')].map((img) => {
      const i = img.getBoundingClientRect();
      return { top: i.top - r.top, left: i.left - r.left, height: i.height };
    });
    return { width: r.width, height: r.height, innerHeight: window.innerHeight, imgs };
  });
  expect(geometry.height).toBeGreaterThan(2 * geometry.innerHeight);
  // Control for the bar detector: scrolled into the post, the bar does cover it in a plain screenshot.
  const left = await post.evaluate((el) => {
    window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY + 300);
    return el.getBoundingClientRect().left;
  });
  const covered = await page.screenshot({ clip: { x: left, y: 0, width: geometry.width, height: 200 } });
  expect((await scanShot(page, covered.toString('base64'), Math.round(4 * dpr), 0)).barRows).toBeGreaterThan(
    40 * dpr,
  );
  await page.evaluate(() => window.scrollTo(0, 100));
  const scrollBefore = await page.evaluate(() => window.scrollY);
  const centre = await buttonCentre(page, 1);
  await page.mouse.click(centre.x, centre.y);
  await expect.poll(() => buttonState(page, 1), { timeout: 30_000 }).toBe('saved');
  const scrollAfter = await page.evaluate(() => window.scrollY);
  const after = await post.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { width: r.width, height: r.height };
  });

  const { records } = await readStore(session, ['post']);
  const record = recordFor(records, TALL_URL);
  const shot = record.screenshots.find((s) => s.role === 'post')!;
  const png = Buffer.from(shot.base64!, 'base64');
  writeFileSync(`${ARTIFACTS}/${artifact}`, png);
  const scan = await scanShot(
    page,
    shot.base64!,
    Math.round(4 * dpr),
    Math.round((geometry.imgs[0]!.left + 20) * dpr),
  );
  await page.close();
  return { record, shot, png, scan, geometry, after, scrollBefore, scrollAfter };
}

function expectWholeTallPost(result: Awaited<ReturnType<typeof flagTallPost>>, dpr: number) {
  const { record, shot, png, scan, geometry, after, scrollBefore, scrollAfter } = result;
  // The page is where the officer left it, and the post did not change shape.
  expect(scrollAfter).toBe(scrollBefore);
  expect(after).toEqual({ width: geometry.width, height: geometry.height });
  expect(record.missing).not.toContain('screenshot');
  expect(shot.slices).toBeGreaterThan(1);
  expect(shot.clipped).toBe(false);
  expect(shot.blobSize).toBe(shot.size);
  const size = pngSize(png);
  expect(size).toEqual({ width: shot.width, height: shot.height });
  expect(Math.abs(size.height - Math.round(geometry.height * dpr))).toBeLessThanOrEqual(2);
  expect(Math.abs(size.width - Math.round(geometry.width * dpr))).toBeLessThanOrEqual(2);
  // The sticky bar (pink) nowhere in the picture: not at the top, not repeated over a slice.
  expect(scan.barRows).toBeLessThanOrEqual(2);
  // Both ruler photos whole: 2 × 9 bands, alternating, each where it belongs and as tall as it should be
  // (a slice missing, repeated or misplaced shifts or stretches a band). The black lines between bands
  // take about 1 CSS px off each side of a band.
  expect(scan.bands.map((b) => b.colour)).toEqual(
    Array.from({ length: 18 }, (_, i) => ((i % 9) % 2 === 0 ? 'yellow' : 'blue')),
  );
  const tolerance = 2 * dpr + 2;
  geometry.imgs.forEach((img, i) => {
    const band = img.height / 9;
    for (let k = 0; k < 9; k++) {
      const found = scan.bands[i * 9 + k]!;
      expect(Math.abs(found.start - (img.top + k * band) * dpr)).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(found.length - band * dpr)).toBeLessThanOrEqual(tolerance);
    }
  });
}

describe('custody at device pixel ratio 2', () => {
  const DPR = 2;
  let chromium: ChromiumSession;

  beforeAll(async () => {
    // Playwright's deviceScaleFactor only emulates the ratio for the page; the switch makes the real
    // window (and so captureVisibleTab's image) render at it too.
    chromium = await launchChromium({
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: DPR,
      args: [`--force-device-scale-factor=${DPR}`],
    });
  });
  afterAll(async () => {
    await chromium?.close();
  });

  it("a post taller than the viewport is captured whole (check the stitched PNG's height and look at it)", async () => {
    const result = await flagTallPost(chromium, DPR, 'tall-post.png');
    expectWholeTallPost(result, DPR);
    // 2,700 CSS px in a 900 px window: at least three slices.
    expect(result.shot.slices).toBeGreaterThanOrEqual(3);
  });
});

describe('custody at device pixel ratio 1', () => {
  let chromium: ChromiumSession;

  beforeAll(async () => {
    chromium = await launchChromium({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await chromium?.close();
  });

  it('a post taller than the viewport is captured whole at ratio 1 too', async () => {
    expectWholeTallPost(await flagTallPost(chromium, 1, 'tall-post-dpr1.png'), 1);
  });

  it('the service worker stopped in the middle of a capture → the finding is stored once after it restarts', async () => {
    const { page } = await openFeed(chromium, '/henti/home');
    const clicked = [0, 1, 2];
    const target = CRASH_POSTS[2]!;
    // A marker that only the worker running now carries: gone after a restart.
    await chromium.evalInWorker(() => Object.assign(globalThis, { netraTestMarker: 'before-stop' }));
    // The first two captures hold the screenshot queue (two per second), so the third click's capture is
    // certainly still in flight — job persisted, no finding yet — when the worker is stopped.
    const centres = await Promise.all(clicked.map((i) => buttonCentre(page, i)));
    for (const c of centres) await page.mouse.click(c.x, c.y);
    let seenInFlight = false;
    for (let i = 0; i < 200 && !seenInFlight; i++) {
      const state = await chromium.evalInWorker(async (url) => {
        const db: IDBDatabase = await new Promise((ok, fail) => {
          const open = indexedDB.open('netra');
          open.onsuccess = () => ok(open.result);
          open.onerror = () => fail(open.error);
        });
        const all = (store: string) =>
          new Promise<{ post?: { url: string }; snapshot?: { url: string } }[]>((ok) => {
            const request = db.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => ok(request.result);
          });
        const [jobs, evidence] = [await all('jobs'), await all('evidence')];
        db.close();
        return {
          job: jobs.some((j) => j.snapshot?.url === url),
          stored: evidence.some((e) => e.post?.url === url),
        };
      }, postUrl(target));
      expect(state.stored, 'the capture finished before the worker could be stopped').toBe(false);
      seenInFlight = state.job;
    }
    expect(seenInFlight).toBe(true);
    await chromium.stopWorker();
    expect(await buttonState(page, 2)).toBe('saving');

    // The content script sends the same click again; the restarted worker captures and stores it.
    for (const i of clicked) {
      await expect.poll(() => buttonState(page, i), { timeout: 30_000 }).toBe('saved');
    }
    expect(
      await chromium.evalInWorker(() => (globalThis as { netraTestMarker?: string }).netraTestMarker),
    ).toBe(undefined);
    await expect.poll(async () => (await readStore(chromium)).jobs.length, { timeout: 30_000 }).toBe(0);
    const { records } = await readStore(chromium, ['post']);
    const counts = countByUrl(records);
    for (const i of clicked) expect(counts.get(postUrl(CRASH_POSTS[i]!))).toBe(1);
    for (const i of clicked) {
      const record = recordFor(records, postUrl(CRASH_POSTS[i]!));
      expect(record.missing).not.toContain('screenshot');
      const shot = record.screenshots.find((s) => s.role === 'post')!;
      expect(pngSize(Buffer.from(shot.base64!, 'base64'))).toEqual({
        width: shot.width,
        height: shot.height,
      });
      expect(shot.blobSize).toBe(shot.size);
    }
    await page.close();
  });

  it('10 clicks within one second → 10 findings, each with its screenshot', async () => {
    const { page } = await openFeed(chromium, '/serbu/home', { width: 1280, height: 1600 });
    const clicked = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10];
    const centres = await Promise.all(clicked.map((i) => buttonCentre(page, i)));
    const inWindow = await page.evaluate(() => window.innerHeight);
    for (const c of centres) expect(c.y).toBeLessThan(inWindow);
    const times: number[] = [];
    for (const c of centres) {
      times.push(Date.now());
      await page.mouse.click(c.x, c.y);
    }
    // Reported, not asserted: a loaded machine may stretch the clicks, which only makes the test easier.
    console.info(`10 clicks in ${times.at(-1)! - times[0]!} ms`);
    for (const i of clicked) {
      await expect.poll(() => buttonState(page, i), { timeout: 60_000 }).toBe('saved');
    }
    await expect.poll(async () => (await readStore(chromium)).jobs.length, { timeout: 15_000 }).toBe(0);
    const { records } = await readStore(chromium, ['post', 'viewport']);
    const urls = clicked.map((i) => postUrl(BURST_POSTS[i]!));
    const burst = records.filter((r) => urls.includes(r.url ?? ''));
    expect(burst).toHaveLength(10);
    expect(new Set(burst.map((r) => r.url)).size).toBe(10);
    for (const record of burst) {
      expect(record.missing).not.toContain('screenshot');
      for (const role of ['post', 'viewport']) {
        const shot = record.screenshots.find((s) => s.role === role);
        expect(shot, `${role} screenshot of ${record.url}`).toBeDefined();
        expect(pngSize(Buffer.from(shot!.base64!, 'base64'))).toEqual({
          width: shot!.width,
          height: shot!.height,
        });
        expect(shot!.blobSize).toBe(shot!.size);
      }
    }
    // Each post's picture is that post: as wide as the column, about as tall as the post.
    const heights = await page
      .locator('article[data-testid="tweet"]')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    for (const [n, i] of clicked.entries()) {
      const shot = recordFor(burst, urls[n]!).screenshots.find((s) => s.role === 'post')!;
      expect(Math.abs(shot.height - heights[i]!)).toBeLessThanOrEqual(2);
    }
    await page.close();
  });
});
