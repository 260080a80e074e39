import { defaultCategory } from '../evidence/categories';
import type { MatchInput } from '../feed-messages';
import type { PostKind } from '../platforms/snapshot';
import { normalizeText } from './normalize';
import { RuleIndex } from './rule-index';
import type { PostMatch, Rule, WatchlistEntry } from './schema';
import { WatchlistIndex } from './watchlist-index';
import { WatchlistSearch } from './watchlist-search';

// What the background holds while the feed scrolls: the office's rules and watchlist, indexed once when
// the configuration changes, so each post costs one normalising pass, one automaton pass and a Map
// lookup per account.

export interface Matcher {
  /** The watchlist entries behind the post's accounts and the rules its text contains. */
  match(input: MatchInput): PostMatch;
  /** Autocomplete: entries by name, NIP, handle or agency, best first. */
  searchWatchlist(query: string, limit?: number): WatchlistEntry[];
  /** True when there is nothing to match (the feed then need not send posts at all). */
  readonly empty: boolean;
}

export function buildMatcher(rules: readonly Rule[], watchlist: readonly WatchlistEntry[]): Matcher {
  const ruleIndex = new RuleIndex(rules);
  const accounts = new WatchlistIndex(watchlist);
  const search = new WatchlistSearch(watchlist);
  return {
    match: (input) => ({
      asn: accounts.matchAccounts(input.platform, input.accounts),
      rules: ruleIndex.termCount === 0 ? [] : ruleIndex.search(normalizeText(input.text)),
    }),
    searchWatchlist: (query, limit) => search.search(query, limit),
    empty: ruleIndex.termCount === 0 && accounts.keyCount === 0,
  };
}

/**
 * The category a new finding starts with: the first matched rule's category the office still has (a
 * gesture rule suggests 'attributes'), else the one that follows from what was flagged.
 */
export function suggestCategory(
  kind: PostKind,
  reposted: boolean,
  match: PostMatch,
  known: readonly string[],
): string {
  const fromRule = match.rules.find((rule) => rule.category !== null && known.includes(rule.category));
  return fromRule?.category ?? defaultCategory(kind, reposted);
}
