// The review page's reading of the findings: the view of each after its audited edits, the search and
// filters (kept in the page's URL so a link opens the same view), and the version groups. Pure, so it is
// tested without a browser and stays fast over thousands of findings (no blobs are involved).
import { Platform, PostKind } from '../platforms/snapshot';
import type { withEdits } from './audit';
import type { Evidence } from './schema';

/** A finding as it reads now (see withEdits). */
export type EvidenceView = ReturnType<typeof withEdits>;

export type ExportedFilter = 'all' | 'pending' | 'exported';
export type ReviewSection = 'findings' | 'exports' | 'deleted';

export interface ReviewFilter {
  /** Free text; every word must occur (case- and diacritic-insensitive). */
  q: string;
  platform: Platform | null;
  category: string | null;
  kind: PostKind | null;
  /** Captured on or after this local day (YYYY-MM-DD). */
  from: string | null;
  /** Captured on or before this local day (YYYY-MM-DD). */
  to: string | null;
  exported: ExportedFilter;
}

export interface ReviewState extends ReviewFilter {
  /** The finding whose detail is open. */
  id: string | null;
  section: ReviewSection;
}

export const EMPTY_FILTER: ReviewFilter = {
  q: '',
  platform: null,
  category: null,
  kind: null,
  from: null,
  to: null,
  exported: 'all',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const EXPORTED: readonly ExportedFilter[] = ['all', 'pending', 'exported'];
const SECTIONS: readonly ReviewSection[] = ['findings', 'exports', 'deleted'];

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** Reads the page's query string; unknown or malformed values count as unset. */
export function parseReviewState(params: URLSearchParams): ReviewState {
  const day = (key: string) => {
    const value = params.get(key);
    return value && DAY.test(value) ? value : null;
  };
  return {
    q: params.get('q') ?? '',
    platform: oneOf(params.get('platform'), Platform.options),
    category: params.get('category') || null,
    kind: oneOf(params.get('kind'), PostKind.options),
    from: day('from'),
    to: day('to'),
    exported: oneOf(params.get('exported'), EXPORTED) ?? 'all',
    id: params.get('id') || null,
    section: oneOf(params.get('section'), SECTIONS) ?? 'findings',
  };
}

/** The query string of a state, without its defaults (so an unfiltered page is plain `review.html`). */
export function reviewQuery(state: ReviewState): string {
  const params = new URLSearchParams();
  if (state.section !== 'findings') params.set('section', state.section);
  if (state.q) params.set('q', state.q);
  if (state.platform) params.set('platform', state.platform);
  if (state.category) params.set('category', state.category);
  if (state.kind) params.set('kind', state.kind);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.exported !== 'all') params.set('exported', state.exported);
  if (state.id) params.set('id', state.id);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Lowercase without diacritics, so "Bupáti" is found by "bupati". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** The first capture of a post: every later version points at it. */
export function versionRoot(evidence: Pick<Evidence, 'id' | 'versionOf'>): string {
  return evidence.versionOf ?? evidence.id;
}

/** The captures of each post on the device, oldest version first, keyed by versionRoot. */
export function versionGroups<T extends Evidence>(findings: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const finding of findings) {
    const root = versionRoot(finding);
    const group = groups.get(root);
    if (group) group.push(finding);
    else groups.set(root, [finding]);
  }
  for (const group of groups.values()) group.sort((a, b) => a.version - b.version);
  return groups;
}

export interface IndexedFinding {
  view: EvidenceView;
  /** Folded words the free-text search looks in. */
  haystack: string;
  capturedMs: number;
}

/** Prepares the findings for filtering, newest capture first; done once per change of the data. */
export function indexFindings(views: EvidenceView[]): IndexedFinding[] {
  return views
    .map((view) => {
      const { post, asn } = view;
      const words = [
        post.text,
        post.author.handle ? `@${post.author.handle}` : '',
        post.author.displayName ?? '',
        post.url ?? '',
        view.note,
        asn?.name ?? '',
        asn?.nip ?? '',
      ];
      return { view, haystack: fold(words.join('\n')), capturedMs: Date.parse(view.capturedAt) };
    })
    .sort((a, b) => b.capturedMs - a.capturedMs || b.view.seq - a.view.seq);
}

/** Midnight starting the local day `YYYY-MM-DD`, `plusDays` later, in milliseconds. */
function localDayStart(day: string, plusDays = 0): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).getTime();
}

/** The findings that pass every filter, in the index's order (newest first). */
export function filterFindings(index: IndexedFinding[], filter: ReviewFilter): EvidenceView[] {
  const terms = fold(filter.q).split(/\s+/).filter(Boolean);
  const fromMs = filter.from ? localDayStart(filter.from) : Number.NEGATIVE_INFINITY;
  const toMs = filter.to ? localDayStart(filter.to, 1) : Number.POSITIVE_INFINITY;
  const out: EvidenceView[] = [];
  for (const { view, haystack, capturedMs } of index) {
    if (filter.platform && view.post.platform !== filter.platform) continue;
    if (filter.kind && view.post.kind !== filter.kind) continue;
    if (filter.category && view.category !== filter.category) continue;
    if (filter.exported === 'pending' && view.exportedAt !== null) continue;
    if (filter.exported === 'exported' && view.exportedAt === null) continue;
    if (capturedMs < fromMs || capturedMs >= toMs) continue;
    if (!terms.every((term) => haystack.includes(term))) continue;
    out.push(view);
  }
  return out;
}
