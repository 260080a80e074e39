import type { PlatformAdapter } from '../adapter';
import { closestWithin, commentLinkOf, findPosts, linkOf, textProfileLinks } from './collect';
import { extract, itemKind } from './extract';
import { readAuthors } from './read';
import * as sel from './selectors';

const BUTTON = sel.any(sel.button);

/** `el`'s child holding `inner`, or null when `inner` is not below `el`. */
const rowAround = (inner: Element | null | undefined, el: Element): Element | null =>
  inner && inner !== el && el.contains(inner) ? inner : null;

/** The header row holding the "More options" (…) button; else the author line's parent. */
function postAnchor(post: Element): Element | null {
  for (const selector of sel.moreOptions) {
    for (const icon of post.querySelectorAll(selector)) {
      if (closestWithin(icon, sel.any(sel.commentRow), post)) continue;
      const button = icon.closest(BUTTON);
      const row = rowAround(button?.parentElement, post);
      if (row) return row;
    }
  }
  const author = readAuthors(post).links[0];
  return (
    rowAround(author?.parentElement?.closest('span[dir="auto"]')?.parentElement, post) ??
    rowAround(author?.parentElement, post)
  );
}

/** The comment's action line (time, "Reply", likes): beside its first labelled button, else its time link. */
function commentAnchor(row: Element): Element | null {
  for (const button of row.querySelectorAll(BUTTON)) {
    if ((button.textContent?.trim() ?? '') !== '') return rowAround(button.parentElement, row) ?? row;
  }
  for (const time of row.querySelectorAll(sel.any(sel.time))) {
    if (commentLinkOf(time)) return rowAround(linkOf(time)?.parentElement, row);
  }
  return null;
}

/** The end of a liked-by row: beside its Follow button, else the row itself. */
function reactionAnchor(row: Element): Element | null {
  const buttons = row.querySelectorAll(BUTTON);
  const last = buttons[buttons.length - 1];
  return rowAround(last?.parentElement, row) ?? (textProfileLinks(row).length > 0 ? row : null);
}

/** Where the flag button goes. Never throws: it runs in the page. */
function anchor(el: Element): Element {
  try {
    const kind = itemKind(el);
    const spot =
      kind === 'comment' ? commentAnchor(el) : kind === 'reaction' ? reactionAnchor(el) : postAnchor(el);
    return spot ?? el;
  } catch {
    return el;
  }
}

export const instagramAdapter: PlatformAdapter = {
  platform: 'instagram',
  hosts: ['instagram.com', 'www.instagram.com'],
  findPosts,
  extract,
  anchor,
};
