import type { PostSnapshot } from '../platforms/snapshot';

/**
 * The same post flagged twice must be recognised as the same: its canonical permalink when the page
 * shows one, otherwise a digest of what identifies it (platform, kind, author, time, text, and the post
 * it belongs to).
 */
export async function dedupeKey(post: PostSnapshot, clickId: string): Promise<string> {
  if (post.url) return post.url;
  // Nothing identifies it (a page flagged through the fallback with no selection): each flag stands alone.
  if (!post.text && !post.author.handle && !post.postedAt) return `click:${clickId}`;
  const identity: (string | null)[] = [
    post.platform,
    post.kind,
    post.author.handle,
    post.postedAt,
    post.text,
  ];
  // A repost or like has no permalink, time or text of its own: without its post, one account's reposts of two
  // posts would be one record. Appended only when known, so keys already stored for other posts stay the same.
  if (post.parent?.url) identity.push(post.parent.url);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(identity)));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  return `sha256:${hex}`;
}
