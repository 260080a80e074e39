// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mountPage } from '@/components/mount-page';
import { ExportPage } from '@/entrypoints/export/ExportPage';
import { VerifyPage } from '@/entrypoints/verify/VerifyPage';
import { SETTINGS } from '@/lib/config/settings';
import { setLanguage } from '@/lib/i18n';

let root: HTMLElement;
const text = () => root.textContent ?? '';

beforeEach(() => {
  setLanguage('id');
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('the export and verify pages', () => {
  it('speak Indonesian by default and title the tab', async () => {
    const stop = await mountPage(ExportPage, root, 'export_title');
    await vi.waitFor(() => expect(text()).toContain('0 temuan belum diekspor.'));
    expect(text()).toContain('Ekspor bundel bertanda tangan');
    expect(document.title).toBe('Netra — Ekspor bundel');
    stop();
  });

  it('switch to English with the officer, keeping what they show', async () => {
    const stop = await mountPage(ExportPage, root, 'export_title');
    await vi.waitFor(() => expect(text()).toContain('0 temuan belum diekspor.'));
    await fakeBrowser.storage.local.set({ [SETTINGS.language]: 'en' });
    await vi.waitFor(() => expect(text()).toContain('Not yet exported: 0.'));
    expect(text()).toContain('Export a signed bundle');
    expect(document.title).toBe('Netra — Export bundle');
    stop();
  });

  it('render the verify page in the stored language', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS.language]: 'en' });
    const stop = await mountPage(VerifyPage, root, 'verify_title');
    expect(text()).toContain('or drop the bundle file (.zip) here');
    expect(text()).toContain('Registered officer key');
    expect(root.querySelector('[data-testid="bundle-input"]')).not.toBeNull();
    expect(document.title).toBe('Netra — Verify a bundle');
    stop();
  });

  it("word the verifier's checks in the officer's language", async () => {
    for (const [lang, expected, other] of [
      ['en', 'This file is not a readable bundle ZIP', 'bukan ZIP bundel'],
      ['id', 'Berkas ini bukan ZIP bundel yang dapat dibaca', 'not a readable bundle'],
    ] as const) {
      await fakeBrowser.storage.local.set({ [SETTINGS.language]: lang });
      const stop = await mountPage(VerifyPage, root, 'verify_title');
      const input = root.querySelector<HTMLInputElement>('[data-testid="bundle-input"]')!;
      Object.defineProperty(input, 'files', {
        value: [new File(['not a zip'], 'bundle.zip', { type: 'application/zip' })],
        configurable: true,
      });
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await vi.waitFor(() => expect(text()).toContain(expected));
      expect(text()).not.toContain(other);
      stop();
    }
  });
});
