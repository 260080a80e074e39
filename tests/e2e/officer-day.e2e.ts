// An officer's day in real Chromium with the built extension: the profile and the office's configuration
// pack in the options page, the demo feed (tests/demo/feed) served as x.com with markers on exactly the
// watchlisted accounts' and the rule-matching posts, flags completed in the inline panel by keyboard,
// the popup's shift summary, edits and a deletion on the review page (audited), and every page in the
// officer's language with no string of the other left over.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_PACK_PATH, demoRoutes } from '../demo/routes';
import { collectAudit } from './harness/audit';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { type ConfigPack, loadConfigPack, readPackFile } from './harness/config-pack';
import { DEMO_MARKED, DEMO_UNMARKED } from './harness/demo-feed-marks';
import { collectFindings } from './harness/findings';
import { type HttpsTestServer, startHttpsServer } from './harness/https-server';
import { type Language, leakFinder } from './harness/language-leaks';
import {
  extensionPageWords,
  netraWords,
  openPanel,
  POSTS,
  panelCategory,
  postMarkers,
} from './harness/officer-pages';

const ARTIFACTS = 'artifacts/e2e';
const POLL = { timeout: 15_000 };
const OFFICER = { name: 'Rudi Hartono', nip: '198703152010011002', unit: 'Bawaslu Kabupaten Harapan Jaya' };

let server: HttpsTestServer;
let chromium: ChromiumSession;
let pack: ConfigPack;
let feed: Page;
/** Findings made in (c), used by (d) and (e). */
const flagged: Record<string, string> = {};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  pack = readPackFile(CONFIG_PACK_PATH);
  server = await startHttpsServer(demoRoutes());
  // NETRA_EXTENSION_DIR: a copy of the build, safe from a rebuild while the test runs.
  chromium = await launchChromium({
    extensionDir: process.env.NETRA_EXTENSION_DIR,
    viewport: { width: 1280, height: 1000 },
    timezone: 'Asia/Jakarta',
  });
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

const storage = (keys: string[]) =>
  chromium.evalInWorker((k) => chrome.storage.local.get(k), keys) as Promise<Record<string, unknown>>;

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

async function openExtensionPage(path: string): Promise<Page> {
  const page = await chromium.context.newPage();
  await page.goto(`${chromium.extensionOrigin}/${path}`);
  return page;
}

const post = (page: Page, author: string) =>
  page
    .locator(POSTS)
    .filter({ has: page.locator(`[data-testid="User-Name"] a[href="/${author}"]`) })
    .first();

/** Flags the post by `author` with a trusted click; resolves with the open panel's evidence id. */
async function flag(page: Page, author: string): Promise<string> {
  const button = post(page, author).locator('[data-netra-flag]').first();
  await button.scrollIntoViewIfNeeded();
  await button.click();
  await expect.poll(async () => (await openPanel(page))?.attributes['data-state'], POLL).toBe('open');
  const id = (await openPanel(page))?.attributes['data-evidence-id'];
  expect(id).toBeTruthy();
  return id!;
}

describe("an officer's day", () => {
  it('(a) options: a bad NIP is refused, a good one saved, the pack imported, a bad watchlist CSV refused', async () => {
    const options = await openExtensionPage('options.html');
    await byTestId(options, 'officer-name').fill(OFFICER.name);
    await byTestId(options, 'officer-nip').fill('19870315201001100'); // 17 digits
    await byTestId(options, 'save-officer').click();
    const nipError = options.locator('#officer-nip-error');
    await expect.poll(() => nipError.textContent(), POLL).toContain('17');
    expect(await byTestId(options, 'officer-nip').getAttribute('aria-invalid')).toBe('true');
    // One click on Simpan must be enough (the error appearing on blur must not move the button away).
    expect.soft(await byTestId(options, 'officer-status').textContent()).not.toBe('');
    expect((await storage(['officer'])).officer).toBeUndefined();

    await byTestId(options, 'officer-nip').fill(OFFICER.nip);
    await byTestId(options, 'officer-unit').fill(OFFICER.unit);
    await byTestId(options, 'save-officer').click();
    await expect.poll(async () => (await storage(['officer'])).officer, POLL).toEqual(OFFICER);
    expect(await nipError.count()).toBe(0);

    await byTestId(options, 'pack-file').setInputFiles(CONFIG_PACK_PATH);
    await byTestId(options, 'pack-apply').click();
    await expect
      .poll(async () => {
        const stored = await storage(['watchlist', 'rules']);
        return [(stored.watchlist as unknown[])?.length, (stored.rules as unknown[])?.length];
      }, POLL)
      .toEqual([pack.watchlist.length, pack.rules.length]);
    const stored = await storage(['watchlist', 'rules', 'categories']);
    expect(stored.watchlist).toEqual(pack.watchlist);
    expect(stored.rules).toEqual(pack.rules);

    // Row 3 has a 17-digit NIP, row 5 repeats row 4's account (case differs): the whole file is refused.
    const badCsv = [
      'nama,nip,instansi,jabatan,platform,akun,url',
      'Siti Rahmawati,198501012010012001,Dinas Contoh,Staf,x,siti_contoh_hj,',
      'Joko Santoso,19870101201001100,Dinas Contoh,Staf,x,joko_contoh_hj,',
      'Rina Kartini,198801012011012002,Dinas Contoh,Staf,x,rina_contoh_hj,',
      'Rina K.,198801012011012003,Dinas Contoh,Staf,x,Rina_Contoh_HJ,',
    ].join('\r\n');
    await byTestId(options, 'watchlist-file').setInputFiles({
      name: 'daftar-pantau-salah.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(badCsv),
    });
    const report = byTestId(options, 'watchlist-report');
    await report.waitFor(POLL);
    const rows = await report
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => (tr.querySelector('td')?.textContent ?? '').trim()));
    expect(rows).toEqual(expect.arrayContaining(['3', '5']));
    expect(await byTestId(options, 'watchlist-confirm').count()).toBe(0);
    expect((await storage(['watchlist'])).watchlist).toEqual(pack.watchlist);
    // The device key's fingerprint, for the officer to read out to the office.
    const fingerprint = byTestId(options, 'fingerprint');
    await options.locator('[data-testid="fingerprint"], #device [role="alert"]').first().waitFor(POLL);
    const shown = (await fingerprint.count()) > 0 ? await fingerprint.innerText() : 'no fingerprint shown';
    expect.soft(shown.replace(/\s+/g, ' ').trim()).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    // From the top, so the sticky section list sits where an officer first sees it.
    await options.evaluate(() => window.scrollTo(0, 0));
    await options.screenshot({ path: `${ARTIFACTS}/options.png`, fullPage: true });
    await options.close();
  });

  it('(b) the demo feed: markers on exactly the watchlisted and rule-matching posts', async () => {
    // Straight into storage too, so this part does not depend on (a)'s import.
    await loadConfigPack(chromium, CONFIG_PACK_PATH);
    feed = await chromium.context.newPage();
    await feed.goto(`${server.origin('x.com')}/home`);
    await expect
      .poll(async () => (await postMarkers(feed)).filter((p) => p.asn !== null).length, POLL)
      .toBe(Object.keys(DEMO_MARKED).length);
    const markers = await postMarkers(feed);
    const sorted = (list: string[]) => [...list].sort();
    for (const [author, expected] of Object.entries(DEMO_MARKED)) {
      const found = markers.find((m) => m.author === author);
      expect({ author, asn: found?.asn, terms: found?.terms }).toEqual({
        author,
        asn: sorted(expected.asn),
        terms: sorted(expected.terms),
      });
    }
    for (const author of DEMO_UNMARKED) {
      const found = markers.filter((m) => m.author === author);
      expect(found.length, author).toBeGreaterThan(0);
      expect(
        found.map((m) => m.asn),
        author,
      ).toEqual(found.map(() => null));
    }
    const sri = post(feed, 'sriwahyuni_guru');
    await sri.scrollIntoViewIfNeeded();
    await sri.screenshot({ path: `${ARTIFACTS}/marked-post.png` });
  });

  it('(c) the inline panel: keyboard only, the edit audited, the ASN pre-filled from the watchlist', async () => {
    const evidenceId = await flag(feed, 'sriwahyuni_guru');
    flagged.sri = evidenceId;
    expect((await openPanel(feed))?.focus?.tag).toBe('select');
    await feed.screenshot({ path: `${ARTIFACTS}/inline-panel.png` });

    // A rally photo with the teacher's gesture: "attributes", chosen with the arrow keys.
    for (let i = 0; i < pack.categories.length && (await panelCategory(feed)) !== 'attributes'; i++) {
      await feed.keyboard.press('ArrowDown');
    }
    expect(await panelCategory(feed)).toBe('attributes');
    // Tab order: category, ASN name, NIP, agency, note, Simpan, Tutup.
    for (let i = 0; i < 4; i++) await feed.keyboard.press('Tab');
    expect((await openPanel(feed))?.focus?.tag).toBe('textarea');
    const note = 'Hadir di kampanye akbar saat jam dinas, memakai atribut paslon.';
    await feed.keyboard.type(note);
    await feed.keyboard.press('Tab');
    expect((await openPanel(feed))?.focus?.tag).toBe('button');
    await feed.keyboard.press('Enter');

    const edits = async () =>
      (await chromium.evalInWorker(collectAudit)).audit.filter(
        (a) => a.evidenceId === evidenceId && a.action === 'edit',
      );
    // The panel adds to the note sealed at capture (the matched terms); it does not replace it.
    const sealed = (await chromium.evalInWorker(collectFindings)).find((f) => f.id === evidenceId)!.note;
    expect(sealed).toMatch(/^Cocok dengan aturan: .*kampanye akbar/i);
    const kept = `${sealed}\n\n${note}`;
    await expect.poll(async () => (await edits()).some((a) => a.changes?.note === kept), POLL).toBe(true);
    const panelEdit = (await edits()).find((a) => a.changes?.note === kept)!;
    expect(panelEdit.changes?.category).toBe('attributes');
    const sri = pack.watchlist.find((w) => w.handle === 'sriwahyuni_guru')!;
    const lastAsn = (await edits()).findLast((a) => a.changes?.asn !== undefined)?.changes?.asn;
    expect(lastAsn).toEqual({ name: sri.name, nip: sri.nip, agency: sri.agency });

    // A second flag, closed with Esc: no edit of the officer's, only the watchlist's identity.
    const second = await flag(feed, 'hendra_camat');
    flagged.hendra = second;
    // "Salam dua jari" is a gesture rule whose category pre-fills the finding's.
    expect(await panelCategory(feed)).toBe('attributes');
    await feed.keyboard.press('Escape');
    await expect
      .poll(async () => (await openPanel(feed))?.attributes['data-state'] ?? 'closed', POLL)
      .not.toBe('open');
    const secondEdits = (await chromium.evalInWorker(collectAudit)).audit.filter(
      (a) => a.evidenceId === second,
    );
    expect(secondEdits.every((a) => a.changes?.note === undefined && a.changes?.category === undefined)).toBe(
      true,
    );
    const hendra = pack.watchlist.find((w) => w.handle === 'hendra_camat')!;
    expect(secondEdits.map((a) => a.changes?.asn)).toContainEqual({
      name: hendra.name,
      nip: hendra.nip,
      agency: hendra.agency,
    });
  });

  it('(d) the popup: the shift counted per platform and category', async () => {
    const popup = await chromium.openPopup();
    await popup.setViewportSize({ width: 400, height: 640 });
    await expect.poll(() => byTestId(popup, 'finding-count').textContent(), POLL).toBe('2');
    expect(await byTestId(popup, 'platform-counts').innerText()).toMatch(/X\s*2/);
    const categories = await byTestId(popup, 'category-counts').locator('tbody tr').allInnerTexts();
    const label = (id: string) => pack.categories.find((c) => c.id === id)!.label;
    // Both in "attributes": one chosen in the panel, one pre-filled from the gesture rule.
    expect(categories.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([`${label('attributes')} 2`]);
    await popup.screenshot({ path: `${ARTIFACTS}/popup-shift.png` });
    await popup.close();
  });

  it('(e) the review page: search, an audited edit, a deletion with its reason', async () => {
    const review = await openExtensionPage('review.html');
    const rows = review.locator('[data-testid="review-row"]');
    await expect.poll(() => rows.count(), POLL).toBe(2);
    await byTestId(review, 'review-search').fill('kampanye akbar');
    await expect.poll(() => rows.count(), POLL).toBe(1);
    expect(await rows.first().getAttribute('data-evidence-id')).toBe(flagged.sri);

    await rows.first().locator('.row-open').click();
    const note = 'Foto kampanye akbar dicocokkan dengan unggahan di akun Instagram yang sama.';
    await byTestId(review, 'edit-note').fill(note);
    await byTestId(review, 'edit-reason').fill('Catatan dilengkapi setelah pengecekan silang');
    await byTestId(review, 'edit-save').click();
    await expect
      .poll(async () => {
        const { audit } = await chromium.evalInWorker(collectAudit);
        return audit.find((a) => a.evidenceId === flagged.sri && a.changes?.note === note)?.reason;
      }, POLL)
      .toBe('Catatan dilengkapi setelah pengecekan silang');

    await byTestId(review, 'review-search').fill('');
    await expect.poll(() => rows.count(), POLL).toBe(2);
    await review.locator(`[data-evidence-id="${flagged.hendra}"] .row-open`).click();
    await byTestId(review, 'delete-open').click();
    await byTestId(review, 'delete-reason').fill('Salah tandai: akun sudah dilaporkan oleh petugas lain');
    await byTestId(review, 'delete-confirm').click();
    await expect.poll(() => review.locator(`[data-evidence-id="${flagged.hendra}"]`).count(), POLL).toBe(0);
    const { tombstones } = await chromium.evalInWorker(collectAudit);
    expect(tombstones.find((t) => t.evidenceId === flagged.hendra)?.reason).toBe(
      'Salah tandai: akun sudah dilaporkan oleh petugas lain',
    );
    expect((await chromium.evalInWorker(collectFindings)).map((f) => f.id)).toEqual([flagged.sri]);
    await review.locator(`[data-evidence-id="${flagged.sri}"] .row-open`).click();
    await review.screenshot({ path: `${ARTIFACTS}/review.png`, fullPage: true });
    await review.close();
  });

  it('(f) language: every page in English, then in Indonesian, with no string of the other left', async () => {
    const leaks = leakFinder();
    const options = await openExtensionPage('options.html');
    const found: { lang: Language; page: string; key: string; text: string }[] = [];

    for (const lang of ['en', 'id'] as const) {
      await byTestId(options, `lang-${lang}`).check();
      await expect.poll(async () => (await storage(['language'])).language, POLL).toBe(lang);
      const data = await contentTexts();
      const check = (page: string, text: string) =>
        found.push(...leaks.find(text, lang, data).map((leak) => ({ lang, page, ...leak })));

      await options.reload();
      await expect.poll(() => options.evaluate(() => document.documentElement.lang), POLL).toBe(lang);
      check('options', await extensionPageWords(options));
      for (const path of ['popup.html', 'review.html', 'export.html']) {
        const page = await openExtensionPage(path);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe(lang);
        await page.waitForLoadState('networkidle');
        check(path, await extensionPageWords(page));
        await page.close();
      }
      await feed.reload();
      await expect
        .poll(async () => (await postMarkers(feed)).filter((p) => p.asn !== null).length, POLL)
        .toBeGreaterThan(0);
      // A fresh flag shows the panel in this language (the tab in front: captureVisibleTab needs it).
      await feed.bringToFront();
      await flag(feed, lang === 'en' ? 'nuraini_bpkad' : 'dr_agusprasetyo');
      check('feed (markers, buttons, panel)', await netraWords(feed));
      await feed.keyboard.press('Escape');
    }
    expect(found).toEqual([]);
  });
});

/** Everything shown that is content, not UI: the pack's names and labels, the findings' texts and notes, the audit's reasons. */
async function contentTexts(): Promise<string[]> {
  const findings = await chromium.evalInWorker(collectFindings);
  const { audit, tombstones } = await chromium.evalInWorker(collectAudit);
  return [
    // Each language's name is written in itself on purpose (options page).
    'Bahasa Indonesia',
    'English',
    pack.office.name,
    ...Object.values(OFFICER),
    ...pack.watchlist.flatMap((w) => [w.name, w.agency ?? '', w.position ?? '']),
    ...pack.rules.flatMap((r) => [r.term, r.label]),
    ...findings.flatMap((f) => [f.post.text, f.note, f.post.author.displayName ?? '']),
    ...audit.flatMap((a) => [a.reason, a.changes?.note ?? '', a.changes?.asn?.agency ?? '']),
    ...tombstones.map((t) => t.reason),
  ];
}

declare const chrome: { storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } } };
