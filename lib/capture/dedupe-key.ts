import type { PostSnapshot } from '../platforms/snapshot';

/**
 * The same post flagged twice must be recognised as the same: its canonical permalink when the page
 * shows one, otherwise a digest of what identifies it (platform, kind, author, time, text, page).
 */
export async function dedupeKey(post: PostSnapshot, clickId: string): Promise<string> {
  if (post.url) return post.url;
  // Nothing identifies it (a page flagged through the fallback with no selection): each flag stands alone.
  if (!post.text && !post.author.handle && !post.postedAt) return `click:${clickId}`;
  const identity = JSON.stringify([post.platform, post.kind, post.author.handle, post.postedAt, post.text]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(identity));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  return `sha256:${hex}`;
}
