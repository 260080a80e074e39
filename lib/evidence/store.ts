import { sha256Hex } from './canonical';
import { chainHash } from './chain';
import type { EvidenceDb } from './db';
import { type Evidence, type ScreenshotRef, sealedBody } from './schema';

/**
 * The background is the only writer, and every write goes through this queue: the chain head read
 * before hashing (WebCrypto cannot run inside an IndexedDB transaction) is still the head when the
 * transaction appends.
 */
const queues = new WeakMap<EvidenceDb, Promise<unknown>>();

export function serialize<T>(db: EvidenceDb, write: () => Promise<T>): Promise<T> {
  const result = (queues.get(db) ?? Promise.resolve()).then(write);
  queues.set(
    db,
    result.catch(() => undefined),
  );
  return result;
}

export interface ScreenshotDraft {
  role: ScreenshotRef['role'];
  blob: Blob;
  width: number;
  height: number;
  clipped: boolean;
  slices: number;
}

/** A finding before the chain: everything but its place (seq, version, hashes). */
export type EvidenceDraft = Omit<
  Evidence,
  'seq' | 'version' | 'versionOf' | 'changed' | 'screenshots' | 'prevHash' | 'hash' | 'exportedAt'
>;

export type AppendStatus = 'saved' | 'version';

/** The highest sequence number used, by a finding or by the tombstone of a deleted one, and its hash. */
export async function chainHead(db: EvidenceDb): Promise<{ seq: number; hash: string | null }> {
  const [record, tombstone] = await Promise.all([
    db.evidence.orderBy('seq').last(),
    db.tombstones.orderBy('seq').last(),
  ]);
  const head = (tombstone?.seq ?? 0) > (record?.seq ?? 0) ? tombstone : record;
  return { seq: head?.seq ?? 0, hash: head?.hash || null };
}

const COMPARED = [
  'text',
  'textTruncated',
  'media',
  'author',
  'coAuthors',
  'repostedBy',
  'quoted',
  'postedAt',
  'url',
] as const;

/**
 * Appends a finding to the chain with its screenshots, in one transaction, and drops its capture job.
 * A second capture of a post already stored becomes a new version linked to the first, with what
 * changed; the same click arriving twice (a retry after a crash) returns the stored record.
 */
export async function appendEvidence(
  db: EvidenceDb,
  draft: EvidenceDraft,
  shots: ScreenshotDraft[],
): Promise<{ evidence: Evidence; status: AppendStatus | 'retry' }> {
  const hashed = await Promise.all(shots.map(async (s) => ({ ...s, sha256: await sha256Hex(s.blob) })));
  return serialize(db, async () => {
    const same = await db.evidence.get({ clickId: draft.clickId });
    if (same) return { evidence: same, status: 'retry' as const };
    const versions = await db.evidence.where('dedupeKey').equals(draft.dedupeKey).sortBy('version');
    const first = versions[0];
    const latest = versions.at(-1);
    const head = await chainHead(db);
    const screenshots: ScreenshotRef[] = hashed.map((s) => ({
      id: `${draft.id}-${s.role}`,
      role: s.role,
      mime: 'image/png',
      width: s.width,
      height: s.height,
      size: s.blob.size,
      sha256: s.sha256,
      clipped: s.clipped,
      slices: s.slices,
    }));
    const unsealed = {
      ...draft,
      seq: head.seq + 1,
      version: (latest?.version ?? 0) + 1,
      versionOf: first?.id ?? null,
      changed: latest
        ? COMPARED.filter((f) => JSON.stringify(latest.post[f]) !== JSON.stringify(draft.post[f]))
        : [],
      screenshots,
      prevHash: head.hash,
      exportedAt: null,
    };
    const evidence: Evidence = { ...unsealed, hash: await chainHash(sealedBody(unsealed)) };
    await db.transaction('rw', [db.evidence, db.screenshots, db.jobs, db.tombstones], async () => {
      const now = await chainHead(db);
      if (now.seq !== head.seq) throw new Error('chain head moved during append');
      await db.screenshots.bulkAdd(
        hashed.map((s, i) => ({ id: screenshots[i]!.id, evidenceId: draft.id, blob: s.blob })),
      );
      await db.evidence.add(evidence);
      await db.jobs.delete(draft.clickId);
    });
    return { evidence, status: first ? 'version' : 'saved' };
  });
}

/**
 * Findings carried over from a database written before the chain existed have no hashes yet: hash
 * their screenshots and seal them into the chain in sequence order. Runs at start-up.
 */
export async function sealPending(db: EvidenceDb): Promise<number> {
  return serialize(db, async () => {
    const pending = await db.evidence.filter((e) => !e.hash).sortBy('seq');
    for (const record of pending) {
      const before = await db.evidence.where('seq').below(record.seq).last();
      for (const shot of record.screenshots) {
        const stored = await db.screenshots.get(shot.id);
        if (stored) shot.sha256 = await sha256Hex(stored.blob);
      }
      record.prevHash = before?.hash || null;
      record.hash = await chainHash(sealedBody(record));
      await db.evidence.put(record);
    }
    return pending.length;
  });
}
