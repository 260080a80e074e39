import { normalizeText } from './normalize';
import type { WatchlistEntry } from './schema';

// Autocomplete of an ASN identity as the officer types: by name, NIP, handle or agency, ignoring case and
// diacritics. Ten thousand entries are few enough for one scan per keystroke over precomputed text.

interface Searchable {
  entry: WatchlistEntry;
  name: string;
  /** Normalised like the query: "budi_s" becomes "budi s". */
  handle: string;
  nip: string;
  /** Name, handle and agency, normalised, space-separated. */
  text: string;
  words: string[];
}

/** Lower ranks first. */
const byName = new Intl.Collator('id');

const Rank = {
  exact: 0,
  prefix: 1,
  wordPrefix: 2,
  substring: 3,
} as const;

interface Query {
  text: string;
  /** Without a leading '@'. */
  handle: string;
  words: string[];
  /** The digits of a query made of digits only (NIPs are typed in groups: "1987 0512…", "1987.0512…"). */
  nip: string | null;
}

function queryOf(normalized: string): Query {
  return {
    text: normalized,
    handle: normalized.startsWith('@') ? normalized.slice(1) : normalized,
    words: normalized.split(' '),
    nip: /^[\d ]+$/.test(normalized) ? normalized.replaceAll(' ', '') : null,
  };
}

function rankOf(item: Searchable, query: Query): number | null {
  if (query.nip !== null && item.nip !== '') {
    if (item.nip === query.nip) return Rank.exact;
    if (item.nip.startsWith(query.nip)) return Rank.prefix;
  }
  if (item.handle !== '' && item.handle === query.handle) return Rank.exact;
  if (item.name.startsWith(query.text) || (item.handle !== '' && item.handle.startsWith(query.handle))) {
    return Rank.prefix;
  }
  if (query.words.every((word) => item.words.some((candidate) => candidate.startsWith(word)))) {
    return Rank.wordPrefix;
  }
  return item.text.includes(query.text) ? Rank.substring : null;
}

export class WatchlistSearch {
  private readonly items: Searchable[];

  constructor(entries: readonly WatchlistEntry[]) {
    this.items = entries.map((entry) => {
      const name = normalizeText(entry.name);
      const handle = normalizeText(entry.handle ?? '');
      const text = [name, handle, normalizeText(entry.agency ?? '')].filter(Boolean).join(' ');
      return { entry, name, handle, nip: entry.nip ?? '', text, words: text.split(' ') };
    });
  }

  /** Best first: exact NIP or handle, then name/handle/NIP prefixes, word prefixes, anywhere; then by name. */
  search(query: string, limit = 8): WatchlistEntry[] {
    const normalized = normalizeText(query);
    if (normalized === '' || limit <= 0) return [];
    const parsed = queryOf(normalized);
    const ranked: { item: Searchable; rank: number }[] = [];
    for (const item of this.items) {
      const rank = rankOf(item, parsed);
      if (rank !== null) ranked.push({ item, rank });
    }
    ranked.sort((a, b) => a.rank - b.rank || byName.compare(a.item.name, b.item.name));
    return ranked.slice(0, limit).map(({ item }) => item.entry);
  }
}
