// Facebook and Instagram end to end on the project's own synthetic pages, served on the real host
// names over https: a post and a comment flagged on each, and Facebook's hover-filled permalink read
// at capture time from a page that behaves like the live site.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { collectFindings, type StoredFinding } from './harness/findings';
import { type FirefoxSession, launchFirefox } from './harness/firefox';
import { type HttpsTestServer, startHttpsServer } from './harness/https-server';
import { pngSize } from './png';

const page = (file: string) => ({ body: readFileSync(`tests/fixtures/${file}`) });
const GROUP = '/groups/1234567890123456/';
const FB_OWNERS = '[aria-posinset], [role="article"]';
const IG_OWNERS = 'article, li';
const POST = '/groups/1234567890123456/posts/7000000000000001';

let server: HttpsTestServer;

beforeAll(async () => {
  server = await startHttpsServer({
    [`//www.facebook.com${GROUP}`]: page('facebook/group-feed.html'),
    // Our own page, with its own script standing in for Facebook's hover handler: no CSP here.
    '//www.facebook.com/': page('facebook/hover-permalink.html'),
    '//www.instagram.com/p/SyntKades01/': page('instagram/post-dialog.html'),
  });
});
afterAll(async () => {
  await server?.close();
});

describe('Facebook and Instagram in real Chromium', () => {
  let chromium: ChromiumSession;
  const findings = () => chromium.evalInWorker(collectFindings);
  const latest = async () => (await findings()).at(-1) as StoredFinding;

  beforeAll(async () => {
    chromium = await launchChromium({ viewport: { width: 1280, height: 1600 } });
  });
  afterAll(async () => {
    await chromium?.close();
  });

  /** Flags the nth element matching `selector` with its own button (not one of a comment inside it). */
  async function flag(url: string, selector: string, nth: number, owners: string) {
    const tab = await chromium.context.newPage();
    await tab.goto(url);
    const target = tab.locator(selector).nth(nth);
    await target.locator('[data-netra-flag]').first().waitFor({ state: 'attached', timeout: 15_000 });
    await target.evaluate((el, owners) => {
      const own = [...el.querySelectorAll('[data-netra-flag]')].find(
        (b) => b.parentElement?.closest(owners) === el,
      );
      own?.setAttribute('data-test-target', '');
    }, owners);
    const button = tab.locator('[data-test-target]');
    const before = (await findings()).length;
    await button.scrollIntoViewIfNeeded();
    await button.click();
    await expect.poll(() => button.getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
    expect((await findings()).length).toBe(before + 1);
    return { tab, finding: await latest() };
  }

  it('flags a Facebook group post and a comment, each with its permalink, author and screenshot', async () => {
    const origin = server.origin('www.facebook.com');
    const post = await flag(`${origin}${GROUP}`, '[aria-posinset]', 0, FB_OWNERS);
    expect(post.finding.post).toMatchObject({
      platform: 'facebook',
      kind: 'post',
      url: `https://www.facebook.com${POST}`,
      author: { handle: 'profile.php?id=100089000000011' },
    });
    const comment = await flag(`${origin}${GROUP}`, '[aria-posinset] [role="article"]', 0, FB_OWNERS);
    expect(comment.finding.post).toMatchObject({
      kind: 'comment',
      url: `https://www.facebook.com${POST}?comment_id=7000000000000201`,
      author: { handle: 'lestari.handayani.77' },
      parent: { url: `https://www.facebook.com${POST}` },
    });
    for (const { finding } of [post, comment]) {
      const shot = finding.screenshots.find((s) => s.role === 'post')!;
      expect(pngSize(Uint8Array.from(finding.pngs[shot.id]!))).toEqual({
        width: shot.width,
        height: shot.height,
      });
    }
    await comment.tab.screenshot({ path: 'artifacts/e2e/facebook-group-flagged.png' });
  });

  it('reads the real permalink and time that Facebook fills in only on hover', async () => {
    const { finding, tab } = await flag(
      `${server.origin('www.facebook.com')}/`,
      '[aria-posinset]',
      0,
      FB_OWNERS,
    );
    expect(finding.post.url).toBe(
      'https://www.facebook.com/budi.santoso.id/posts/pfbid02SintetisHover1234567890AbCdEfGhIjKlMnOpQrStl',
    );
    expect(finding.post.postedAt).toMatch(/^2024-02-1[34]T\d\d:15:00\.000Z$/);
    expect(finding.post.missing).not.toContain('url');
    // The page is left as it was: the placeholder is back, no tooltip stays behind.
    expect(await tab.locator('[role="tooltip"]').count()).toBe(0);
  });

  it('flags an Instagram post and a comment in the post dialog', async () => {
    const url = `${server.origin('www.instagram.com')}/p/SyntKades01/`;
    const post = await flag(url, 'div[role="dialog"] article', 0, IG_OWNERS);
    expect(post.finding.post).toMatchObject({
      platform: 'instagram',
      kind: 'post',
      url: 'https://www.instagram.com/p/SyntKades01/',
      author: { handle: 'kades.mekarsari' },
    });
    const comment = await flag(url, 'div[role="dialog"] ul li:has(a[href*="/c/"])', 0, IG_OWNERS);
    expect(comment.finding.post).toMatchObject({
      kind: 'comment',
      url: 'https://www.instagram.com/p/SyntKades01/c/18000000000000001/',
      author: { handle: 'yanto_sap' },
      parent: { url: 'https://www.instagram.com/p/SyntKades01/' },
    });
    await comment.tab.screenshot({ path: 'artifacts/e2e/instagram-dialog-flagged.png' });
  });
});

describe('Instagram in real Firefox', () => {
  let firefox: FirefoxSession;
  beforeAll(async () => {
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('flags a post end to end', async () => {
    const tab = await firefox.browser.newPage();
    await tab.setViewport({ width: 1280, height: 1200 });
    await tab.goto(`${server.origin('www.instagram.com')}/p/SyntKades01/`);
    const button = 'div[role="dialog"] article [data-netra-flag]';
    await tab.waitForSelector(button, { timeout: 20_000 });
    await tab.click(button);
    await tab.waitForFunction(
      (sel) => document.querySelector(sel)?.getAttribute('data-state') === 'saved',
      {
        timeout: 20_000,
        polling: 100,
      },
      button,
    );
    const popup = await firefox.openPopup();
    const stored = (await popup.evaluate(collectFindings)) as StoredFinding[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.post).toMatchObject({
      platform: 'instagram',
      url: 'https://www.instagram.com/p/SyntKades01/',
    });
    const shot = stored[0]!.screenshots.find((s) => s.role === 'post')!;
    expect(pngSize(Uint8Array.from(stored[0]!.pngs[shot.id]!))).toEqual({
      width: shot.width,
      height: shot.height,
    });
  });
});
