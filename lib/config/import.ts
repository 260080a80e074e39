import { t } from '../i18n';
import type { Platform } from '../platforms/snapshot';
import type { z } from '../zod';
import { type ColumnSpec, checkLength, hash53, readTable, stableId } from './csv-table';
import type { ImportResult, ProblemList } from './decode';
import { isNip, nipDigits } from './nip';
import { handleFromProfileUrl, normalizeHandle, normalizeText, profileUrlOf } from './normalize';
import { Category, Rule, type RuleKind, WatchlistEntry } from './schema';
import { issueMessage } from './zod-problems';

// The office's CSV files: the ASN watchlist and the narrative rules. A file with any bad row imports
// nothing, and the report names every bad row and column, so the office fixes the file once.

export { decodeText, type ImportProblem, type ImportResult } from './decode';

const MAX_TEXT = 200;
const MAX_URL = 2_048;

const WATCHLIST_COLUMNS = {
  name: { names: ['nama', 'name', 'nama_pegawai'] },
  nip: { names: ['nip'] },
  agency: { names: ['instansi', 'agency', 'unit_kerja'] },
  position: { names: ['jabatan', 'position'] },
  platform: { names: ['platform', 'media_sosial'] },
  handle: { names: ['akun', 'handle', 'account', 'username'] },
  url: { names: ['url', 'profil', 'profile_url', 'url_profil', 'profile'] },
} satisfies Record<string, ColumnSpec>;

const PLATFORMS: Record<string, Exclude<Platform, 'web'>> = {
  x: 'x',
  twitter: 'x',
  facebook: 'facebook',
  fb: 'facebook',
  instagram: 'instagram',
  ig: 'instagram',
};
const PLATFORM_NAMES: Record<Exclude<Platform, 'web'>, string> = {
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
};

/** Excel shows a long number typed into a General cell as "1,98703E+17", and keeps only those digits. */
const SCIENTIFIC = /^\d([.,]\d+)?e\+?\d+$/i;

function readNip(problems: ProblemList, row: number, column: string, written: string): string | null {
  if (written === '') return null;
  const digits = nipDigits(written);
  if (isNip(digits)) return digits;
  problems.add(
    row,
    column,
    t(SCIENTIFIC.test(written) ? 'import_nip_scientific' : 'import_nip_invalid', written),
  );
  return null;
}

/** `item` as the schema has it; the checks above should leave nothing for it to refuse, but if so, it is reported. */
function checked<T>(problems: ProblemList, row: number, schema: z.ZodMiniType<T>, item: unknown): T | null {
  const parsed = schema.safeParse(item);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) problems.add(row, null, issueMessage(issue, item));
  return null;
}

/**
 * The handle that the akun and url cells name (either may be empty, not both), and the handle of the URL.
 * Null, with the problem reported through `bad`, when either names no account or they name two.
 */
function readAccount(
  platform: Exclude<Platform, 'web'>,
  handleCell: string,
  urlCell: string,
  bad: (column: 'handle' | 'url', message: string) => void,
): { handle: string; fromUrl: string | null } | null {
  const fromHandle = handleCell === '' ? null : normalizeHandle(platform, handleCell);
  const fromUrl = urlCell === '' ? null : handleFromProfileUrl(platform, urlCell);
  const badHandle = handleCell !== '' && !fromHandle;
  const badUrl = urlCell !== '' && !fromUrl;
  if (badHandle) bad('handle', t('import_handle_invalid', handleCell, PLATFORM_NAMES[platform]));
  if (badUrl) bad('url', t('import_url_invalid', urlCell, PLATFORM_NAMES[platform]));
  if (fromHandle && fromUrl && fromHandle !== fromUrl) {
    bad('url', t('import_handle_url_differ', handleCell, urlCell));
    return null;
  }
  const handle = fromHandle ?? fromUrl;
  return handle && !badHandle && !badUrl ? { handle, fromUrl } : null;
}

/** ASN watchlist CSV: nama, nip, instansi, jabatan, platform, akun, url (akun or url, or both). */
export function importWatchlistCsv(bytes: Uint8Array): ImportResult<WatchlistEntry> {
  const read = readTable(bytes, WATCHLIST_COLUMNS, [['name'], ['platform'], ['handle', 'url']]);
  if (!read.ok) return read;
  const { rows, header, problems } = read.table;
  const entries: WatchlistEntry[] = [];
  const firstRow = new Map<string, number>();
  for (const { row, cells } of rows) {
    const before = problems.count;
    const bad = (column: keyof typeof WATCHLIST_COLUMNS, message: string) =>
      problems.add(row, header[column], message);
    if (cells.name === '') bad('name', t('import_required', header.name));
    const nip = readNip(problems, row, header.nip, cells.nip);
    const platform = PLATFORMS[normalizeText(cells.platform)];
    if (cells.platform === '') bad('platform', t('import_required', header.platform));
    else if (!platform) bad('platform', t('import_platform_unknown', cells.platform));
    for (const column of ['name', 'agency', 'position', 'handle'] as const) {
      checkLength(problems, row, header[column], cells[column], MAX_TEXT);
    }
    checkLength(problems, row, header.url, cells.url, MAX_URL);
    if (cells.handle === '' && cells.url === '') bad('handle', t('import_account_required'));
    if (!platform || problems.count > before) continue;

    const account = readAccount(platform, cells.handle, cells.url, bad);
    if (!account || problems.count > before) continue;
    const { handle, fromUrl } = account;
    const key = `${platform} ${handle}`;
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      bad(
        cells.handle === '' ? 'url' : 'handle',
        t('import_duplicate_account', PLATFORM_NAMES[platform], handle, earlier),
      );
      continue;
    }
    firstRow.set(key, row);
    const entry = checked(problems, row, WatchlistEntry, {
      id: stableId(platform, handle),
      name: cells.name,
      nip,
      agency: cells.agency || null,
      position: cells.position || null,
      platform,
      handle,
      profileUrl: fromUrl ? profileUrlOf(platform, fromUrl) : null,
    });
    if (entry) entries.push(entry);
  }
  return problems.empty ? { ok: true, items: entries } : { ok: false, problems: problems.report() };
}

const RULE_COLUMNS = {
  term: { names: ['istilah', 'term', 'kata_kunci', 'keyword'] },
  label: { names: ['label', 'keterangan'] },
  kind: { names: ['jenis', 'kind', 'type'] },
  category: { names: ['kategori', 'category'] },
} satisfies Record<string, ColumnSpec>;

const KINDS: Record<string, RuleKind> = {
  kandidat: 'candidate',
  calon: 'candidate',
  partai: 'party',
  slogan: 'slogan',
  tagar: 'hashtag',
  nomor: 'number',
  nomor_urut: 'number',
  gestur: 'gesture',
  lainnya: 'other',
  ...Object.fromEntries(Rule.shape.kind.options.map((kind) => [kind, kind])),
};
const KIND_NAMES = 'kandidat, partai, slogan, tagar, nomor, gestur, lainnya';

/**
 * Narrative rules CSV: istilah, label, jenis (optional), kategori (optional). The same term may carry
 * several labels (each is reported when it matches); the same term with the same label twice is an error.
 */
export function importRulesCsv(bytes: Uint8Array): ImportResult<Rule> {
  const read = readTable(bytes, RULE_COLUMNS, [['term'], ['label']]);
  if (!read.ok) return read;
  const { rows, header, problems } = read.table;
  const rules: Rule[] = [];
  const firstRow = new Map<string, number>();
  for (const { row, cells } of rows) {
    const before = problems.count;
    const bad = (column: keyof typeof RULE_COLUMNS, message: string) =>
      problems.add(row, header[column], message);
    const term = normalizeText(cells.term);
    if (cells.term === '') bad('term', t('import_required', header.term));
    else if (term === '') bad('term', t('import_term_empty', cells.term));
    if (cells.label === '') bad('label', t('import_required', header.label));
    const kindName = normalizeText(cells.kind).replaceAll(' ', '_');
    const kind: RuleKind | undefined =
      kindName === '' ? (term.startsWith('#') ? 'hashtag' : 'other') : KINDS[kindName];
    if (!kind) bad('kind', t('import_kind_unknown', cells.kind, KIND_NAMES));
    const category = cells.category.toLowerCase() || null;
    if (category !== null && !Category.shape.id.safeParse(category).success) {
      bad('category', t('import_category_invalid', cells.category));
    }
    checkLength(problems, row, header.term, cells.term, MAX_TEXT);
    checkLength(problems, row, header.label, cells.label, MAX_TEXT);
    if (problems.count > before) continue;

    const key = `${term}\n${cells.label}`;
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      bad('term', t('import_duplicate_rule', cells.term, earlier));
      continue;
    }
    firstRow.set(key, row);
    const rule = checked(problems, row, Rule, {
      id: `rule-${hash53(key)}`,
      term: cells.term,
      label: cells.label,
      kind,
      category,
    });
    if (rule) rules.push(rule);
  }
  return problems.empty ? { ok: true, items: rules } : { ok: false, problems: problems.report() };
}
