import { canonicalJson, sha256Hex } from './canonical';

// A hash chain over records with `seq`, `prevHash` and `hash`. Each hash covers the record's canonical
// JSON without its own `hash` but with `prevHash`, so altering, removing or reordering any record breaks
// the chain from that point on. Used for evidence and for the audit log of edits and deletions.

export interface ChainRecord {
  seq: number;
  prevHash: string | null;
  hash: string;
  [field: string]: unknown;
}

export interface ChainProblem {
  seq: number;
  check: 'hash' | 'link' | 'sequence';
  /** English sentence naming the record; the UI translates by `check`. */
  message: string;
}

export interface VerifyChainOptions {
  /**
   * What the first record's prevHash must be: null for a chain that starts here (the default), or the
   * last hash of the previous bundle when this one continues it.
   */
  firstPrevHash?: string | null;
  /** Sequence numbers whose records were deleted with an audit entry: their gaps are expected. */
  tombstones?: readonly number[];
}

/** SHA-256 hex of the canonical JSON of `body`; a `hash` field, if present, is left out. */
export async function chainHash(body: Record<string, unknown>): Promise<string> {
  const { hash: _ownHash, ...covered } = body;
  // Without prevHash the hash would not bind the record to its predecessor: refuse rather than guess.
  if (!(typeof covered.prevHash === 'string' || covered.prevHash === null)) {
    throw new TypeError('chainHash: the body must carry prevHash (a hex string, or null for the first)');
  }
  return sha256Hex(canonicalJson(covered));
}

export type Sealed<T> = T & { prevHash: string | null; hash: string };

/** `body` linked to its predecessor: `{ ...body, prevHash, hash }` (a stale `hash` in body is replaced). */
export async function sealRecord<T extends object>(body: T, prevHash: string | null): Promise<Sealed<T>> {
  // Omit<T, …> would erase every named field of a T with an index signature, hence the plain intersection.
  const { hash: _stale, ...rest } = body as Record<string, unknown>;
  const unsealed = { ...rest, prevHash };
  const hash = await chainHash(unsealed);
  return { ...unsealed, hash } as Sealed<T>;
}

/**
 * Every problem in `records` (expected sorted by seq): per record in input order, a hash that does not
 * match its content, a prevHash that does not match the record before it, a seq that is duplicated or
 * out of order; then each run of seqs missing without a tombstone. An empty list means intact.
 */
export async function verifyChain(
  records: readonly ChainRecord[],
  options: VerifyChainOptions = {},
): Promise<ChainProblem[]> {
  const problems: ChainProblem[] = [];
  const firstPrevHash = options.firstPrevHash === undefined ? null : options.firstPrevHash;
  const seen = new Set<number>();
  let highest = Number.NEGATIVE_INFINITY;

  for (const [i, record] of records.entries()) {
    const seq = record.seq;
    const name = `Record ${String(seq)}`;

    let actual: string | undefined;
    try {
      actual = await chainHash(record);
    } catch (error) {
      problems.push({
        seq,
        check: 'hash',
        message: `${name} cannot be hashed: ${(error as Error).message}.`,
      });
    }
    if (actual !== undefined && actual !== record.hash) {
      problems.push({
        seq,
        check: 'hash',
        message: `${name} has been altered: its content hashes to ${actual}, not to its stored hash ${String(record.hash)}.`,
      });
    }

    const previous = records[i - 1];
    const expectedPrev = previous === undefined ? firstPrevHash : previous.hash;
    if (record.prevHash !== expectedPrev) {
      const before =
        previous === undefined
          ? expectedPrev === null
            ? 'it is the first record, so it should have none'
            : `the previous bundle ended with ${expectedPrev}`
          : `record ${String(previous.seq)} before it has hash ${String(previous.hash)}`;
      problems.push({
        seq,
        check: 'link',
        message: `${name} does not link to its predecessor: its prevHash is ${String(record.prevHash)}, but ${before}.`,
      });
    }

    if (!Number.isSafeInteger(seq)) {
      problems.push({ seq, check: 'sequence', message: `${name} has an invalid sequence number.` });
      continue;
    }
    if (seen.has(seq)) {
      problems.push({ seq, check: 'sequence', message: `${name} appears more than once.` });
    } else if (seq < highest) {
      problems.push({
        seq,
        check: 'sequence',
        message: `${name} is out of order: it comes after ${highest}.`,
      });
    }
    seen.add(seq);
    highest = Math.max(highest, seq);
  }

  problems.push(...missingProblems(seen, new Set(options.tombstones ?? [])));
  return problems;
}

// Gaps between present seqs that no tombstone explains, one problem per run of missing numbers so a
// tampered seq of 10^9 yields one line, not a billion.
function missingProblems(present: Set<number>, tombstones: Set<number>): ChainProblem[] {
  const sorted = [...present].sort((a, b) => a - b);
  const tombstoned = [...tombstones].sort((a, b) => a - b);
  const problems: ChainProblem[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const from = sorted[i - 1]! + 1;
    const to = sorted[i]! - 1;
    if (from > to) continue;
    // Split [from, to] at each tombstone inside it.
    let start = from;
    for (const t of tombstoned) {
      if (t < start || t > to) continue;
      if (t > start) problems.push(missingRun(start, t - 1));
      start = t + 1;
    }
    if (start <= to) problems.push(missingRun(start, to));
  }
  return problems;
}

function missingRun(from: number, to: number): ChainProblem {
  const message =
    from === to
      ? `Record ${from} is missing, and no deletion is recorded for it.`
      : `Records ${from} to ${to} are missing, and no deletion is recorded for them.`;
  return { seq: from, check: 'sequence', message };
}
