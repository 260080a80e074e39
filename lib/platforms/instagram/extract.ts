import { AUTHOR_FIELDS, attempter, blankSnapshot } from '../blank';
import { canonicalUrl, instagramPostUrl, parseInstagramPost } from '../canonical-url';
import { parentRef } from '../parent-ref';
import type { Account, ParentRef, PostSnapshot } from '../snapshot';
import {
  closestWithin,
  commentLinkOf,
  commentRowOf,
  enclosingPost,
  findPosts,
  IG_BASE,
  isPostArticle,
  likesListOf,
  permalinkOf,
  postContainerOf,
  profileOf,
  textProfileLinks,
} from './collect';
import {
  accountOf,
  captionAfterTimeLine,
  commentTextBox,
  feedCaption,
  isoTime,
  noAccount,
  readAuthors,
  readMedia,
  textOf,
} from './read';
import * as sel from './selectors';

const TIME = sel.any(sel.time);
const BUTTON = sel.any(sel.button);

const blank = (pageUrl: string): PostSnapshot => blankSnapshot('instagram', pageUrl);

function absentAuthor(author: Account): string[] {
  return AUTHOR_FIELDS.filter((field) => author[field.slice('author.'.length) as keyof Account] === null);
}

/** Is `el` inside one of the post's comment rows? (Their avatars and links are not the post's.) */
const inCommentRow = (el: Element, post: Element): boolean => {
  const li = closestWithin(el, sel.any(sel.commentRow), post);
  return li !== null && [...li.querySelectorAll(TIME)].some((time) => commentLinkOf(time) !== null);
};

function isPromoted(post: Element): boolean {
  if (post.querySelector(sel.any(sel.sponsoredLink))) return true;
  for (const span of post.querySelectorAll('span')) {
    if (span.childElementCount === 0 && sel.sponsoredLabels.includes(span.textContent?.trim() ?? ''))
      return true;
  }
  return false;
}

/** A post: feed article, modal article or the post page's box. */
export function readPost(post: Element, pageUrl: string): PostSnapshot {
  const snapshot = blank(pageUrl);
  const failed = new Set<string>();
  const attempt = attempter(failed);
  let authorLinks: Element[] = [];
  let hasText = false;
  let hasMedia = false;
  attempt(AUTHOR_FIELDS, () => {
    const authors = readAuthors(post);
    authorLinks = authors.links;
    snapshot.author = authors.author;
    if (authors.coAuthors.length > 0) snapshot.coAuthors = authors.coAuthors;
  });
  attempt(['url', 'postId', 'postedAt'], () => {
    for (const time of post.querySelectorAll(TIME)) {
      const link = permalinkOf(time);
      if (!link) continue;
      snapshot.url = instagramPostUrl(link);
      snapshot.postId = link.code;
      snapshot.postedAt = isoTime(time);
      break;
    }
  });
  attempt(['text'], () => {
    // Modal: the caption is the h1 of the first comment row. Post page: the span after the caption row's
    // time. Feed: the span after the second author link.
    const heading = post.querySelector(sel.any(sel.captionHeading));
    if (heading) {
      snapshot.text = textOf(heading);
      hasText = true;
      return;
    }
    const boxes = captionAfterTimeLine(post, authorLinks[0] ?? null);
    if (boxes.length) {
      snapshot.text = boxes.map(textOf).join('\n');
      hasText = true;
      return;
    }
    const caption = feedCaption(post, authorLinks);
    if (caption) {
      snapshot.text = textOf(caption.text);
      snapshot.textTruncated = caption.box.querySelector(BUTTON) !== null;
      hasText = true;
    }
  });
  attempt(['media'], () => {
    const found = readMedia(post, (el) => inCommentRow(el, post));
    snapshot.media = found.media;
    hasMedia = found.shown > 0;
  });
  attempt(['promoted'], () => {
    snapshot.promoted = snapshot.url === null && isPromoted(post);
  });
  const absent: string[] = [];
  if (snapshot.url === null) absent.push('url');
  if (snapshot.postId === null) absent.push('postId');
  if (snapshot.postedAt === null) absent.push('postedAt');
  absent.push(...absentAuthor(snapshot.author));
  // Every Instagram post has media: with media shown and no caption, the text is empty, not missing.
  if (!hasText && !hasMedia) absent.push('text');
  snapshot.missing = [...new Set([...absent, ...failed])];
  return snapshot;
}

/** The post a comment or reply belongs to: the post around it, else what its own link says. */
function commentParent(
  row: Element,
  link: ReturnType<typeof commentLinkOf>,
  pageUrl: string,
): ParentRef | null {
  const post = enclosingPost(row);
  if (post && post !== row) {
    const parent = readPost(post, pageUrl);
    if (parent.url || !link) return parentRef(parent);
  }
  if (!link) return null;
  return {
    url: instagramPostUrl({ ...link, commentId: null, replyId: null }),
    author: noAccount(),
    textExcerpt: '',
  };
}

/** A comment or a reply to one (both kind 'comment'; the parent is always the post). */
export function readComment(row: Element, pageUrl: string): PostSnapshot {
  const snapshot = { ...blank(pageUrl), kind: 'comment' as const };
  const failed = new Set<string>();
  const attempt = attempter(failed);
  let authorLink: Element | null = null;
  let link: ReturnType<typeof commentLinkOf> = null;
  let hasText = false;
  attempt(['url', 'postId', 'postedAt'], () => {
    for (const time of row.querySelectorAll(TIME)) {
      link = commentLinkOf(time);
      if (!link) continue;
      snapshot.url = instagramPostUrl(link);
      snapshot.postId = link.replyId ?? link.commentId;
      snapshot.postedAt = isoTime(time);
      break;
    }
  });
  attempt(AUTHOR_FIELDS, () => {
    authorLink = textProfileLinks(row)[0] ?? null;
    snapshot.author = accountOf(authorLink);
  });
  attempt(['text'], () => {
    const box = commentTextBox(row, authorLink);
    hasText = box !== null;
    snapshot.text = box ? textOf(box) : '';
    snapshot.textTruncated = box?.querySelector(BUTTON) != null;
  });
  attempt(['parent.url'], () => {
    snapshot.parent = commentParent(row, link, pageUrl);
  });
  const absent: string[] = [];
  if (snapshot.url === null) absent.push('url');
  if (snapshot.postId === null) absent.push('postId');
  if (snapshot.postedAt === null) absent.push('postedAt');
  absent.push(...absentAuthor(snapshot.author));
  if (!hasText) absent.push('text');
  if (snapshot.parent?.url == null) absent.push('parent.url');
  snapshot.missing = [...new Set([...absent, ...failed])];
  return snapshot;
}

/** The code a post element shows: its permalink, else (sponsored posts) its liked-by link. */
function postCode(post: Element): string | null {
  for (const time of post.querySelectorAll(TIME)) {
    const link = permalinkOf(time);
    if (link) return link.code;
  }
  const likes = post.querySelector('a[href*="/liked_by/"]');
  return likes ? (parseInstagramPost(likes.getAttribute('href'), IG_BASE)?.code ?? null) : null;
}

/**
 * The post whose likes these are: the one the page URL names (/p/CODE/liked_by/, or the post page under the
 * dialog), read from the page when it is there; else the only post on the page; else unknown.
 */
function likedPost(row: Element, pageUrl: string): ParentRef | null {
  const doc = row.ownerDocument;
  const posts = doc ? findPosts(doc).filter((el) => itemKind(el) === 'post') : [];
  const named = parseInstagramPost(pageUrl);
  if (named && named.commentId === null) {
    const url = canonicalUrl(pageUrl);
    const match = posts.find((el) => postCode(el) === named.code);
    const parent = match ? parentRef(readPost(match, pageUrl)) : null;
    return parent ? { ...parent, url: parent.url ?? url } : { url, author: noAccount(), textExcerpt: '' };
  }
  return posts.length === 1 && posts[0] ? parentRef(readPost(posts[0], pageUrl)) : null;
}

/** A row of a liked-by list: this account liked the post (kind 'reaction'). */
export function readReaction(row: Element, pageUrl: string): PostSnapshot {
  const snapshot = { ...blank(pageUrl), kind: 'reaction' as const };
  const failed = new Set<string>();
  const attempt = attempter(failed);
  attempt(AUTHOR_FIELDS, () => {
    const link = textProfileLinks(row)[0] ?? null;
    snapshot.author = accountOf(link);
    // The full name: the first text outside links and buttons that is not the username again.
    for (const span of row.querySelectorAll('span')) {
      if (span.closest('a, button, [role="button"]') || span.childElementCount > 0) continue;
      const name = textOf(span);
      if (name && name !== snapshot.author.handle) {
        snapshot.author.displayName = name;
        break;
      }
    }
  });
  attempt(['parent.url'], () => {
    snapshot.parent = likedPost(row, pageUrl) ?? { url: null, author: noAccount(), textExcerpt: '' };
  });
  // A like has no permalink, time or text of its own: only what is missing from the row is listed.
  const absent = absentAuthor(snapshot.author);
  if (snapshot.parent?.url == null) absent.push('parent.url');
  snapshot.missing = [...new Set([...absent, ...failed])];
  return snapshot;
}

/** What an element from findPosts is: a post, a comment row or a liked-by row. */
export function itemKind(el: Element): 'post' | 'comment' | 'reaction' {
  if (el.matches('article') && isPostArticle(el)) return 'post';
  const times = [...el.querySelectorAll(TIME)];
  if (times.some((time) => permalinkOf(time) && postContainerOf(time) === el)) return 'post';
  if (times.some((time) => commentRowOf(time) === el)) return 'comment';
  if (times.length === 0 && likesListOf(el) && profileOf(textProfileLinks(el)[0] ?? el)) return 'reaction';
  return times.some((time) => commentLinkOf(time)) && !times.some((time) => permalinkOf(time))
    ? 'comment'
    : 'post';
}

/** Snapshot of one post, comment or liked-by row. Never throws: what it cannot read is in `missing`. */
export function extract(el: Element, pageUrl: string): PostSnapshot {
  try {
    const kind = itemKind(el);
    if (kind === 'comment') return readComment(el, pageUrl);
    if (kind === 'reaction') return readReaction(el, pageUrl);
    return readPost(el, pageUrl);
  } catch {
    return { ...blank(pageUrl), missing: ['url', 'postId', 'postedAt', ...AUTHOR_FIELDS, 'text'] };
  }
}
