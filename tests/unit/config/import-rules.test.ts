import { beforeEach, describe, expect, it } from 'vitest';
import { importRulesCsv } from '@/lib/config/import';
import { buildMatcher } from '@/lib/config/matcher';
import { setLanguage } from '@/lib/i18n';
import { csvFile, itemsOf, problemsOf } from './import-helpers';

beforeEach(() => setLanguage('id'));

describe('importRulesCsv', () => {
  it('imports terms as written, kinds by their Indonesian or English names, optional categories', () => {
    const rules = itemsOf(
      importRulesCsv(
        csvFile(
          'istilah,label,jenis,kategori',
          'nomor urut 2,Nomor urut paslon Contoh,nomor,',
          '#Coblos02,Tagar kampanye,,',
          'Salam Dua Jari,Gestur dukungan,Gestur,Attributes',
          'Partai Contoh,Partai pengusung,party,',
          'Calon Fiktif,Nama calon,Nomor Urut,',
          'maju bersama,Slogan,,',
        ),
      ),
    );
    expect(rules.map(({ term, label, kind, category }) => [term, label, kind, category])).toEqual([
      ['nomor urut 2', 'Nomor urut paslon Contoh', 'number', null],
      ['#Coblos02', 'Tagar kampanye', 'hashtag', null],
      ['Salam Dua Jari', 'Gestur dukungan', 'gesture', 'attributes'],
      ['Partai Contoh', 'Partai pengusung', 'party', null],
      ['Calon Fiktif', 'Nama calon', 'number', null],
      ['maju bersama', 'Slogan', 'other', null],
    ]);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it('gives the same ids to the same rules in another import', () => {
    const file = csvFile('term;label', 'Paslon 02;Paslon nomor 2', 'Prabówo;Nama calon');
    expect(itemsOf(importRulesCsv(file)).map((r) => r.id)).toEqual(
      itemsOf(importRulesCsv(file)).map((r) => r.id),
    );
  });

  it('accepts the same term with different labels: a match reports both', () => {
    const rules = itemsOf(importRulesCsv(csvFile('istilah,label', '02,Paslon 02', '"(02)",Nomor urut 2')));
    const match = buildMatcher(rules, []).match({
      platform: 'x',
      kind: 'post',
      accounts: [],
      text: 'pilih 02',
    });
    expect(match.rules.map((r) => r.label)).toEqual(['Paslon 02', 'Nomor urut 2']);
  });

  it('refuses the whole file, naming each bad row: duplicates, empty terms, unknown kinds, bad categories', () => {
    const problems = problemsOf(
      importRulesCsv(
        csvFile(
          'istilah,label,jenis,kategori',
          'Paslon 02,Paslon 02,nomor,',
          '!!!,Tanda seru,,',
          'Paslon-02,Paslon 02,,',
          ',Tanpa istilah,,',
          'salam,,,',
          'salam,Salam,emoji,',
          'salam,Salam,,Bukan Kode!',
          `${'x'.repeat(201)},Panjang,,`,
        ),
      ),
    );
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'istilah'],
      [4, 'istilah'],
      [5, 'istilah'],
      [6, 'label'],
      [7, 'jenis'],
      [8, 'kategori'],
      [9, 'istilah'],
    ]);
    expect(problems[1]!.message).toBe('Istilah "Paslon-02" dengan label yang sama sudah ada di baris 2.');
    expect(problems[4]!.message).toContain('kandidat, partai, slogan, tagar, nomor, gestur, lainnya');
  });

  it('needs the term and label columns', () => {
    const [problem] = problemsOf(importRulesCsv(csvFile('kata,jenis', 'amin,slogan')));
    expect(problem!.message).toBe(
      'Kolom wajib tidak ada: istilah, label. Baris judul yang diharapkan: istilah,label,jenis,kategori',
    );
  });
});
