import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { SenderTab } from '../capture/sender';
import type { StoredDeviceKey } from '../crypto/device-key';
import type { PostSnapshot } from '../platforms/snapshot';
import type { AuditEntry, Tombstone } from './audit';
import { defaultCategory } from './categories';
import type { Evidence, StoredScreenshot } from './schema';

/** The bytes of an original image or video saved with a finding (see MediaRecord in the audit log). */
export interface StoredMedia {
  id: string;
  evidenceId: string;
  url: string;
  blob: Blob;
}

/** A click being captured: written before the screenshot, removed with the stored finding. */
export interface CaptureJob {
  clickId: string;
  createdAt: string;
  snapshot: PostSnapshot;
  tab: SenderTab;
}

export class EvidenceDb extends Dexie {
  evidence!: EntityTable<Evidence, 'id'>;
  screenshots!: EntityTable<StoredScreenshot, 'id'>;
  jobs!: EntityTable<CaptureJob, 'clickId'>;
  audit!: EntityTable<AuditEntry, 'seq'>;
  tombstones!: EntityTable<Tombstone, 'seq'>;
  keys!: EntityTable<StoredDeviceKey, 'id'>;
  media!: EntityTable<StoredMedia, 'id'>;

  constructor(name = 'netra') {
    super(name);
    // v1 (first release): findings and screenshots only.
    this.version(1).stores({
      evidence: 'id, &seq, &clickId, dedupeKey, capturedAt',
      screenshots: 'id, evidenceId',
    });
    // v2: custody. Old findings keep every field and gain the new ones; their hashes cannot be
    // computed inside an upgrade (WebCrypto is not an IndexedDB operation), so they are left empty
    // and sealed by sealPending() right after the database opens.
    this.version(2)
      .stores({
        evidence: 'id, &seq, &clickId, dedupeKey, capturedAt, versionOf',
        screenshots: 'id, evidenceId',
        jobs: 'clickId, createdAt',
        audit: 'seq, evidenceId, at',
        tombstones: 'seq, evidenceId',
        keys: 'id',
        media: 'id, evidenceId',
      })
      .upgrade(upgradeToV2);
  }
}

type V1Evidence = Omit<Evidence, 'officer' | 'category' | 'note' | 'missing' | 'version' | 'versionOf'> & {
  devicePixelRatio?: number;
  extensionVersion?: string;
};

async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('evidence')
    .toCollection()
    .modify((record: V1Evidence & Partial<Evidence>) => {
      record.post.parent ??= null;
      record.officer ??= { name: null, nip: null, unit: null };
      record.category ??= defaultCategory(record.post.kind, record.post.repostedBy !== null);
      record.note ??= '';
      record.missing ??= [];
      record.version ??= 1;
      record.versionOf ??= null;
      record.changed ??= [];
      record.provenance ??= {
        extensionVersion: record.extensionVersion ?? 'unknown',
        adapterVersion: 'unknown',
        browser: 'unknown',
        os: 'unknown',
        devicePixelRatio: record.devicePixelRatio ?? 1,
      };
      delete record.devicePixelRatio;
      delete record.extensionVersion;
      for (const shot of record.screenshots) {
        shot.sha256 ??= '';
        shot.slices ??= 1;
      }
      record.prevHash ??= null;
      record.hash ??= '';
    });
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
