// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsPage } from '@/entrypoints/options/OptionsPage';
import type { WatchlistEntry } from '@/lib/config/schema';
import { formatFingerprint } from '@/lib/crypto/device-key';
import { Officer } from '@/lib/evidence/schema';
import { setLanguage } from '@/lib/i18n';
import { byTestId, chooseFile, csvFile, eventually, mount, nextTask, type } from './helpers';

const FINGERPRINT = 'ab'.repeat(32);

let page: ReturnType<typeof mount>;

beforeEach(() => {
  setLanguage('id');
  // The background's answer to { type: 'device.key' }.
  fakeBrowser.runtime.onMessage.addListener((message, _sender, reply) => {
    if ((message as { type?: string }).type !== 'device.key') return;
    reply({
      ok: true,
      fingerprint: FINGERPRINT,
      publicKeyPem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n',
    });
    return true;
  });
  page = mount(<OptionsPage />);
});

afterEach(() => {
  page.unmount();
  setLanguage('id');
});

const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

describe('officer profile', () => {
  it('refuses a 17-digit NIP with an inline error and saves 18 digits typed with spaces and dots', async () => {
    const nip = await byTestId<HTMLInputElement>(page.root, 'officer-nip');
    await type(await byTestId<HTMLInputElement>(page.root, 'officer-name'), 'Siti Contoh');
    await type(nip, '19900101 201503 1 00');
    (await byTestId(page.root, 'save-officer')).click();

    await eventually(() =>
      expect(page.root.querySelector('#officer-nip-error')?.textContent).toContain('17'),
    );
    expect(nip.getAttribute('aria-invalid')).toBe('true');
    expect(await stored('officer')).toBeUndefined();

    await type(nip, '19900101.201503.1.001');
    (await byTestId(page.root, 'save-officer')).click();
    await eventually(async () =>
      expect(await stored('officer')).toEqual({ name: 'Siti Contoh', nip: '199001012015031001', unit: null }),
    );
    expect(Officer.safeParse(await stored('officer')).success).toBe(true);
    await eventually(() => expect(page.root.querySelector('#officer-nip-error')).toBeNull());
    expect((await byTestId(page.root, 'officer-status')).textContent).toBe('Tersimpan.');
  });
});

describe('language', () => {
  it('stores en and renders the page in English at once', async () => {
    const heading = await byTestId(page.root, 'options-heading');
    expect(heading.textContent).toBe('Pengaturan Netra');
    (await byTestId<HTMLInputElement>(page.root, 'lang-en')).click();

    await eventually(async () => expect(await stored('language')).toBe('en'));
    await eventually(() => expect(heading.textContent).toBe('Netra settings'));
    expect(document.documentElement.lang).toBe('en');
    expect(page.root.querySelector('#officer-title')?.textContent).toBe('Officer profile');
  });
});

describe('device key', () => {
  it('shows the fingerprint in groups of four to read aloud', async () => {
    const fingerprint = await byTestId(page.root, 'fingerprint');
    const groups = [...fingerprint.querySelectorAll('.fp-group')].map((g) => g.textContent);
    expect(groups).toHaveLength(16);
    expect(groups[0]).toBe('ABAB');
    expect(fingerprint.textContent).toBe(formatFingerprint(FINGERPRINT));

    (await byTestId(page.root, 'copy-fingerprint')).click();
    await eventually(async () =>
      expect(await navigator.clipboard.readText()).toBe(formatFingerprint(FINGERPRINT)),
    );
  });
});

const OLD: WatchlistEntry = {
  id: 'x:lama_contoh',
  name: 'Pegawai Lama',
  nip: null,
  agency: null,
  position: null,
  platform: 'x',
  handle: 'lama_contoh',
  profileUrl: null,
};

describe('watchlist import', () => {
  beforeEach(async () => {
    await fakeBrowser.storage.local.set({ watchlist: [OLD] });
  });

  it('shows every problem of a bad CSV with its row and changes nothing', async () => {
    const csv = [
      'nama,nip,instansi,jabatan,platform,akun,url',
      'Budi Contoh,19900101201503100,Dinas Fiktif,Staf,x,budi_contoh,',
    ].join('\n');
    chooseFile(await byTestId<HTMLInputElement>(page.root, 'watchlist-file'), csvFile('pantau.csv', csv));

    const report = await byTestId(page.root, 'watchlist-report');
    const rows = [...report.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('td')?.textContent);
    expect(rows).toContain('2');
    expect(page.root.querySelector('[data-testid="watchlist-confirm"]')).toBeNull();
    expect(await stored('watchlist')).toEqual([OLD]);
  });

  it('replaces the list with a good CSV only after the confirm', async () => {
    const csv = [
      'nama,nip,instansi,jabatan,platform,akun,url',
      'Budi Contoh,199001012015031001,Dinas Fiktif,Staf,x,@Budi_Contoh,',
      'Ani Contoh,,Dinas Fiktif,Guru,instagram,ani.contoh,',
    ].join('\n');
    chooseFile(await byTestId<HTMLInputElement>(page.root, 'watchlist-file'), csvFile('pantau.csv', csv));

    const confirm = await byTestId(page.root, 'watchlist-confirm');
    expect((await byTestId(page.root, 'watchlist-import-status')).textContent).toContain(
      '2 entri siap diimpor',
    );
    expect(await stored('watchlist')).toEqual([OLD]);
    confirm.click();

    await eventually(async () => {
      const list = (await stored('watchlist')) as WatchlistEntry[];
      expect(list.map((e) => [e.name, e.platform, e.handle])).toEqual([
        ['Budi Contoh', 'x', 'budi_contoh'],
        ['Ani Contoh', 'instagram', 'ani.contoh'],
      ]);
    });
    await eventually(() =>
      expect(page.root.querySelectorAll('[data-testid="watchlist-row"]')).toHaveLength(2),
    );
  });
});

describe('rules by hand', () => {
  it('adds a rule through the form and lists it with its kind name', async () => {
    (await byTestId(page.root, 'rules-add')).click();
    await type(await byTestId<HTMLInputElement>(page.root, 'rules-edit-term'), '#ContohMenang');
    const save = await byTestId(page.root, 'rules-editor-save');
    save.click();
    // The label is required: nothing is written yet.
    await eventually(() => expect(page.root.querySelector('#rules-edit-label-error')).not.toBeNull());
    expect(await stored('rules')).toBeUndefined();

    await type(await byTestId<HTMLInputElement>(page.root, 'rules-edit-label'), 'Tagar kampanye contoh');
    const kind = page.root.querySelector<HTMLSelectElement>('#rules-edit-kind')!;
    kind.value = 'hashtag';
    kind.dispatchEvent(new Event('change', { bubbles: true }));
    await nextTask(); // as between a person's keystrokes and clicks: Preact renders in between
    save.click();

    await eventually(async () =>
      expect(await stored('rules')).toEqual([
        expect.objectContaining({ term: '#ContohMenang', label: 'Tagar kampanye contoh', kind: 'hashtag' }),
      ]),
    );
    await eventually(() =>
      expect(page.root.querySelector('[data-testid="rules-row"]')?.textContent).toContain('Tagar'),
    );
    expect(page.root.querySelector('[data-testid="rules-editor"]')).toBeNull();
  });
});
