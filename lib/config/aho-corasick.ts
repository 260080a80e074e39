// Aho–Corasick over UTF-16 code units: every pattern found in one pass over the text, however many
// patterns there are. Built once per configuration, searched once per post.
//
// Layout, chosen by measuring (tests/bench/match.ts, 5,000 rules): code units map to a dense alphabet of
// the units some pattern contains (any other unit sends the search back to the root). States are numbered
// breadth-first, and the first ones get a full row of transitions with the failure links already folded
// in, so a step there is one array read. That is twice as fast as following failure links over sorted
// edge lists, and for an office's Latin-script rules every state fits (≈ 36,000 states × 34 symbols,
// 5 MB). A large alphabet (many scripts, emoji) could make that table huge, so rows stop at a budget and
// the deeper states keep sorted edge lists (CSR) and failure links.

const ROOT = 0;
const NONE = -1;
/** Entries in the table of full rows (4 bytes each). */
const DENSE_BUDGET = 1 << 21;
/** Above this many edges a state's edge list is bisected rather than scanned. */
const LINEAR_SCAN_MAX = 8;

export type OnMatch = (pattern: number, end: number) => void;

interface Trie {
  alphabet: number;
  children: Map<number, number>[];
  /** The patterns ending at each state. */
  ends: number[][];
}

export class AhoCorasick {
  /** Code unit → symbol (1…alphabet size), 0 for units no pattern contains. */
  private readonly symbolOf = new Int32Array(0x10000);
  /** Symbols per row of `dense`: the alphabet and the 0 column. */
  private readonly width: number;
  /** States below this have a full row in `dense`. */
  private readonly denseStates: number;
  private readonly dense: Int32Array;
  private readonly edgeStart: Int32Array;
  private readonly edgeSymbol: Int32Array;
  private readonly edgeTarget: Int32Array;
  private readonly fail: Int32Array;
  /** The nearest state on the failure chain (the state itself included) that ends a pattern, or -1. */
  private readonly firstOutput: Int32Array;
  private readonly outputStart: Int32Array;
  private readonly outputs: Int32Array;
  readonly patternLengths: Int32Array;

  /** `patterns[i]` is reported as `i`. An empty pattern never matches. */
  constructor(patterns: readonly string[]) {
    this.patternLengths = Int32Array.from(patterns, (p) => p.length);
    const trie = this.buildTrie(patterns);
    const order = breadthFirst(trie.children);
    const states = order.length;
    const renumbered = new Int32Array(states);
    order.forEach((old, id) => {
      renumbered[old] = id;
    });
    const children = order.map((old) =>
      [...trie.children[old]!]
        .map(([symbol, child]) => [symbol, renumbered[child]!] as const)
        .sort((a, b) => a[0] - b[0]),
    );

    this.width = trie.alphabet + 1;
    this.denseStates = Math.max(1, Math.min(states, Math.floor(DENSE_BUDGET / this.width)));
    this.dense = new Int32Array(this.denseStates * this.width);
    this.fail = new Int32Array(states);
    this.firstOutput = new Int32Array(states).fill(NONE);
    this.edgeStart = new Int32Array(states + 1);
    this.outputStart = new Int32Array(states + 1);
    for (let s = 0; s < states; s++) {
      this.edgeStart[s + 1] = this.edgeStart[s]! + children[s]!.length;
      this.outputStart[s + 1] = this.outputStart[s]! + trie.ends[order[s]!]!.length;
    }
    this.edgeSymbol = new Int32Array(this.edgeStart[states]!);
    this.edgeTarget = new Int32Array(this.edgeStart[states]!);
    this.outputs = Int32Array.from(order.flatMap((old) => trie.ends[old]!));

    // In breadth-first order a state's failure target (shallower) is complete before the state is reached.
    for (let s = 0; s < states; s++) {
      const hasOwn = this.outputStart[s + 1]! > this.outputStart[s]!;
      this.firstOutput[s] = hasOwn ? s : s === ROOT ? NONE : this.firstOutput[this.fail[s]!]!;
      if (s < this.denseStates && s !== ROOT)
        this.dense.copyWithin(s * this.width, this.fail[s]! * this.width, (this.fail[s]! + 1) * this.width);
      children[s]!.forEach(([symbol, child], k) => {
        this.edgeSymbol[this.edgeStart[s]! + k] = symbol;
        this.edgeTarget[this.edgeStart[s]! + k] = child;
        this.fail[child] = s === ROOT ? ROOT : this.step(this.fail[s]!, symbol);
        if (s < this.denseStates) this.dense[s * this.width + symbol] = child;
      });
    }
  }

  get stateCount(): number {
    return this.fail.length;
  }

  /** Calls `onMatch(pattern, end)` for every occurrence; `end` is the index just past its last unit. */
  search(text: string, onMatch: OnMatch): void {
    const { symbolOf, dense, width, denseStates, firstOutput, fail, outputs, outputStart } = this;
    let state = ROOT;
    for (let i = 0; i < text.length; i++) {
      const symbol = symbolOf[text.charCodeAt(i)]!;
      state = state < denseStates ? dense[state * width + symbol]! : this.step(state, symbol);
      for (let s = firstOutput[state]!; s !== NONE; s = firstOutput[fail[s]!]!) {
        for (let k = outputStart[s]!; k < outputStart[s + 1]!; k++) onMatch(outputs[k]!, i + 1);
      }
    }
  }

  private buildTrie(patterns: readonly string[]): Trie {
    const trie: Trie = { alphabet: 0, children: [new Map()], ends: [[]] };
    patterns.forEach((pattern, index) => {
      if (pattern === '') return;
      let state = ROOT;
      for (let i = 0; i < pattern.length; i++) {
        const unit = pattern.charCodeAt(i);
        if (this.symbolOf[unit] === 0) this.symbolOf[unit] = ++trie.alphabet;
        const symbol = this.symbolOf[unit]!;
        let next = trie.children[state]!.get(symbol);
        if (next === undefined) {
          next = trie.children.length;
          trie.children.push(new Map());
          trie.ends.push([]);
          trie.children[state]!.set(symbol, next);
        }
        state = next;
      }
      trie.ends[state]!.push(index);
    });
    return trie;
  }

  /** The transition from `from` on `symbol`, following failure links down to a state with a full row. */
  private step(from: number, symbol: number): number {
    let state = from;
    while (state >= this.denseStates) {
      const next = this.edge(state, symbol);
      if (next !== NONE) return next;
      state = this.fail[state]!;
    }
    return this.dense[state * this.width + symbol]!;
  }

  private edge(state: number, symbol: number): number {
    let low = this.edgeStart[state]!;
    let high = this.edgeStart[state + 1]!;
    const symbols = this.edgeSymbol;
    if (high - low <= LINEAR_SCAN_MAX) {
      for (; low < high; low++) if (symbols[low] === symbol) return this.edgeTarget[low]!;
      return NONE;
    }
    while (low < high) {
      const mid = (low + high) >>> 1;
      const found = symbols[mid]!;
      if (found === symbol) return this.edgeTarget[mid]!;
      if (found < symbol) low = mid + 1;
      else high = mid;
    }
    return NONE;
  }
}

/** Trie states in breadth-first order (so by depth): failure links always point to an earlier state. */
function breadthFirst(children: readonly Map<number, number>[]): number[] {
  const order = [ROOT];
  for (let head = 0; head < order.length; head++) order.push(...children[order[head]!]!.values());
  return order;
}
