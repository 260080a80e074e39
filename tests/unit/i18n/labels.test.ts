import { describe, expect, it } from 'vitest';
import type { Category } from '@/lib/config/schema';
import { DEFAULT_CATEGORIES } from '@/lib/evidence/categories';
import { categoryLabel, kindLabel, platformName } from '@/lib/evidence/labels';

describe('finding labels from the locale files', () => {
  it('are Indonesian by default, as the bundle (hash-frozen v1 views) calls them', () => {
    expect(platformName('web')).toBe('Situs lain');
    expect(kindLabel('reaction')).toBe('Reaksi / suka');
    expect(categoryLabel('sharing')).toBe('Membagikan / memposting ulang konten kampanye');
  });

  it('are English when asked', () => {
    expect(platformName('web', 'en')).toBe('Other site');
    expect(kindLabel('comment', 'en')).toBe('Comment');
    expect(categoryLabel('other', 'en')).toBe('Other');
  });

  it('name every default category in both languages, the Indonesian one as categories.ts has it', () => {
    for (const category of DEFAULT_CATEGORIES) {
      expect(categoryLabel(category.id)).toBe(category.label);
      expect(categoryLabel(category.id, 'en')).not.toBe(category.id);
    }
  });

  it('show an unknown id as it is', () => {
    expect(categoryLabel('kategori-kantor', 'en')).toBe('kategori-kantor');
  });

  it("use an office category's own label, its labelEn in English, else the built-in English", () => {
    const office: Category[] = [
      { id: 'posting', label: 'Unggahan kampanye' },
      { id: 'rapat', label: 'Hadir di rapat kampanye', labelEn: 'Attends a campaign meeting' },
      { id: 'lokal', label: 'Kategori lokal' },
    ];
    expect(categoryLabel('posting', 'id', office)).toBe('Unggahan kampanye');
    expect(categoryLabel('posting', 'en', office)).toBe('Posting or uploading support');
    expect(categoryLabel('rapat', 'id', office)).toBe('Hadir di rapat kampanye');
    expect(categoryLabel('rapat', 'en', office)).toBe('Attends a campaign meeting');
    expect(categoryLabel('lokal', 'en', office)).toBe('Kategori lokal');
    // Not in the office's list: the built-in label still applies.
    expect(categoryLabel('liking', 'id', office)).toBe('Menyukai / memberi reaksi pada konten kampanye');
  });

  it('read Indonesian when handed to Array.map (its index arrives as the language)', () => {
    expect((['x', 'web'] as const).map(platformName)).toEqual(['X', 'Situs lain']);
  });
});
