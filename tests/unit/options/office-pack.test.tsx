// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsPage } from '@/entrypoints/options/OptionsPage';
import { spkiPem } from '@/lib/crypto/device-key';
import { setLanguage } from '@/lib/i18n';
import { byTestId, chooseFile, eventually, mount, type } from './helpers';

let page: ReturnType<typeof mount>;

beforeEach(() => {
  setLanguage('id');
  page = mount(<OptionsPage />);
});
afterEach(() => page.unmount());

const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

async function officeKeyPem(): Promise<string> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  return spkiPem(await crypto.subtle.exportKey('spki', pair.publicKey));
}

describe('office', () => {
  it('accepts only an https upload address', async () => {
    const endpoint = await byTestId<HTMLInputElement>(page.root, 'office-endpoint');
    await type(endpoint, 'http://kantor.example/unggah');
    (await byTestId(page.root, 'save-office')).click();
    await eventually(() =>
      expect(page.root.querySelector('#office-endpoint-error')?.textContent).toContain('https://'),
    );
    expect(await stored('officeEndpoint')).toBeUndefined();

    await type(endpoint, 'https://kantor.example/unggah');
    await type(await byTestId<HTMLInputElement>(page.root, 'office-name'), 'Bawaslu Kabupaten Contoh');
    (await byTestId(page.root, 'save-office')).click();
    await eventually(async () =>
      expect(await stored('officeEndpoint')).toBe('https://kantor.example/unggah'),
    );
    expect(await stored('officeName')).toBe('Bawaslu Kabupaten Contoh');
  });

  it('checks the office key and shows its fingerprint in groups once saved', async () => {
    const key = await byTestId<HTMLTextAreaElement>(page.root, 'office-key');
    await type(key, '-----BEGIN PUBLIC KEY-----\nbukan kunci\n-----END PUBLIC KEY-----');
    (await byTestId(page.root, 'save-office')).click();
    await eventually(() => expect(page.root.querySelector('#office-key-error')).not.toBeNull());
    expect(await stored('officePublicKey')).toBeUndefined();

    const pem = await officeKeyPem();
    await type(await byTestId<HTMLTextAreaElement>(page.root, 'office-key'), pem);
    (await byTestId(page.root, 'save-office')).click();
    await eventually(async () => expect(await stored('officePublicKey')).toBe(pem));
    const groups = (await byTestId(page.root, 'office-fingerprint')).querySelectorAll('.fp-group');
    expect(groups).toHaveLength(16);
  });
});

const PACK = {
  format: 'netra-config',
  version: 1,
  issuedAt: '2026-11-20T08:00:00+07:00',
  office: { name: 'Bawaslu Kabupaten Contoh', endpoint: 'https://kantor.example/unggah', publicKeyPem: null },
  categories: [
    { id: 'posting', label: 'Mengunggah dukungan' },
    { id: 'other', label: 'Lainnya' },
  ],
  rules: [{ id: 'r1', term: 'salam tiga jari', label: 'Gestur contoh', kind: 'gesture', category: 'other' }],
  watchlist: [
    {
      id: 'x:budi_contoh',
      name: 'Budi Contoh',
      nip: null,
      agency: 'Dinas Fiktif',
      position: null,
      platform: 'x',
      handle: 'budi_contoh',
      profileUrl: null,
    },
  ],
};

const packFile = (pack: unknown) =>
  new File([JSON.stringify(pack)], 'paket.json', { type: 'application/json' });

describe('configuration pack', () => {
  it('summarises a good pack and applies it only on Terapkan', async () => {
    chooseFile(await byTestId<HTMLInputElement>(page.root, 'pack-file'), packFile(PACK));
    const summary = await byTestId(page.root, 'pack-summary');
    expect(summary.textContent).toContain('Bawaslu Kabupaten Contoh');
    expect(summary.textContent).toContain('2 kategori, 1 aturan, 1 entri daftar pantau');
    expect((await byTestId(page.root, 'pack-signature')).textContent).toBe('Tidak ditandatangani');
    expect(await stored('watchlist')).toBeUndefined();

    (await byTestId(page.root, 'pack-apply')).click();
    await eventually(async () => expect(await stored('rules')).toEqual(PACK.rules));
    expect(await stored('watchlist')).toEqual(PACK.watchlist);
    expect(await stored('officeEndpoint')).toBe('https://kantor.example/unggah');
    await eventually(async () =>
      expect((await byTestId(page.root, 'pack-current')).textContent).toContain('Bawaslu Kabupaten Contoh'),
    );
    await eventually(() =>
      expect(page.root.querySelector('[data-testid="categories"]')?.textContent).toContain(
        'Mengunggah dukungan',
      ),
    );
  });

  it('refuses a pack of an unknown version with a report and changes nothing', async () => {
    chooseFile(await byTestId<HTMLInputElement>(page.root, 'pack-file'), packFile({ ...PACK, version: 2 }));
    const report = await byTestId(page.root, 'pack-report');
    expect(report.querySelectorAll('tbody tr').length).toBeGreaterThan(0);
    expect(page.root.querySelector('[data-testid="pack-apply"]')).toBeNull();
    expect(await stored('configPack')).toBeUndefined();
    expect(await stored('rules')).toBeUndefined();
  });

  it('refuses an unsigned pack once an office key is registered', async () => {
    await fakeBrowser.storage.local.set({ officePublicKey: await officeKeyPem() });
    chooseFile(await byTestId<HTMLInputElement>(page.root, 'pack-file'), packFile(PACK));
    await byTestId(page.root, 'pack-report');
    expect(page.root.querySelector('[data-testid="pack-apply"]')).toBeNull();
    expect(await stored('watchlist')).toBeUndefined();
  });
});
