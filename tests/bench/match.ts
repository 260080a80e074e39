// Matching a post against the office's configuration, against a naive baseline in the same run:
//
//   npx tsx tests/bench/match.ts     (prints a table, writes artifacts/bench/match.json; under a minute)
//
// Fixture (seeded, so every run sees the same data): 5,000 rules shaped like an office's list (candidate
// names, some with diacritics; party names; slogans; hashtags; "nomor urut N"; ballot numbers; gesture
// phrases), 10,000 watchlist entries on X, Instagram and Facebook, and 2,000 posts of ~300 characters
// with four accounts each, a third of them containing rule terms in page-like spellings (capitals,
// punctuation, accents) and one in ten written by a watchlisted account.
//
// Figures: µs per post for buildMatcher().match and for the baseline, which normalises the text once,
// then tries `includes` + the same word-boundary check for every rule and scans the watchlist linearly
// for every account. Median of 7 repetitions after a warm-up (the fastest run is shown too: on a busy
// machine it is the better estimate of the cost itself). Goal: ≤ 20 µs per post. Both must find
// exactly the same rules and accounts for every post, or the run fails.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { buildMatcher } from '../../lib/config/matcher';
import { normalizeHandle, normalizeText, wordCharAt, wordCharBefore } from '../../lib/config/normalize';
import type { PostMatch, Rule, WatchlistEntry } from '../../lib/config/schema';
import type { MatchInput } from '../../lib/feed-messages';
import { median } from '../tools/median';
import { seededRandom as prng } from '../tools/seeded-random';
import { OFFICE_SEED, officeGenerator, syntheticOffice } from './office-config';

const RULES = 5_000;
const WATCHLIST = 10_000;
const POSTS = 2_000;
const REPETITIONS = 7;
const GOAL_US = 20;
const OUT = 'artifacts/bench/match.json';

const random = prng(OFFICE_SEED);
const { int, pick, word, capital } = officeGenerator(random);

const FILLER =
  'yang dan di ini itu untuk dengan tidak kita ada saya akan pada juga dari sudah bisa warga desa kegiatan hari kerja bakti sekolah rapat pelayanan masyarakat kantor kecamatan pagi sore terima kasih semoga sehat selalu ibu bapak anak guru jalan pasar harga beras acara 2024 2 02 20 nomor urut foto lihat'.split(
    ' ',
  );
const DECORATIONS = ['!', '!!', '.', ',', '…', ' 🙏', ' ✌️', ' 🇮🇩', '?', ' -', ''];

/** A rule term as a page might spell it: capitals, a hyphen for a space, punctuation after it. */
function spelled(term: string): string {
  const cased = random() < 0.3 ? term.toUpperCase() : random() < 0.5 ? capital(term) : term;
  return (random() < 0.2 ? cased.replace(' ', '-') : cased) + pick(DECORATIONS);
}

function makePost(rules: readonly Rule[], watchlist: readonly WatchlistEntry[]): MatchInput {
  const parts: string[] = [];
  const terms = random() < 0.33 ? 1 + int(3) : 0;
  for (let length = 0; length < 300; length += parts[parts.length - 1]!.length + 1) {
    parts.push(random() < 0.08 ? pick(FILLER) + pick(DECORATIONS) : pick(FILLER));
  }
  for (let i = 0; i < terms; i++) parts.splice(int(parts.length), 0, spelled(pick(rules).term));
  const watched = random() < 0.1 ? pick(watchlist) : null;
  const platform = watched?.platform ?? pick(['x', 'instagram', 'facebook'] as const);
  const author = watched
    ? random() < 0.5
      ? watched.handle
      : `@${watched.handle!.toUpperCase()}`
    : `${word()}_${int(1e6)}`;
  const others = (['coauthor', 'reposter', 'commenter'] as const).map((role) => ({
    role,
    handle: `${word()}_${int(1e6)}`,
    profileUrl: null,
  }));
  return {
    platform,
    kind: 'post',
    accounts: [{ role: 'author', handle: author, profileUrl: null }, ...others],
    text: parts.join(' '),
  };
}

/** The obvious way: one normalising pass, then every rule with `includes`, every entry by a linear scan. */
function naiveMatcher(rules: readonly Rule[], watchlist: readonly WatchlistEntry[]) {
  const terms = rules.map((rule) => normalizeText(rule.term));
  const handles = watchlist.map((entry) => normalizeHandle(entry.platform, entry.handle));
  const whole = (text: string, term: string, at: number): boolean =>
    !((term.startsWith('#') || term.startsWith('@') || wordCharAt(term, 0)) && wordCharBefore(text, at)) &&
    !(wordCharBefore(term, term.length) && wordCharAt(text, at + term.length));
  return (input: MatchInput): PostMatch => {
    const text = normalizeText(input.text);
    const found: PostMatch = { asn: [], rules: [] };
    terms.forEach((term, i) => {
      for (let at = text.indexOf(term); term !== '' && at >= 0; at = text.indexOf(term, at + 1)) {
        if (!whole(text, term, at)) continue;
        const { id, label, kind, category } = rules[i]!;
        found.rules.push({ ruleId: id, term: rules[i]!.term, label, kind, category });
        break;
      }
    });
    for (const account of input.accounts) {
      const handle = normalizeHandle(input.platform, account.handle);
      watchlist.forEach((entry, i) => {
        if (handle && entry.platform === input.platform && handles[i] === handle) {
          found.asn.push({ role: account.role, entry });
        }
      });
    }
    return found;
  };
}

const summary = (match: PostMatch) =>
  JSON.stringify([match.rules.map((r) => r.ruleId), match.asn.map((a) => `${a.role}:${a.entry.id}`).sort()]);

function usPerPost(match: (input: MatchInput) => PostMatch, posts: readonly MatchInput[]): number {
  const t0 = performance.now();
  for (const post of posts) match(post);
  return ((performance.now() - t0) * 1000) / posts.length;
}

const { rules, watchlist } = syntheticOffice(random, { rules: RULES, watchlist: WATCHLIST });
const posts = Array.from({ length: POSTS }, () => makePost(rules, watchlist));

const t0 = performance.now();
const matcher = buildMatcher(rules, watchlist);
const buildMs = performance.now() - t0;
const naive = naiveMatcher(rules, watchlist);

let postsWithRules = 0;
let postsWithAsn = 0;
for (const post of posts) {
  const ours = matcher.match(post);
  if (summary(ours) !== summary(naive(post))) {
    throw new Error(`matcher and baseline disagree on ${JSON.stringify(post)}`);
  }
  if (ours.rules.length > 0) postsWithRules++;
  if (ours.asn.length > 0) postsWithAsn++;
}

// Warm-up: the check above ran each once; one more pass each lets the JIT settle before measuring.
usPerPost(matcher.match, posts);
usPerPost(naive, posts);
const oursRuns: number[] = [];
const naiveRuns: number[] = [];
for (let rep = 0; rep < REPETITIONS; rep++) {
  oursRuns.push(usPerPost(matcher.match, posts));
  naiveRuns.push(usPerPost(naive, posts));
}
const ours = median(oursRuns);
const baseline = median(naiveRuns);

const result = {
  fixture: { rules: RULES, watchlist: WATCHLIST, posts: POSTS, postsWithRules, postsWithAsn },
  buildMs: Math.round(buildMs),
  usPerPost: { matcher: ours, naive: baseline },
  runs: { matcher: oursRuns, naive: naiveRuns },
  ratio: baseline / ours,
  goal: { usPerPost: GOAL_US, met: ours <= GOAL_US },
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cpus: cpus().length,
    loadavg: loadavg(),
    node: process.version,
  },
};
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);

const row = (name: string, value: string) => console.log(`${name.padEnd(28)}${value.padStart(14)}`);
console.log(
  `match: ${RULES} rules, ${WATCHLIST} watchlist entries, ${POSTS} posts (median of ${REPETITIONS})`,
);
row('buildMatcher', `${result.buildMs} ms`);
row('matcher.match', `${ours.toFixed(2)} µs/post`);
row('naive baseline', `${baseline.toFixed(2)} µs/post`);
row(
  'fastest run (matcher/naive)',
  `${Math.min(...oursRuns).toFixed(1)} / ${Math.min(...naiveRuns).toFixed(0)} µs`,
);
row('naive ÷ matcher', `${result.ratio.toFixed(1)}×`);
row(`goal ≤ ${GOAL_US} µs/post`, result.goal.met ? 'met' : 'NOT met');
row('posts with rules / ASN', `${postsWithRules} / ${postsWithAsn}`);
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}; wrote ${OUT}`,
);
