import { z } from '../zod';
import { Platform, PostKind } from './kinds';

export { Platform, PostKind } from './kinds';

// Hostile page text is stored verbatim but bounded, so one absurd post cannot exhaust memory.
const MAX_TEXT = 2_000_000;
const MAX_URL = 8_192;

const url = () => z.string().check(z.maxLength(MAX_URL));
const shortText = () => z.string().check(z.maxLength(4_096));

export const Account = z.object({
  /** X: lowercase, no @. Instagram: username. Facebook: profile path or `profile.php?id=N`. */
  handle: z.nullable(shortText()),
  displayName: z.nullable(shortText()),
  profileUrl: z.nullable(url()),
});
export type Account = z.infer<typeof Account>;

export const Media = z.object({
  type: z.enum(['image', 'video', 'gif', 'link']),
  url: url(),
});
export type Media = z.infer<typeof Media>;

/** The post a comment, reply, reaction or repost belongs to, as far as the page shows it. */
export const ParentRef = z.object({
  url: z.nullable(url()),
  author: Account,
  /** The parent's text, cut to a few hundred characters. */
  textExcerpt: z.string().check(z.maxLength(600)),
});
export type ParentRef = z.infer<typeof ParentRef>;

/** What an adapter reads from one post or comment in the page: the raw material of an Evidence record. */
export const PostSnapshot = z.object({
  platform: Platform,
  kind: PostKind,
  /** Canonical permalink (absolute https, tracking parameters removed), or null when the page shows none. */
  url: z.nullable(url()),
  postId: z.nullable(shortText()),
  text: z.string().check(z.maxLength(MAX_TEXT)),
  textTruncated: z.boolean(),
  author: Account,
  /** Collab posts (Instagram "A and B"): the other authors, in page order; absent for a single author. */
  coAuthors: z.optional(z.array(Account).check(z.maxLength(20))),
  repostedBy: z.nullable(Account),
  /** For comments, replies, reactions and reposts: the post they belong to; null for posts. */
  parent: z.nullable(ParentRef),
  get quoted() {
    return z.nullable(PostSnapshot);
  },
  /** ISO 8601 UTC, or null when the page shows no machine-readable time. */
  postedAt: z.nullable(z.string().check(z.maxLength(64))),
  media: z.array(Media).check(z.maxLength(100)),
  pageUrl: url(),
  /** Names of the fields the adapter could not find (e.g. "postedAt", "author.handle"). */
  missing: z.array(shortText()).check(z.maxLength(64)),
  promoted: z.boolean(),
});
export type PostSnapshot = z.infer<typeof PostSnapshot>;

// Adapters import it from ./parent-ref, which does not pull these schemas into the content script.
export { parentRef } from './parent-ref';
