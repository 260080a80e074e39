import { fingerprint } from '../crypto/device-key';
import { importSpki } from '../crypto/signature';
import { pemToSpki } from './signer';

// The office's list of registered device keys. Officers read their fingerprint off the options page
// ("3F2A 9C01 …") or send their officer.pub.pem, so both are accepted, in a text file (one entry per
// line, `#` starts a comment) or as a JSON array of strings.

const PEM_BLOCK = /-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g;

export interface TrustedKeys {
  /** Lowercase hex SHA-256 of each key's SPKI DER. */
  fingerprints: string[];
  /** One sentence per entry that could not be read. */
  errors: string[];
}

/** "3F2A 9C01 …" / "3f:2a:…" / "3f2a…" → lowercase hex, or null when it is not 64 hex digits. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

export async function parseTrustedKeys(text: string): Promise<TrustedKeys> {
  const entries = jsonEntries(text) ?? textEntries(text);
  const result: TrustedKeys = { fingerprints: [], errors: [] };
  for (const entry of entries) {
    const found = entry.includes('BEGIN PUBLIC KEY')
      ? await pemFingerprint(entry)
      : normalizeFingerprint(entry);
    if (found) result.fingerprints.push(found);
    else
      result.errors.push(`Entri tidak dapat dibaca sebagai sidik jari atau kunci PEM: ${entry.slice(0, 80)}`);
  }
  return result;
}

function jsonEntries(text: string): string[] | null {
  if (!text.trimStart().startsWith('[')) return null;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) : null;
  } catch {
    return null;
  }
}

function textEntries(text: string): string[] {
  const pems = text.match(PEM_BLOCK) ?? [];
  const rest = text.replace(PEM_BLOCK, '\n');
  const lines = rest
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
  return [...pems, ...lines];
}

async function pemFingerprint(pem: string): Promise<string | null> {
  const spki = pemToSpki(pem);
  if (!spki) return null;
  try {
    await importSpki(spki); // only a real P-256 key counts
    return await fingerprint(spki);
  } catch {
    return null;
  }
}
