import { chainHash } from './chain';
import type { EvidenceDb } from './db';
import { EvidenceEdit } from './edit';
import type { Evidence } from './schema';
import { serialize } from './store';
import { isoWithOffset } from './time';

export { EvidenceEdit } from './edit';

/** An original image or video of a post, downloaded after capture when the officer asked for it. */
export interface MediaRecord {
  url: string;
  type: string;
  /** null when it could not be downloaded (a streamed video, a refused request): `error` says why. */
  sha256: string | null;
  size: number | null;
  mime: string | null;
  error: string | null;
}

/** One entry of the audit log, chained like the findings themselves. */
export interface AuditEntry {
  seq: number;
  at: string;
  /** edit / delete: the officer's; media: originals attached to a finding after its capture. */
  action: 'edit' | 'delete' | 'media';
  evidenceId: string;
  evidenceSeq: number;
  reason: string;
  changes: EvidenceEdit | null;
  media?: MediaRecord[];
  prevHash: string | null;
  hash: string;
}

/** What stays of a deleted finding: its place and hash in the chain, when, and why. */
export interface Tombstone {
  seq: number;
  evidenceId: string;
  hash: string;
  prevHash: string | null;
  deletedAt: string;
  reason: string;
  auditSeq: number;
}

export class AuditError extends Error {}

async function appendAudit(db: EvidenceDb, entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>) {
  const last = await db.audit.orderBy('seq').last();
  const body = { ...entry, seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? null };
  return { ...body, hash: await chainHash(body) } satisfies AuditEntry;
}

/** Records a change of category, note or ASN identity; the sealed finding itself is not touched. */
export function editEvidence(
  db: EvidenceDb,
  evidenceId: string,
  edit: EvidenceEdit,
  reason: string,
  now = new Date(),
) {
  const changes = EvidenceEdit.parse(edit);
  return serialize(db, async () => {
    const evidence = await db.evidence.get(evidenceId);
    if (!evidence) throw new AuditError(`Temuan ${evidenceId} tidak ada.`);
    const entry = await appendAudit(db, {
      at: isoWithOffset(now),
      action: 'edit',
      evidenceId,
      evidenceSeq: evidence.seq,
      reason: reason.trim(),
      changes,
    });
    await db.audit.add(entry);
    return entry;
  });
}

/** Records the originals saved for a finding (their hashes), chained like an edit. */
export function attachMedia(db: EvidenceDb, evidence: Evidence, media: MediaRecord[], now = new Date()) {
  return serialize(db, async () => {
    const entry = await appendAudit(db, {
      at: isoWithOffset(now),
      action: 'media',
      evidenceId: evidence.id,
      evidenceSeq: evidence.seq,
      reason: 'media asli disimpan atas permintaan petugas',
      changes: null,
      media,
    });
    await db.audit.add(entry);
    return entry;
  });
}

/** Deletes a finding and its screenshots, leaving a tombstone in the chain; a reason is required. */
export function deleteEvidence(db: EvidenceDb, evidenceId: string, reason: string, now = new Date()) {
  if (reason.trim().length < 3) return Promise.reject(new AuditError('Alasan penghapusan wajib diisi.'));
  return serialize(db, async () => {
    const evidence = await db.evidence.get(evidenceId);
    if (!evidence) throw new AuditError(`Temuan ${evidenceId} tidak ada.`);
    const at = isoWithOffset(now);
    const entry = await appendAudit(db, {
      at,
      action: 'delete',
      evidenceId,
      evidenceSeq: evidence.seq,
      reason: reason.trim(),
      changes: null,
    });
    const tombstone: Tombstone = {
      seq: evidence.seq,
      evidenceId,
      hash: evidence.hash,
      prevHash: evidence.prevHash,
      deletedAt: at,
      reason: reason.trim(),
      auditSeq: entry.seq,
    };
    await db.transaction('rw', [db.evidence, db.screenshots, db.media, db.audit, db.tombstones], async () => {
      await db.audit.add(entry);
      await db.tombstones.add(tombstone);
      await db.screenshots.where('evidenceId').equals(evidenceId).delete();
      await db.media.where('evidenceId').equals(evidenceId).delete();
      await db.evidence.delete(evidenceId);
    });
    return tombstone;
  });
}

/** A finding as it reads now: the sealed capture with the officer's later edits applied, oldest first. */
export function withEdits(
  evidence: Evidence,
  entries: AuditEntry[],
): Evidence & { asn: EvidenceEdit['asn'] } {
  let view: Evidence & { asn: EvidenceEdit['asn'] } = { ...evidence, asn: null };
  for (const entry of entries) {
    if (entry.evidenceId !== evidence.id || entry.action !== 'edit' || !entry.changes) continue;
    view = { ...view, ...entry.changes };
  }
  return view;
}

/** Every finding as it reads now: the audit entries (in any order) grouped once, not scanned per finding. */
export function currentViews(
  evidence: readonly Evidence[],
  audit: readonly AuditEntry[],
): ReturnType<typeof withEdits>[] {
  const byFinding = new Map<string, AuditEntry[]>();
  for (const entry of [...audit].sort((a, b) => a.seq - b.seq)) {
    const list = byFinding.get(entry.evidenceId);
    if (list) list.push(entry);
    else byFinding.set(entry.evidenceId, [entry]);
  }
  return evidence.map((e) => withEdits(e, byFinding.get(e.id) ?? []));
}
