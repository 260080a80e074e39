import { fingerprint, spkiPem } from '../crypto/device-key';
import type { AuditEntry, Tombstone } from '../evidence/audit';
import { canonicalJson, sha256Hex } from '../evidence/canonical';
import type { Evidence, Officer } from '../evidence/schema';
import { isoWithOffset } from '../evidence/time';
import { evidenceCsv } from './csv';
import {
  AUDIT,
  bundleFileName,
  CSV,
  evidencePath,
  FORMAT_NAME,
  FORMAT_VERSION,
  isSafeId,
  MANIFEST,
  PUBLIC_KEY,
  REPORT,
  SIGNATURE,
  SUMS,
  screenshotPath,
} from './format';
import {
  type BundleManifest,
  type ExportMark,
  type PreviousBundle,
  recordsRange,
  segmentOf,
} from './manifest';
import { reportHtml } from './report-html';
import type { BundleSigner } from './signer';
import { formatSums } from './sums';
import { ZipWriter } from './zip-writer';

export interface BundleSource {
  officer: Officer;
  office: { name: string | null };
  extensionVersion: string;
  createdAt: Date;
  /** Metadata only, sorted by seq: the findings after the previous bundle. */
  records: readonly Evidence[];
  /**
   * The PNG of one screenshot, asked for one at a time while the zip is written: this is what keeps
   * memory flat. null when the device no longer has it: the bundle is still built, and the verifier
   * reports the file as missing.
   */
  screenshot(id: string): Promise<Uint8Array | Blob | null>;
  /** Deletions inside this bundle's range, and of earlier findings deleted since the previous bundle. */
  tombstones: readonly Tombstone[];
  /** Audit entries about this bundle's findings, or made since the previous bundle. */
  audit: readonly AuditEntry[];
  /** Where the previous bundle ended (what the last export returned as `next`); null for the first. */
  previous: PreviousBundle | ExportMark | null;
  signer: BundleSigner;
  /** Findings written so far, of `total`. */
  onProgress?(done: number, total: number): void;
}

export interface BuiltBundle {
  fileName: string;
  /** sha256 hex of this bundle's SHA256SUMS: the next bundle names it as its previous. */
  sumsSha256: string;
  manifest: BundleManifest;
  count: number;
  /** Size of the zip. */
  bytes: number;
  /** Keep this on the device and pass it as `previous` to the next export. */
  next: ExportMark;
}

/** A bundle that cannot be built as asked; the message is Indonesian, for the officer. */
export class BundleError extends Error {}

/**
 * Writes the bundle as a ZIP to `write`, chunk by chunk as it is produced, awaiting each write. Files:
 * manifest.json, audit.json, per finding its JSON and PNGs, evidence.csv, index.html, SHA256SUMS,
 * SHA256SUMS.sig, officer.pub.pem (see FORMAT.md).
 */
export async function buildBundle(
  source: BundleSource,
  write: (chunk: Uint8Array) => void | Promise<void>,
): Promise<BuiltBundle> {
  checkRecords(source);
  const manifest = await bundleManifest(source);
  const audit = [...source.audit].sort((a, b) => a.seq - b.seq);
  const records = source.records;

  const zip = new ZipWriter(write, source.createdAt);
  await zip.addText(MANIFEST, canonicalJson(manifest));
  await zip.addText(AUDIT, canonicalJson(audit));
  source.onProgress?.(0, records.length);
  for (const [i, record] of records.entries()) {
    // exportedAt is outside the hash and changes when the device marks the export: the file never does.
    await zip.addText(evidencePath(record.id), canonicalJson({ ...record, exportedAt: null }));
    for (const shot of record.screenshots) {
      const data = await source.screenshot(shot.id);
      if (data !== null) await zip.add(screenshotPath(shot.id), await toBytes(data), 'store');
    }
    source.onProgress?.(i + 1, records.length);
  }
  await zip.addText(CSV, evidenceCsv(records, audit));
  await zip.addText(REPORT, reportHtml(manifest, records, audit));

  const sums = new TextEncoder().encode(formatSums(zip.sums));
  const signature = await source.signer.sign(sums);
  await zip.add(SUMS, sums, 'deflate', false);
  await zip.add(SIGNATURE, signature, 'store', false);
  await zip.addText(PUBLIC_KEY, spkiPem(source.signer.spki), false);
  await zip.end();

  const sumsSha256 = await sha256Hex(sums);
  const previousAudit =
    source.previous && 'lastAuditSeq' in source.previous ? source.previous.lastAuditSeq : 0;
  return {
    fileName: bundleFileName(
      manifest.officer.nip,
      manifest.shift.from ?? manifest.createdAt,
      manifest.shift.to ?? manifest.createdAt,
    ),
    sumsSha256,
    manifest,
    count: records.length,
    bytes: zip.bytes,
    next: {
      sumsSha256,
      lastSeq: manifest.records.lastSeq,
      lastHash: manifest.records.lastHash,
      lastAuditSeq: Math.max(previousAudit, ...audit.map((a) => a.seq)),
    },
  };
}

// Only what would make the zip itself wrong is refused here (unsafe file names, a mis-wired source);
// whether the findings are intact is the verifier's judgement, and it reports on the bundle as built.
function checkRecords(source: BundleSource): void {
  let lastSeq = source.previous?.lastSeq ?? 0;
  for (const record of source.records) {
    if (!isSafeId(record.id))
      throw new BundleError(`ID temuan #${record.seq} tidak aman sebagai nama berkas.`);
    for (const shot of record.screenshots) {
      if (!isSafeId(shot.id)) throw new BundleError(`ID tangkapan layar temuan #${record.seq} tidak aman.`);
    }
    if (!(record.seq > lastSeq)) {
      throw new BundleError(`Temuan #${record.seq} tidak berurutan atau sudah ada di bundel sebelumnya.`);
    }
    lastSeq = record.seq;
  }
}

async function bundleManifest(source: BundleSource): Promise<BundleManifest> {
  const { signer, previous } = source;
  if ((await fingerprint(signer.spki)) !== signer.fingerprint) {
    throw new BundleError('Sidik jari kunci penanda tangan tidak cocok dengan kuncinya.');
  }
  const tombstones = [...source.tombstones].sort((a, b) => a.seq - b.seq);
  const range = recordsRange(segmentOf(source.records, tombstones, previous), source.records.length);
  if (!range) throw new BundleError('Tidak ada temuan atau penghapusan baru untuk diekspor.');
  const times = source.records.map((r) => r.capturedAt);
  const byTime = (pick: (a: number, b: number) => boolean) =>
    times.reduce<string | null>(
      (best, t) => (best === null || pick(Date.parse(t), Date.parse(best)) ? t : best),
      null,
    );
  return {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    createdAt: isoWithOffset(source.createdAt),
    officer: { name: source.officer.name, nip: source.officer.nip, unit: source.officer.unit },
    office: { name: source.office.name },
    extensionVersion: source.extensionVersion,
    device: { keyFingerprint: signer.fingerprint, publicKeyFile: PUBLIC_KEY },
    shift: { from: byTime((a, b) => a < b), to: byTime((a, b) => a > b) },
    records: range,
    previousBundle: previous
      ? { sumsSha256: previous.sumsSha256, lastSeq: previous.lastSeq, lastHash: previous.lastHash }
      : null,
    tombstones: tombstones.map((t) => ({
      seq: t.seq,
      evidenceId: t.evidenceId,
      hash: t.hash,
      prevHash: t.prevHash,
      deletedAt: t.deletedAt,
      reason: t.reason,
      auditSeq: t.auditSeq,
    })),
    audit: { file: AUDIT, count: source.audit.length },
  };
}

// Duck-typed: a Blob from another realm (Node's, happy-dom's) is not `instanceof Blob` here.
async function toBytes(data: Uint8Array | Blob): Promise<Uint8Array> {
  return ArrayBuffer.isView(data) ? data : new Uint8Array(await data.arrayBuffer());
}
