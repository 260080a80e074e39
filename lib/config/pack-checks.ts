import { t } from '../i18n';
import type { ProblemList } from './decode';
import { handleFromProfileUrl, normalizeHandle, normalizeText, webProfileKey } from './normalize';
import type { Category, Rule, WatchlistEntry } from './schema';

// What a configuration pack must satisfy beyond its schema: ids unique, the 'other' category present,
// every watchlist account one the matcher can find, no account listed twice, no rule that can never match.

/** Reports the second and later items with an id already used, naming where it was first. */
function uniqueIds(problems: ProblemList, list: string, items: readonly { id: string }[]): void {
  const first = new Map<string, number>();
  items.forEach(({ id }, i) => {
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, i);
    else
      problems.add(
        null,
        `${list}[${i}].id`,
        t('import_pack_duplicate_id', `${list}[${i}].id`, id, `${list}[${earlier}]`),
      );
  });
}

export function checkCategories(problems: ProblemList, categories: readonly Category[]): void {
  uniqueIds(problems, 'categories', categories);
  if (!categories.some((category) => category.id === 'other')) {
    problems.add(null, 'categories', t('import_pack_no_other_category', 'categories'));
  }
}

export function checkRules(problems: ProblemList, rules: readonly Rule[]): void {
  uniqueIds(problems, 'rules', rules);
  rules.forEach((rule, i) => {
    const where = `rules[${i}].term`;
    if (normalizeText(rule.term) === '')
      problems.add(null, where, t('import_pack_term_empty', where, rule.term));
  });
}

/** The account an entry names, as the matcher keys it; null (with a problem) when it names none. */
function accountKey(problems: ProblemList, entry: WatchlistEntry, i: number): string | null {
  const at = (field: string) => `watchlist[${i}].${field}`;
  if (entry.handle === null && entry.profileUrl === null) {
    problems.add(null, at('handle'), t('import_pack_account_required', `watchlist[${i}]`));
    return null;
  }
  if (entry.platform === 'web') {
    const url = webProfileKey(entry.profileUrl);
    if (!url)
      problems.add(
        null,
        at('profileUrl'),
        t('import_pack_url_invalid', at('profileUrl'), entry.profileUrl ?? '', 'web'),
      );
    return url && `web ${url}`;
  }
  const handle = entry.handle === null ? null : normalizeHandle(entry.platform, entry.handle);
  const fromUrl = entry.profileUrl === null ? null : handleFromProfileUrl(entry.platform, entry.profileUrl);
  if (entry.handle !== null && !handle) {
    problems.add(
      null,
      at('handle'),
      t('import_pack_handle_invalid', at('handle'), entry.handle, entry.platform),
    );
  }
  if (entry.profileUrl !== null && !fromUrl) {
    problems.add(
      null,
      at('profileUrl'),
      t('import_pack_url_invalid', at('profileUrl'), entry.profileUrl, entry.platform),
    );
  }
  const key = handle ?? fromUrl;
  return key && `${entry.platform} ${key}`;
}

export function checkWatchlist(problems: ProblemList, watchlist: readonly WatchlistEntry[]): void {
  uniqueIds(problems, 'watchlist', watchlist);
  const first = new Map<string, number>();
  watchlist.forEach((entry, i) => {
    const key = accountKey(problems, entry, i);
    if (key === null) return;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, i);
      return;
    }
    const where = `watchlist[${i}]`;
    const account = key.slice(key.indexOf(' ') + 1);
    problems.add(
      null,
      where,
      t('import_pack_duplicate_account', where, entry.platform, account, `watchlist[${earlier}]`),
    );
  });
}
