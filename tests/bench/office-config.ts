// A synthetic office configuration, seeded: rules shaped like an office's list (candidate names, some
// with diacritics; party names; slogans; hashtags; "nomor urut N"; ballot numbers; gesture phrases) and
// watchlist entries on X, Instagram and Facebook. Used by the match bench (tests/bench/match.ts) and the
// configured feed bench (tests/bench/configured.ts), from one seed (OFFICE_SEED).
import type { Rule, RuleKind, WatchlistEntry } from '../../lib/config/schema';

/** The seed both benches draw their office from, so they measure the same list. */
export const OFFICE_SEED = 20_241_127;

/** The generator's words and makers, all drawing on `random` (so one seed gives one fixture). */
export function officeGenerator(random: () => number) {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;

  const SYLLABLES =
    'ba bu di san to so wa hyu ni sri ag us ra ma de wi e ko put ri jo har ti sur ya nto ga pra bo wo an es mu ha im in ja tan ro si lu ki na ge ndra yan ra ta'.split(
      ' ',
    );
  const SLOGAN_WORDS =
    'bersama menang rakyat maju adil makmur lanjutkan perubahan indonesia sejahtera bersatu kuat hebat baru bangkit damai gotong royong pasti jaya'.split(
      ' ',
    );

  const word = (syllables = 2 + int(2)) => Array.from({ length: syllables }, () => pick(SYLLABLES)).join('');
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  const accent = (text: string) => text.replace(/[aeo]/, (v) => ({ a: 'á', e: 'é', o: 'ó' })[v]!);

  function makeRule(index: number): Rule {
    const roll = random();
    const [term, kind]: [string, RuleKind] =
      roll < 0.35
        ? [`${capital(word())} ${capital(word())}`, 'candidate']
        : roll < 0.45
          ? [`Partai ${capital(word())}`, 'party']
          : roll < 0.7
            ? [`${pick(SLOGAN_WORDS)} ${pick(SLOGAN_WORDS)} ${word()}`, 'slogan']
            : roll < 0.9
              ? [`#${capital(word())}${capital(pick(SLOGAN_WORDS))}`, 'hashtag']
              : roll < 0.96
                ? [
                    pick([`nomor urut ${1 + int(30)}`, `no. urut 0${1 + int(9)}`, `paslon 0${1 + int(9)}`]),
                    'number',
                  ]
                : [`salam ${pick(['dua', 'tiga', '2', '3', 'satu'])} jari ${word()}`, 'gesture'];
    return { id: `r${index}`, term: random() < 0.1 ? accent(term) : term, label: term, kind, category: null };
  }

  function makeEntry(index: number): WatchlistEntry {
    const platform = pick(['x', 'instagram', 'facebook'] as const);
    const handle = `${word()}${platform === 'x' ? '_' : '.'}${word()}${index}`;
    return {
      id: `${platform}:${handle}`,
      name: `${capital(word())} ${capital(word())}`,
      nip: String(198_000_000_000_000_000 + index * 7919).slice(0, 18),
      agency: `Dinas ${capital(word())}`,
      position: null,
      platform,
      handle,
      profileUrl: random() < 0.3 ? `https://www.${platform}.com/${handle}` : null,
    };
  }

  return { int, pick, word, capital, accent, makeRule, makeEntry };
}

/** `rules` rules and `watchlist` entries, drawn from `random` in that order. */
export function syntheticOffice(
  random: () => number,
  counts: { rules: number; watchlist: number },
): { rules: Rule[]; watchlist: WatchlistEntry[] } {
  const { makeRule, makeEntry } = officeGenerator(random);
  const rules = Array.from({ length: counts.rules }, (_, i) => makeRule(i));
  const watchlist = Array.from({ length: counts.watchlist }, (_, i) => makeEntry(i));
  return { rules, watchlist };
}
