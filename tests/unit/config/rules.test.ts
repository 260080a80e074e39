import { describe, expect, it } from 'vitest';
import { buildMatcher } from '@/lib/config/matcher';
import type { Rule, RuleKind } from '@/lib/config/schema';
import type { MatchInput } from '@/lib/feed-messages';

// Rule semantics on real-looking post text: case, accents, punctuation, hashtags and whole words.

const rule = (id: string, term: string, kind: RuleKind = 'other', category: string | null = null): Rule => ({
  id,
  term,
  label: `label ${id}`,
  kind,
  category,
});

const post = (text: string): MatchInput => ({ platform: 'x', kind: 'post', accounts: [], text });

function matchedIds(rules: Rule[], text: string): string[] {
  return buildMatcher(rules, [])
    .match(post(text))
    .rules.map((r) => r.ruleId);
}

describe('a rule matches whole words of the normalised text', () => {
  it.each([
    // [rule term, post text, matches?]
    ['Prabowo', 'Dukung PRABOWO!', true],
    ['Prabowo', 'Prabówo menang', true],
    ['Prabówo', 'prabowo', true],
    ['café', 'ngopi di cafe', true],
    ['Prabowo', 'Pra\u200Bbowo', true],
    ['02', 'Pilih 02!', true],
    ['02', 'Tahun 2024', false],
    ['02', 'nomor 1020', false],
    ['02', '(02)', true],
    ['02', 'pilih02', false],
    ['nomor urut 2', 'Nomor-urut 2', true],
    ['nomor urut 2', 'NOMOR URUT  2!', true],
    ['nomor urut 2', 'ingat nomor urut 2.', true],
    ['nomor urut 2', 'nomor urut 20', false],
    ['nomor urut 2', 'nomor urut 2024', false],
    ['nomor urut 2', 'nomorurut 2', false],
    ['no. urut 02', 'No urut 02 ya', true],
    ['no. urut 02', 'no. urut 02', true],
    ['no. urut 02', 'no. urut 2', false],
    ['amin', '#AMIN', true],
    ['amin', '@amin', true],
    ['amin', 'Amin!', true],
    ['amin', 'Aminah', false],
    ['amin', 'jamin', false],
    ['#AMIN', '#amin menang', true],
    ['#AMIN', 'amin', false],
    ['#AMIN', '#AMINAJA', false],
    ['#AMIN', '@amin', false],
    ['ganjar', '#GanjarPranowo', false],
    ['#GanjarPranowo', 'ayo #ganjarpranowo', true],
    ['salam dua jari', 'Salam DUA jari ✌️', true],
    ['salam dua jari', 'salam-dua-jari', true],
    ['salam dua jari', 'salam dua jarinya', false],
    ['✌️', 'mantap✌️', true],
    ['✌️', 'mantap ✌', true],
    ['🇮🇩', 'merdeka🇮🇩!', true],
  ])('%j in %j → %s', (term, text, expected) => {
    expect(matchedIds([rule('r', term)], text)).toEqual(expected ? ['r'] : []);
  });
});

describe('what a post match lists', () => {
  it('finds overlapping phrases and phrases that share a prefix, each once, in rule order', () => {
    const rules = [
      rule('r1', 'salam 2 jari', 'gesture', 'attributes'),
      rule('r2', '2 jari', 'gesture'),
      rule('r3', 'salam'),
      rule('r4', 'salam 3 jari', 'gesture'),
      rule('r5', 'salam dua'),
    ];
    expect(matchedIds(rules, 'Salam 2 jari! salam 2 jari lagi, 2 jari')).toEqual(['r1', 'r2', 'r3']);
    expect(matchedIds(rules, 'salam dua, salam 3 jari')).toEqual(['r3', 'r4', 'r5']);
  });

  it('reports every rule with the same normalised term, in rule order, however the terms are written', () => {
    const rules = [rule('b', 'Paslon 02'), rule('a', 'paslon-02'), rule('c', 'PASLON 02!')];
    expect(matchedIds(rules, 'dukung paslon 02')).toEqual(['b', 'a', 'c']);
  });

  it('reports a rule once even when an earlier occurrence is not a whole word', () => {
    expect(matchedIds([rule('r', '02')], 'tahun 2024, pilih 02, sekali lagi 02')).toEqual(['r']);
    expect(matchedIds([rule('r', '02')], '2024 102 02')).toEqual(['r']);
  });

  it('carries the rule as the office wrote it', () => {
    const match = buildMatcher([rule('r', '#Coblos02', 'hashtag', 'posting')], []).match(post('#coblos02'));
    expect(match.rules).toEqual([
      { ruleId: 'r', term: '#Coblos02', label: 'label r', kind: 'hashtag', category: 'posting' },
    ]);
  });

  it('ignores rules whose term has nothing to search for', () => {
    expect(matchedIds([rule('empty', '!!!'), rule('r', 'amin')], '!!! amin')).toEqual(['r']);
  });

  it('lists at most 50 rules, the first in rule order', () => {
    const rules = Array.from({ length: 60 }, (_, i) => rule(`r${i}`, `kata${i}`));
    const text = rules
      .map((r) => r.term)
      .reverse()
      .join(' ');
    expect(matchedIds(rules, text)).toEqual(rules.slice(0, 50).map((r) => r.id));
  });

  it('is independent from one post to the next', () => {
    const matcher = buildMatcher([rule('r', 'amin')], []);
    expect(matcher.match(post('amin')).rules).toHaveLength(1);
    expect(matcher.match(post('tidak ada')).rules).toHaveLength(0);
    expect(matcher.match(post('AMIN amin')).rules).toHaveLength(1);
  });

  it('finds terms among thousands of rules that share prefixes', () => {
    const rules = Array.from({ length: 3_000 }, (_, i) => rule(`n${i}`, `nomor urut ${i}`));
    expect(matchedIds(rules, 'Nomor urut 12, bukan nomor urut 1200x')).toEqual(['n12']);
    expect(matchedIds(rules, 'nomor urut 2999 dan nomor-urut 7')).toEqual(['n7', 'n2999']);
  });
});
