import { formatFingerprint } from '../crypto/device-key';
import type { CheckList } from './checks';
import { MANIFEST } from './format';
import type { BundleManifest } from './manifest';
import type { VerifyReport } from './verify';

// The link to the bundle before: with it in hand, the office can tell that no bundle went missing in
// between and that an old bundle is not being passed off as the next one.

export function checkPrevious(
  previous: VerifyReport,
  manifest: BundleManifest,
  keyFingerprint: string | undefined,
  checks: CheckList,
): void {
  const failed = previous.checks.filter((c) => !c.ok).map((c) => c.id);
  if (failed.length > 0 || !previous.manifest || !previous.sumsSha256) {
    const ids = [...new Set(failed)].join(', ');
    checks.fail(
      'previous.valid',
      undefined,
      `Bundel sebelumnya tidak lolos pemeriksaan (${ids}).`,
      `The previous bundle fails verification (${ids}).`,
    );
  }
  checks.settle(
    'previous.valid',
    'Bundel sebelumnya lolos pemeriksaan.',
    'The previous bundle passes verification.',
  );
  const before = previous.manifest;
  if (!before || !previous.sumsSha256) return;

  if (keyFingerprint && previous.keyFingerprint !== keyFingerprint) {
    checks.fail(
      'previous.key',
      undefined,
      `Bundel sebelumnya ditandatangani kunci lain (${formatFingerprint(previous.keyFingerprint ?? '')}); rantai satu perangkat tidak berpindah kunci.`,
      `The previous bundle was signed by another key (${formatFingerprint(previous.keyFingerprint ?? '')}); one device's chain does not change keys.`,
    );
  }
  checks.settle(
    'previous.key',
    'Kedua bundel ditandatangani kunci perangkat yang sama.',
    'Both bundles are signed by the same device key.',
  );

  const link = manifest.previousBundle;
  if (link === null) {
    checks.fail(
      'previous.link',
      MANIFEST,
      `${MANIFEST} tidak menyebut bundel sebelumnya, padahal satu diberikan: bundel ini bukan lanjutannya (bundel lama diputar ulang?).`,
      `${MANIFEST} names no previous bundle, yet one was given: this bundle does not follow it (an older bundle replayed?).`,
    );
  } else if (link.sumsSha256 !== previous.sumsSha256) {
    checks.fail(
      'previous.link',
      MANIFEST,
      `${MANIFEST} melanjutkan bundel dengan SHA256SUMS ${link.sumsSha256}, bukan bundel sebelumnya yang diberikan (${previous.sumsSha256}): ada bundel yang hilang di antaranya, atau bundel lama diputar ulang.`,
      `${MANIFEST} continues the bundle whose SHA256SUMS is ${link.sumsSha256}, not the previous bundle given (${previous.sumsSha256}): a bundle in between is missing, or an older bundle was replayed.`,
    );
  }
  checks.settle(
    'previous.link',
    `${MANIFEST} menyebut bundel sebelumnya yang diberikan.`,
    `${MANIFEST} names the previous bundle given.`,
  );

  const end = before.records;
  const continues =
    link !== null &&
    link.lastSeq === end.lastSeq &&
    link.lastHash === end.lastHash &&
    manifest.records.firstSeq === end.lastSeq + 1 &&
    manifest.records.firstPrevHash === end.lastHash;
  if (!continues) {
    checks.fail(
      'previous.chain',
      MANIFEST,
      `${MANIFEST}: rantai tidak bersambung dengan bundel sebelumnya, yang berakhir di #${end.lastSeq}; bundel ini dimulai di #${manifest.records.firstSeq}.`,
      `${MANIFEST}: the chain does not continue the previous bundle, which ended at #${end.lastSeq}; this one starts at #${manifest.records.firstSeq}.`,
    );
  }
  checks.settle(
    'previous.chain',
    `Rantai bersambung dari bundel sebelumnya (#${end.lastSeq} → #${manifest.records.firstSeq}).`,
    `The chain continues from the previous bundle (#${end.lastSeq} → #${manifest.records.firstSeq}).`,
  );
}
