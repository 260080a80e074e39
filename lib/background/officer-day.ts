import { matchInputFromSnapshot } from '../config/match-input';
import { suggestCategory } from '../config/matcher';
import type { AsnIdentity, PostMatch } from '../config/schema';
import { AuditError, deleteEvidence, editEvidence } from '../evidence/audit';
import type { EvidenceDb } from '../evidence/db';
import { type EvidenceEdit, NOTE_MAX } from '../evidence/edit';
import { categoryLabel } from '../evidence/labels';
import type {
  Assessment,
  DoneReply,
  EvidenceDeleteRequest,
  EvidenceEditRequest,
  FeedHelloReply,
  FeedMatch,
  FeedMatchReply,
  WatchlistSearchReply,
} from '../feed-messages';
import { language, messagesWithPrefix, t, tIn } from '../i18n';
import { failure } from '../page-messages';
import type { PostSnapshot } from '../platforms/snapshot';
import type { LoadedConfig } from './config-cache';

// The background's side of the officer's day: what the feed needs to show markers and the inline
// panel, the pre-filled assessment of a new finding, and the audited edits and deletions.

type Config = () => Promise<LoadedConfig>;

/** The content script's start: its strings, the categories, and whether there is anything to match. */
export async function feedHello(config: Config): Promise<FeedHelloReply> {
  const { rules, watchlist, categories } = await config();
  const lang = language();
  return {
    ok: true,
    language: lang,
    strings: messagesWithPrefix('feed_', lang),
    matching: rules.length > 0 || watchlist.length > 0,
    categories: categories.map((c) => ({ id: c.id, label: categoryLabel(c.id, lang, categories) })),
  };
}

const isEmpty = (match: PostMatch) => match.asn.length === 0 && match.rules.length === 0;

export async function feedMatch(config: Config, request: FeedMatch): Promise<FeedMatchReply> {
  const matcher = (await config()).matcher();
  const results: { key: string; match: PostMatch }[] = [];
  for (const { key, input } of request.items) {
    const match = matcher.match(input);
    if (!isEmpty(match)) results.push({ key, match });
  }
  return { ok: true, results };
}

export async function watchlistSearch(
  config: Config,
  query: string,
  limit = 8,
): Promise<WatchlistSearchReply> {
  return { ok: true, entries: (await config()).matcher().searchWatchlist(query, limit) };
}

/**
 * What a new finding is pre-filled with: the category from its kind and the matched rules, and the
 * ASN identity of the first watchlisted account (the officer confirms or changes both in the panel).
 */
export async function assess(config: Config, post: PostSnapshot): Promise<Assessment> {
  const { matcher, categories } = await config();
  const match = matcher().match(matchInputFromSnapshot(post));
  const known = categories.map((c) => c.id);
  const category = suggestCategory(post.kind, post.repostedBy !== null, match, known);
  const entry = match.asn[0]?.entry;
  const asn: AsnIdentity | null = entry ? { name: entry.name, nip: entry.nip, agency: entry.agency } : null;
  return { category, asn, match };
}

/** The sealed note of a finding that matched rules: which terms, so the office sees why it stood out. */
export function matchNote(match: PostMatch): string {
  if (match.rules.length === 0) return '';
  const terms = match.rules.map((r) => `${r.term} (${r.label})`).join(', ');
  return tIn('id', 'audit_matched_terms', terms);
}

async function audited(run: () => Promise<unknown>): Promise<DoneReply> {
  try {
    await run();
    return { ok: true };
  } catch (error) {
    if (error instanceof AuditError)
      return { ok: false, error: { code: 'invalid-message', message: error.message } };
    return failure('storage-failed', error instanceof Error ? error.name : undefined);
  }
}

/**
 * An edit from the inline panel (a content script) or the review page. The panel may only complete
 * findings not yet exported; the review page may edit any finding. Either way the change is audited.
 */
export async function editFinding(
  db: EvidenceDb,
  request: EvidenceEditRequest,
  from: 'page' | 'content',
): Promise<DoneReply> {
  const evidence = await db.evidence.get(request.evidenceId);
  if (!evidence) return { ok: false, error: { code: 'invalid-message', message: t('error_finding_gone') } };
  if (from === 'content' && evidence.exportedAt !== null) return failure('forbidden-sender');
  const reason = request.reason.trim() || tIn('id', 'audit_reason_panel');
  const edit = from === 'content' ? keepingNote(evidence.note ?? '', request.edit) : request.edit;
  return audited(() => editEvidence(db, request.evidenceId, edit, reason));
}

/**
 * The panel's note field holds only what the officer adds: the note sealed at capture (the matched
 * terms) stays above it, however often the panel saves. The review page edits the whole note, so its
 * edits are taken as they are.
 */
function keepingNote(sealed: string, edit: EvidenceEdit): EvidenceEdit {
  const kept = sealed.trim();
  if (edit.note === undefined || !kept || edit.note.includes(kept)) return edit;
  const note = `${kept}\n\n${edit.note}`;
  return note.length <= NOTE_MAX ? { ...edit, note } : edit;
}

/** A deletion, from the review page only; the reason is required and kept in the audit log. */
export function deleteFinding(db: EvidenceDb, request: EvidenceDeleteRequest): Promise<DoneReply> {
  if (request.reason.trim().length < 3) {
    return Promise.resolve({
      ok: false,
      error: { code: 'invalid-message', message: t('error_reason_required') },
    });
  }
  return audited(() => deleteEvidence(db, request.evidenceId, request.reason));
}
