import type { ImportProblem, ImportResult } from '@/lib/config/import';

/** A CSV file as spreadsheets save it: UTF-8 with a BOM, CRLF line ends. */
export const csvFile = (...lines: string[]): Uint8Array =>
  new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);

/** `text` as UTF-16 with its BOM, little- or big-endian. */
export function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const [first, second] = endian === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
    bytes[2 + i * 2] = first;
    bytes[3 + i * 2] = second;
  }
  return bytes;
}

/** `text` (Latin-1 range only) as Windows-1252 / ANSI bytes, as an old Excel saves CSV. */
export const windows1252 = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));

export function itemsOf<T>(result: ImportResult<T>): T[] {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems, null, 1)}`);
  return result.items;
}

export function problemsOf<T>(result: ImportResult<T>): ImportProblem[] {
  if (result.ok) throw new Error(`accepted ${result.items.length} items`);
  return result.problems;
}
