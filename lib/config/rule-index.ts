import { AhoCorasick } from './aho-corasick';
import { normalizeText, wordCharAt, wordCharBefore } from './normalize';
import type { Rule, RuleMatch } from './schema';

// The office's rules as one automaton over their normalised terms. A term counts only as whole words:
// "02" is not found inside "2024", "nomor urut 2" not inside "nomor urut 20". A plain word is also found
// as a hashtag or mention ("amin" in "#AMIN"), since '#' and '@' are not letters; a term written as a
// hashtag ("#amin") contains the '#', so it never matches the bare word.

/** PostMatch.rules holds at most this many (the schema's limit). */
export const MAX_RULE_MATCHES = 50;

const startsWord = (term: string): boolean =>
  term.startsWith('#') || term.startsWith('@') || wordCharAt(term, 0);

export class RuleIndex {
  private readonly automaton: AhoCorasick;
  /** Per distinct term: the indices (ascending) of the rules that carry it. */
  private readonly rulesOfTerm: number[][] = [];
  /** Per distinct term: check the character before / after it (only where the term itself has a word edge). */
  private readonly checkBefore: Uint8Array;
  private readonly checkAfter: Uint8Array;
  private readonly results: readonly RuleMatch[];
  // Reused by every search, so matching a post allocates next to nothing.
  private readonly seenIn: Uint32Array;
  private generation = 0;
  private text = '';
  private readonly found: number[] = [];

  constructor(rules: readonly Rule[]) {
    const termIndex = new Map<string, number>();
    rules.forEach((rule, index) => {
      const term = normalizeText(rule.term);
      if (term === '') return;
      let id = termIndex.get(term);
      if (id === undefined) {
        id = termIndex.size;
        termIndex.set(term, id);
        this.rulesOfTerm.push([]);
      }
      this.rulesOfTerm[id]!.push(index);
    });
    const terms = [...termIndex.keys()];
    this.automaton = new AhoCorasick(terms);
    this.checkBefore = Uint8Array.from(terms, (term) => (startsWord(term) ? 1 : 0));
    this.checkAfter = Uint8Array.from(terms, (term) => (wordCharBefore(term, term.length) ? 1 : 0));
    this.seenIn = new Uint32Array(terms.length);
    this.results = rules.map(({ id, term, label, kind, category }) => ({
      ruleId: id,
      term,
      label,
      kind,
      category,
    }));
  }

  get termCount(): number {
    return this.rulesOfTerm.length;
  }

  get stateCount(): number {
    return this.automaton.stateCount;
  }

  /** The rules found in `normalized` (a normalizeText result), each once, in rule order. */
  search(normalized: string): RuleMatch[] {
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.seenIn.fill(0);
      this.generation = 1;
    }
    this.text = normalized;
    this.found.length = 0;
    this.automaton.search(normalized, this.onTerm);
    if (this.found.length === 0) return [];
    this.found.sort((a, b) => a - b);
    return this.found.slice(0, MAX_RULE_MATCHES).map((index) => this.results[index]!);
  }

  private readonly onTerm = (term: number, end: number): void => {
    if (this.seenIn[term] === this.generation) return;
    const start = end - this.automaton.patternLengths[term]!;
    if (this.checkBefore[term] === 1 && wordCharBefore(this.text, start)) return;
    if (this.checkAfter[term] === 1 && wordCharAt(this.text, end)) return;
    this.seenIn[term] = this.generation;
    for (const rule of this.rulesOfTerm[term]!) this.found.push(rule);
  };
}
