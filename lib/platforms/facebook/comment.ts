import { attempter } from '../blank';
import { parseFacebookPermalink } from '../canonical-url';
import type { Media, PostSnapshot } from '../snapshot';
import { readText } from '../text';
import { FACEBOOK, isPlaceholderHref, postOf } from './collect';
import { AUTHOR_FIELDS, accountOf, blank, missingOf, readStamp } from './fields';
import { parentOf } from './post';
import * as sel from './selectors';

// A comment (or a reply to one): role=article with the commenter's avatar and name links (both carrying
// comment_id=), the text in dir=auto blocks, and a footer list (Like · Reply · time link). Its replies are
// role=article boxes inside it: their text, links and media are theirs, not its.

const ARTICLE = sel.any(sel.article);
const COMMENT_LINK = sel.any(sel.commentAuthorLink);
const NOT_TEXT = sel.any(sel.notText);
const DECORATION = /\/(?:images\/emoji\.php|rsrc\.php)\//;

/** Inside `comment` itself, not in one of its replies. */
const ownedBy = (comment: Element, node: Element): boolean => node.closest(ARTICLE) === comment;

/** The comment's own time link: a permalink naming a comment (`…?comment_id=N`). */
export function commentStamp(comment: Element): Element | null {
  for (const link of comment.querySelectorAll('a[href]')) {
    if (!ownedBy(comment, link)) continue;
    if (parseFacebookPermalink(link.getAttribute('href'), FACEBOOK)?.commentId) return link;
  }
  // Placeholder hrefs (assumed 2025, as on posts): the footer's link that goes nowhere yet.
  for (const link of comment.querySelectorAll('li a[href]')) {
    if (ownedBy(comment, link) && isPlaceholderHref(link.getAttribute('href'))) return link;
  }
  return null;
}

/** The author's name link: the first comment_id link with text (the avatar link has none). */
function authorLink(comment: Element): Element | null {
  const links = [...comment.querySelectorAll(COMMENT_LINK)].filter((link) => ownedBy(comment, link));
  // The avatar link is aria-hidden and may hold an "online" badge's text.
  const named = links.filter((link) => link.getAttribute('aria-hidden') !== 'true');
  return named.find((link) => readText(link) !== '') ?? named[0] ?? links[0] ?? null;
}

/** `comment_id=<base64 of "comment:<post>_<comment>">` on author links: the comment's id. */
function idFromAuthorLink(link: Element | null): string | null {
  const raw = link?.getAttribute('href')?.match(/[?&]comment_id=([^&]+)/)?.[1];
  if (!raw) return null;
  try {
    const decoded = atob(decodeURIComponent(raw));
    return decoded.match(/^comment:\d+_(\d+)$/)?.[1] ?? null;
  } catch {
    return null;
  }
}

function commentText(comment: Element): string {
  const blocks: Element[] = [];
  for (const block of comment.querySelectorAll('div[dir="auto"]')) {
    if (!ownedBy(comment, block) || blocks.some((taken) => taken.contains(block))) continue;
    const ui = block.closest(NOT_TEXT);
    if (ui && comment.contains(ui)) continue;
    blocks.push(block);
  }
  return blocks
    .map((block) => readText(block))
    .filter(Boolean)
    .join('\n');
}

function commentMedia(comment: Element): Media[] {
  const media: Media[] = [];
  for (const item of comment.querySelectorAll('img, video')) {
    const src = item.getAttribute('src') ?? '';
    if (!ownedBy(comment, item) || !/^https:\/\//.test(src) || DECORATION.test(src)) continue;
    if (item.closest(COMMENT_LINK)) continue;
    const type = item.localName === 'video' ? 'video' : 'image';
    if (!media.some((known) => known.url === src)) media.push({ type, url: src });
  }
  return media;
}

export function readComment(el: Element, pageUrl: string): PostSnapshot {
  const comment: PostSnapshot = { ...blank(pageUrl), kind: 'comment' };
  const failed = new Set<string>();
  const attempt = attempter(failed);
  const extra: string[] = [];
  let link: Element | null = null;
  attempt(AUTHOR_FIELDS, () => {
    link = authorLink(el);
    comment.author = accountOf(link);
  });
  attempt(['url', 'postId', 'postedAt'], () => {
    const stamp = readStamp(commentStamp(el));
    const permalink = parseFacebookPermalink(stamp.href, FACEBOOK);
    comment.url = permalink?.commentId ? permalink.url : null;
    // A reply's own id is reply_comment_id; comment_id is then the comment it answers.
    comment.postId = permalink?.replyId ?? permalink?.commentId ?? idFromAuthorLink(link);
    comment.postedAt = stamp.postedAt;
  });
  attempt(['text'], () => {
    comment.text = commentText(el);
  });
  attempt(['media'], () => {
    comment.media = commentMedia(el);
  });
  // A sticker or GIF alone is a comment without words.
  if (!comment.text && comment.media.length === 0) extra.push('text');
  attempt(['parent'], () => {
    const { parent, missing } = parentOf(postOf(el), pageUrl);
    comment.parent = parent;
    extra.push(...missing);
  });
  comment.missing = missingOf(comment, extra, failed);
  return comment;
}
