import type { EvidenceDb } from '../evidence/db';
import type { Officer } from '../evidence/schema';
import type { BundleSource } from './build';
import type { ExportMark } from './manifest';
import type { BundleSigner } from './signer';

export interface DbExportOptions {
  officer: Officer;
  office: { name: string | null };
  extensionVersion: string;
  signer: BundleSigner;
  /** `next` of the device's last export, or null when it never exported. */
  previous: ExportMark | null;
  createdAt?: Date;
  onProgress?(done: number, total: number): void;
}

/**
 * What the next bundle holds, read from the device's database: the findings after the last export,
 * the deletions and audit entries since, and screenshots fetched one at a time while the zip is
 * written. The extension's export and `npm run bundle:sample` both build through this.
 */
export async function bundleSourceFromDb(db: EvidenceDb, options: DbExportOptions): Promise<BundleSource> {
  const afterSeq = options.previous?.lastSeq ?? 0;
  const afterAudit = options.previous?.lastAuditSeq ?? 0;
  const [records, tombstones, audit] = await Promise.all([
    db.evidence.where('seq').above(afterSeq).sortBy('seq'),
    // In this bundle's range, or an earlier finding deleted since the last export.
    db.tombstones.filter((t) => t.seq > afterSeq || t.auditSeq > afterAudit).sortBy('seq'),
    db.audit.filter((a) => a.evidenceSeq > afterSeq || a.seq > afterAudit).sortBy('seq'),
  ]);
  return {
    officer: options.officer,
    office: options.office,
    extensionVersion: options.extensionVersion,
    createdAt: options.createdAt ?? new Date(),
    records,
    screenshot: async (id) => (await db.screenshots.get(id))?.blob ?? null,
    tombstones,
    audit,
    previous: options.previous,
    signer: options.signer,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
}
