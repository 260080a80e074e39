// Names and paths of the export bundle, format v1 (see FORMAT.md). The builder and the verifier both
// read them from here, so the two can never disagree about where a file lives.

export const FORMAT_NAME = 'netra-bundle';
export const FORMAT_VERSION = 1;

export const MANIFEST = 'manifest.json';
export const AUDIT = 'audit.json';
export const CSV = 'evidence.csv';
export const REPORT = 'index.html';
export const SUMS = 'SHA256SUMS';
export const SIGNATURE = 'SHA256SUMS.sig';
export const PUBLIC_KEY = 'officer.pub.pem';

/** The files SHA256SUMS cannot list: itself and what authenticates it. */
export const SIGNATURE_FILES = [SUMS, SIGNATURE, PUBLIC_KEY] as const;
/** Files every bundle has, besides the per-finding ones. */
export const REQUIRED_FILES = [MANIFEST, AUDIT, CSV, REPORT, ...SIGNATURE_FILES] as const;

// Ids become file names inside the zip and then on the office's disk (`unzip`): only characters that
// are safe on every file system and cannot climb out of evidence/ (no slash, no "..").
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function isSafeId(id: string): boolean {
  return SAFE_ID.test(id) && !id.includes('..');
}

export function evidencePath(evidenceId: string): string {
  return `evidence/${evidenceId}.json`;
}

export function screenshotPath(screenshotId: string): string {
  return `evidence/${screenshotId}.png`;
}

/** `evidence/<id>.json` → id; null for any other path. */
export function evidenceIdOf(path: string): string | null {
  const match = /^evidence\/([^/]+)\.json$/.exec(path);
  return match?.[1] && isSafeId(match[1]) ? match[1] : null;
}

/** `evidence/<screenshotId>.png` → screenshotId; null for any other path. */
export function screenshotIdOf(path: string): string | null {
  const match = /^evidence\/([^/]+)\.png$/.exec(path);
  return match?.[1] && isSafeId(match[1]) ? match[1] : null;
}

/** The offset of an ISO timestamp in minutes east of UTC ('Z' is 0), or null when it has none. */
export function offsetMinutes(iso: string): number | null {
  const match = /(Z|([+-])(\d{2}):(\d{2}))$/.exec(iso);
  if (!match) return null;
  if (match[1] === 'Z') return 0;
  const minutes = Number(match[3]) * 60 + Number(match[4]);
  return match[2] === '-' ? -minutes : minutes;
}

/** Indonesia's three zones by name; any other offset as `UTC±hh:mm`. */
export function zoneName(offset: number): string {
  if (offset === 7 * 60) return 'WIB';
  if (offset === 8 * 60) return 'WITA';
  if (offset === 9 * 60) return 'WIT';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${offset < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** `YYYYMMDD-HHmm` of an ISO timestamp in its own offset (the wall clock the officer saw). */
function compactLocal(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return match ? `${match[1]}${match[2]}${match[3]}-${match[4]}${match[5]}` : 'tanpa-waktu';
}

/** `netra-<NIP or tanpa-nip>-<from>-<to>.zip`, from and to being the shift's capture range. */
export function bundleFileName(nip: string | null, from: string, to: string): string {
  const who = nip && /^\d{18}$/.test(nip) ? nip : 'tanpa-nip';
  return `netra-${who}-${compactLocal(from)}-${compactLocal(to)}.zip`;
}
