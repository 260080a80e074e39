import { type AuditEntry, EvidenceEdit, type MediaRecord, type Tombstone } from '../evidence/audit';
import { IsoWithOffset, Officer, Sha256Hex } from '../evidence/schema';
import { z } from '../zod';
import { AUDIT, FORMAT_NAME, FORMAT_VERSION, PUBLIC_KEY } from './format';

// Schemas of what a bundle carries besides the findings. The audit log and tombstones are plain
// interfaces on the device (Dexie rows written by our own code); read back from a bundle they are
// hostile input, so they get schemas here, checked against those interfaces at compile time below.

const seq = () => z.number().check(z.int(), z.positive());

export const TombstoneRecord = z.object({
  seq: seq(),
  evidenceId: z.string().check(z.maxLength(128)),
  hash: Sha256Hex,
  prevHash: z.nullable(Sha256Hex),
  deletedAt: IsoWithOffset,
  reason: z.string().check(z.maxLength(10_000)),
  auditSeq: seq(),
});

const MediaRecordSchema = z.object({
  url: z.string().check(z.maxLength(8_192)),
  type: z.string().check(z.maxLength(64)),
  sha256: z.nullable(Sha256Hex),
  size: z.nullable(z.number().check(z.int(), z.nonnegative())),
  mime: z.nullable(z.string().check(z.maxLength(255))),
  error: z.nullable(z.string().check(z.maxLength(10_000))),
});

export const AuditRecord = z.object({
  seq: seq(),
  at: IsoWithOffset,
  action: z.enum(['edit', 'delete', 'media']),
  evidenceId: z.string().check(z.maxLength(128)),
  evidenceSeq: seq(),
  reason: z.string().check(z.maxLength(10_000)),
  changes: z.nullable(EvidenceEdit),
  media: z.optional(z.array(MediaRecordSchema)),
  prevHash: z.nullable(Sha256Hex),
  hash: Sha256Hex,
});

/** Where the previous bundle of this device ended: the link that makes a missing bundle show. */
export const PreviousBundle = z.strictObject({
  /** SHA-256 (hex) of the previous bundle's SHA256SUMS file. */
  sumsSha256: Sha256Hex,
  lastSeq: seq(),
  lastHash: Sha256Hex,
});
export type PreviousBundle = z.infer<typeof PreviousBundle>;

/** What the device keeps after an export, to pass as `previous` to the next one. */
export interface ExportMark extends PreviousBundle {
  /** Highest audit-log seq included so far: later edits and deletions go into the next bundle. */
  lastAuditSeq: number;
}

export const BundleManifest = z.strictObject({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.literal(FORMAT_VERSION),
  createdAt: IsoWithOffset,
  officer: Officer,
  office: z.strictObject({ name: z.nullable(z.string().check(z.maxLength(200))) }),
  extensionVersion: z.string().check(z.maxLength(64)),
  device: z.strictObject({ keyFingerprint: Sha256Hex, publicKeyFile: z.literal(PUBLIC_KEY) }),
  /** Range of capturedAt over the findings; null in a bundle that carries only deletions. */
  shift: z.strictObject({ from: z.nullable(IsoWithOffset), to: z.nullable(IsoWithOffset) }),
  /** The chain segment this bundle covers: its findings and the tombstones standing in it. */
  records: z.strictObject({
    count: z.number().check(z.int(), z.nonnegative()),
    firstSeq: seq(),
    lastSeq: seq(),
    firstPrevHash: z.nullable(Sha256Hex),
    lastHash: Sha256Hex,
  }),
  previousBundle: z.nullable(PreviousBundle),
  tombstones: z.array(TombstoneRecord),
  audit: z.strictObject({ file: z.literal(AUDIT), count: z.number().check(z.int(), z.nonnegative()) }),
});
export type BundleManifest = z.infer<typeof BundleManifest>;

interface ChainElement {
  seq: number;
  prevHash: string | null;
  hash: string;
}

/**
 * The chain segment a bundle covers: its findings plus the tombstones after the previous bundle's
 * end (a deletion inside the segment stands where its finding was). Tombstones at or before that end
 * are earlier findings deleted since: listed in the manifest, outside the chain check.
 */
export function segmentOf(
  records: readonly ChainElement[],
  tombstones: readonly Tombstone[],
  previous: Pick<PreviousBundle, 'lastSeq'> | null,
): ChainElement[] {
  const after = previous?.lastSeq ?? 0;
  return [...records, ...tombstones.filter((t) => t.seq > after)].sort((a, b) => a.seq - b.seq);
}

/** `records` of the manifest, from the segment; null when the segment is empty. */
export function recordsRange(
  segment: readonly ChainElement[],
  count: number,
): BundleManifest['records'] | null {
  const first = segment[0];
  const last = segment.at(-1);
  if (!first || !last) return null;
  return {
    count,
    firstSeq: first.seq,
    lastSeq: last.seq,
    firstPrevHash: first.prevHash,
    lastHash: last.hash,
  };
}

// Compile-time proof that the schemas read back exactly what the device writes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const schemasMatchDevice: [
  Same<z.infer<typeof TombstoneRecord>, Tombstone>,
  Same<z.infer<typeof AuditRecord>, AuditEntry>,
  Same<z.infer<typeof MediaRecordSchema>, MediaRecord>,
] = [true, true, true];
