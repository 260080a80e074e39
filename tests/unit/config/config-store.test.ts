import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  applyConfigPack,
  categoriesOrDefault,
  loadConfig,
  saveRules,
  saveWatchlist,
} from '@/lib/config/config-store';
import type { ConfigPack } from '@/lib/config/pack';
import type { Rule, WatchlistEntry } from '@/lib/config/schema';
import { SETTINGS } from '@/lib/config/settings';
import { DEFAULT_CATEGORIES } from '@/lib/evidence/categories';

// Invented people and office only.
const entry: WatchlistEntry = {
  id: 'x:budi_s',
  name: 'Budi Santoso',
  nip: null,
  agency: null,
  position: null,
  platform: 'x',
  handle: 'budi_s',
  profileUrl: null,
};
const rule: Rule = { id: 'r1', term: '#Coblos02', label: 'Tagar', kind: 'hashtag', category: null };
const pack: ConfigPack = {
  format: 'netra-config',
  version: 1,
  issuedAt: '2026-11-01T08:00:00+07:00',
  office: {
    name: 'Bawaslu Kabupaten Fiktif',
    endpoint: 'https://bawaslu-fiktif.example.id/upload',
    publicKeyPem: 'PEM',
  },
  categories: [{ id: 'other', label: 'Lainnya' }],
  rules: [rule],
  watchlist: [entry],
};

beforeEach(() => fakeBrowser.reset());

describe('loadConfig', () => {
  it('gives empty lists and the default categories when nothing is stored', async () => {
    expect(await loadConfig()).toEqual({
      watchlist: [],
      rules: [],
      categories: DEFAULT_CATEGORIES.map((c) => ({ ...c })),
    });
    expect(await categoriesOrDefault()).toEqual(DEFAULT_CATEGORIES.map((c) => ({ ...c })));
  });

  it('reads what was saved', async () => {
    await saveWatchlist([entry]);
    await saveRules([rule]);
    expect(await loadConfig()).toMatchObject({ watchlist: [entry], rules: [rule] });
  });

  it('treats a stored value that does not parse as unset', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS.watchlist]: [{ ...entry, nip: '123' }],
      [SETTINGS.rules]: 'rusak',
      [SETTINGS.categories]: [],
    });
    const config = await loadConfig();
    expect(config.watchlist).toEqual([]);
    expect(config.rules).toEqual([]);
    expect(config.categories.map((c) => c.id)).toEqual(DEFAULT_CATEGORIES.map((c) => c.id));
  });

  it('refuses to save an invalid list', async () => {
    await expect(saveWatchlist([{ ...entry, nip: '123' }])).rejects.toThrow();
    expect(await fakeBrowser.storage.local.get(SETTINGS.watchlist)).toEqual({});
  });
});

describe('applyConfigPack', () => {
  it('writes categories, rules, watchlist, office and the pack record in one storage write', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await applyConfigPack(pack, new Date('2026-11-02T01:00:00Z'));
    expect(set).toHaveBeenCalledTimes(1);
    set.mockRestore();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      [SETTINGS.categories]: pack.categories,
      [SETTINGS.rules]: [rule],
      [SETTINGS.watchlist]: [entry],
      [SETTINGS.officeName]: 'Bawaslu Kabupaten Fiktif',
      [SETTINGS.officeEndpoint]: 'https://bawaslu-fiktif.example.id/upload',
      [SETTINGS.officePublicKey]: 'PEM',
      [SETTINGS.configPack]: {
        version: 1,
        issuedAt: '2026-11-01T08:00:00+07:00',
        office: pack.office,
        importedAt: '2026-11-02T01:00:00.000Z',
      },
    });
    expect((await loadConfig()).categories).toEqual(pack.categories);
  });

  it('keeps the trusted office key when the pack carries none, and clears the endpoint when it has none', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS.officePublicKey]: 'OLD PEM',
      [SETTINGS.officeEndpoint]: 'https://lama',
    });
    await applyConfigPack({ ...pack, office: { name: 'Kantor', endpoint: null, publicKeyPem: null } });
    const stored = await fakeBrowser.storage.local.get([SETTINGS.officePublicKey, SETTINGS.officeEndpoint]);
    expect(stored).toEqual({ [SETTINGS.officePublicKey]: 'OLD PEM', [SETTINGS.officeEndpoint]: '' });
  });
});
