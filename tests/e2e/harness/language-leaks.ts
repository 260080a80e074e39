// Finds words of the other language on a page: every message whose Indonesian and English texts differ
// is a probe; a probe of the language NOT chosen that appears in the page's text is a leak (a string
// that was never translated, or a page that did not follow the officer's language).
import { readFileSync } from 'node:fs';

export type Language = 'id' | 'en';

/** Shorter pieces hit words that both languages share ("Status", "Link"). */
const MIN_PROBE = 6;

export interface Leak {
  key: string;
  /** The piece of the wrong language's message that was found. */
  text: string;
}

interface Probe {
  key: string;
  /** Lowercased, whitespace-collapsed longest literal piece of the message, per language. */
  piece: Record<Language, string>;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The longest piece of a message between its $1…$9 substitutions. */
export function longestLiteral(message: string): string {
  return message
    .split(/\$[1-9]/)
    .map(squash)
    .reduce((a, b) => (b.length > a.length ? b : a), '');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `piece` as whole words: "simpan" is not found in "simpanan". */
const wholeWords = (piece: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(piece)}(?![\\p{L}\\p{N}])`, 'u');

function readMessages(lang: Language): Record<string, string> {
  const file = readFileSync(`public/_locales/${lang}/messages.json`, 'utf8');
  const parsed = JSON.parse(file) as Record<string, { message: string }>;
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v.message]));
}

export interface LeakFinder {
  /**
   * Leaks of the language other than `shown` in `text` (a page's innerText and labels); `data` are
   * texts that are content, not UI (post texts, names from the configuration), and are left out.
   */
  find(text: string, shown: Language, data?: readonly string[]): Leak[];
}

/** Probes built from the locale files as they are now (other engineers add keys while tests run). */
export function leakFinder(): LeakFinder {
  const messages = { id: readMessages('id'), en: readMessages('en') };
  const probes: Probe[] = [];
  for (const key of Object.keys(messages.id)) {
    const id = messages.id[key]!;
    const en = messages.en[key];
    if (en === undefined || squash(id) === squash(en)) continue;
    probes.push({ key, piece: { id: longestLiteral(id), en: longestLiteral(en) } });
  }
  // A piece that is also part of some message of the right language is no evidence of a leak.
  const all = { id: Object.values(messages.id).map(squash), en: Object.values(messages.en).map(squash) };
  return {
    find(text, shown, data = []) {
      const wrong: Language = shown === 'id' ? 'en' : 'id';
      let haystack = squash(text);
      // Longest first, so "paslon 02" does not break up "partai pengusung paslon 02".
      const contents = data.map(squash).filter((d) => d !== '');
      for (const content of contents.sort((a, b) => b.length - a.length)) {
        haystack = haystack.split(content).join(' ¶ ');
      }
      const leaks: Leak[] = [];
      for (const probe of probes) {
        const piece = probe.piece[wrong];
        if (piece.length < MIN_PROBE || !wholeWords(piece).test(haystack)) continue;
        if (all[shown].some((message) => message.includes(piece))) continue;
        leaks.push({ key: probe.key, text: piece });
      }
      return leaks;
    },
  };
}
