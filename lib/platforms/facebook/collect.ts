import { FACEBOOK_HOSTS, httpsUrl, parseFacebookPermalink, parseFacebookProfile } from '../canonical-url';
import { isReactionRow, reactionRows } from './reaction-rows';
import * as sel from './selectors';

// Facebook marks none of its posts as such: a post is "a header with an account link, and a timestamp link
// right after it" (../shared/fixtures/README.md, Facebook). Feed units, the photo viewer's column and old
// role=article boxes are containers; a container whose first header has a timestamp is a post itself, and
// every further header + timestamp pair inside it (birthday wall posts, the shares of "A and B shared a
// post", a shared original) is a post of its own: the largest box around that header holding no other header.

export const FACEBOOK = 'https://www.facebook.com/';
const UNIT = sel.any(sel.unit);
const ARTICLE = sel.any(sel.article);
const CONTAINER = `${UNIT}, ${ARTICLE}, ${sel.any(sel.viewerColumn)}`;
const HEADER = `${sel.any(sel.profileName)}, ${sel.any(sel.heading)}`;
const PROFILE_NAME = sel.any(sel.profileName);
const HEADING = sel.any(sel.heading);
const HIDDEN = sel.any(sel.hidden);
const MESSAGE = sel.any(sel.message);
const COMMENT_LINK = sel.any(sel.commentAuthorLink);
const MENU = sel.any(sel.actionsMenu);
const FOOTER = sel.any(sel.footer);
// Node.DOCUMENT_POSITION_FOLLOWING, spelled out: the CLI runs without DOM globals.
const FOLLOWING = 4;
// The timestamp sits in the header's own row: a few wrappers up at most (2022-01..2025-07: two to four).
const MAX_HEADER_CLIMB = 5;

/** `b` comes after `a` in document order (and is not inside it). */
export const follows = (a: Node, b: Node): boolean => (a.compareDocumentPosition(b) & FOLLOWING) !== 0;
const isElement = (node: ParentNode): node is Element =>
  typeof (node as Partial<Element>).matches === 'function';

export const isHidden = (el: Element): boolean => el.closest(HIDDEN) !== null;

/** The first link in `scope` to an account (not a post, page of Facebook's own, or placeholder). */
export function profileLink(scope: Element): Element | null {
  for (const link of scope.querySelectorAll('a[href]')) {
    if (parseFacebookProfile(link.getAttribute('href'), FACEBOOK)) return link;
  }
  return null;
}

/** `#`, `https://www.facebook.com/#`, `/?__cft__…#?xyz`: what Facebook puts in a timestamp link until hovered. */
export function isPlaceholderHref(href: string | null): boolean {
  const url = httpsUrl(href, FACEBOOK);
  return url === null || (FACEBOOK_HOSTS.includes(url.hostname) && url.pathname === '/');
}

/** A timestamp link: a permalink or a placeholder, holding no picture (photo and avatar links do). */
function isTimestampLink(link: Element): boolean {
  if (link.getAttribute('aria-hidden') === 'true' || link.querySelector('img, video, image')) return false;
  const href = link.getAttribute('href');
  return parseFacebookPermalink(href, FACEBOOK) !== null || isPlaceholderHref(href);
}

/** The timestamp link of `header`: the first link after it in its own row, if that link is one. */
export function timestampOf(header: Element, scope: Element): Element | null {
  let row: Element | null = header;
  for (let i = 0; i < MAX_HEADER_CLIMB; i++) {
    row = row.parentElement;
    if (!row || !scope.contains(row)) return null;
    for (const link of row.querySelectorAll('a[href]')) {
      if (header.contains(link) || !follows(header, link)) continue;
      return isTimestampLink(link) && !link.closest(MESSAGE) ? link : null;
    }
    if (row === scope) return null;
  }
  return null;
}

/** Headers (an account link in a heading or 2025 profile_name block) of `scope`, outside its comments. */
export function headersIn(scope: Element): Element[] {
  const headers: Element[] = [];
  for (const header of scope.querySelectorAll(HEADER)) {
    if (header.matches(HEADING) && header.closest(PROFILE_NAME)) continue;
    const box = header.closest(ARTICLE);
    if (box && box !== scope && scope.contains(box)) continue;
    if (profileLink(header)) headers.push(header);
  }
  return headers;
}

/** A comment or reply: role=article whose first link is a comment_id author link, or nested without a header. */
export function isComment(el: Element): boolean {
  if (!el.matches(ARTICLE) || el.matches(UNIT)) return false;
  const first = el.querySelector('a[href]');
  if (!first) return false;
  if (first.matches(COMMENT_LINK)) return true;
  return el.parentElement?.closest(CONTAINER) != null && headersIn(el).length === 0;
}

/** A unit, a photo viewer column, or a role=article that is neither a comment nor inside a container. */
function isTopContainer(el: Element): boolean {
  if (el.matches(ARTICLE) && !el.matches(UNIT)) {
    return !isComment(el) && el.parentElement?.closest(CONTAINER) == null;
  }
  return true;
}

function topContainerOf(el: Element): Element | null {
  let top = el.closest(CONTAINER);
  for (
    let outer = top?.parentElement?.closest(CONTAINER);
    outer;
    outer = outer.parentElement?.closest(CONTAINER)
  ) {
    top = outer;
  }
  return top && isTopContainer(top) ? top : null;
}

/** The largest box around `header` inside `container` that holds no other header. */
function boxOf(header: Element, headers: readonly Element[], container: Element): Element {
  let box = header;
  for (let up = box.parentElement; up && up !== container; up = up.parentElement) {
    if (headers.some((other) => other !== header && up.contains(other))) break;
    box = up;
  }
  return box;
}

interface Found {
  post: Element;
  header: Element;
  stamp: Element;
}

function entriesIn(container: Element): Found[] {
  const headers = headersIn(container);
  const found: Found[] = [];
  headers.forEach((header, index) => {
    const stamp = timestampOf(header, container);
    if (stamp)
      found.push({ post: index === 0 ? container : boxOf(header, headers, container), header, stamp });
  });
  return found;
}

/** The posts of one top container, outermost first: the container itself when its first header has a time. */
export function postsIn(container: Element): Element[] {
  return entriesIn(container).map((entry) => entry.post);
}

/** Every post of `el`'s top container: for comments (their post) and posts (their nested posts). */
export function postsAround(el: Element): Element[] {
  const top = topContainerOf(el);
  return top && !isHidden(top) ? postsIn(top) : [];
}

/** The innermost post holding `node`, or null. */
export function postOf(node: Element): Element | null {
  let best: Element | null = null;
  for (const post of postsAround(node)) {
    if (post.contains(node) && (!best || best.contains(post))) best = post;
  }
  return best;
}

/** The "Actions for this post" menu of a post: the first menu button after its header that it owns. */
export function actionsMenuOf(
  header: Element,
  scope: Element,
  owned: (node: Element) => boolean,
): Element | null {
  const stop = [...scope.querySelectorAll(`${MESSAGE}, ${FOOTER}`)].find((el) => follows(header, el));
  for (const menu of scope.querySelectorAll(MENU)) {
    if (!follows(header, menu) || !owned(menu)) continue;
    return stop && follows(stop, menu) && !stop.contains(menu) ? null : menu;
  }
  return null;
}

/**
 * Posts, comments and reaction rows in `root` (root itself included), in document order, none inside a
 * hidden timeline; and, since Facebook fills a unit in after inserting it, the post or comment around `root`
 * whose header (or author link) arrives with `root`. Runs on every added subtree of the feed: selector
 * queries, `closest` and attribute reads only.
 */
export function findPosts(root: ParentNode): Element[] {
  const found = new Set<Element>();
  const self = isElement(root) ? root : null;
  const containers = new Set<Element>(root.querySelectorAll(CONTAINER));
  const around = self ? topContainerOf(self) : null;
  if (around) containers.add(around);
  for (const container of containers) {
    if (!isTopContainer(container) || isHidden(container)) continue;
    for (const { post, header, stamp } of entriesIn(container)) {
      if (!self || self.contains(post) || self.contains(header) || self.contains(stamp)) found.add(post);
    }
  }
  const articles = [...root.querySelectorAll(ARTICLE)];
  if (self?.matches(ARTICLE)) articles.push(self);
  const comment = self?.parentElement?.closest(ARTICLE);
  const author = comment?.querySelector('a[href]');
  if (comment && author && self?.contains(author)) articles.push(comment);
  for (const article of articles) {
    if (isComment(article) && !isHidden(article)) found.add(article);
  }
  for (const row of reactionRows(root)) found.add(row);
  return [...found].sort((a, b) => (a === b ? 0 : follows(a, b) ? -1 : 1));
}

export type Kind = 'post' | 'comment' | 'reaction';

export function kindOf(el: Element): Kind {
  if (isComment(el)) return 'comment';
  return isReactionRow(el) ? 'reaction' : 'post';
}
