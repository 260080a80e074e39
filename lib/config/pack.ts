import { importSpki, verifyDer } from '../crypto/signature';
import { canonicalJson, sha256Hex } from '../evidence/canonical';
import { t } from '../i18n';
import { z } from '../zod';
import { decodeText, type ImportProblem, ProblemList, refuse } from './decode';
import { checkCategories, checkRules, checkWatchlist } from './pack-checks';
import { Category, Rule, WatchlistEntry } from './schema';
import { issueMessage, pathText } from './zod-problems';

// The configuration pack: the office's whole configuration (categories, rules, watchlist, its own name,
// endpoint and public key) in one JSON file, signed with the office's ECDSA P-256 key. Once a device
// trusts an office key, only packs signed with it are accepted, so nobody can slip an officer a
// watchlist the office never issued.

export const PACK_FORMAT = 'netra-config';
export const PACK_VERSION = 1;

const isHttpsUrl = (value: string): boolean => {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
};

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export const ConfigPack = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  issuedAt: z.iso.datetime({ offset: true }),
  office: z.object({
    name: z.string().check(z.minLength(1), z.maxLength(200)),
    endpoint: z.nullable(
      z.string().check(z.maxLength(2_048), z.refine(isHttpsUrl, { error: () => t('import_issue_https') })),
    ),
    publicKeyPem: z.nullable(z.string().check(z.maxLength(4_096))),
  }),
  categories: z.array(Category).check(z.minLength(1), z.maxLength(200)),
  rules: z.array(Rule).check(z.maxLength(20_000)),
  watchlist: z.array(WatchlistEntry).check(z.maxLength(100_000)),
  /** Base64 DER ECDSA P-256 / SHA-256 over canonicalJson of the pack without this field. */
  signature: z.optional(z.string().check(z.maxLength(256), z.regex(BASE64))),
});
export type ConfigPack = z.infer<typeof ConfigPack>;

/**
 * How the pack's signature was checked: against the office key this device trusts; against the key the
 * pack itself carries (the pack is intact, but who made it is not proven); not at all (signed, but no
 * key to check with); or the pack is unsigned.
 */
export type PackSignature = 'office-key' | 'pack-key' | 'unchecked' | 'unsigned';

export type PackImport =
  | { ok: true; items: [ConfigPack]; signature: PackSignature }
  | { ok: false; problems: ImportProblem[] };

type OfficeKey = { ok: true; key: CryptoKey; fingerprint: string } | { ok: false; message: string };

const PEM = /^-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----$/;

/** The office's public key from its PEM (line breaks optional: a pasted key often loses them). */
export async function parseOfficeKeyPem(pem: string): Promise<OfficeKey> {
  const body = PEM.exec(pem.trim())?.[1]?.replace(/\s+/g, '');
  const der = body === undefined ? null : base64Bytes(body);
  if (!der) return { ok: false, message: t('import_key_invalid') };
  try {
    return { ok: true, key: await importSpki(der), fingerprint: await sha256Hex(der) };
  } catch {
    return { ok: false, message: t('import_key_not_p256') };
  }
}

function base64Bytes(text: string): Uint8Array | null {
  if (!BASE64.test(text)) return null;
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problems: ImportProblem[] } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    const position = /position (\d+)/.exec(message);
    if (lineColumn) return refuse(t('import_json_invalid_at', lineColumn[1]!, lineColumn[2]!));
    if (!position) return refuse(t('import_json_invalid'));
    const before = text.slice(0, Number(position[1])).split('\n');
    return refuse(t('import_json_invalid_at', before.length, before[before.length - 1]!.length + 1));
  }
}

/** The signature check, on the pack as written (before the schema drops anything it does not know). */
async function checkSignature(
  raw: Record<string, unknown>,
  trustedOfficeKeyPem: string | null,
): Promise<{ ok: true; signature: PackSignature } | { ok: false; message: string }> {
  const { signature, ...signed } = raw;
  const office = raw.office as { publicKeyPem?: unknown } | undefined;
  const packKey = typeof office?.publicKeyPem === 'string' ? office.publicKeyPem : null;
  if (signature === undefined) {
    return trustedOfficeKeyPem
      ? { ok: false, message: t('import_pack_unsigned') }
      : { ok: true, signature: 'unsigned' };
  }
  const der = typeof signature === 'string' ? base64Bytes(signature) : null;
  if (!der) return { ok: false, message: t('import_pack_signature_base64') };
  const keyPem = trustedOfficeKeyPem ?? packKey;
  if (keyPem === null) return { ok: true, signature: 'unchecked' };
  const key = await parseOfficeKeyPem(keyPem);
  if (!key.ok) {
    const problem = trustedOfficeKeyPem
      ? 'import_pack_trusted_key_invalid'
      : 'import_pack_office_key_invalid';
    return { ok: false, message: t(problem, key.message) };
  }
  let data: Uint8Array;
  try {
    data = new TextEncoder().encode(canonicalJson(signed));
  } catch {
    return { ok: false, message: t('import_json_invalid') };
  }
  if (await verifyDer(key.key, der, data)) {
    return { ok: true, signature: trustedOfficeKeyPem ? 'office-key' : 'pack-key' };
  }
  return {
    ok: false,
    message: t(trustedOfficeKeyPem ? 'import_pack_signature_mismatch' : 'import_pack_tampered'),
  };
}

/**
 * A configuration pack from its file. With an office key set, the pack must be signed with it; without
 * one, an unsigned pack is accepted too, and `signature` says how far it was checked.
 */
export async function importConfigPack(
  bytes: Uint8Array,
  trustedOfficeKeyPem: string | null,
): Promise<PackImport> {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const json = parseJson(decoded.text);
  if (!json.ok) return json;
  const raw = json.value;
  if (
    raw === null ||
    typeof raw !== 'object' ||
    Array.isArray(raw) ||
    (raw as { format?: unknown }).format !== PACK_FORMAT
  ) {
    return refuse(t('import_pack_not_pack'));
  }
  const version = (raw as { version?: unknown }).version;
  if (version !== PACK_VERSION) return refuse(t('import_pack_version', String(version), PACK_VERSION));

  const signature = await checkSignature(raw as Record<string, unknown>, trustedOfficeKeyPem);
  if (!signature.ok) return refuse(signature.message);

  const problems = new ProblemList();
  const parsed = ConfigPack.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.add(null, pathText(issue.path), issueMessage(issue, raw));
    return { ok: false, problems: problems.report() };
  }
  const pack = parsed.data;
  checkCategories(problems, pack.categories);
  checkRules(problems, pack.rules);
  checkWatchlist(problems, pack.watchlist);
  if (pack.office.publicKeyPem !== null) {
    const key = await parseOfficeKeyPem(pack.office.publicKeyPem);
    if (!key.ok) problems.add(null, 'office.publicKeyPem', t('import_pack_office_key_invalid', key.message));
  }
  if (!problems.empty) return { ok: false, problems: problems.report() };
  return { ok: true, items: [pack], signature: signature.signature };
}
