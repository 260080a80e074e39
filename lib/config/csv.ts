// RFC 4180 CSV as spreadsheets write it: quoted fields with "" for a quote, CRLF or LF, line breaks
// inside quotes. Indonesian Excel writes ';' (the comma is the decimal separator there), so the
// delimiter is whichever of ',' and ';' the header line uses more.

export interface CsvRow {
  /** The row number a spreadsheet shows (the header is 1); a line break inside quotes does not count. */
  row: number;
  cells: string[];
}

export type CsvResult =
  | { ok: true; delimiter: ',' | ';'; rows: CsvRow[] }
  | { ok: false; row: number; reason: 'unclosed-quote' | 'text-after-quote' };

const QUOTE = '"';

/** The header line's delimiter: the more frequent of ';' and ',' outside quotes (',' on a tie). */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === QUOTE) quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Rows of `text` (a leading BOM is ignored). Empty lines keep their row number but yield no row. Never
 * throws: a quote left open, or text after a closing quote, is reported with its row.
 */
export function parseCsv(text: string): CsvResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = detectDelimiter(source);
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  /** The current cell was quoted: it exists even when empty, and cannot open a quote again. */
  let quoted = false;
  let row = 1;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    quoted = false;
  };
  const endRow = () => {
    endCell();
    if (cells.length > 1 || cells[0] !== '') rows.push({ row, cells });
    cells = [];
    row++;
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === QUOTE && cell === '' && !quoted) {
      const close = closingQuote(source, i + 1);
      if (close === -1) return { ok: false, row, reason: 'unclosed-quote' };
      const next = source[close + 1];
      if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') {
        return { ok: false, row, reason: 'text-after-quote' };
      }
      cell = source.slice(i + 1, close).replaceAll('""', QUOTE);
      quoted = true;
      i = close;
    } else if (char === delimiter) {
      endCell();
    } else if (char === '\n' || char === '\r') {
      endRow();
      if (char === '\r' && source[i + 1] === '\n') i++;
    } else {
      cell += char;
    }
  }
  if (cell !== '' || quoted || cells.length > 0) endRow();
  return { ok: true, delimiter, rows };
}

/** Index of the quote closing a field that opened before `from` ("" is an escaped quote), or -1. */
function closingQuote(text: string, from: number): number {
  for (let at = text.indexOf(QUOTE, from); at !== -1; at = text.indexOf(QUOTE, at + 2)) {
    if (text[at + 1] !== QUOTE) return at;
  }
  return -1;
}
