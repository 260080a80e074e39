import type { AuditEntry } from '../evidence/audit';
import { sha256Hex } from '../evidence/canonical';
import type { Evidence } from '../evidence/schema';
import { type BundleCheck, CheckList, reason } from './checks';
import { evidenceIdOf, SUMS } from './format';
import type { BundleManifest } from './manifest';
import { normalizeFingerprint } from './trusted-keys';
import { checkAudit, checkScreenshots, checkViews } from './verify-content';
import { checkKey, checkListed, checkRequired, checkSignature, readSums, readZip } from './verify-files';
import { checkPrevious } from './verify-previous';
import { checkChain, checkRecordFiles, readManifest } from './verify-records';

export interface VerifyOptions {
  /** Fingerprints (sha256 hex of SPKI DER; case, spaces and colons ignored) of the registered device keys. */
  trustedFingerprints?: readonly string[];
  /** The previous bundle's zip, to check that this one continues it. */
  previous?: Uint8Array;
}

export interface VerifyReport {
  /** True only when every check holds. */
  ok: boolean;
  checks: BundleCheck[];
  manifest?: BundleManifest;
  /** Fingerprint of officer.pub.pem, to compare with the officer's registered one. */
  keyFingerprint?: string;
  /** sha256 hex of this bundle's SHA256SUMS: the next bundle's `previousBundle.sumsSha256`. */
  sumsSha256?: string;
  /** The findings that fit the schema, by seq, for display (also when the bundle fails). */
  findings: Evidence[];
  audit: AuditEntry[];
}

/**
 * Every check of FORMAT.md on one bundle. Never throws on hostile input: whatever is wrong is a failed
 * check naming the file. Checks go as far as the bundle allows, so one report lists all problems.
 */
export async function verifyBundle(zip: Uint8Array, options: VerifyOptions = {}): Promise<VerifyReport> {
  const checks = new CheckList();
  const report: VerifyReport = { ok: false, checks: checks.checks, findings: [], audit: [] };
  try {
    await run(zip, options, checks, report);
  } catch (error) {
    checks.fail(
      'zip.readable',
      undefined,
      `Pemeriksaan terhenti karena galat tak terduga (${reason(error)}); bundel tidak dapat dinyatakan sah.`,
      `Verification stopped on an unexpected error (${reason(error)}); the bundle cannot be declared valid.`,
    );
  }
  report.ok = checks.ok;
  return report;
}

async function run(zip: Uint8Array, options: VerifyOptions, checks: CheckList, report: VerifyReport) {
  const files = readZip(zip, checks);
  if (!files) return;
  checkRequired(files, checks);
  const sums = readSums(files, checks);
  const sumsBytes = files.get(SUMS);
  if (sumsBytes) report.sumsSha256 = await sha256Hex(sumsBytes);
  const keyFingerprint = await checkSignature(files, checks);
  if (keyFingerprint) report.keyFingerprint = keyFingerprint;
  const manifest = readManifest(files, checks);
  if (manifest) report.manifest = manifest;
  if (keyFingerprint) {
    // "3F2A 9C01 …" as read out over the phone counts the same as bare hex.
    const trusted = options.trustedFingerprints?.map((f) => normalizeFingerprint(f) ?? f);
    checkKey(keyFingerprint, manifest?.device.keyFingerprint ?? null, trusted, checks);
  }
  if (!sums) return;

  await checkListed(files, sums, checks);
  const records = await checkRecordFiles(files, sums, checks);
  report.findings = records;
  const evidenceFiles = [...sums.keys()].filter((p) => evidenceIdOf(p) !== null && files.has(p)).length;
  if (manifest) await checkChain(records, evidenceFiles, manifest, checks);
  await checkScreenshots(files, sums, records, checks);
  const audit = await checkAudit(files, manifest, checks);
  if (audit) report.audit = audit;
  // The views can only be rebuilt from a complete, valid set of findings.
  if (manifest && audit && !checks.failed('record.schema', 'files.missing')) {
    checkViews(files, manifest, records, audit, checks);
  }

  if (options.previous && manifest) {
    const previous = await verifyBundle(options.previous, {
      trustedFingerprints: options.trustedFingerprints,
    });
    checkPrevious(previous, manifest, keyFingerprint ?? undefined, checks);
  }
}
