import { beforeEach, describe, expect, it } from 'vitest';
import { decodeText, importWatchlistCsv } from '@/lib/config/import';
import { setLanguage } from '@/lib/i18n';
import { csvFile, itemsOf, problemsOf, utf16, windows1252 } from './import-helpers';

// Invented people only.
const HEADER = 'nama,nip,instansi,jabatan,platform,akun,url';
const BUDI = '"Budi Santoso, S.Pd.",198703152010011002,"SDN 1 Fiktif, Dinas Pendidikan",Guru,x,@Budi_S,';
const SITI =
  'Siti Rahayu,1990 0101 2015 03 2001,Kecamatan Sukamaju,Camat,Instagram,,https://www.instagram.com/Siti.R/?igsh=x';
const ANDI = 'Andi Wijaya,,,,fb,profile.php?id=100012345,https://m.facebook.com/profile.php?id=100012345';

beforeEach(() => setLanguage('id'));

describe('importWatchlistCsv: good files', () => {
  it('imports every row, normalising NIPs, platforms, handles and profile URLs', () => {
    expect(itemsOf(importWatchlistCsv(csvFile(HEADER, BUDI, SITI, ANDI)))).toEqual([
      {
        id: 'x:budi_s',
        name: 'Budi Santoso, S.Pd.',
        nip: '198703152010011002',
        agency: 'SDN 1 Fiktif, Dinas Pendidikan',
        position: 'Guru',
        platform: 'x',
        handle: 'budi_s',
        profileUrl: null,
      },
      {
        id: 'instagram:siti.r',
        name: 'Siti Rahayu',
        nip: '199001012015032001',
        agency: 'Kecamatan Sukamaju',
        position: 'Camat',
        platform: 'instagram',
        handle: 'siti.r',
        profileUrl: 'https://www.instagram.com/siti.r/',
      },
      {
        id: 'facebook:profile.php?id=100012345',
        name: 'Andi Wijaya',
        nip: null,
        agency: null,
        position: null,
        platform: 'facebook',
        handle: 'profile.php?id=100012345',
        profileUrl: 'https://www.facebook.com/profile.php?id=100012345',
      },
    ]);
  });

  it('reads an Indonesian Excel export: semicolons, English or capitalised headers in any order, extra columns', () => {
    const file = csvFile(
      'No;Platform;Handle;Name;Keterangan;NIP;Agency',
      '1;Twitter;budi_s;Budi Santoso;-;198703152010011002;Dinas "Fiktif"',
    );
    const [entry] = itemsOf(importWatchlistCsv(file));
    expect(entry).toMatchObject({
      name: 'Budi Santoso',
      platform: 'x',
      handle: 'budi_s',
      agency: 'Dinas "Fiktif"',
    });
  });

  it('accepts headers with accents and spaces, and a file without a BOM or final line end', () => {
    const file = new TextEncoder().encode('Nama,Profile URL,PLATFORM\nDéwi,https://x.com/dewi_l,X');
    expect(itemsOf(importWatchlistCsv(file))).toMatchObject([{ name: 'Déwi', handle: 'dewi_l' }]);
  });

  it('accepts UTF-16 with a BOM, little- and big-endian', () => {
    const text = `${HEADER}\r\nÉlok Ñurhayati,,,,ig,elok.n,\r\n`;
    for (const endian of ['le', 'be'] as const) {
      expect(itemsOf(importWatchlistCsv(utf16(text, endian)))).toMatchObject([
        { name: 'Élok Ñurhayati', handle: 'elok.n' },
      ]);
    }
  });

  it('gives ids that stay the same across imports and fit the schema', () => {
    const long = `${'a'.repeat(80)}`;
    const file = csvFile(HEADER, `Nama Panjang,,,,facebook,${long},`);
    const first = itemsOf(importWatchlistCsv(file))[0]!;
    expect(first.id.length).toBeLessThanOrEqual(64);
    expect(itemsOf(importWatchlistCsv(file))[0]!.id).toBe(first.id);
  });
});

describe('importWatchlistCsv: bad files import nothing and say why', () => {
  it('names the missing required columns and the header it expects', () => {
    const [problem, ...rest] = problemsOf(
      importWatchlistCsv(csvFile('nama lengkap,nip,akun', 'Budi,,budi_s')),
    );
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ row: 1, column: null });
    expect(problem!.message).toContain('nama, platform');
    expect(problem!.message).toContain('nama,nip,instansi,jabatan,platform,akun,url');
  });

  it('asks for akun or url when neither column is there', () => {
    const [problem] = problemsOf(importWatchlistCsv(csvFile('nama,platform', 'Budi,x')));
    expect(problem!.message).toContain('akun/url');
  });

  it('refuses a column given twice', () => {
    const [problem] = problemsOf(importWatchlistCsv(csvFile('nama,platform,akun,Akun', 'Budi,x,a,b')));
    expect(problem).toMatchObject({ row: 1, column: 'Akun' });
  });

  it('names every bad row among good ones, and imports none of them', () => {
    const file = csvFile(
      HEADER,
      BUDI,
      'Bad NIP,19870315,,,x,bad_nip,',
      SITI,
      ',,,,x,no_name,',
      'Unknown Platform,,,,tiktok,someone,',
      'Excel NIP,1.98703E+17,,,x,excel_nip,',
      'Short Row,x',
      'Bad Handle,,,,x,budi santoso,',
      'Bad Url,,,,x,,https://instagram.com/budi',
      'Differ,,,,x,one,https://x.com/two',
      'Nothing,,,,x,,',
      ANDI,
      'Twin,,,,x,BUDI_S,',
      `Long,,${'x'.repeat(201)},,x,long_agency,`,
    );
    const problems = problemsOf(importWatchlistCsv(file));
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'nip'],
      [5, 'nama'],
      [6, 'platform'],
      [7, 'nip'],
      [8, null],
      [9, 'akun'],
      [10, 'url'],
      [11, 'url'],
      [12, 'akun'],
      [14, 'akun'],
      [15, 'instansi'],
    ]);
    const message = (row: number) => problems.find((p) => p.row === row)!.message;
    expect(message(3)).toBe('NIP harus 18 digit (tertulis "19870315").');
    expect(message(6)).toContain('"tiktok"');
    expect(message(7)).toContain('Teks');
    expect(message(8)).toBe('Baris ini berisi 2 kolom, sedangkan baris judul berisi 7.');
    expect(message(14)).toBe('Akun X "budi_s" sudah ada di baris 2.');
    expect(message(15)).toContain('201');
  });

  it('stops the report at 200 problems and counts the rest', () => {
    const bad = Array.from({ length: 250 }, (_, i) => `Pegawai ${i},123,,,x,pegawai_${i},`);
    const problems = problemsOf(importWatchlistCsv(csvFile(HEADER, ...bad)));
    expect(problems).toHaveLength(201);
    expect(problems[199]!.row).toBe(201);
    expect(problems[200]).toEqual({ row: null, column: null, message: '… dan 50 masalah lain.' });
  });

  it('refuses a file with a header and no rows, an empty file, and broken quoting', () => {
    expect(problemsOf(importWatchlistCsv(csvFile(HEADER)))[0]!.message).toContain('tanpa data');
    expect(problemsOf(importWatchlistCsv(new Uint8Array()))[0]!.message).toBe('Berkas kosong.');
    expect(problemsOf(importWatchlistCsv(csvFile(HEADER, '"Budi,,,,x,budi,')))[0]).toMatchObject({ row: 2 });
  });

  it('refuses Windows-1252 bytes with advice to save as CSV UTF-8', () => {
    const [problem] = problemsOf(
      importWatchlistCsv(windows1252(`${HEADER}\r\nJos\u00e9 Sant\u00f3s,,,,x,jose,\r\n`)),
    );
    expect(problem!.message).toBe(
      'Berkas bukan UTF-8 (mis. disimpan sebagai ANSI/Windows-1252). Simpan ulang sebagai CSV UTF-8.',
    );
  });

  it('refuses a 10 MB file, naming its size and the limit', () => {
    const [problem] = problemsOf(importWatchlistCsv(new Uint8Array(10 * 1024 * 1024)));
    expect(problem!.message).toBe('Berkas terlalu besar (10 MiB); batasnya 5 MiB.');
    setLanguage('en');
    expect(problemsOf(importWatchlistCsv(new Uint8Array(7_500_000)))[0]!.message).toBe(
      'The file is too large (7.2 MiB); the limit is 5 MiB.',
    );
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFFnama'))).toEqual({ ok: true, text: 'nama' });
    expect(decodeText(new TextEncoder().encode('Prabówo'))).toEqual({ ok: true, text: 'Prabówo' });
  });

  it('refuses UTF-16 without a BOM (NUL bytes) and broken UTF-16', () => {
    const noBom = utf16('nama,nip', 'le').slice(2);
    expect(decodeText(noBom)).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringContaining('NUL') }],
    });
    const lone = Uint8Array.from([0xff, 0xfe, 0x00, 0xd8, 0x61, 0x00]);
    expect(decodeText(lone)).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringContaining('UTF-16') }],
    });
  });

  it('accepts a file of exactly 5 MiB', () => {
    expect(decodeText(new Uint8Array(5 * 1024 * 1024).fill(0x61)).ok).toBe(true);
  });
});
