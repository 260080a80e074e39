import { type AuditEntry, currentViews, type withEdits } from '../evidence/audit';
import type { Evidence } from '../evidence/schema';
import type { Account } from '../platforms/snapshot';
import { formatNip, zoneOf } from './dates';
import { screenshotPath } from './format';
import { categoryLabel, kindLabel, platformLabel, yesNo } from './labels';

// evidence.csv: one row per finding for spreadsheets. UTF-8 with a BOM (without it Excel reads UTF-8
// as the ANSI code page), CRLF, every cell quoted (RFC 4180). Text stays verbatim, bidi controls
// included: the cell is what the page said. A cell a spreadsheet would run as a formula gets a leading
// apostrophe (OWASP "CSV injection"); the apostrophe is visible, which is the point.

// = + - @ start a formula in Excel, LibreOffice and Sheets; TAB and CR are trimmed by some importers,
// exposing what follows; the fullwidth forms are read as formulas by Excel in CJK locales.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One cell, quoted, formula-neutralised. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

const account = (a: Account | null | undefined) => (a ? (a.handle ?? a.displayName ?? '') : '');

type Row = Evidence & { asn: ReturnType<typeof withEdits>['asn'] };

const COLUMNS: Array<[header: string, value: (e: Row) => string | number | null]> = [
  ['No. urut', (e) => e.seq],
  ['ID temuan', (e) => e.id],
  ['Waktu tangkap (ISO 8601)', (e) => e.capturedAt],
  ['Zona waktu', (e) => zoneOf(e.capturedAt)],
  ['Platform', (e) => platformLabel(e.post.platform)],
  ['Jenis', (e) => kindLabel(e.post.kind)],
  ['Kode kategori', (e) => e.category],
  ['Kategori', (e) => categoryLabel(e.category)],
  ['Tautan permanen', (e) => e.post.url],
  ['Akun', (e) => e.post.author.handle],
  ['Nama tampilan', (e) => e.post.author.displayName],
  ['URL profil', (e) => e.post.author.profileUrl],
  ['Waktu unggah (ISO 8601)', (e) => e.post.postedAt],
  ['Teks', (e) => e.post.text],
  ['Teks terpotong', (e) => yesNo(e.post.textTruncated)],
  ['Media', (e) => e.post.media.map((m) => `${m.type}: ${m.url}`).join('\n')],
  ['Unggahan induk', (e) => e.post.parent?.url ?? null],
  ['Diunggah ulang oleh', (e) => account(e.post.repostedBy)],
  ['Penulis bersama', (e) => (e.post.coAuthors ?? []).map(account).join('\n')],
  ['Nama ASN', (e) => e.asn?.name ?? null],
  // Written as on ID cards, with spaces: 18 bare digits would become 1.98704E+17 in a spreadsheet.
  ['NIP ASN', (e) => formatNip(e.asn?.nip)],
  ['Instansi ASN', (e) => e.asn?.agency ?? null],
  ['Catatan petugas', (e) => e.note],
  ['Versi', (e) => e.version],
  ['Versi dari', (e) => e.versionOf],
  ['Berubah', (e) => e.changed.join(', ')],
  ['Petugas', (e) => e.officer.name],
  ['NIP petugas', (e) => formatNip(e.officer.nip)],
  ['Unit petugas', (e) => e.officer.unit],
  ['Tangkapan layar', (e) => e.screenshots.map((s) => screenshotPath(s.id)).join('\n')],
  ['Tidak terbaca', (e) => [...e.post.missing, ...e.missing].join(', ')],
  ['Halaman', (e) => e.post.pageUrl],
  ['Hash SHA-256', (e) => e.hash],
];

/** The CSV text, BOM first: the officer's edits (category, note, ASN identity) applied, oldest first. */
export function evidenceCsv(records: readonly Evidence[], edits: readonly AuditEntry[] = []): string {
  const lines = [COLUMNS.map(([header]) => csvCell(header)).join(',')];
  for (const row of currentViews(records, edits)) {
    lines.push(COLUMNS.map(([, value]) => csvCell(value(row))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
