import type { MatchAccount } from '../feed-messages';
import type { Platform } from '../platforms/snapshot';
import { handleLookupKey, normalizeHandle, webProfileKey } from './normalize';
import type { AsnMatch, WatchlistEntry } from './schema';

// The watchlist by account: every handle and profile-URL form of an entry is reduced, once, to the key an
// adapter's account gives, so matching a post is one Map lookup per account.

/** PostMatch.asn holds at most this many (the schema's limit). */
export const MAX_ASN_MATCHES = 20;

const handleKey = (platform: Platform, handle: string): string => `${platform} ${handle}`;
// A space cannot occur in a handle, and "url:" cannot start one, so the two kinds of key never collide.
const urlKey = (platform: Platform, url: string): string => `${platform} url:${url}`;

/** The keys an entry is found under. On X, Instagram and Facebook a profile URL reduces to its handle. */
function keysOf(entry: WatchlistEntry): Set<string> {
  const keys = new Set<string>();
  if (entry.platform === 'web') {
    const url = webProfileKey(entry.profileUrl);
    if (url) keys.add(urlKey('web', url));
    return keys;
  }
  for (const value of [entry.handle, entry.profileUrl]) {
    const handle = normalizeHandle(entry.platform, value);
    if (handle) keys.add(handleKey(entry.platform, handle));
  }
  return keys;
}

export class WatchlistIndex {
  private readonly byKey = new Map<string, WatchlistEntry[]>();

  constructor(entries: readonly WatchlistEntry[]) {
    for (const entry of entries) {
      for (const key of keysOf(entry)) {
        const found = this.byKey.get(key);
        if (found) found.push(entry);
        else this.byKey.set(key, [entry]);
      }
    }
  }

  get keyCount(): number {
    return this.byKey.size;
  }

  /**
   * The entries behind `account`. A handle, when given, decides alone: adapters derive the profile URL
   * from it, so parsing the URL as well would only cost time.
   */
  lookup(platform: Platform, account: MatchAccount): readonly WatchlistEntry[] {
    let key: string | null = null;
    if (platform === 'web') {
      const url = webProfileKey(account.profileUrl);
      if (url) key = urlKey(platform, url);
    } else {
      const handle =
        handleLookupKey(platform, account.handle) ?? normalizeHandle(platform, account.profileUrl);
      if (handle) key = handleKey(platform, handle);
    }
    return (key && this.byKey.get(key)) || [];
  }

  /** One AsnMatch per (role, entry), the author's first, then in the order of `accounts`. */
  matchAccounts(platform: Platform, accounts: readonly MatchAccount[]): AsnMatch[] {
    const matches: AsnMatch[] = [];
    for (const authorPass of [true, false]) {
      for (const account of accounts) {
        if ((account.role === 'author') !== authorPass) continue;
        for (const entry of this.lookup(platform, account)) {
          const seen = matches.some((m) => m.role === account.role && m.entry.id === entry.id);
          if (!seen && matches.length < MAX_ASN_MATCHES) matches.push({ role: account.role, entry });
        }
      }
    }
    return matches;
  }
}
