// The feed's words. The background sends the `feed_*` messages in the officer's language (feed.hello);
// until it answers, or when it cannot, the browser's own i18n of the same keys stands in. No copy of
// the strings lives in code.

/** `browser.i18n.getMessage` in the content script ('' for an unknown key). */
export type MessageLookup = (key: string, subs: string[]) => string;

let strings: Record<string, string> = {};
let fallback: MessageLookup = () => '';
let lang = '';
let version = 0;

export function setFallbackLookup(lookup: MessageLookup): void {
  fallback = lookup;
  version++;
}

/** The officer's strings from feed.hello, and their language (for the `lang` of Netra's own UI). */
export function useStrings(next: Record<string, string>, language: string): void {
  strings = next;
  lang = language;
  version++;
}

/** Changes whenever the strings do: cached, pre-labelled elements compare it to know they are stale. */
export const stringsVersion = (): number => version;

export const feedLanguage = (): string => lang;

/** The message `key` with $1…$9 replaced by `subs`; the key itself when nothing knows it. */
export function text(key: string, ...subs: (string | number)[]): string {
  const values = subs.map(String);
  const own = strings[key];
  if (own === undefined) return fallback(key, values) || key;
  return own.replace(/\$([1-9])/g, (whole, n: string) => values[Number(n) - 1] ?? whole);
}
