import type { PlatformAdapter } from '../adapter';
import { findPosts, isUserCell } from './collect';
import { extract } from './extract';
import * as sel from './selectors';

const QUOTE_BOX = '[role="link"]:not(a)';

/** How many single-child wrappers X puts between the caret button and its header row, at most. */
const MAX_WRAPPERS = 6;

/**
 * Tweets: the header row holding the "More" (…) caret, so the flag button sits beside it; else the author
 * row's parent; else the tweet itself. List rows: beside the Follow button; else the row. Never throws: it
 * runs in the page.
 */
function anchor(el: Element): Element {
  try {
    return isUserCell(el) ? followBox(el) : headerRow(el);
  } catch {
    return el;
  }
}

/** The right-hand side of an account row: the Follow button's parent (none on the officer's own row). */
function followBox(row: Element): Element {
  for (const selector of sel.followButton) {
    const box = row.querySelector(selector)?.parentElement;
    if (box && row.contains(box)) return box;
  }
  return row;
}

function headerRow(el: Element): Element {
  for (const selector of sel.caret) {
    const caret = el.querySelector(selector);
    // A caret inside the quoted tweet (a role=link box within this one) is not this tweet's header.
    const box = caret?.closest(QUOTE_BOX);
    if (!caret || (box && box !== el && el.contains(box))) continue;
    // Climb the caret's own wrappers to the row that also holds its neighbours (Grok, name block).
    let row = caret.parentElement;
    for (let i = 0; row && row !== el && row.childElementCount === 1 && i < MAX_WRAPPERS; i++) {
      row = row.parentElement;
    }
    if (row && row !== el && el.contains(row)) return row;
  }
  const name = el.querySelector(sel.any(sel.userName));
  if (name?.parentElement && name.parentElement !== el && el.contains(name.parentElement)) {
    return name.parentElement;
  }
  return el;
}

export const xAdapter: PlatformAdapter = {
  platform: 'x',
  hosts: ['x.com', 'twitter.com', 'mobile.twitter.com', 'mobile.x.com'],
  findPosts,
  extract,
  anchor,
};
