// Messages of the officer's-day features between the content scripts, the extension pages and the
// background: the feed's markers (watchlist and rule matches), the inline panel's edits, and the review
// page's edits and deletions. Validated with zod on arrival like every other message.
import { AsnIdentity, Category, Language, PostMatch, WatchlistEntry } from './config/schema';
import { EvidenceEdit } from './evidence/edit';
import { Failure } from './page-messages';
import { Platform, PostKind } from './platforms/kinds';
import { z } from './zod';

const EvidenceId = z.string().check(z.minLength(1), z.maxLength(64));
const Reason = z.string().check(z.maxLength(2_000));

/** Content script → background, once at start: the UI strings and whether there is anything to match. */
export const FeedHello = z.object({ type: z.literal('feed.hello') });
export const FeedHelloReply = z.object({
  ok: z.literal(true),
  language: Language,
  /** The `feed_*` messages in the officer's language. */
  strings: z.record(z.string(), z.string()),
  /** False when there is no watchlist and no rule: the content script then extracts nothing while scrolling. */
  matching: z.boolean(),
  categories: z.array(Category),
});
export type FeedHelloReply = z.infer<typeof FeedHelloReply>;

/** An account of a post, and its role there (author, reposter, …). */
export const MatchAccount = z.object({
  role: z.enum(['author', 'coauthor', 'reposter', 'commenter', 'reactor']),
  handle: z.nullable(z.string().check(z.maxLength(4_096))),
  profileUrl: z.nullable(z.string().check(z.maxLength(8_192))),
});
export type MatchAccount = z.infer<typeof MatchAccount>;

/** What the matcher needs of one post (see lib/config/match-input.ts). */
export const MatchInput = z.object({
  platform: Platform,
  kind: PostKind,
  accounts: z.array(MatchAccount).check(z.maxLength(24)),
  /** The post's text, with its quoted post's text; cut to 20,000 characters. */
  text: z.string().check(z.maxLength(20_000)),
});
export type MatchInput = z.infer<typeof MatchInput>;

/** Content script → background, once per batch of posts that appeared in the feed. */
export const FeedMatch = z.object({
  type: z.literal('feed.match'),
  items: z
    .array(z.object({ key: z.string().check(z.maxLength(64)), input: MatchInput }))
    .check(z.maxLength(100)),
});
export type FeedMatch = z.infer<typeof FeedMatch>;
export const FeedMatchReply = z.union([
  z.object({
    ok: z.literal(true),
    /** Only the posts that matched something. */
    results: z.array(z.object({ key: z.string(), match: PostMatch })),
  }),
  Failure,
]);
export type FeedMatchReply = z.infer<typeof FeedMatchReply>;

/** Autocomplete of the ASN identity in the inline panel and the review page. */
export const WatchlistSearch = z.object({
  type: z.literal('watchlist.search'),
  query: z.string().check(z.maxLength(200)),
  limit: z.optional(z.number().check(z.int(), z.positive(), z.maximum(20))),
});
export const WatchlistSearchReply = z.union([
  z.object({ ok: z.literal(true), entries: z.array(WatchlistEntry) }),
  Failure,
]);
export type WatchlistSearchReply = z.infer<typeof WatchlistSearchReply>;

/** Inline panel or review page → background: change category, note or ASN identity (audited). */
export const EvidenceEditRequest = z.object({
  type: z.literal('evidence.edit'),
  evidenceId: EvidenceId,
  edit: EvidenceEdit,
  reason: Reason,
});
export type EvidenceEditRequest = z.infer<typeof EvidenceEditRequest>;

/** Review page → background only: delete a finding, leaving a tombstone; the reason is required. */
export const EvidenceDeleteRequest = z.object({
  type: z.literal('evidence.delete'),
  evidenceId: EvidenceId,
  reason: Reason,
});
export type EvidenceDeleteRequest = z.infer<typeof EvidenceDeleteRequest>;

export const DoneReply = z.union([z.object({ ok: z.literal(true) }), Failure]);
export type DoneReply = z.infer<typeof DoneReply>;

/** What the background pre-filled on a new finding, for the inline panel to show and let the officer change. */
export const Assessment = z.object({
  category: z.string(),
  asn: z.nullable(AsnIdentity),
  match: PostMatch,
});
export type Assessment = z.infer<typeof Assessment>;
