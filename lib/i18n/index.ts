import { browser } from 'wxt/browser';
import en from '../../public/_locales/en/messages.json';
import id from '../../public/_locales/id/messages.json';
import { Language } from '../config/schema';
import { SETTINGS } from '../config/settings';

// Netra's own i18n over the extension's _locales files. browser.i18n follows the browser's UI language
// and cannot be switched; the officer chooses the language in the options page (Indonesian by default),
// so the pages and the background look strings up here. Messages use $1…$9 for substitutions.

type Messages = Record<string, { message: string }>;
export const DICTIONARIES: Record<Language, Messages> = { id, en };

let current: Language = 'id';

export function language(): Language {
  return current;
}

export function setLanguage(lang: Language): void {
  current = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** The message `key` in the current language (Indonesian when the English one is missing). */
export function t(key: string, ...subs: (string | number)[]): string {
  return tIn(current, key, ...subs);
}

/**
 * The message `key` in `lang`, whatever the officer's language: for text Netra writes into the evidence
 * itself (sealed notes, audit reasons), which the office reads in Indonesian.
 */
export function tIn(lang: Language, key: string, ...subs: (string | number)[]): string {
  const entry = DICTIONARIES[lang][key] ?? DICTIONARIES.id[key];
  if (!entry) return key;
  if (subs.length === 0) return entry.message;
  return entry.message.replace(/\$([1-9])/g, (whole, n: string) => {
    const value = subs[Number(n) - 1];
    return value === undefined ? whole : String(value);
  });
}

/** Every message whose key starts with `prefix`, in `lang` (for the content script's small dictionary). */
export function messagesWithPrefix(prefix: string, lang: Language = current): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, { message }] of Object.entries(DICTIONARIES.id)) {
    if (key.startsWith(prefix)) out[key] = DICTIONARIES[lang][key]?.message ?? message;
  }
  return out;
}

/** Reads the officer's language from storage.local and makes it current. */
export async function loadLanguage(): Promise<Language> {
  const stored = await browser.storage.local.get(SETTINGS.language);
  const parsed = Language.safeParse(stored[SETTINGS.language]);
  setLanguage(parsed.success ? parsed.data : 'id');
  return current;
}

/** Calls `listener` with the new language whenever the officer changes it (in any extension page). */
export function onLanguageChange(listener: (lang: Language) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS.language in changes)) return;
    const parsed = Language.safeParse(changes[SETTINGS.language]?.newValue);
    setLanguage(parsed.success ? parsed.data : 'id');
    listener(current);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
