import { attempter } from '../blank';
import { parseFacebookPermalink, parseFacebookProfile } from '../canonical-url';
import { parentRef } from '../parent-ref';
import type { ParentRef, PostSnapshot } from '../snapshot';
import { readBody, readMedia, type Scope } from './body';
import {
  actionsMenuOf,
  FACEBOOK,
  follows,
  headersIn,
  isComment,
  postOf,
  postsAround,
  profileLink,
  timestampOf,
} from './collect';
import { AUTHOR_FIELDS, accountOf, blank, missingOf, noAccount, pagePostUrl, readStamp } from './fields';
import * as sel from './selectors';

const COLUMN = sel.any(sel.viewerColumn);
const UNIT = sel.any(sel.unit);
const HEADING = sel.any(sel.heading);
const SPONSORED = sel.any(sel.sponsoredLink);
const POSTS_PATH = /^https:\/\/www\.facebook\.com\/([^/?]+)\/posts\//;

export interface PostParts {
  header: Element | null;
  stamp: Element | null;
  scope: Scope;
  /** Where the body starts: the actions menu, else the timestamp link, else the header. */
  start: Element | null;
  /** The "Actions for this post" button, beside which the flag goes. */
  menu: Element | null;
}

/** The header, timestamp and scope of a post; comments and posts nested in it are outside its scope. */
export function partsOf(el: Element): PostParts {
  const nested = postsAround(el).filter((post) => post !== el && el.contains(post));
  const comments = [...el.querySelectorAll(sel.any(sel.article))].filter(isComment);
  const scope: Scope = { root: el, exclude: [...nested, ...comments] };
  const owned = (node: Element) => !scope.exclude.some((box) => box.contains(node));
  const header = headersIn(el).find(owned) ?? null;
  const stamp = header ? timestampOf(header, el) : null;
  const menu = header ? actionsMenuOf(header, el, owned) : null;
  return { header, stamp, scope, start: menu ?? stamp ?? header, menu };
}

/** Links before a post's header, outside headings: "A and B shared a post" names the sharers and the post. */
function aggregateLine(el: Element, header: Element | null): Element[] {
  if (!header) return [];
  return [...el.querySelectorAll('a[href]')].filter(
    (link) => follows(link, header) && !link.closest(HEADING),
  );
}

/** Accounts named on that line, but for the post's own author (whose avatar link stands there too). */
function sharers(el: Element): Set<string> {
  const { header } = partsOf(el);
  const own = header ? accountOf(profileLink(header)).handle : null;
  const handles = aggregateLine(el, header).map((link) =>
    parseFacebookProfile(link.getAttribute('href'), FACEBOOK),
  );
  return new Set(handles.filter((handle): handle is string => handle !== null && handle !== own));
}

/** A permalink the page itself gives for this post when its timestamp does not. */
function fallbackUrl(el: Element, parts: PostParts, author: string | null, pageUrl: string): string | null {
  // 2022-03 "A and B shared a post": the line above the original's header links to the original.
  for (const link of aggregateLine(el, parts.header)) {
    const permalink = parseFacebookPermalink(link.getAttribute('href'), FACEBOOK);
    if (permalink && author && permalink.url.match(POSTS_PATH)?.[1] === author) return permalink.url;
  }
  // A photo or single-post page: its URL is the post's (the photo viewer, or the page's only post).
  const page = pagePostUrl(pageUrl);
  if (!page || postOf(el) !== el) return null;
  if (el.matches(COLUMN)) return page;
  const tops = postsAround(el).filter((post) => !post.parentElement?.closest(`${COLUMN}, ${UNIT}`));
  return tops.length === 1 && tops[0] === el ? page : null;
}

/**
 * A share's original as `quoted`. Two layouts: the original embedded inside the share (a nested post whose
 * author is not on an aggregate line), or "A and B shared a post", where the original is the outer unit
 * and the shares sit inside it, their authors named on the line above the original's header.
 */
function quotedOf(
  el: Element,
  parts: PostParts,
  author: string | null,
  pageUrl: string,
): PostSnapshot | null {
  const outer = postsAround(el).find((post) => post !== el && post.contains(el));
  if (outer && author && sharers(outer).has(author)) return readPost(outer, pageUrl, false);
  const listed = sharers(el);
  for (const inner of parts.scope.exclude) {
    if (isComment(inner)) continue;
    const innerAuthor = accountOf(profileLink(headersIn(inner)[0] ?? inner)).handle;
    if (!innerAuthor || !listed.has(innerAuthor)) return readPost(inner, pageUrl, false);
  }
  return null;
}

/** One post: a feed unit, a photo viewer column, or a post inside an aggregate. `outer`: read `quoted`. */
export function readPost(el: Element, pageUrl: string, outer = true): PostSnapshot {
  const post = blank(pageUrl);
  const failed = new Set<string>();
  const attempt = attempter(failed);
  let parts: PostParts = {
    header: null,
    stamp: null,
    scope: { root: el, exclude: [] },
    start: null,
    menu: null,
  };
  let hasText = false;
  attempt(['url', 'postId', 'postedAt', ...AUTHOR_FIELDS, 'text', 'media'], () => {
    parts = partsOf(el);
  });
  attempt(AUTHOR_FIELDS, () => {
    post.author = accountOf(parts.header ? profileLink(parts.header) : null);
  });
  attempt(['url', 'postId', 'postedAt'], () => {
    const stamp = readStamp(parts.stamp);
    const permalink = parseFacebookPermalink(stamp.href, FACEBOOK);
    post.url = permalink?.url ?? fallbackUrl(el, parts, post.author.handle, pageUrl);
    post.postId = permalink?.id ?? parseFacebookPermalink(post.url)?.id ?? null;
    post.postedAt = stamp.postedAt;
  });
  attempt(['text'], () => {
    const body = readBody(parts.scope, parts.start);
    post.text = body.text;
    post.textTruncated = body.truncated;
    hasText = body.found;
  });
  attempt(['media'], () => {
    post.media = readMedia(parts.scope, parts.start);
    // The photo viewer's photo sits beside the column, in the same dialog.
    const viewer = el.matches(COLUMN) ? el.closest(sel.any(sel.dialog)) : null;
    const photo = viewer?.querySelector(sel.any(sel.viewerPhoto));
    const src = photo?.getAttribute('src') ?? '';
    if (photo && post.url)
      post.media.unshift({ type: 'image', url: /^https:\/\//.test(src) ? src : post.url });
  });
  attempt(['promoted'], () => {
    post.promoted = [...el.querySelectorAll(SPONSORED)].some(
      (link) => !parts.scope.exclude.some((b) => b.contains(link)),
    );
  });
  if (outer) {
    attempt(['quoted'], () => {
      post.quoted = quotedOf(el, parts, post.author.handle, pageUrl);
    });
  }
  // Profile-picture and cover updates have a photo and no words: their text is empty, not missing.
  const noText = !hasText && post.media.length === 0 && post.quoted === null;
  post.missing = missingOf(post, noText ? ['text'] : [], failed);
  return post;
}

/** What a comment or reaction names as its post: that post when found, else what the page URL says. */
export function parentOf(post: Element | null, pageUrl: string): { parent: ParentRef; missing: string[] } {
  const snapshot = post ? readPost(post, pageUrl, false) : null;
  const parent: ParentRef = snapshot
    ? parentRef(snapshot)
    : { url: pagePostUrl(pageUrl), author: noAccount(), textExcerpt: '' };
  return { parent, missing: parent.url === null ? ['parent.url'] : [] };
}
