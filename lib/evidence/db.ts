import { Dexie, type EntityTable } from 'dexie';
import type { Evidence, StoredScreenshot } from './schema';

export class EvidenceDb extends Dexie {
  evidence!: EntityTable<Evidence, 'id'>;
  screenshots!: EntityTable<StoredScreenshot, 'id'>;

  constructor(name = 'netra') {
    super(name);
    this.version(1).stores({
      evidence: 'id, &seq, &clickId, dedupeKey, capturedAt',
      screenshots: 'id, evidenceId',
    });
  }
}

/** Findings of the current shift: everything not yet exported, newest first. */
export async function shiftEvidence(db: EvidenceDb, limit = Number.POSITIVE_INFINITY): Promise<Evidence[]> {
  return db.evidence
    .orderBy('seq')
    .reverse()
    .filter((e) => e.exportedAt === null)
    .limit(limit)
    .toArray();
}

export async function shiftCount(db: EvidenceDb): Promise<number> {
  return db.evidence.filter((e) => e.exportedAt === null).count();
}

export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { inner?: unknown }).inner) {
    if ((e as { name?: string }).name === 'QuotaExceededError') return true;
  }
  return false;
}
