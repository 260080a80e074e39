import { unzipSync } from 'fflate';
import { fingerprint, formatFingerprint } from '../crypto/device-key';
import { importSpki, verifyDer } from '../crypto/signature';
import { sha256Hex } from '../evidence/canonical';
import { type CheckList, reason } from './checks';
import {
  evidenceIdOf,
  PUBLIC_KEY,
  REQUIRED_FILES,
  SIGNATURE,
  SIGNATURE_FILES,
  SUMS,
  screenshotIdOf,
} from './format';
import { pemToSpki } from './signer';
import { parseSums, type SumsEntries } from './sums';

// The file-level checks: what is in the zip, what SHA256SUMS lists, whether each hash holds, and
// whether SHA256SUMS is signed by the key the bundle carries. Everything here is what `unzip`,
// `sha256sum -c` and `openssl dgst -verify` check, plus the refusal of files nobody signed.

// A hostile zip may declare any size; fflate allocates what is declared. Real bundles stay far below.
const MAX_FILE_BYTES = 256 * 2 ** 20;
const MAX_TOTAL_BYTES = 2 * 2 ** 30;

export type BundleFiles = Map<string, Uint8Array>;

/** The zip's files by name, or null (with failed checks) when it cannot be read safely. */
export function readZip(zip: Uint8Array, checks: CheckList): BundleFiles | null {
  const names = new Set<string>();
  let total = 0;
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(zip, {
      filter: (file) => {
        total += file.originalSize;
        if (names.has(file.name)) {
          checks.fail(
            'zip.entries',
            file.name,
            `${file.name} muncul dua kali di dalam ZIP.`,
            `${file.name} appears twice in the ZIP.`,
          );
          return false;
        }
        names.add(file.name);
        if (file.originalSize > MAX_FILE_BYTES || total > MAX_TOTAL_BYTES) {
          throw new Error(`${file.name} is implausibly large (${file.originalSize} bytes)`);
        }
        return true;
      },
    });
  } catch (error) {
    checks.fail(
      'zip.readable',
      undefined,
      `Berkas ini bukan ZIP bundel yang dapat dibaca (${reason(error)}).`,
      `This file is not a readable bundle ZIP (${reason(error)}).`,
    );
    return null;
  }
  checks.settle(
    'zip.readable',
    `ZIP dapat dibaca (${names.size} berkas).`,
    `The ZIP is readable (${names.size} files).`,
  );
  return new Map(Object.entries(unzipped));
}

export function checkRequired(files: BundleFiles, checks: CheckList): void {
  for (const name of REQUIRED_FILES) {
    if (!files.has(name)) {
      checks.fail(
        'files.required',
        name,
        `${name} tidak ada di dalam bundel.`,
        `${name} is missing from the bundle.`,
      );
    }
  }
  checks.settle('files.required', 'Semua berkas wajib ada.', 'Every required file is present.');
}

/** The parsed SHA256SUMS, or null (with a failed check) when it is absent or malformed. */
export function readSums(files: BundleFiles, checks: CheckList): SumsEntries | null {
  const bytes = files.get(SUMS);
  if (!bytes) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    checks.fail('sums.format', SUMS, `${SUMS} bukan teks UTF-8.`, `${SUMS} is not UTF-8 text.`);
    return null;
  }
  const parsed = parseSums(text);
  if (!parsed.ok) {
    checks.fail('sums.format', SUMS, `${SUMS}: ${parsed.problem}.`, `${SUMS}: ${parsed.problemEn}.`);
    return null;
  }
  checks.settle('sums.format', `${SUMS} berformat benar.`, `${SUMS} is well-formed.`);
  return parsed.entries;
}

/** Every listed file present with its hash; nothing in the zip that is not listed or not of the format. */
export async function checkListed(files: BundleFiles, sums: SumsEntries, checks: CheckList): Promise<void> {
  const signatureFiles: readonly string[] = SIGNATURE_FILES;
  for (const [path, expected] of sums) {
    if (signatureFiles.includes(path)) {
      checks.fail(
        'sums.format',
        SUMS,
        `${SUMS} mencantumkan ${path}, yang tidak boleh dicantumkan.`,
        `${SUMS} lists ${path}, which it must not.`,
      );
      continue;
    }
    const bytes = files.get(path);
    if (!bytes) {
      checks.fail(
        'files.missing',
        path,
        `${path} tercantum di ${SUMS} tetapi tidak ada di dalam ZIP.`,
        `${path} is listed in ${SUMS} but missing from the ZIP.`,
      );
    } else if ((await sha256Hex(bytes)) !== expected) {
      checks.fail(
        'files.hash',
        path,
        `${path}: isinya tidak cocok dengan hash di ${SUMS}; berkas diubah setelah ditandatangani.`,
        `${path}: its content does not match its hash in ${SUMS}; the file was changed after signing.`,
      );
    }
    const known =
      evidenceIdOf(path) !== null || screenshotIdOf(path) !== null || REQUIRED_FILES.some((f) => f === path);
    if (!known) {
      checks.fail(
        'files.unexpected',
        path,
        `${path} bukan bagian dari format bundel v1.`,
        `${path} is not part of bundle format v1.`,
      );
    }
  }
  for (const path of files.keys()) {
    if (!sums.has(path) && !signatureFiles.includes(path)) {
      checks.fail(
        'files.unlisted',
        path,
        `${path} ada di dalam ZIP tetapi tidak tercantum di ${SUMS}: berkas ini disisipkan.`,
        `${path} is in the ZIP but not listed in ${SUMS}: it was slipped in.`,
      );
    }
  }
  checks.settle(
    'files.missing',
    'Setiap berkas yang tercantum ada di dalam ZIP.',
    'Every listed file is in the ZIP.',
  );
  checks.settle(
    'files.hash',
    `Hash setiap berkas cocok dengan ${SUMS}.`,
    `Every file matches its hash in ${SUMS}.`,
  );
  checks.settle('files.unlisted', `Tidak ada berkas di luar ${SUMS}.`, `No file outside ${SUMS}.`);
  checks.settle(
    'files.unexpected',
    'Semua berkas termasuk format bundel v1.',
    'Every file belongs to bundle format v1.',
  );
}

/** Checks the signature; returns the key's fingerprint when officer.pub.pem holds a usable key. */
export async function checkSignature(files: BundleFiles, checks: CheckList): Promise<string | null> {
  const pem = files.get(PUBLIC_KEY);
  const signature = files.get(SIGNATURE);
  const sums = files.get(SUMS);
  if (!pem || !signature || !sums) return null;
  const spki = pemToSpki(new TextDecoder().decode(pem));
  let key: CryptoKey | null = null;
  try {
    if (spki) key = await importSpki(spki);
  } catch {
    key = null;
  }
  if (!spki || !key) {
    checks.fail(
      'signature',
      PUBLIC_KEY,
      `${PUBLIC_KEY} tidak berisi kunci publik ECDSA P-256 yang sah.`,
      `${PUBLIC_KEY} does not hold a valid ECDSA P-256 public key.`,
    );
    return null;
  }
  if (await verifyDer(key, signature, sums)) {
    checks.settle(
      'signature',
      `Tanda tangan ${SIGNATURE} atas ${SUMS} sah untuk kunci ${PUBLIC_KEY}.`,
      `${SIGNATURE} is a valid signature of ${SUMS} by ${PUBLIC_KEY}.`,
    );
  } else {
    checks.fail(
      'signature',
      SIGNATURE,
      `${SIGNATURE}: tanda tangan tidak sah untuk ${SUMS} dengan kunci ${PUBLIC_KEY}; ${SUMS} diubah atau ditandatangani kunci lain.`,
      `${SIGNATURE}: not a valid signature of ${SUMS} by ${PUBLIC_KEY}; ${SUMS} was changed or signed by another key.`,
    );
  }
  return fingerprint(spki);
}

/** The key must be the one the manifest names, and (when a list is given) one the office trusts. */
export function checkKey(
  keyFingerprint: string,
  manifestFingerprint: string | null,
  trusted: readonly string[] | undefined,
  checks: CheckList,
): void {
  const shown = formatFingerprint(keyFingerprint);
  if (manifestFingerprint !== null && manifestFingerprint !== keyFingerprint) {
    checks.fail(
      'key.fingerprint',
      PUBLIC_KEY,
      `${PUBLIC_KEY}: sidik jari kuncinya (${shown}) tidak sama dengan yang tercatat di manifest.json (${formatFingerprint(manifestFingerprint)}).`,
      `${PUBLIC_KEY}: its fingerprint (${shown}) differs from the one in manifest.json (${formatFingerprint(manifestFingerprint)}).`,
    );
  }
  if (manifestFingerprint !== null) {
    checks.settle(
      'key.fingerprint',
      `Sidik jari kunci ${shown} sama dengan manifest.json.`,
      `Key fingerprint ${shown} matches manifest.json.`,
    );
  }
  if (trusted === undefined) return;
  if (trusted.includes(keyFingerprint)) {
    checks.settle(
      'key.trusted',
      `Kunci ${shown} ada di daftar kunci terpercaya.`,
      `Key ${shown} is in the trusted-keys list.`,
    );
  } else {
    checks.fail(
      'key.trusted',
      PUBLIC_KEY,
      `${PUBLIC_KEY}: kunci ${shown} tidak ada di daftar kunci terpercaya; bundel ini tidak dibuat oleh perangkat petugas yang terdaftar.`,
      `${PUBLIC_KEY}: key ${shown} is not in the trusted-keys list; this bundle was not made by a registered officer's device.`,
    );
  }
}
