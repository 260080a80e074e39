import type { ParentRef, PostSnapshot } from './snapshot';

const EXCERPT = 280;

/** How a comment, reply, reaction or repost refers to its post. (No schema import: content-script code.) */
export function parentRef(post: Pick<PostSnapshot, 'url' | 'author' | 'text'>): ParentRef {
  const text = post.text.length > EXCERPT ? `${post.text.slice(0, EXCERPT - 1)}…` : post.text;
  return { url: post.url, author: post.author, textExcerpt: text };
}
