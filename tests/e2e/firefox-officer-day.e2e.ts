// The officer's-day feed features in real Firefox ESR (MV2 build, puppeteer-core over WebDriver BiDi):
// the demo pack in storage.local, markers on exactly the same demo-feed posts as in Chromium, and a flag
// completed in the inline panel by keyboard, its note and the watchlist's ASN identity in the audit log.
import { mkdirSync } from 'node:fs';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_PACK_PATH, demoRoutes } from '../demo/routes';
import { collectAudit } from './harness/audit';
import { focusedIn } from './harness/closed-shadow';
import { type ConfigPack, readPackFile } from './harness/config-pack';
import { DEMO_MARKED, DEMO_UNMARKED } from './harness/demo-feed-marks';
import { collectFindings } from './harness/findings';
import { type FirefoxSession, launchFirefox } from './harness/firefox';
import { evalInClosedRoot, loadConfigPackFirefox } from './harness/firefox-extension';
import { type HttpsTestServer, startHttpsServer } from './harness/https-server';
import { markersOfPosts, POSTS } from './harness/officer-pages';

const ARTIFACTS = 'artifacts/e2e';
const POLL = { timeout: 15_000 };
const PANEL = 'netra-panel[data-netra-panel]';
/** How long Firefox needs to offer a datalist's new options (300 ms was enough in trials; 0 was not). */
const SUGGESTIONS_SETTLE_MS = 600;

let server: HttpsTestServer;
let firefox: FirefoxSession;
let pack: ConfigPack;
/** An extension page (the popup in a tab): storage, audit log and the feed's closed roots are read through it. */
let extension: Page;
let feed: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  pack = readPackFile(CONFIG_PACK_PATH);
  server = await startHttpsServer(demoRoutes());
  // NETRA_FIREFOX_EXTENSION_DIR: a copy of the build, safe from a rebuild while the test runs.
  firefox = await launchFirefox({ extensionDir: process.env.NETRA_FIREFOX_EXTENSION_DIR });
  extension = await firefox.openPopup();
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

const markers = () => feed.$$eval(POSTS, markersOfPosts);

/** The panel host's data-state, read from the light DOM (null when no panel is in the page). */
const panelState = () =>
  feed.evaluate((selector) => document.querySelector<HTMLElement>(selector)?.dataset.state ?? null, PANEL);

const inPanel = <R>(fn: (root: ShadowRoot) => R) => evalInClosedRoot(extension, feed.url(), PANEL, fn);
const panelFocus = () => inPanel(focusedIn);

/** The panel's ASN fields, in the shape of an audited identity. */
function fields(root: ShadowRoot) {
  const [name, nip, agency] = [...root.querySelectorAll('input')].map((input) => input.value);
  return { name, nip, agency };
}

const pressTab = async (times: number) => {
  for (let i = 0; i < times; i++) await feed.keyboard.press('Tab');
};

/** The watchlist's identity of the account `handle`, as the audit log records it. */
function identityOf(handle: string) {
  const { name, nip, agency } = pack.watchlist.find((w) => w.handle === handle)!;
  return { name, nip, agency };
}

/** The audited edits of one finding, oldest first. */
const edits = async (evidenceId: string) =>
  (await extension.evaluate(collectAudit)).audit.filter(
    (a) => a.evidenceId === evidenceId && a.action === 'edit',
  );

/** Flags the post by `author` with a trusted click; resolves with the open panel's evidence id. */
async function flag(author: string): Promise<string> {
  // captureVisibleTab takes the tab in front.
  await feed.bringToFront();
  const host = await feed.evaluateHandle(
    (posts, name) =>
      [...document.querySelectorAll(posts)]
        .find((post) => post.querySelector(`[data-testid="User-Name"] a[href="/${name}"]`))
        ?.querySelector('[data-netra-flag]'),
    POSTS,
    author,
  );
  const button = host.asElement() as ElementHandle<Element> | null;
  expect(button, author).not.toBeNull();
  await button!.click();
  await expect.poll(panelState, POLL).toBe('open');
  const evidenceId = await feed.evaluate(
    (selector) => document.querySelector<HTMLElement>(selector)?.dataset.evidenceId,
    PANEL,
  );
  expect(evidenceId).toBeTruthy();
  return evidenceId!;
}

describe("an officer's day in real Firefox", () => {
  it('the demo pack in storage.local, then markers on exactly the watchlisted and rule-matching posts', async () => {
    await loadConfigPackFirefox(extension, pack);
    const stored = await extension.evaluate(() => browser.storage.local.get(['watchlist', 'rules']));
    expect(stored).toEqual({ watchlist: pack.watchlist, rules: pack.rules });

    feed = await firefox.browser.newPage();
    await feed.setViewport({ width: 1280, height: 1000 });
    await feed.goto(`${server.origin('x.com')}/home`);
    await expect
      .poll(async () => (await markers()).filter((p) => p.asn !== null).length, POLL)
      .toBe(Object.keys(DEMO_MARKED).length);

    const shown = await markers();
    const sorted = (list: string[]) => [...list].sort();
    for (const [author, expected] of Object.entries(DEMO_MARKED)) {
      const found = shown.find((m) => m.author === author);
      expect({ author, asn: found?.asn, terms: found?.terms }).toEqual({
        author,
        asn: sorted(expected.asn),
        terms: sorted(expected.terms),
      });
    }
    for (const author of DEMO_UNMARKED) {
      const found = shown.filter((m) => m.author === author);
      expect(found.length, author).toBeGreaterThan(0);
      expect(
        found.map((m) => m.asn),
        author,
      ).toEqual(found.map(() => null));
    }
    // The shared stylesheet reached the closed root (adopted or as its own <style>): an unknown
    // element is inline by default, `:host(netra-marker)` makes it a block.
    const display = await feed.evaluate(
      () => getComputedStyle(document.querySelector('[data-netra-marker]')!).display,
    );
    expect(display).toBe('block');
    await feed.screenshot({ path: `${ARTIFACTS}/firefox-marked-feed.png` });
  });

  it('the inline panel by keyboard: the note audited, the ASN identity from the watchlist', async () => {
    const evidenceId = await flag('sriwahyuni_guru');
    expect((await panelFocus())?.tag).toBe('select');
    // The panel floats over the feed: its stylesheet applies to the host too.
    expect(
      await feed.evaluate((selector) => getComputedStyle(document.querySelector(selector)!).position, PANEL),
    ).toBe('fixed');
    await feed.screenshot({ path: `${ARTIFACTS}/firefox-inline-panel.png` });

    // Tab order: category, ASN name, NIP, agency, note, Simpan, Tutup.
    await pressTab(4);
    expect((await panelFocus())?.tag).toBe('textarea');
    const note = 'Hadir di kampanye akbar saat jam dinas, memakai atribut paslon.';
    await feed.keyboard.type(note);
    expect(await inPanel((root) => root.querySelector('textarea')?.value)).toBe(note);
    await pressTab(1);
    expect((await panelFocus())?.tag).toBe('button');
    await feed.keyboard.press('Enter');

    // The panel adds to the note sealed at capture (the matched terms); it does not replace it.
    const sealed = (await extension.evaluate(collectFindings)).find((f) => f.id === evidenceId)!.note;
    expect(sealed).toMatch(/^Cocok dengan aturan: .*kampanye akbar/i);
    const kept = `${sealed}\n\n${note}`;
    await expect
      .poll(async () => (await edits(evidenceId)).some((a) => a.changes?.note === kept), POLL)
      .toBe(true);
    const all = await edits(evidenceId);
    const noteEdit = all.find((a) => a.changes?.note === kept)!;
    // Only the note was the officer's: the category and the pre-filled identity were left as they were.
    expect(noteEdit.changes).toEqual({ note: kept });
    const asnEdit = all.find((a) => a.changes?.asn !== undefined);
    expect(asnEdit?.changes?.asn).toEqual(identityOf('sriwahyuni_guru'));
    expect(asnEdit!.seq).toBeLessThan(noteEdit.seq);
    // Saved, then the panel goes away by itself.
    await expect.poll(panelState, POLL).toBeNull();
  });

  it("the ASN picked from the watchlist's suggestions (a datalist inside the closed root)", async () => {
    // A party's post: no watchlisted author, so no identity pre-filled.
    const evidenceId = await flag('pcn_harapanjaya');
    expect(await inPanel(fields)).toEqual({ name: '', nip: '', agency: '' });
    await pressTab(1);
    await feed.keyboard.type('Budi');
    await expect
      .poll(
        () =>
          inPanel((root) =>
            [...root.querySelectorAll('datalist option')].map((o) => o.getAttribute('value')),
          ),
        POLL,
      )
      .toContain('Budi Santoso');
    // Firefox takes a changed datalist into its (native, unobservable) suggestion popup a moment later;
    // an officer sees the popup first. Then the first (only) entry for "Budi", taken with Enter.
    await new Promise((settled) => setTimeout(settled, SUGGESTIONS_SETTLE_MS));
    await feed.keyboard.press('ArrowDown');
    await feed.keyboard.press('Enter');
    const budi = identityOf('budisantoso_dishub');
    // Enter took the suggestion (its NIP and agency filled in with it); it did not save the form.
    await expect
      .poll(async () => ({ state: await panelState(), fields: await inPanel(fields) }), {
        ...POLL,
        // Without a suggestion offered, Enter saves the typed "Budi" and the panel closes (state null).
        message: 'Firefox offered no suggestion for the typed name',
      })
      .toEqual({ state: 'open', fields: budi });
    expect(await edits(evidenceId)).toEqual([]);

    // name → NIP → agency → note → Simpan
    await pressTab(4);
    expect((await panelFocus())?.tag).toBe('button');
    await feed.keyboard.press('Enter');
    await expect
      .poll(async () => (await edits(evidenceId)).map((a) => a.changes), POLL)
      .toEqual([{ asn: budi }]);
  });
});
