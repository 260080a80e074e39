import { type InstagramPost, parseInstagramPost, parseInstagramProfile } from '../canonical-url';
import * as sel from './selectors';

/** Relative hrefs (2025-04 feed-brocc) resolve against Instagram itself, wherever the page was saved. */
export const IG_BASE = 'https://www.instagram.com/';
const ARTICLE = sel.any(sel.article);
const TIME = sel.any(sel.time);
const TIME_LINK = sel.any(sel.postLink.flatMap((link) => sel.time.map((time) => `${link} ${time}`)));
const POST_LINK = sel.any(sel.postLink);
const DIALOG = sel.any(sel.dialog);
const MAIN = sel.any(sel.pageMain);
const LIKES_TITLE = sel.any(sel.likesTitle);
const BOUNDARY = `${MAIN}, ${DIALOG}, body, html`;
const LIKED_BY_PATH = /\/(?:p|reels?|tv)\/[A-Za-z0-9_-]+\/liked_by\/?$/;
// Node.DOCUMENT_POSITION_FOLLOWING, spelled out: the CLI runs without DOM globals.
const FOLLOWING = 4;
/** Enough for the full post page (2025-09: 16 wrappers between the time link and the post). */
const MAX_CLIMB = 40;

export const linkOf = (time: Element): Element | null => time.closest('a[href]');
const parseLink = (link: Element | null): InstagramPost | null =>
  link ? parseInstagramPost(link.getAttribute('href'), IG_BASE) : null;
export const profileOf = (link: Element): string | null =>
  parseInstagramProfile(link.getAttribute('href'), IG_BASE);

/** The post a time belongs to when it sits in the post's own permalink (not a comment's, not liked_by/). */
export function permalinkOf(time: Element): InstagramPost | null {
  const post = parseLink(linkOf(time));
  return post && post.commentId === null && post.subpage === null ? post : null;
}

/** The comment a time belongs to when it sits in a /p/CODE/c/ID/ link. */
export function commentLinkOf(time: Element): InstagramPost | null {
  const post = parseLink(linkOf(time));
  return post?.commentId ? post : null;
}

/** `el.closest(selector)` when the hit lies inside `box` (not `box` itself or above it). */
export function closestWithin(el: Element, selector: string, box: Element): Element | null {
  const hit = el.closest(selector);
  return hit && hit !== box && box.contains(hit) ? hit : null;
}

/** Profile links with visible text (avatars are links too, without text), in document order. */
export function textProfileLinks(box: Element): Element[] {
  return [...box.querySelectorAll(sel.any(sel.link))].filter(
    (link) => (link.textContent?.trim() ?? '') !== '' && profileOf(link) !== null,
  );
}

function isSponsored(article: Element): boolean {
  return article.querySelector(sel.any(sel.sponsoredLink)) !== null;
}

/**
 * An <article> that is a post: it holds its permalink time, or (sponsored posts have no time) an author and
 * a liked-by link or an ad marker. Old profile grids wrapped their tiles in an article: they have neither.
 */
export function isPostArticle(article: Element): boolean {
  if (article.parentElement?.closest(ARTICLE)) return false;
  for (const time of article.querySelectorAll(TIME_LINK)) if (permalinkOf(time)) return true;
  const liked = article.querySelector('a[href*="/liked_by/"]') !== null;
  return (liked || isSponsored(article)) && textProfileLinks(article).length > 0;
}

/** Codes of the post links in `el` other than `code` (a grid of other posts, the next feed item). */
function holdsOtherPost(el: Element, code: string): boolean {
  for (const link of el.querySelectorAll(POST_LINK)) {
    const post = parseLink(link);
    if (post && post.code !== code) return true;
  }
  return el.querySelectorAll(ARTICLE).length > 0;
}

/**
 * The post a permalink time belongs to: its <article> (feed, modal), else (the full post page, 2025-09) the
 * largest box around the time that holds no other post and stays inside the page's main or dialog.
 */
export function postContainerOf(time: Element): Element | null {
  const post = permalinkOf(time);
  if (!post) return null;
  const article = time.closest(ARTICLE);
  if (article && isPostArticle(article)) return article;
  let box = linkOf(time) ?? time;
  for (let i = 0; i < MAX_CLIMB; i++) {
    const parent: Element | null = box.parentElement;
    if (!parent || parent.matches(BOUNDARY) || holdsOtherPost(parent, post.code)) break;
    box = parent;
  }
  return box;
}

/**
 * A comment's row: its li (modals), else the largest box around its time link holding no other time (the
 * post page's rows are bare divs). Caption rows have an unlinked time: they are part of the post.
 */
export function commentRowOf(time: Element): Element | null {
  if (!commentLinkOf(time)) return null;
  const li = time.closest(sel.any(sel.commentRow));
  if (li && li.querySelectorAll(TIME).length === 1 && !li.matches(BOUNDARY)) return li;
  let box = linkOf(time) ?? time;
  for (let i = 0; i < MAX_CLIMB; i++) {
    const parent: Element | null = box.parentElement;
    if (!parent || parent.matches(`${BOUNDARY}, ${ARTICLE}`)) break;
    if (parent.querySelectorAll(TIME).length > 1 || parent.querySelector(sel.any(sel.header))) break;
    box = parent;
  }
  return box;
}

/** The post (article or post-page box) around a comment row or any element inside a post. */
export function enclosingPost(el: Element): Element | null {
  const article = el.closest(ARTICLE);
  if (article && isPostArticle(article)) return article;
  // Post page: climb to the first box holding a permalink time, then take that permalink's post.
  for (let box: Element | null = el; box && !box.matches('body, html'); box = box.parentElement) {
    for (const time of box.querySelectorAll(TIME_LINK)) {
      const post = permalinkOf(time) ? postContainerOf(time) : null;
      if (post && (post === el || post.contains(el))) return post;
    }
    if (box.matches(BOUNDARY)) break;
  }
  return null;
}

function docOf(node: ParentNode): Document | null {
  const self = node as Partial<Document>;
  if (self.nodeType === 9) return node as Document;
  return (node as Partial<Node>).ownerDocument ?? null;
}

/** The /p/CODE/liked_by/ page (or the feed with the liked-by dialog open, where Instagram sets that URL). */
export function isLikedByUrl(url: string | null | undefined): boolean {
  try {
    return url ? LIKED_BY_PATH.test(new URL(url).pathname) : false;
  } catch {
    return false;
  }
}

function titled(box: Element): boolean {
  for (const title of box.querySelectorAll(LIKES_TITLE)) {
    if (sel.likesTitles.includes(title.textContent?.trim() ?? '')) return true;
  }
  return false;
}

/** A dialog or page listing the accounts that liked a post: no post in it, and its URL or title says so. */
export function isLikesList(box: Element): boolean {
  if (box.querySelector(TIME) || box.querySelector(ARTICLE)) return false;
  return titled(box) || isLikedByUrl(docOf(box)?.location?.href);
}

/** The likes lists in or around `root`. */
function likesListsFor(root: ParentNode): Element[] {
  const lists = new Set<Element>();
  const self = root as Partial<Element>;
  const around = typeof self.closest === 'function' ? (root as Element).closest(DIALOG) : null;
  for (const box of [...(around ? [around] : []), ...root.querySelectorAll(DIALOG)]) {
    if (isLikesList(box)) lists.add(box);
  }
  if (lists.size === 0 && isLikedByUrl(docOf(root)?.location?.href)) {
    const main = typeof self.closest === 'function' ? (root as Element).closest(MAIN) : null;
    for (const box of [...(main ? [main] : []), ...root.querySelectorAll(MAIN)]) {
      if (isLikesList(box)) lists.add(box);
    }
  }
  return [...lists];
}

/** One row per account: the largest box around its username link holding links to that account only. */
export function likeRowOf(link: Element, list: Element): Element | null {
  const username = profileOf(link);
  if (!username) return null;
  let box = link;
  for (let i = 0; i < MAX_CLIMB; i++) {
    const parent: Element | null = box.parentElement;
    if (!parent || parent === list || !list.contains(parent) || parent.querySelector(LIKES_TITLE)) break;
    const others = [...parent.querySelectorAll('a[href]')].some((a) => profileOf(a) !== username);
    if (others) break;
    box = parent;
  }
  return box;
}

/** The likes list a row belongs to, if any. */
export function likesListOf(el: Element): Element | null {
  for (
    let box = el.closest(`${DIALOG}, ${MAIN}`);
    box;
    box = box.parentElement?.closest(`${DIALOG}, ${MAIN}`) ?? null
  ) {
    if (isLikesList(box)) return box;
  }
  return null;
}

/**
 * Posts, comments, replies and liked-by rows in `root` (root itself included), in document order. Runs on
 * every mutation batch: selector queries and `closest` only (the post page's climb is bounded).
 */
export function findPosts(root: ParentNode): Element[] {
  const found = new Set<Element>();
  const self = root as Partial<Element>;
  const inRoot = (el: Element | null): el is Element =>
    el !== null && (el === root || (root.contains(el) && el !== root));
  const articles = [...root.querySelectorAll(ARTICLE)];
  if (typeof self.matches === 'function' && (root as Element).matches(ARTICLE))
    articles.unshift(root as Element);
  for (const article of articles) if (isPostArticle(article)) found.add(article);
  for (const time of root.querySelectorAll(TIME_LINK)) {
    const item = permalinkOf(time) ? postContainerOf(time) : commentRowOf(time);
    if (inRoot(item)) found.add(item);
  }
  for (const list of likesListsFor(root)) {
    // A batch of rows loaded while scrolling a long list: look at those rows, not the whole list again.
    const scope = list.contains(root as Node) && root !== list ? (root as Element) : list;
    for (const link of textProfileLinks(scope)) {
      const row = likeRowOf(link, list);
      if (inRoot(row)) found.add(row);
    }
  }
  return [...found].sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1));
}
