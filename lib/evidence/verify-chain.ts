import type { Tombstone } from './audit';
import { type ChainProblem, type ChainRecord, verifyChain } from './chain';
import type { EvidenceDb } from './db';
import { type Evidence, sealedBody } from './schema';

/**
 * The findings' chain with deletions taken into account: a tombstone stands in the chain where its
 * finding was (its hash links the neighbours) but has no body left to re-hash.
 */
export async function verifyEvidenceChain(
  records: readonly Evidence[],
  tombstones: readonly Tombstone[] = [],
  firstPrevHash: string | null = null,
): Promise<ChainProblem[]> {
  const standIns = new Set(tombstones.map((t) => t.seq));
  const chain: ChainRecord[] = [
    ...records.map((r) => ({ ...sealedBody(r), hash: r.hash }) as ChainRecord),
    ...tombstones.map((t) => ({ seq: t.seq, prevHash: t.prevHash, hash: t.hash })),
  ].sort((a, b) => a.seq - b.seq);
  const problems = await verifyChain(chain, { firstPrevHash });
  return problems.filter((p) => !(p.check === 'hash' && standIns.has(p.seq)));
}

/** Checks everything stored on this device: findings, tombstones and the audit log. */
export async function verifyStoredChains(
  db: EvidenceDb,
): Promise<{ evidence: ChainProblem[]; audit: ChainProblem[] }> {
  const [records, tombstones, audit] = await Promise.all([
    db.evidence.orderBy('seq').toArray(),
    db.tombstones.toArray(),
    db.audit.orderBy('seq').toArray(),
  ]);
  return {
    evidence: await verifyEvidenceChain(records, tombstones),
    audit: await verifyChain(audit as unknown as ChainRecord[]),
  };
}
