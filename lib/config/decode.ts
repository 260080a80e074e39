import { language, t } from '../i18n';

// What every import shares: the file's bytes to text, and a report of what is wrong with it. An import
// is all or nothing, so the report lists every problem at once and the officer can fix them in one go.

/** Where a problem is: `row` as a spreadsheet numbers it (header = 1), `column` by its header name. */
export interface ImportProblem {
  row: number | null;
  column: string | null;
  message: string;
}

export type ImportResult<T> = { ok: true; items: T[] } | { ok: false; problems: ImportProblem[] };

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** A report longer than this helps nobody: the rest is counted in one last line. */
export const MAX_PROBLEMS = 200;

/** Collects problems; reports them in row order (problems without a row last), the first MAX_PROBLEMS only. */
export class ProblemList {
  private readonly found: ImportProblem[] = [];

  add(row: number | null, column: string | null, message: string): void {
    this.found.push({ row, column, message });
  }

  get empty(): boolean {
    return this.found.length === 0;
  }

  /** How many so far: compare before and after checking a row to know whether the row was good. */
  get count(): number {
    return this.found.length;
  }

  report(): ImportProblem[] {
    const sorted = this.found.toSorted((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
    if (sorted.length <= MAX_PROBLEMS) return sorted;
    const more = sorted.length - MAX_PROBLEMS;
    return [
      ...sorted.slice(0, MAX_PROBLEMS),
      { row: null, column: null, message: t('import_more_problems', more) },
    ];
  }
}

export const refuse = (message: string): { ok: false; problems: ImportProblem[] } => ({
  ok: false,
  problems: [{ row: null, column: null, message }],
});

const mebibytes = (bytes: number): string =>
  `${new Intl.NumberFormat(language() === 'id' ? 'id-ID' : 'en', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MiB`;

/**
 * The text of an imported file: UTF-8 (with or without a BOM), or UTF-16 when a BOM says so. Anything
 * else, Windows-1252 from an old Excel most often, is refused rather than read as mojibake.
 */
export function decodeText(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; problems: ImportProblem[] } {
  if (bytes.length > MAX_IMPORT_BYTES) {
    return refuse(t('import_too_large', mebibytes(bytes.length), mebibytes(MAX_IMPORT_BYTES)));
  }
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : null;
  let text: string;
  try {
    // The decoder drops a BOM that matches its encoding.
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(t(utf16 ? 'import_not_utf16' : 'import_not_utf8'));
  }
  // UTF-16 without a BOM decodes as "valid" UTF-8 full of NULs; no spreadsheet writes NUL otherwise.
  if (text.includes('\0')) return refuse(t('import_nul_bytes'));
  if (text.trim() === '') return refuse(t('import_empty'));
  return { ok: true, text };
}
