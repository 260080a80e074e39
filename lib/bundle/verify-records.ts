import { chainHash } from '../evidence/chain';
import { Evidence, sealedBody } from '../evidence/schema';
import { verifyEvidenceChain } from '../evidence/verify-chain';
import type { CheckList } from './checks';
import { evidenceIdOf, evidencePath, MANIFEST } from './format';
import { BundleManifest, recordsRange, segmentOf } from './manifest';
import type { SumsEntries } from './sums';
import type { BundleFiles } from './verify-files';
import { readCanonicalJson, schemaIssues } from './verify-json';

// The content checks: the manifest, each finding against the Evidence schema and its own hash, the
// chain through the findings and the tombstones, and the manifest's summary of them.

export function readManifest(files: BundleFiles, checks: CheckList): BundleManifest | null {
  const bytes = files.get(MANIFEST);
  if (!bytes) return null;
  const json = readCanonicalJson(bytes);
  if (!json.ok) {
    checks.fail(
      'manifest.schema',
      MANIFEST,
      `${MANIFEST}: ${json.problem}.`,
      `${MANIFEST}: ${json.problemEn}.`,
    );
    return null;
  }
  const parsed = BundleManifest.safeParse(json.value);
  if (!parsed.success) {
    const issues = schemaIssues(parsed.error.issues);
    checks.fail(
      'manifest.schema',
      MANIFEST,
      `${MANIFEST} tidak sesuai format bundel v1: ${issues}.`,
      `${MANIFEST} does not fit bundle format v1: ${issues}.`,
    );
    return null;
  }
  checks.settle(
    'manifest.schema',
    `${MANIFEST} sesuai format bundel v1.`,
    `${MANIFEST} fits bundle format v1.`,
  );
  return parsed.data;
}

/** Each listed `evidence/<id>.json`: schema, file name, export mark, own hash. Returns the valid ones by seq. */
export async function checkRecordFiles(
  files: BundleFiles,
  sums: SumsEntries,
  checks: CheckList,
): Promise<Evidence[]> {
  const records: Evidence[] = [];
  for (const path of sums.keys()) {
    const id = evidenceIdOf(path);
    const bytes = files.get(path);
    if (id === null || !bytes) continue;
    const json = readCanonicalJson(bytes);
    if (!json.ok) {
      checks.fail('record.schema', path, `${path}: ${json.problem}.`, `${path}: ${json.problemEn}.`);
      continue;
    }
    const parsed = Evidence.safeParse(json.value);
    if (!parsed.success) {
      const issues = schemaIssues(parsed.error.issues);
      checks.fail(
        'record.schema',
        path,
        `${path} tidak sesuai skema temuan: ${issues}.`,
        `${path} does not fit the Evidence schema: ${issues}.`,
      );
      continue;
    }
    const record = parsed.data;
    if (record.id !== id) {
      checks.fail(
        'record.schema',
        path,
        `${path} berisi temuan lain (ID ${record.id}).`,
        `${path} holds another finding (id ${record.id}).`,
      );
      continue;
    }
    if (record.exportedAt !== null) {
      checks.fail(
        'record.schema',
        path,
        `${path}: exportedAt harus null di dalam bundel.`,
        `${path}: exportedAt must be null in a bundle.`,
      );
    }
    // Hash the file as read, not the schema's output: a field the schema does not know is covered too.
    const actual = await chainHash(sealedBody(json.value as Evidence));
    if (actual !== record.hash) {
      checks.fail(
        'record.hash',
        path,
        `${path}: temuan #${record.seq} diubah; isinya ber-hash ${actual}, bukan ${record.hash} yang tersegel.`,
        `${path}: finding #${record.seq} was altered; its content hashes to ${actual}, not its sealed ${record.hash}.`,
      );
    }
    records.push(record);
  }
  checks.settle(
    'record.schema',
    `${records.length} temuan sesuai skema.`,
    `${records.length} findings fit the schema.`,
  );
  checks.settle(
    'record.hash',
    'Hash setiap temuan cocok dengan isinya.',
    "Every finding's hash matches its content.",
  );
  return records.sort((a, b) => a.seq - b.seq);
}

/** The chain through findings and tombstones, where it starts, and the manifest's account of it. */
export async function checkChain(
  records: readonly Evidence[],
  evidenceFiles: number,
  manifest: BundleManifest,
  checks: CheckList,
): Promise<void> {
  const previous = manifest.previousBundle;
  const inSegment = manifest.tombstones.filter((t) => t.seq > (previous?.lastSeq ?? 0));
  const pathOf = new Map(records.map((r) => [r.seq, evidencePath(r.id)]));
  const problems = await verifyEvidenceChain(records, inSegment, manifest.records.firstPrevHash);
  // Content hashes were checked per file (record.hash); here only links and gaps.
  for (const problem of problems.filter((p) => p.check !== 'hash')) {
    const file = pathOf.get(problem.seq) ?? MANIFEST;
    checks.fail(
      'chain',
      file,
      `${file}: ${chainSentence(problem.seq, problem.check, problem.message)}`,
      `${file}: ${problem.message}`,
    );
  }
  for (const t of manifest.tombstones) {
    if (records.some((r) => r.id === t.evidenceId)) {
      const path = evidencePath(t.evidenceId);
      checks.fail(
        'chain',
        path,
        `${path}: temuan ini tercatat dihapus di ${MANIFEST}, tetapi masih ada.`,
        `${path}: ${MANIFEST} records this finding as deleted, yet it is here.`,
      );
    }
  }
  checks.settle(
    'chain',
    'Rantai hash utuh: setiap temuan tersambung ke pendahulunya, dan setiap celah nomor urut dijelaskan oleh penghapusan yang tercatat.',
    'The hash chain is intact: every finding links to its predecessor, and every sequence gap is explained by a recorded deletion.',
  );

  const { firstSeq, firstPrevHash } = manifest.records;
  if (previous === null && (firstSeq !== 1 || firstPrevHash !== null)) {
    checks.fail(
      'chain.start',
      MANIFEST,
      `${MANIFEST}: rantai dimulai di #${firstSeq}, tetapi bundel ini tidak menyebut bundel sebelumnya; ada bundel sebelumnya yang hilang.`,
      `${MANIFEST}: the chain starts at #${firstSeq}, but this bundle names no previous bundle; a previous bundle is missing.`,
    );
  } else if (
    previous !== null &&
    (firstSeq !== previous.lastSeq + 1 || firstPrevHash !== previous.lastHash)
  ) {
    checks.fail(
      'chain.start',
      MANIFEST,
      `${MANIFEST}: rantai dimulai di #${firstSeq}, tetapi bundel sebelumnya berakhir di #${previous.lastSeq} dengan hash lain; rantai tidak bersambung.`,
      `${MANIFEST}: the chain starts at #${firstSeq}, but the previous bundle ended at #${previous.lastSeq} with another hash; the chain does not continue.`,
    );
  }
  checks.settle(
    'chain.start',
    previous
      ? `Rantai melanjutkan bundel sebelumnya (berakhir di #${previous.lastSeq}).`
      : 'Rantai dimulai dari awal (#1); ini bundel pertama perangkat.',
    previous
      ? `The chain continues the previous bundle (ended at #${previous.lastSeq}).`
      : "The chain starts at #1: this is the device's first bundle.",
  );

  checkSummary(records, evidenceFiles, manifest, checks);
}

const SUMMARY_FIELDS = {
  count: ['records.count (jumlah temuan)', 'records.count'],
  firstSeq: ['records.firstSeq (nomor urut pertama)', 'records.firstSeq'],
  lastSeq: ['records.lastSeq (nomor urut terakhir)', 'records.lastSeq'],
  firstPrevHash: ['records.firstPrevHash (hash sebelum temuan pertama)', 'records.firstPrevHash'],
  lastHash: ['records.lastHash (hash terakhir)', 'records.lastHash'],
  shiftFrom: ['shift.from (awal giliran jaga)', 'shift.from'],
  shiftTo: ['shift.to (akhir giliran jaga)', 'shift.to'],
} as const;

function checkSummary(
  records: readonly Evidence[],
  evidenceFiles: number,
  manifest: BundleManifest,
  checks: CheckList,
) {
  const range = recordsRange(segmentOf(records, manifest.tombstones, manifest.previousBundle), evidenceFiles);
  const times = records.map((r) => r.capturedAt).sort((a, b) => Date.parse(a) - Date.parse(b));
  const claimed = { ...manifest.records, shiftFrom: manifest.shift.from, shiftTo: manifest.shift.to };
  const actual = { ...range, shiftFrom: times[0] ?? null, shiftTo: times.at(-1) ?? null };
  for (const key of Object.keys(SUMMARY_FIELDS) as Array<keyof typeof SUMMARY_FIELDS>) {
    if (claimed[key] === actual[key]) continue;
    const [label, labelEn] = SUMMARY_FIELDS[key];
    checks.fail(
      'manifest.records',
      MANIFEST,
      `${MANIFEST}: ${label} tercatat ${String(claimed[key])}, tetapi temuan di dalam bundel menunjukkan ${String(actual[key] ?? 'tidak ada')}.`,
      `${MANIFEST}: ${labelEn} says ${String(claimed[key])}, but the findings in the bundle give ${String(actual[key] ?? 'none')}.`,
    );
  }
  checks.settle(
    'manifest.records',
    `Jumlah dan rentang di ${MANIFEST} sesuai dengan temuan.`,
    `The counts and ranges in ${MANIFEST} match the findings.`,
  );
}

// verifyChain speaks English; the office reads Indonesian. Its three kinds of problem, by their shape.
function chainSentence(seq: number, check: 'hash' | 'link' | 'sequence', english: string): string {
  if (check === 'link') return `temuan #${seq} tidak tersambung ke pendahulunya (prevHash tidak cocok).`;
  const missing = /^Records? (\d+)(?: to (\d+))? (?:is|are) missing/.exec(english);
  if (missing) {
    const run = missing[2] ? `#${missing[1]} sampai #${missing[2]}` : `#${missing[1]}`;
    return `temuan ${run} hilang, dan tidak ada penghapusan yang tercatat untuknya.`;
  }
  if (english.includes('more than once')) return `nomor urut #${seq} muncul lebih dari sekali.`;
  if (english.includes('out of order')) return `temuan #${seq} tidak berurutan.`;
  return `nomor urut #${seq} tidak sah.`;
}
