import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '@/lib/config/csv';

const rows = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(`not parsed: ${parsed.reason} at ${parsed.row}`);
  return parsed.rows;
};
const cells = (text: string) => rows(text).map((r) => r.cells);

describe('parseCsv', () => {
  it('reads plain rows with LF, CRLF or CR line ends, with or without a final line end', () => {
    expect(cells('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(cells('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(cells('a,b\r1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(cells('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads quoted fields: delimiters, doubled quotes and line breaks inside, empty quoted cells', () => {
    const text = 'nama,instansi\r\n"Sri Wahyuni, S.Pd.","SD ""Harapan""\r\nKab. Fiktif"\r\n"",x\r\n';
    expect(cells(text)).toEqual([
      ['nama', 'instansi'],
      ['Sri Wahyuni, S.Pd.', 'SD "Harapan"\r\nKab. Fiktif'],
      ['', 'x'],
    ]);
  });

  it('keeps empty cells, at the end of a row too', () => {
    expect(cells('a;b;c\n1;;\n;;3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
      ['', '', '3'],
    ]);
  });

  it('numbers rows as a spreadsheet does: a quoted line break stays in its row, empty lines count', () => {
    const parsed = rows('h1,h2\n"multi\nline",x\n\nlast,y\n');
    expect(parsed.map((r) => r.row)).toEqual([1, 2, 4]);
  });

  it('ignores a UTF-8 BOM', () => {
    expect(cells('\uFEFFnama,nip\nA,1')).toEqual([
      ['nama', 'nip'],
      ['A', '1'],
    ]);
  });

  it('keeps a quote inside an unquoted field as it is', () => {
    expect(cells('a,b\n5" layar,x')).toEqual([
      ['a', 'b'],
      ['5" layar', 'x'],
    ]);
  });

  it('reports a quote left open and text after a closing quote, with the row', () => {
    expect(parseCsv('a,b\n1,2\n"open,3\n')).toEqual({ ok: false, row: 3, reason: 'unclosed-quote' });
    expect(parseCsv('a,b\n"x"y,2\n')).toEqual({ ok: false, row: 2, reason: 'text-after-quote' });
  });

  it('reads an empty file as no rows', () => {
    expect(parseCsv('')).toEqual({ ok: true, delimiter: ',', rows: [] });
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['nama;nip;instansi\nA,B;1;x', ';'],
    ['nama,nip,instansi\nA;B,1,x', ','],
    ['"nama,lengkap";nip;instansi', ';'],
    ['"a;b;c",d', ','],
    ['nama', ','],
  ])('%j → %j', (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });

  it('is what parseCsv splits with', () => {
    const parsed = parseCsv('nama;instansi\r\n"Budi; S.";"Dinas, Kab."\r\n');
    expect(parsed).toMatchObject({ ok: true, delimiter: ';' });
    expect(cells('nama;instansi\r\n"Budi; S.";"Dinas, Kab."\r\n')[1]).toEqual(['Budi; S.', 'Dinas, Kab.']);
  });
});
