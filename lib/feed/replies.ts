// The background's answers and requests as the content script reads them, validated with the zod
// schemas of lib/page-messages.ts and lib/feed-messages.ts (the content script trusts no message it
// did not check), then narrowed to what the feed shows.

import type { AsnIdentity, PostMatch } from '../config/schema';
import {
  Assessment as AssessmentSchema,
  DoneReply,
  FeedHelloReply,
  FeedMatchReply,
  WatchlistSearchReply,
} from '../feed-messages';
import { CaptureReply, ContentRequest, type ErrorCode, type Failure } from '../page-messages';
import { text } from './strings';

/** An ASN identity as the feed shows it (a watchlist entry, or the one pre-filled on a finding). */
export type Identity = AsnIdentity;

/** A post's matches as the marker and the panel show them. */
export interface ShownMatch {
  asn: Identity[];
  terms: { term: string; label: string }[];
}

export type Hello = Omit<FeedHelloReply, 'ok'>;

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

const identity = ({ name, nip, agency }: Identity): Identity => ({ name, nip, agency });

function shown(match: PostMatch): ShownMatch {
  return {
    asn: match.asn.map((m) => identity(m.entry)),
    terms: match.rules.map(({ term, label }) => ({ term, label })),
  };
}

/** null: no answer at all (the service worker died mid-capture), so the click is sent again. */
export function readCaptureReply(raw: unknown): Outcome<SavedFinding> | null {
  const parsed = CaptureReply.safeParse(raw);
  if (!parsed.success) return null;
  const reply = parsed.data;
  return reply.ok ? reply : { ok: false, message: reply.error.message };
}

export function readHello(raw: unknown): Hello | null {
  const parsed = FeedHelloReply.safeParse(raw);
  if (!parsed.success) return null;
  const { ok: _ok, ...hello } = parsed.data;
  return hello;
}

/** null: no answer (or a failure) rather than "nothing matched". */
export function readMatchResults(raw: unknown): { key: string; match: ShownMatch }[] | null {
  const parsed = FeedMatchReply.safeParse(raw);
  if (!parsed.success || !parsed.data.ok) return null;
  return parsed.data.results.map(({ key, match }) => ({ key, match: shown(match) }));
}

export function readAssessment(raw: unknown): Assessment | null {
  const parsed = AssessmentSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { category, asn, match } = parsed.data;
  return { category, asn: asn && identity(asn), match: shown(match) };
}

export function readEntries(raw: unknown): Identity[] {
  const parsed = WatchlistSearchReply.safeParse(raw);
  return parsed.success && parsed.data.ok ? parsed.data.entries.map(identity) : [];
}

export function readDone(raw: unknown): Outcome<object> {
  const parsed = DoneReply.safeParse(raw);
  if (!parsed.success) return { ok: false, message: text('feed_error_no_answer') };
  return parsed.data.ok ? { ok: true } : { ok: false, message: parsed.data.error.message };
}

/** Background → content messages around a capture; null for anything that is not one of ours. */
export function readContentRequest(raw: unknown): ContentRequest | null {
  const parsed = ContentRequest.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** A failure the content script answers the background with, in the officer's language. */
export function pageFailure(code: ErrorCode, key: string): Failure {
  return { ok: false, error: { code, message: text(key) } };
}
