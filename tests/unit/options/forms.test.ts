import { beforeEach, describe, expect, it } from 'vitest';
import { nipError } from '@/entrypoints/options/nip';
import { ruleFromForm, ruleValues } from '@/entrypoints/options/rule-form';
import { watchlistEntryFromForm, watchlistValues } from '@/entrypoints/options/watchlist-form';
import { nipDigits } from '@/lib/config/nip';
import { profileUrlOf } from '@/lib/config/normalize';
import type { Rule, WatchlistEntry } from '@/lib/config/schema';
import { setLanguage } from '@/lib/i18n';

beforeEach(() => setLanguage('id'));

describe('NIP as typed', () => {
  it('keeps only the digits of a NIP typed with spaces or dots', () => {
    expect(nipDigits('19900101 201503 1 001')).toBe('199001012015031001');
    expect(nipDigits('19900101.201503.1.001')).toBe('199001012015031001');
  });

  it('accepts empty and 18 digits, names the digit count otherwise', () => {
    expect(nipError('')).toBeNull();
    expect(nipError('19900101 201503 1 001')).toBeNull();
    expect(nipError('1990010120150310')).toContain('16 digit');
    expect(nipError('19900101-201503-1-001')).toMatch(/hanya boleh berisi angka/);
  });
});

const BUDI: WatchlistEntry = {
  id: 'x:budi_contoh',
  name: 'Budi Contoh',
  nip: null,
  agency: null,
  position: null,
  platform: 'x',
  handle: 'budi_contoh',
  profileUrl: null,
};

describe('watchlist entry typed by hand', () => {
  it('normalises the account and the NIP as the CSV import does', () => {
    const result = watchlistEntryFromForm(
      { ...watchlistValues(null), name: ' Ani Contoh ', nip: '19900101 201503 2 002', handle: '@Ani_Contoh' },
      null,
      [BUDI],
    );
    expect(result).toEqual({
      ok: true,
      item: {
        id: 'x:ani_contoh',
        name: 'Ani Contoh',
        nip: '199001012015032002',
        agency: null,
        position: null,
        platform: 'x',
        handle: 'ani_contoh',
        profileUrl: null,
      },
    });
  });

  it('takes the account from a profile URL on the chosen platform', () => {
    const result = watchlistEntryFromForm(
      {
        ...watchlistValues(null),
        name: 'Ani',
        platform: 'instagram',
        profileUrl: 'instagram.com/Ani.Contoh/?igsh=abc',
      },
      'id1',
      [],
    );
    expect(result.ok && [result.item.handle, result.item.profileUrl]).toEqual([
      'ani.contoh',
      profileUrlOf('instagram', 'ani.contoh'),
    ]);
  });

  it('refuses a profile URL naming another account than the handle', () => {
    const result = watchlistEntryFromForm(
      { ...watchlistValues(null), name: 'Ani', handle: 'ani_contoh', profileUrl: 'https://x.com/orang_lain' },
      null,
      [],
    );
    expect(!result.ok && result.errors.profileUrl).toBeTruthy();
  });

  it('refuses a missing name, a bad NIP, no account, and a URL of another platform', () => {
    const empty = watchlistEntryFromForm({ ...watchlistValues(null), nip: '123' }, 'id1', []);
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(Object.keys(empty.errors).sort()).toEqual(['handle', 'name', 'nip']);

    const wrongSite = watchlistEntryFromForm(
      {
        ...watchlistValues(null),
        name: 'Ani',
        platform: 'x',
        profileUrl: 'https://www.instagram.com/ani.contoh/',
      },
      'id1',
      [],
    );
    expect(!wrongSite.ok && wrongSite.errors.profileUrl).toBeTruthy();
  });

  it('refuses an account already on the list, but not the entry being edited', () => {
    const twin = watchlistEntryFromForm(
      { ...watchlistValues(null), name: 'Lain', handle: 'BUDI_CONTOH' },
      'id2',
      [BUDI],
    );
    expect(!twin.ok && twin.errors.handle).toContain('Budi Contoh');
    const same = watchlistEntryFromForm({ ...watchlistValues(BUDI), agency: 'Dinas Fiktif' }, BUDI.id, [
      BUDI,
    ]);
    expect(same.ok && same.item.agency).toBe('Dinas Fiktif');
  });
});

const RULE: Rule = {
  id: 'r1',
  term: 'Salam Tiga Jari',
  label: 'Gestur',
  kind: 'gesture',
  category: 'attributes',
};

describe('rule typed by hand', () => {
  it('keeps the term as written and maps no category to null', () => {
    const result = ruleFromForm(
      { term: ' #ContohMenang ', label: 'Tagar', kind: 'hashtag', category: '' },
      null,
      [RULE],
    );
    expect(result.ok && result.item).toMatchObject({
      term: '#ContohMenang',
      label: 'Tagar',
      kind: 'hashtag',
      category: null,
    });
    expect(result.ok && result.item.id).toMatch(/^rule-[0-9a-z]+$/);
  });

  it('refuses a term without letters or digits, an empty label, and a duplicate', () => {
    const bad = ruleFromForm({ ...ruleValues(null), term: ' … ' }, 'r2', []);
    expect(!bad.ok && Object.keys(bad.errors).sort()).toEqual(['label', 'term']);
    const twin = ruleFromForm({ ...ruleValues(RULE), term: 'salam tiga jari!' }, 'r2', [RULE]);
    expect(!twin.ok && twin.errors.term).toBeTruthy();
    expect(ruleFromForm(ruleValues(RULE), RULE.id, [RULE]).ok).toBe(true);
  });
});
