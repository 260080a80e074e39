import { canonicalJson } from '../evidence/canonical';

// Reading a JSON file of a bundle: strict UTF-8, valid JSON, and in the canonical form the builder
// writes. Canonical-only closes the gap between what is hashed and what is shown: a duplicate key or
// a `__proto__` member reads one way in JSON.parse and hashes another way.

export type JsonRead = { ok: true; value: unknown } | { ok: false; problem: string; problemEn: string };

export function readCanonicalJson(bytes: Uint8Array): JsonRead {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, problem: 'bukan teks UTF-8', problemEn: 'it is not UTF-8 text' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: `bukan JSON yang sah (${detail})`,
      problemEn: `it is not valid JSON (${detail})`,
    };
  }
  let canonical: string | null = null;
  try {
    canonical = canonicalJson(value);
  } catch {
    canonical = null;
  }
  if (canonical !== text) {
    return {
      ok: false,
      problem: 'tidak dalam bentuk JSON kanonis (RFC 8785) seperti yang ditulis Netra',
      problemEn: 'it is not in the canonical JSON form (RFC 8785) Netra writes',
    };
  }
  return { ok: true, value };
}

/** The first few schema issues as one line: `post.text: Too big…; seq: Invalid input`. */
export function schemaIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const shown = issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  return shown.join('; ') + (issues.length > 3 ? `; … (+${issues.length - 3})` : '');
}
