// The review page's writes go through the background, the single writer of the hash chain. Every reply
// is validated; a failure comes back as a sentence in the officer's language, ready for the status line.
import { browser } from 'wxt/browser';
import type { WatchlistEntry } from '@/lib/config/schema';
import type { EvidenceEdit } from '@/lib/evidence/edit';
import {
  DoneReply,
  type EvidenceDeleteRequest,
  type EvidenceEditRequest,
  WatchlistSearchReply,
} from '@/lib/feed-messages';
import { t } from '@/lib/i18n';

export type Outcome = { ok: true } | { ok: false; message: string };

async function done(request: EvidenceEditRequest | EvidenceDeleteRequest): Promise<Outcome> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(request);
  } catch {
    return { ok: false, message: t('review_error_unreachable') };
  }
  const parsed = DoneReply.safeParse(reply);
  if (!parsed.success) return { ok: false, message: t('review_error_reply') };
  return parsed.data.ok ? { ok: true } : { ok: false, message: parsed.data.error.message };
}

export function sendEdit(evidenceId: string, edit: EvidenceEdit, reason: string): Promise<Outcome> {
  return done({ type: 'evidence.edit', evidenceId, edit, reason });
}

export function sendDelete(evidenceId: string, reason: string): Promise<Outcome> {
  return done({ type: 'evidence.delete', evidenceId, reason });
}

/** Watchlist entries matching `query` (for the ASN autocomplete); none when the background cannot say. */
export async function searchWatchlist(query: string, limit = 8): Promise<WatchlistEntry[]> {
  try {
    const reply = WatchlistSearchReply.safeParse(
      await browser.runtime.sendMessage({ type: 'watchlist.search', query, limit }),
    );
    return reply.success && reply.data.ok ? reply.data.entries : [];
  } catch {
    return [];
  }
}

/** A line for the page's status region (aria-live): what was saved, or why not. */
export interface Status {
  tone: 'ok' | 'error' | 'info';
  text: string;
}
export type Announce = (status: Status) => void;
