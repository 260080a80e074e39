// Field readers shared by posts, comments and liked-by rows. Each takes the element it reads and never
// looks outside it.
import { httpsUrl, instagramProfileUrl, parseInstagramPost } from '../canonical-url';
import type { Account, Media } from '../snapshot';
import { readText } from '../text';
import { closestWithin, IG_BASE, profileOf, textProfileLinks } from './collect';
import * as sel from './selectors';

const BUTTON = sel.any(sel.button);
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z$/;
/** Levels between a <video> and the poster <img> Instagram lays over it (2024-01 feed: 4). */
const THUMB_LEVELS = 5;

import { noAccount } from '../blank';

export { noAccount };

export function accountOf(link: Element | null | undefined): Account {
  const handle = link ? profileOf(link) : null;
  // Instagram shows only usernames beside posts and comments; names appear in liked-by rows (see reaction).
  return { handle, displayName: null, profileUrl: handle ? instagramProfileUrl(handle) : null };
}

/** Text without buttons ("more", "Reply", "See translation", "2 likes"). */
export const textOf = (box: Element): string => readText(box, (el) => el.matches(BUTTON));

export function isoTime(time: Element | null | undefined): string | null {
  const value = time?.getAttribute('datetime')?.trim() ?? '';
  if (ISO_UTC.test(value)) return value;
  // Anything else only with an explicit offset: never guess a time zone.
  if (!/(?:Z|[+-]\d\d:?\d\d)$/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * The post's authors: the first profile link with text in the header (modals) or outside the media, likes
 * and comment rows (feed, post page), then the other accounts on the same line ("A and B", collab posts).
 */
export function readAuthors(post: Element): { links: Element[]; author: Account; coAuthors: Account[] } {
  const header = post.querySelector(sel.any(sel.header));
  const region = header && post.contains(header) ? header : post;
  const notAuthor = sel.any(sel.notAuthorArea);
  const first = textProfileLinks(region).find((link) => !closestWithin(link, notAuthor, post));
  if (!first) return { links: [], author: noAccount(), coAuthors: [] };
  const line = first.parentElement && closestWithin(first.parentElement, sel.any(sel.authorLine), post);
  const links = [first];
  const seen = new Set([profileOf(first)]);
  for (const link of line ? textProfileLinks(line) : []) {
    const username = profileOf(link);
    if (!seen.has(username)) {
      seen.add(username);
      links.push(link);
    }
  }
  const [author = noAccount(), ...coAuthors] = links.map(accountOf);
  return { links, author, coAuthors };
}

// Absolute http(s) sources only: a relative src is a "Save page as" copy, blob: a stream.
const remote = (src: string | null | undefined): string | null =>
  /^https?:\/\//i.test(src?.trim() ?? '') ? (httpsUrl(src)?.href ?? null) : null;

/**
 * Photos and videos of the post, not avatars, liked-by faces, or anything in `skip` (comment rows); `shown`
 * counts them all, also those without a usable address (saved local copies, blob: streams).
 */
export function readMedia(post: Element, skip: (el: Element) => boolean): { media: Media[]; shown: number } {
  const media: Media[] = [];
  let shown = 0;
  const add = (type: Media['type'], url: string | null): void => {
    if (url && !media.some((known) => known.url === url)) media.push({ type, url });
  };
  const excluded = (el: Element): boolean => {
    if (closestWithin(el, sel.any(sel.mediaExclude), post) || skip(el)) return true;
    const link = closestWithin(el, 'a[href]', post);
    return (
      link !== null &&
      (profileOf(link) !== null || parseInstagramPost(link.getAttribute('href'), IG_BASE) !== null)
    );
  };
  const thumbs = new Set<Element>();
  for (const video of post.querySelectorAll('video')) {
    if (excluded(video)) continue;
    shown++;
    let box: Element | null = video.parentElement;
    for (let i = 0; box && box !== post && i < THUMB_LEVELS; i++, box = box.parentElement) {
      const thumb = box.querySelector('img');
      if (thumb) {
        thumbs.add(thumb);
        break;
      }
    }
    const sources = [
      video.getAttribute('src'),
      ...[...video.querySelectorAll('source')].map((s) => s.getAttribute('src')),
    ];
    add('video', sources.map(remote).find((url) => url !== null) ?? remote(video.getAttribute('poster')));
  }
  for (const img of post.querySelectorAll('img')) {
    if (excluded(img)) continue;
    shown++;
    add(thumbs.has(img) ? 'video' : 'image', remote(img.getAttribute('src')));
  }
  return { media, shown };
}

/**
 * A comment's text: the first span[dir=auto] that is neither the author's name, nor the time, nor a button
 * label ("2 likes", "Reply"). Mentions inside it are links: they stay part of the text.
 */
export function commentTextBox(row: Element, author: Element | null): Element | null {
  for (const span of row.querySelectorAll(sel.any(sel.textSpan))) {
    if (closestWithin(span, 'a', row) || closestWithin(span, BUTTON, row)) continue;
    if ((author && span.contains(author)) || span.querySelector('time')) continue;
    return span;
  }
  return null;
}

/**
 * The caption row of the full post page (2025-09): author, "Edited", an unlinked time, then the caption in a
 * plain span after that line. Returns the boxes after the line that hold text.
 */
export function captionAfterTimeLine(post: Element, author: Element | null): Element[] {
  if (!author) return [];
  const username = profileOf(author);
  for (const time of post.querySelectorAll(sel.any(sel.time))) {
    if (time.closest('a[href]')) continue;
    let line: Element | null = time.parentElement;
    while (line && line !== post && !textProfileLinks(line).some((link) => profileOf(link) === username)) {
      line = line.parentElement;
    }
    if (!line || line === post) continue;
    const boxes: Element[] = [];
    for (let next = line.nextElementSibling; next; next = next.nextElementSibling) {
      if (textOf(next)) boxes.push(next);
    }
    if (boxes.length) return boxes;
  }
  return [];
}

/**
 * The feed caption (2024-01, 2025-04): a second link to the author below the likes, then a span[dir=auto]
 * holding the caption span and, when cut, "… more". Returns the caption span and its wrapper.
 */
export function feedCaption(
  post: Element,
  authorLinks: readonly Element[],
): { text: Element; box: Element } | null {
  const owner = authorLinks[0] ? profileOf(authorLinks[0]) : null;
  if (!owner) return null;
  for (const link of textProfileLinks(post)) {
    if (authorLinks.includes(link) || profileOf(link) !== owner || closestWithin(link, 'li, section', post))
      continue;
    let box: Element | null = link;
    for (let i = 0; box && box !== post && i < 5; i++, box = box.parentElement) {
      const next = box.nextElementSibling;
      if (next?.matches(sel.any(sel.textSpan))) {
        const inner = [...next.children].find((child) => child.matches(sel.any(sel.textSpan)));
        return { text: inner ?? next, box: next };
      }
    }
  }
  return null;
}
