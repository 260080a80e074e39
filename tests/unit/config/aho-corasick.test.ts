import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '@/lib/config/aho-corasick';
import { seededRandom as prng } from '../../tools/seeded-random';

// The automaton against the obvious reference (indexOf at every position), on seeded random patterns and
// texts: small alphabets make many shared prefixes and overlaps, the large one (3,000 symbols) leaves most
// states without a full transition row, so both halves of the layout are exercised.

const occurrences = (ac: AhoCorasick, text: string): string[] => {
  const found: string[] = [];
  ac.search(text, (pattern, end) => found.push(`${pattern}@${end}`));
  return found.sort();
};

function naive(patterns: readonly string[], text: string): string[] {
  const found: string[] = [];
  patterns.forEach((pattern, index) => {
    if (pattern === '') return;
    for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
      found.push(`${index}@${at + pattern.length}`);
    }
  });
  return found.sort();
}

function randomString(random: () => number, alphabet: readonly string[], min: number, max: number): string {
  const length = min + Math.floor(random() * (max - min + 1));
  return Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
}

const CJK = Array.from({ length: 3_000 }, (_, i) => String.fromCharCode(0x4e00 + i));

describe('AhoCorasick', () => {
  it.each([
    { name: 'two letters', alphabet: ['a', 'b'], patterns: 40, maxLength: 6, seed: 1 },
    {
      name: 'four letters and a space',
      alphabet: ['a', 'b', 'c', 'd', ' '],
      patterns: 300,
      maxLength: 8,
      seed: 2,
    },
    {
      name: 'letters, digits, emoji halves',
      alphabet: [...'abc012#', '😀'],
      patterns: 200,
      maxLength: 5,
      seed: 3,
    },
  ])('finds exactly what indexOf finds: $name', ({ alphabet, patterns, maxLength, seed }) => {
    const random = prng(seed);
    const list = Array.from({ length: patterns }, () => randomString(random, alphabet, 1, maxLength));
    const ac = new AhoCorasick(list);
    for (let round = 0; round < 200; round++) {
      const text = randomString(random, alphabet, 0, 200);
      expect(occurrences(ac, text)).toEqual(naive(list, text));
    }
  });

  it('finds exactly what indexOf finds with a 3,000-symbol alphabet (most states without a full row)', () => {
    const random = prng(4);
    // One pattern spells the whole alphabet; the rest, over six symbols, make thousands of deep states.
    const small = CJK.slice(0, 6);
    const list = [CJK.join(''), ...Array.from({ length: 1_500 }, () => randomString(random, small, 1, 7))];
    const ac = new AhoCorasick(list);
    // A full row is 3,001 entries, so the 2^21-entry budget covers about 700 states.
    expect(ac.stateCount).toBeGreaterThan(5_000);
    for (let round = 0; round < 200; round++) {
      const text = randomString(random, small, 0, 200);
      expect(occurrences(ac, text)).toEqual(naive(list, text));
    }
  });

  it('reports overlapping, nested and repeated patterns, and every copy of a duplicate', () => {
    const patterns = ['he', 'she', 'his', 'hers', 'he', ''];
    const ac = new AhoCorasick(patterns);
    expect(occurrences(ac, 'ushers')).toEqual(['0@4', '1@4', '3@6', '4@4'].sort());
    expect(occurrences(ac, 'hehe')).toEqual(['0@2', '0@4', '4@2', '4@4'].sort());
    expect(occurrences(ac, '')).toEqual([]);
  });

  it('works with no patterns and with characters no pattern has', () => {
    expect(occurrences(new AhoCorasick([]), 'anything')).toEqual([]);
    expect(occurrences(new AhoCorasick(['ab']), 'xxabxyab')).toEqual(['0@4', '0@8']);
  });

  it('gives each pattern its length, for finding where a match starts', () => {
    expect([...new AhoCorasick(['nomor urut 2', '02', '']).patternLengths]).toEqual([12, 2, 0]);
  });
});
