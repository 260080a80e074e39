// The background's answers and requests as the content script reads them. These are checked by hand,
// not with the zod schemas of lib/page-messages.ts and lib/feed-messages.ts: importing those would put
// zod (~7 KB gzip) into every content script. Only what the feed uses is read; the rest is ignored.
import type { ContentRequest, ErrorCode, Failure } from '../page-messages';
import { text } from './strings';

type Fields = Record<string, unknown>;

const fields = (value: unknown): Fields | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : null;
const isText = (value: unknown): value is string => typeof value === 'string';
const textOrNull = (value: unknown): string | null => (isText(value) ? value : null);

/** The items of an array that `read` accepts; an empty list for anything else. */
function listOf<T>(value: unknown, read: (item: Fields) => T | null): T[] {
  if (!Array.isArray(value)) return [];
  const out: T[] = [];
  for (const item of value) {
    const f = fields(item);
    const found = f && read(f);
    if (found) out.push(found);
  }
  return out;
}

/** An ASN identity as the feed shows it (a watchlist entry, or the one pre-filled on a finding). */
export interface Identity {
  name: string;
  nip: string | null;
  agency: string | null;
}

/** A post's matches as the marker and the panel show them. */
export interface ShownMatch {
  asn: Identity[];
  terms: { term: string; label: string }[];
}

export interface Hello {
  language: string;
  strings: Record<string, string>;
  matching: boolean;
  categories: { id: string; label: string }[];
}

export interface Assessment {
  category: string;
  asn: Identity | null;
  match: ShownMatch;
}

export interface SavedFinding {
  status: 'saved' | 'version' | 'duplicate';
  evidenceId: string;
  version?: number;
  notice?: string;
  assessment?: unknown;
}

export type Outcome<T> = ({ ok: true } & T) | { ok: false; message: string };

function readIdentity(f: Fields): Identity | null {
  return isText(f.name) ? { name: f.name, nip: textOrNull(f.nip), agency: textOrNull(f.agency) } : null;
}

function readMatch(f: Fields): ShownMatch {
  return {
    asn: listOf(f.asn, (m) => {
      const entry = fields(m.entry);
      return entry && readIdentity(entry);
    }),
    terms: listOf(f.rules, (r) =>
      isText(r.term) && isText(r.label) ? { term: r.term, label: r.label } : null,
    ),
  };
}

function failed(f: Fields | null): { ok: false; message: string } | null {
  const error = f?.ok === false ? fields(f.error) : null;
  return error && isText(error.message) ? { ok: false, message: error.message } : null;
}

/** null: no answer at all (the service worker died mid-capture), so the click is sent again. */
export function readCaptureReply(raw: unknown): Outcome<SavedFinding> | null {
  const f = fields(raw);
  if (
    f?.ok === true &&
    isText(f.evidenceId) &&
    ['saved', 'version', 'duplicate'].includes(f.status as string)
  ) {
    return {
      ok: true,
      status: f.status as SavedFinding['status'],
      evidenceId: f.evidenceId,
      version: typeof f.version === 'number' ? f.version : undefined,
      notice: isText(f.notice) ? f.notice : undefined,
      assessment: f.assessment,
    };
  }
  return failed(f);
}

export function readHello(raw: unknown): Hello | null {
  const f = fields(raw);
  const strings = fields(f?.strings);
  if (f?.ok !== true || !strings || typeof f.matching !== 'boolean') return null;
  const own: Record<string, string> = {};
  for (const [key, value] of Object.entries(strings)) if (isText(value)) own[key] = value;
  return {
    language: isText(f.language) ? f.language : '',
    strings: own,
    matching: f.matching,
    categories: listOf(f.categories, (c) =>
      isText(c.id) && isText(c.label) ? { id: c.id, label: c.label } : null,
    ),
  };
}

/** null: no answer (or a failure) rather than "nothing matched". */
export function readMatchResults(raw: unknown): { key: string; match: ShownMatch }[] | null {
  const f = fields(raw);
  if (f?.ok !== true) return null;
  return listOf(f.results, (r) =>
    isText(r.key) && fields(r.match) ? { key: r.key, match: readMatch(r.match as Fields) } : null,
  );
}

export function readAssessment(raw: unknown): Assessment | null {
  const f = fields(raw);
  const match = fields(f?.match);
  if (!f || !isText(f.category) || !match) return null;
  const asn = fields(f.asn);
  return { category: f.category, asn: asn && readIdentity(asn), match: readMatch(match) };
}

export function readEntries(raw: unknown): Identity[] {
  const f = fields(raw);
  return f?.ok === true ? listOf(f.entries, readIdentity) : [];
}

export function readDone(raw: unknown): Outcome<object> {
  const f = fields(raw);
  if (f?.ok === true) return { ok: true };
  return failed(f) ?? { ok: false, message: text('feed_error_no_answer') };
}

/** As ClickId in lib/page-messages.ts. */
const CLICK_ID = /^[A-Za-z0-9-]{8,64}$/;

/** Background → content messages around a capture; null for anything that is not one of ours. */
export function readContentRequest(raw: unknown): ContentRequest | null {
  const f = fields(raw);
  if (f?.type === 'fallback.flag') return { type: 'fallback.flag' };
  if (!f || !isText(f.clickId) || !CLICK_ID.test(f.clickId)) return null;
  if (f.type === 'capture.prepare' || f.type === 'capture.finish')
    return { type: f.type, clickId: f.clickId };
  if (f.type === 'capture.scroll' && typeof f.offset === 'number' && f.offset >= 0) {
    return { type: 'capture.scroll', clickId: f.clickId, offset: f.offset };
  }
  return null;
}

/** A failure the content script answers the background with, in the officer's language. */
export function pageFailure(code: ErrorCode, key: string): Failure {
  return { ok: false, error: { code, message: text(key) } };
}
