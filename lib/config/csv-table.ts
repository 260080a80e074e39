import { t } from '../i18n';
import { parseCsv } from './csv';
import { decodeText, type ImportProblem, ProblemList, refuse } from './decode';
import { normalizeText } from './normalize';

// A CSV file as a table of named columns: the header matched against each column's accepted names
// (Indonesian and English, any case or accent), every row checked to have the header's cell count.

export interface ColumnSpec {
  /** Accepted header names, normalised ("profile url" → "profile_url"); the first is the one we suggest. */
  names: readonly string[];
}

export interface TableRow<K extends string> {
  row: number;
  /** Trimmed cell per column; '' when empty or when the file has no such column. */
  cells: Record<K, string>;
}

export interface Table<K extends string> {
  rows: TableRow<K>[];
  /** The header cell as the file writes it, for naming a column in a problem (the suggested name if absent). */
  header: Record<K, string>;
  problems: ProblemList;
}

const headerName = (cell: string) => normalizeText(cell).replaceAll(' ', '_');

/**
 * The table in `bytes`, or the problems that stop it being read at all: encoding, CSV syntax, missing
 * required columns. Each group in `required` needs at least one of its columns ("akun" or "url").
 * Rows of the wrong length are reported in `problems` and left out of `rows`.
 */
export function readTable<K extends string>(
  bytes: Uint8Array,
  columns: Record<K, ColumnSpec>,
  required: readonly (readonly NoInfer<K>[])[],
): { ok: true; table: Table<K> } | { ok: false; problems: ImportProblem[] } {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) {
    const reason =
      parsed.reason === 'unclosed-quote' ? 'import_csv_unclosed_quote' : 'import_csv_text_after_quote';
    return { ok: false, problems: [{ row: parsed.row, column: null, message: t(reason) }] };
  }
  const [head, ...body] = parsed.rows;
  if (!head) return refuse(t('import_empty'));

  const keys = Object.keys(columns) as K[];
  const index = {} as Record<K, number>;
  const header = {} as Record<K, string>;
  const problems = new ProblemList();
  for (const key of keys) {
    const at = head.cells
      .map(headerName)
      .flatMap((name, i) => (columns[key].names.includes(name) ? [i] : []));
    if (at.length > 1)
      problems.add(head.row, head.cells[at[1]!]!, t('import_duplicate_column', head.cells[at[1]!]!));
    index[key] = at[0] ?? -1;
    header[key] = at[0] === undefined ? columns[key].names[0]! : head.cells[at[0]]!.trim();
  }
  const missing = required.filter((group) => group.every((key) => index[key] === -1));
  if (missing.length > 0) {
    const names = missing.map((group) => group.map((key) => columns[key].names[0]).join('/')).join(', ');
    const expected = keys.map((key) => columns[key].names[0]).join(parsed.delimiter);
    problems.add(head.row, null, t('import_missing_columns', names, expected));
  }
  if (!problems.empty) return { ok: false, problems: problems.report() };
  if (body.length === 0) return refuse(t('import_no_rows'));

  const rows: TableRow<K>[] = [];
  for (const { row, cells } of body) {
    if (cells.length !== head.cells.length) {
      problems.add(row, null, t('import_cell_count', cells.length, head.cells.length));
      continue;
    }
    const named = {} as Record<K, string>;
    for (const key of keys) named[key] = index[key] === -1 ? '' : cells[index[key]]!.trim();
    rows.push({ row, cells: named });
  }
  return { ok: true, table: { rows, header, problems } };
}

/** Reports `value` when it is longer than `max` characters. */
export function checkLength(
  problems: ProblemList,
  row: number,
  column: string,
  value: string,
  max: number,
): void {
  if (value.length > max) problems.add(row, column, t('import_too_long', column, value.length, max));
}

/** cyrb53: a 53-bit string hash in base 36, plenty to tell a configuration's entries apart. */
export function hash53(key: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const unit = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ unit, 2654435761);
    h2 = Math.imul(h2 ^ unit, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** `prefix:key`, or when that exceeds the schema's 64 characters, a readable start and a hash of the rest. */
export function stableId(prefix: string, key: string): string {
  const plain = `${prefix}:${key}`;
  return plain.length <= 64 ? plain : `${prefix}:${key.slice(0, 40)}~${hash53(key)}`;
}
