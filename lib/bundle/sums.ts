// SHA256SUMS in exactly the form `sha256sum` writes and `sha256sum -c` reads: `<64 hex>  <path>\n`
// (two spaces = text mode, which on Linux is the same bytes), sorted by path (code unit order, which
// for our ASCII paths is byte order), LF line ends. Nothing else: no comments, no BSD-style lines.

export type SumsEntries = ReadonlyMap<string, string>;

export function formatSums(entries: Iterable<[path: string, sha256: string]>): string {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.map(([path, sha256]) => `${sha256}  ${path}\n`).join('');
}

// Paths our builder writes: plain ASCII, no backslash (sha256sum would read it as an escape), no
// leading slash or "..", no spaces.
const LINE = /^([0-9a-f]{64}) {2}([A-Za-z0-9][A-Za-z0-9._/-]*)$/;

export type ParsedSums =
  | { ok: true; entries: SumsEntries }
  | { ok: false; problem: string; problemEn: string };

/** Strict parse: any line the builder would not have written makes the whole file invalid. */
export function parseSums(text: string): ParsedSums {
  const fail = (problem: string, problemEn: string): ParsedSums => ({ ok: false, problem, problemEn });
  if (text.length === 0) return fail('berkasnya kosong', 'the file is empty');
  if (!text.endsWith('\n'))
    return fail('baris terakhirnya tidak diakhiri LF', 'its last line does not end in LF');
  const entries = new Map<string, string>();
  let previous = '';
  const lines = text.slice(0, -1).split('\n');
  for (const [i, line] of lines.entries()) {
    const n = i + 1;
    const match = LINE.exec(line);
    if (!match || match[2]!.split('/').includes('..')) {
      return fail(
        `baris ${n} tidak berformat "<sha256>  <path>"`,
        `line ${n} is not of the form "<sha256>  <path>"`,
      );
    }
    const path = match[2]!;
    if (entries.has(path)) return fail(`${path} tercantum dua kali`, `${path} is listed twice`);
    if (path <= previous) return fail(`baris ${n} tidak urut menurut path`, `line ${n} is out of path order`);
    entries.set(path, match[1]!);
    previous = path;
  }
  return { ok: true, entries };
}
