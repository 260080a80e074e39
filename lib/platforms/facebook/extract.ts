import type { PostSnapshot } from '../snapshot';
import { kindOf } from './collect';
import { readComment } from './comment';
import { AUTHOR_FIELDS, blank } from './fields';
import { readPost } from './post';
import { readReaction } from './reaction';

/** Snapshot of one post, comment or reaction row. Never throws: what cannot be read is named in `missing`. */
export function extract(el: Element, pageUrl: string): PostSnapshot {
  try {
    const kind = kindOf(el);
    if (kind === 'comment') return readComment(el, pageUrl);
    if (kind === 'reaction') return readReaction(el, pageUrl);
    return readPost(el, pageUrl);
  } catch {
    return { ...blank(pageUrl), missing: ['url', 'postId', 'postedAt', ...AUTHOR_FIELDS, 'text'] };
  }
}
