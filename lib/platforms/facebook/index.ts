import type { PlatformAdapter } from '../adapter';
import { findPosts, kindOf, timestampOf } from './collect';
import { commentStamp } from './comment';
import { extract } from './extract';
import { partsOf } from './post';
import { revealLinks } from './reveal';
import * as sel from './selectors';

const ARTICLE = sel.any(sel.article);
const MENU = sel.any(sel.actionsMenu);

/**
 * Posts: beside the "Actions for this post" (…) button, else in the header's row. Comments: beside their
 * own menu, else after the name. Reaction rows: at the row's end. Never throws: it runs in the page.
 */
function anchor(el: Element): Element {
  try {
    const kind = kindOf(el);
    if (kind === 'reaction') return el;
    if (kind === 'comment') return commentAnchor(el);
    const { header, stamp, menu } = partsOf(el);
    if (menu?.parentElement && el.contains(menu.parentElement) && menu.parentElement !== el) {
      return menu.parentElement;
    }
    const row = stamp?.parentElement ?? header?.parentElement;
    return row && row !== el && el.contains(row) ? row : el;
  } catch {
    return el;
  }
}

function commentAnchor(comment: Element): Element {
  for (const menu of comment.querySelectorAll(MENU)) {
    if (menu.closest(ARTICLE) === comment && menu.parentElement) return menu.parentElement;
  }
  const name = comment.querySelector('a[href*="comment_id="]:not([aria-hidden="true"])');
  return name?.parentElement && name.closest(ARTICLE) === comment ? name.parentElement : comment;
}

/** The timestamp links reveal() hovers: the post's (its header's), or the comment's time link. */
function stampsOf(el: Element): Element[] {
  const kind = kindOf(el);
  if (kind === 'reaction') return [];
  if (kind === 'comment') {
    const stamp = commentStamp(el);
    return stamp ? [stamp] : [];
  }
  const { header } = partsOf(el);
  const stamp = header ? timestampOf(header, el) : null;
  return stamp ? [stamp] : [];
}

export const facebookAdapter: PlatformAdapter = {
  platform: 'facebook',
  // Bump when a selector or rule here changes: every finding records it.
  version: '1',
  hosts: ['facebook.com', 'www.facebook.com', 'web.facebook.com', 'm.facebook.com'],
  findPosts,
  async reveal(el) {
    try {
      await revealLinks(stampsOf(el));
    } catch {
      // reveal never throws: extract reports what stays hidden.
    }
  },
  extract,
  anchor,
};
