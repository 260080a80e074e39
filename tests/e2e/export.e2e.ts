// Shift end in real Chromium: findings (one of them hostile text) exported from the popup as a signed
// bundle that verifies with the project's verifier and with unzip / sha256sum / openssl; the upload to
// the office retried until the office accepts; the report opened in the browser runs nothing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '@/lib/bundle/verify';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { collectFindings } from './harness/findings';
import { type HttpsTestServer, startHttpsServer } from './harness/https-server';
import { type XLikePost, xLikePage } from './pages/x-like';

const ARTIFACTS = 'artifacts/e2e';
const HOSTILE =
  '<script>window.__pwned = 1; alert(1)</script><img src=x onerror="window.__pwned = 2; alert(2)"> ' +
  '=HYPERLINK("http://evil.example","klik") =cmd|\' /C calc\'!A0 \u202Eterbalik\u202C';
const BIG = `Teks sangat panjang. ${'Kampanye terselubung di jam dinas. '.repeat(30_000)}`; // ~1 MB

const posts: XLikePost[] = [
  { id: '1990000000000000001', handle: 'guru_sri', name: 'Sri Wahyuni', text: 'Ayo coblos nomor 2!' },
  { id: '1990000000000000002', handle: 'camat_budi', name: 'Budi Santoso', text: HOSTILE },
  { id: '1990000000000000003', handle: 'staf_dewi', name: 'Dewi Lestari', text: BIG },
];

let server: HttpsTestServer;
let chromium: ChromiumSession;
const uploads: Buffer[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  let attempts = 0;
  server = await startHttpsServer({
    '/home': { body: xLikePage('Beranda', posts) },
    // The office: refuses twice (server error), then accepts.
    '//localhost/upload': (_req, res, body) => {
      attempts++;
      if (attempts <= 2) {
        res.writeHead(503).end('sibuk');
        return;
      }
      uploads.push(body);
      res.writeHead(201).end('ok');
    },
  });
  chromium = await launchChromium({ viewport: { width: 1280, height: 1400 } });
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

describe('export at shift end', () => {
  it('exports from the popup: a signed bundle that verifies, uploaded after two failures, findings kept and marked', async () => {
    await chromium.evalInWorker(
      (endpoint) =>
        chrome.storage.local.set({
          officer: { name: 'Rudi Hartono', nip: '198703152010011002', unit: 'Bawaslu Kota Harapan' },
          officeName: 'Bawaslu Provinsi Harapan',
          officeEndpoint: endpoint,
        }),
      `${server.origin('localhost')}/upload`,
    );
    const feed = await chromium.context.newPage();
    await feed.goto(`${server.origin('x.com')}/home`);
    const buttons = feed.locator('article [data-netra-flag]');
    await expect.poll(() => buttons.count(), { timeout: 15_000 }).toBe(3);
    for (let i = 0; i < 3; i++) {
      await buttons.nth(i).scrollIntoViewIfNeeded();
      await buttons.nth(i).click();
      await expect
        .poll(() => buttons.nth(i).getAttribute('data-state'), { timeout: 20_000 })
        .toMatch(/saved|partial/);
    }

    const popup = await chromium.openPopup();
    await expect
      .poll(() => popup.locator('[data-testid="finding-count"]').textContent(), { timeout: 15_000 })
      .toBe('3');
    const exportPage = chromium.context.waitForEvent('page');
    await popup.locator('[data-testid="export"]').click();
    const page = await exportPage;
    const download = await page.waitForEvent('download', { timeout: 60_000 });
    const zipPath = join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(zipPath);
    expect(download.suggestedFilename()).toMatch(/^netra-198703152010011002-\d{8}-\d{4}-\d{8}-\d{4}\.zip$/);
    await page.locator('[data-testid="export-done"]').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.locator('[data-testid="upload-status"]').textContent(), { timeout: 30_000 })
      .toBe('Terkirim ke kantor (HTTP 201).');
    await page.screenshot({ path: join(ARTIFACTS, 'export-page.png') });

    const zip = new Uint8Array(readFileSync(zipPath));
    const report = await verifyBundle(zip);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.manifest?.records.count).toBe(3);
    expect(report.manifest?.officer.nip).toBe('198703152010011002');
    expect(uploads).toHaveLength(1);
    expect(new Uint8Array(uploads[0]!)).toEqual(zip);

    // The office's own tools, as real processes.
    const dir = mkdtempSync(join(tmpdir(), 'netra-bundle-'));
    try {
      execFileSync('unzip', ['-q', zipPath, '-d', dir]);
      execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir });
      const openssl = execFileSync(
        'openssl',
        ['dgst', '-sha256', '-verify', 'officer.pub.pem', '-signature', 'SHA256SUMS.sig', 'SHA256SUMS'],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(openssl.trim()).toBe('Verified OK');

      // The report, opened as the office would open it: nothing runs, the hostile text reads verbatim.
      const report = await chromium.context.newPage();
      const dialogs: string[] = [];
      report.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await report.goto(`file://${join(dir, 'index.html')}`);
      await report.waitForTimeout(500);
      expect(dialogs).toEqual([]);
      expect(await report.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await report.locator('script').count()).toBe(0);
      expect(await report.locator('img[onerror]').count()).toBe(0);
      const text = await report.locator('body').textContent();
      expect(text).toContain('<script>window.__pwned = 1; alert(1)</script>');
      expect(text).toContain('=cmd|');
      expect(text).toContain(BIG.slice(0, 200));
      await report.screenshot({ path: join(ARTIFACTS, 'bundle-report.png') });
      const csv = readFileSync(join(dir, 'evidence.csv'), 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv).not.toMatch(/(^|,|")=HYPERLINK/m);
      writeFileSync(join(ARTIFACTS, 'evidence.csv'), csv);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // Exported findings are marked, never deleted: the shift count goes to zero, the records stay.
    await popup.reload();
    await expect
      .poll(() => popup.locator('[data-testid="finding-count"]').textContent(), { timeout: 15_000 })
      .toBe('0');
    const stored = await chromium.evalInWorker(collectFindings);
    expect(stored).toHaveLength(3);
    expect(stored.every((e) => e.exportedAt !== null)).toBe(true);
  });

  it('the Verifikasi page checks a bundle dropped on it', async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${chromium.extensionOrigin}/verify.html`);
    const [zipName] = execFileSync('ls', [ARTIFACTS], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f.endsWith('.zip'));
    await page.locator('[data-testid="bundle-input"]').setInputFiles(join(ARTIFACTS, zipName!));
    await expect
      .poll(() => page.locator('[data-testid="verdict"]').textContent(), { timeout: 30_000 })
      .toMatch(/^✓/);
    await page.screenshot({ path: join(ARTIFACTS, 'verify-page.png'), fullPage: false });
  });
});

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };
