import type { AuditEntry } from '../evidence/audit';
import { chainHash } from '../evidence/chain';
import type { Evidence } from '../evidence/schema';
import { z } from '../zod';
import type { CheckList } from './checks';
import { evidenceCsv } from './csv';
import { AUDIT, CSV, isSafeId, MANIFEST, REPORT, screenshotIdOf, screenshotPath } from './format';
import { AuditRecord, type BundleManifest } from './manifest';
import { reportHtml } from './report-html';
import type { SumsEntries } from './sums';
import type { BundleFiles } from './verify-files';
import { readCanonicalJson, schemaIssues } from './verify-json';

// What hangs off the findings: their screenshots, the audit log of edits and deletions, and the two
// views (evidence.csv, index.html), which must show exactly the findings and nothing else.

export async function checkScreenshots(
  files: BundleFiles,
  sums: SumsEntries,
  records: readonly Evidence[],
  checks: CheckList,
): Promise<void> {
  const claimed = new Set<string>();
  for (const record of records) {
    for (const shot of record.screenshots) {
      if (!isSafeId(shot.id) || claimed.has(shot.id)) {
        checks.fail(
          'screenshots',
          undefined,
          `Temuan #${record.seq} merujuk tangkapan layar dengan ID tidak sah atau ganda.`,
          `Finding #${record.seq} refers to a screenshot with an invalid or duplicate id.`,
        );
        continue;
      }
      claimed.add(shot.id);
      const path = screenshotPath(shot.id);
      const bytes = sums.has(path) ? files.get(path) : undefined;
      if (!bytes) {
        checks.fail(
          'screenshots',
          path,
          `${path}: tangkapan layar temuan #${record.seq} tidak ada di dalam bundel.`,
          `${path}: the screenshot of finding #${record.seq} is not in the bundle.`,
        );
        // checkListed has already hashed every listed file against SHA256SUMS (and fails the bundle if
        // one differs): comparing the sealed hash with the listed one is enough, without hashing again.
      } else if (bytes.length !== shot.size || sums.get(path) !== shot.sha256) {
        checks.fail(
          'screenshots',
          path,
          `${path}: bukan tangkapan layar yang tersegel di temuan #${record.seq} (hash atau ukurannya berbeda).`,
          `${path}: not the screenshot sealed in finding #${record.seq} (its hash or size differs).`,
        );
      }
    }
  }
  for (const path of sums.keys()) {
    const id = screenshotIdOf(path);
    if (id !== null && !claimed.has(id)) {
      checks.fail(
        'screenshots',
        path,
        `${path} bukan tangkapan layar temuan mana pun di bundel ini.`,
        `${path} is not a screenshot of any finding in this bundle.`,
      );
    }
  }
  checks.settle(
    'screenshots',
    'Setiap tangkapan layar ada dan cocok dengan hash yang tersegel di temuannya.',
    'Every screenshot is present and matches the hash sealed in its finding.',
  );
}

/** audit.json: schema, each entry's own hash, links between consecutive entries, and the deletions. */
export async function checkAudit(
  files: BundleFiles,
  manifest: BundleManifest | null,
  checks: CheckList,
): Promise<AuditEntry[] | null> {
  const bytes = files.get(AUDIT);
  if (!bytes) return null;
  const json = readCanonicalJson(bytes);
  const parsed = json.ok ? z.array(AuditRecord).safeParse(json.value) : null;
  if (!json.ok || !parsed?.success) {
    const problem = json.ok ? `tidak sesuai skema: ${schemaIssues(parsed!.error!.issues)}` : json.problem;
    const problemEn = json.ok
      ? `does not fit the schema: ${schemaIssues(parsed!.error!.issues)}`
      : json.problemEn;
    checks.fail('audit', AUDIT, `${AUDIT}: ${problem}.`, `${AUDIT}: ${problemEn}.`);
    return null;
  }
  const entries = parsed.data;
  const raw = json.value as AuditEntry[];
  for (const [i, entry] of entries.entries()) {
    const at = `${AUDIT}: catatan #${entry.seq}`;
    const atEn = `${AUDIT}: entry #${entry.seq}`;
    if ((await chainHash(raw[i] as unknown as Record<string, unknown>)) !== entry.hash) {
      checks.fail(
        'audit',
        AUDIT,
        `${at} diubah: isinya tidak cocok dengan hash-nya.`,
        `${atEn} was altered: its content does not match its hash.`,
      );
    }
    const before = entries[i - 1];
    if (before && entry.seq <= before.seq) {
      checks.fail('audit', AUDIT, `${at} tidak berurutan.`, `${atEn} is out of order.`);
    } else if (before && entry.seq === before.seq + 1 && entry.prevHash !== before.hash) {
      checks.fail(
        'audit',
        AUDIT,
        `${at} tidak tersambung ke catatan sebelumnya.`,
        `${atEn} does not link to the entry before it.`,
      );
    }
  }
  if (manifest) {
    if (manifest.audit.count !== entries.length) {
      checks.fail(
        'audit',
        MANIFEST,
        `${MANIFEST} mencatat ${manifest.audit.count} catatan audit, tetapi ${AUDIT} berisi ${entries.length}.`,
        `${MANIFEST} counts ${manifest.audit.count} audit entries, but ${AUDIT} holds ${entries.length}.`,
      );
    }
    for (const t of manifest.tombstones) {
      const entry = entries.find((e) => e.seq === t.auditSeq);
      const matches =
        entry?.action === 'delete' &&
        entry.evidenceId === t.evidenceId &&
        entry.evidenceSeq === t.seq &&
        entry.reason === t.reason;
      if (!matches) {
        checks.fail(
          'audit',
          AUDIT,
          `${AUDIT}: penghapusan temuan #${t.seq} tidak tercatat (catatan audit #${t.auditSeq}).`,
          `${AUDIT}: the deletion of finding #${t.seq} is not recorded (audit entry #${t.auditSeq}).`,
        );
      }
    }
  }
  checks.settle(
    'audit',
    `${AUDIT} utuh (${entries.length} catatan), dan setiap penghapusan tercatat di dalamnya.`,
    `${AUDIT} is intact (${entries.length} entries), and records every deletion.`,
  );
  return entries;
}

/** evidence.csv and index.html must be exactly what the findings, manifest and audit log produce. */
export function checkViews(
  files: BundleFiles,
  manifest: BundleManifest,
  records: readonly Evidence[],
  audit: readonly AuditEntry[],
  checks: CheckList,
): void {
  const expected: Array<[string, string]> = [
    [CSV, evidenceCsv(records, audit)],
    [REPORT, reportHtml(manifest, records, audit)],
  ];
  for (const [path, text] of expected) {
    const bytes = files.get(path);
    if (bytes && !sameBytes(bytes, new TextEncoder().encode(text))) {
      checks.fail(
        'views',
        path,
        `${path} tidak sesuai dengan temuan di dalam bundel: isinya diubah atau ditambah.`,
        `${path} does not match the findings in the bundle: its content was changed or added to.`,
      );
    }
  }
  checks.settle(
    'views',
    `${CSV} dan ${REPORT} menampilkan tepat temuan di dalam bundel.`,
    `${CSV} and ${REPORT} show exactly the findings in the bundle.`,
  );
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
