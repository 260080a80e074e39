import { AUTHOR_FIELDS, attempter, blankSnapshot } from '../blank';
import {
  canonicalUrl,
  httpsUrl,
  parseXProfile,
  parseXStatus,
  stripTracking,
  xProfileUrl,
  xStatusUrl,
} from '../canonical-url';
import { parentRef } from '../parent-ref';
import type { Account, Media, ParentRef, PostSnapshot } from '../snapshot';
import { readText } from '../text';
import { focalOf, type InteractionList, interactionList, isUserCell, kindOf, tweetWithId } from './collect';
import * as sel from './selectors';

const X_HANDLE = /^@?([A-Za-z0-9_]{1,50})$/;
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z$/;
// Sub-pages of a status that always belong to the same tweet (photo viewer, analytics…).
const STATUS_SUBPAGE = /\/status\/\d+\/(?:photo|video|analytics|quotes|retweets|likes|history)\b/;
const REPOST_WORDS = /\s*(?:reposted|retweeted|memposting ulang|me-repost|mereposting|me-retweet)\s*$/i;
const NOT_A_REPOST = /\b(?:pinned|disematkan|liked|menyukai|follows?|mengikuti|replying to|membalas)\b/i;
// Node.DOCUMENT_POSITION_PRECEDING, spelled out: the CLI runs without DOM globals.
const PRECEDING = 2;

const inside = (node: Node, box: Element | null): boolean => box?.contains(node) ?? false;

/** First match of the first selector in `list` that finds one outside `exclude` (fallbacks in order). */
function firstOutside(root: ParentNode, list: readonly string[], exclude: Element | null): Element | null {
  for (const selector of list) {
    for (const found of root.querySelectorAll(selector)) if (!inside(found, exclude)) return found;
  }
  return null;
}

/** The quoted tweet: a role=link box holding its own author row (the "Show more" link is role=link too). */
export function findQuote(el: Element): Element | null {
  const userName = sel.any(sel.userName);
  for (const box of el.querySelectorAll(sel.any(sel.quote))) {
    if (box.querySelector(userName) && !box.closest(userName)) return box;
  }
  return null;
}

function handleFrom(text: string | null | undefined): string | null {
  const match = X_HANDLE.exec(text?.trim() ?? '');
  return match?.[1] ? match[1].toLowerCase() : null;
}

function readAuthor(root: Element, exclude: Element | null, pageUrl: string): Account {
  const row = firstOutside(root, sel.userName, exclude);
  let handle: string | null = null;
  let handleEl: Element | null = null;
  let displayName: string | null = null;
  if (row) {
    for (const span of row.querySelectorAll('span')) {
      const text = span.textContent?.trim() ?? '';
      if (span.childElementCount === 0 && text.startsWith('@') && handleFrom(text)) {
        handle = handleFrom(text);
        handleEl = span;
        break;
      }
    }
    const time = sel.any(sel.time);
    const blocks = sel.displayName.flatMap((selector) => [...row.querySelectorAll(selector)]);
    for (const block of blocks) {
      if ((handleEl && block.contains(handleEl)) || block.querySelector(time)) continue;
      // Nested role=link inside the name is an affiliation badge, not part of the name.
      const name = readText(block, (el) => el !== block && el.getAttribute('role') === 'link');
      if (name && name !== '·') {
        displayName = name;
        break;
      }
    }
    if (!handle) handle = parseXProfile(row.querySelector('a[href]')?.getAttribute('href'), pageUrl);
  }
  if (!handle) {
    const avatar = firstOutside(root, sel.avatarContainer, exclude);
    handle = handleFrom(avatar?.getAttribute('data-testid')?.slice(sel.avatarContainerPrefix.length));
  }
  return { handle, displayName, profileUrl: handle ? xProfileUrl(handle) : null };
}

function isoTime(time: Element | null): string | null {
  const value = time?.getAttribute('datetime')?.trim() ?? '';
  if (ISO_UTC.test(value)) return value;
  // Anything else only with an explicit offset: never guess a time zone.
  if (!/(?:Z|[+-]\d\d:?\d\d)$/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

interface Permalink {
  url: string | null;
  id: string | null;
  postedAt: string | null;
  hasTime: boolean;
}

function readPermalink(
  root: Element,
  exclude: Element | null,
  pageUrl: string,
  author: string | null,
): Permalink {
  const times = [...root.querySelectorAll(sel.any(sel.time))].filter((time) => !inside(time, exclude));
  for (const time of times) {
    const link = time.closest(sel.any(sel.statusLink));
    const status = link && root.contains(link) ? parseXStatus(link.getAttribute('href'), pageUrl) : null;
    if (status) {
      return {
        url: xStatusUrl(status.handle, status.id),
        id: status.id,
        postedAt: isoTime(time),
        hasTime: true,
      };
    }
  }
  // No time link (quoted tweets, ads): a photo/analytics link of the same author still names the tweet.
  let status = null;
  for (const link of root.querySelectorAll(sel.any(sel.statusLink))) {
    const href = link.getAttribute('href') ?? '';
    const candidate =
      STATUS_SUBPAGE.test(href) && !inside(link, exclude) ? parseXStatus(href, pageUrl) : null;
    if (candidate?.handle && candidate.handle === author) {
      status = candidate;
      break;
    }
  }
  const time = times[0] ?? null;
  return {
    url: status ? xStatusUrl(status.handle, status.id) : null,
    id: status?.id ?? null,
    postedAt: isoTime(time),
    hasTime: time !== null,
  };
}

/** Only absolute http(s) sources: a relative src is a "Save page as" copy, not where X serves the file. */
const remote = (src: string | null | undefined): string | null =>
  /^https?:\/\//i.test(src?.trim() ?? '') ? (httpsUrl(src)?.href ?? null) : null;

function videoMedia(video: Element): Media | null {
  const sources = [
    video.getAttribute('src'),
    ...[...video.querySelectorAll('source')].map((s) => s.getAttribute('src')),
  ];
  const file = sources.map(remote).find((url) => url !== null) ?? null;
  const poster = remote(video.getAttribute('poster'));
  const url = file ?? poster;
  if (!url) return null;
  // GIFs are looping videos served from /tweet_video/ (thumbnail from /tweet_video_thumb/).
  return { type: /\/tweet_video(?:_thumb)?\//.test(url) ? 'gif' : 'video', url };
}

function thumbnailType(url: string): Media['type'] {
  if (/\/tweet_video_thumb\//.test(url)) return 'gif';
  return /\/(?:ext_tw|amplify)_video_thumb\//.test(url) ? 'video' : 'image';
}

function readMedia(root: Element, exclude: Element | null, pageUrl: string): Media[] {
  const media: Media[] = [];
  const add = (item: Media | null): void => {
    if (item && !media.some((known) => known.url === item.url)) media.push(item);
  };
  const photos = sel.any(sel.photo);
  for (const box of root.querySelectorAll(photos)) {
    if (inside(box, exclude)) continue;
    const video = box.querySelector('video');
    if (video) {
      add(videoMedia(video));
      continue;
    }
    const img = box.querySelector('img');
    const link = box.closest('a[href]');
    const fallback = link && root.contains(link) ? httpsUrl(link.getAttribute('href'), pageUrl)?.href : null;
    const url = remote(img?.getAttribute('src')) ?? fallback ?? null;
    // Quoted videos show only their thumbnail (no <video>): the thumbnail's path says what it is.
    if (url) add({ type: thumbnailType(url), url });
  }
  for (const video of root.querySelectorAll('video')) {
    if (!inside(video, exclude) && !video.closest(photos)) add(videoMedia(video));
  }
  for (const card of root.querySelectorAll(sel.any(sel.card))) {
    if (inside(card, exclude)) continue;
    const target = httpsUrl(card.querySelector('a[href]')?.getAttribute('href'), pageUrl);
    if (target) add({ type: 'link', url: stripTracking(target).href });
  }
  return media;
}

function readRepostedBy(root: Element, exclude: Element | null, pageUrl: string): Account | null {
  const line = firstOutside(root, sel.socialContext, exclude);
  if (!line) return null;
  const link = line.closest('a[href]') ?? line.querySelector('a[href]');
  const handle = link && root.contains(link) ? parseXProfile(link.getAttribute('href'), pageUrl) : null;
  const full = readText(line);
  // "Pinned" has no profile link; other context lines are not reposts. Unknown languages: trust the link.
  if (!handle || (!REPOST_WORDS.test(full) && NOT_A_REPOST.test(full))) return null;
  // Structure first: the name is a link or span of its own beside the localised verb; else strip the verb.
  let displayName = full.replace(REPOST_WORDS, '').trim();
  for (const part of [line.contains(link) ? link : null, line.querySelector('span')]) {
    const text = part ? readText(part) : '';
    if (text && text !== full) {
      displayName = text;
      break;
    }
  }
  return { handle, displayName: displayName || null, profileUrl: xProfileUrl(handle) };
}

function isPromoted(root: Element, exclude: Element | null): boolean {
  const media = `${sel.any(sel.photo)}, ${sel.any(sel.videoPlayer)}`;
  for (const marker of root.querySelectorAll(sel.any(sel.placementTracking))) {
    if (!inside(marker, exclude) && !marker.closest(media)) return true;
  }
  if (root.parentElement?.closest(sel.any(sel.placementTracking))) return true;
  const text = sel.any(sel.tweetText);
  for (const span of root.querySelectorAll('span')) {
    if (span.childElementCount > 0 || inside(span, exclude) || span.closest(text)) continue;
    if (sel.promotedLabels.includes(span.textContent?.trim() ?? '')) return true;
  }
  return false;
}

const blank = (pageUrl: string): PostSnapshot => blankSnapshot('x', pageUrl);

/** One tweet (`exclude` = its quote box) or a quoted tweet (`exclude` = null, `outer` = false). */
function readPost(root: Element, exclude: Element | null, pageUrl: string, outer: boolean): PostSnapshot {
  const post = blank(pageUrl);
  const failed = new Set<string>();
  const attempt = attempter(failed);
  let hasTime = false;
  let hasText = false;
  attempt(AUTHOR_FIELDS, () => {
    post.author = readAuthor(root, exclude, pageUrl);
  });
  attempt(['url', 'postId', 'postedAt'], () => {
    const link = readPermalink(root, exclude, pageUrl, post.author.handle);
    ({ url: post.url, id: post.postId, postedAt: post.postedAt, hasTime } = link);
  });
  attempt(['text'], () => {
    const box = firstOutside(root, sel.tweetText, exclude);
    hasText = box !== null;
    post.text = box ? readText(box) : '';
    post.textTruncated = firstOutside(root, sel.showMore, exclude) !== null;
  });
  attempt(['media'], () => {
    post.media = readMedia(root, exclude, pageUrl);
  });
  if (outer) {
    attempt(['repostedBy'], () => {
      post.repostedBy = readRepostedBy(root, exclude, pageUrl);
    });
    attempt(['quoted'], () => {
      post.quoted = exclude ? readPost(exclude, null, pageUrl, false) : null;
    });
    attempt(['promoted'], () => {
      post.promoted = !hasTime && isPromoted(root, exclude);
    });
    attempt(['kind'], () => {
      post.kind = kindOf(root, post.postId, pageUrl);
    });
    attempt(['parent'], () => {
      if (post.kind === 'reply') post.parent = readParent(root, pageUrl);
    });
  }
  const absent: string[] = [];
  if (post.url === null) absent.push('url');
  if (post.postId === null) absent.push('postId');
  if (post.postedAt === null) absent.push('postedAt');
  if (post.author.handle === null) absent.push('author.handle');
  if (post.author.displayName === null) absent.push('author.displayName');
  if (post.author.profileUrl === null) absent.push('author.profileUrl');
  // Media-only tweets have no tweetText: their text is empty, not missing. A card or quote counts as content.
  if (!hasText && post.media.length === 0 && post.quoted === null) absent.push('text');
  post.missing = [...new Set([...absent, ...failed])];
  return post;
}

/** A reply's parent: the status page's focal tweet, or what the page URL alone says of it. */
function readParent(root: Element, pageUrl: string): ParentRef {
  const focal = focalOf(root, pageUrl);
  if (focal && focal !== root) return parentRef(readPost(focal, findQuote(focal), pageUrl, false));
  const status = parseXStatus(pageUrl);
  const handle = status?.handle ?? null;
  return {
    url: canonicalUrl(pageUrl),
    author: { handle, displayName: null, profileUrl: handle ? `https://x.com/${handle}` : null },
    textExcerpt: '',
  };
}

/** The account a list row names: handle, display name (its name link) and profile URL. */
function readListedAccount(row: Element, pageUrl: string): Account {
  const follow = firstOutside(row, sel.followButton, null);
  // The bio sits after the Follow button and its @mentions link other accounts: only links before it count.
  const links = [...row.querySelectorAll('a[href]')]
    .filter((link) => !follow || follow.compareDocumentPosition(link) & PRECEDING)
    .map((link) => ({ handle: parseXProfile(link.getAttribute('href'), pageUrl), text: readText(link) }));
  const avatar = firstOutside(row, sel.avatarContainer, null);
  const label = /@[A-Za-z0-9_]{1,50}\b/.exec(follow?.getAttribute('aria-label') ?? '')?.[0];
  const handle =
    handleFrom(avatar?.getAttribute('data-testid')?.slice(sel.avatarContainerPrefix.length)) ??
    handleFrom(label) ??
    links.find((item) => item.handle !== null)?.handle ??
    null;
  // The name is the text of a link to the account that is not its "@handle" (the avatar link has none).
  const name = handle
    ? links.find((item) => item.handle === handle && item.text !== '' && !item.text.startsWith('@'))
    : undefined;
  return { handle, displayName: name?.text ?? null, profileUrl: handle ? xProfileUrl(handle) : null };
}

/** The post a list belongs to: its tweet when the page shows it (seldom), else what the page URL says. */
function listParent(row: Element, list: InteractionList, pageUrl: string): ParentRef {
  const tweet = tweetWithId(row, list.status.id);
  if (tweet) return parentRef(readPost(tweet, findQuote(tweet), pageUrl, false));
  const { handle, id } = list.status;
  return {
    url: xStatusUrl(handle, id),
    author: { handle, displayName: null, profileUrl: handle ? xProfileUrl(handle) : null },
    textExcerpt: '',
  };
}

/** One row of a "Reposted by" (kind repost) or "Liked by" (kind reaction) list. */
function readInteraction(row: Element, list: InteractionList, pageUrl: string): PostSnapshot {
  const post: PostSnapshot = { ...blank(pageUrl), kind: list.kind };
  const failed = new Set<string>();
  const attempt = attempter(failed);
  attempt(AUTHOR_FIELDS, () => {
    post.author = readListedAccount(row, pageUrl);
  });
  attempt(['parent'], () => {
    post.parent = listParent(row, list, pageUrl);
  });
  // A repost or a like has no permalink, id or time of its own on X: url, postId and postedAt are absent by
  // nature, not because a selector failed. They are still named in `missing`, so a reader of the record never
  // takes the nulls for fields nobody looked for; the post it is about is in `parent`. The text stays empty and
  // is not missing: the row's bio is not the evidence, the act of reposting or liking is.
  const absent = ['url', 'postId', 'postedAt'];
  if (post.author.handle === null) absent.push('author.handle');
  if (post.author.displayName === null) absent.push('author.displayName');
  if (post.author.profileUrl === null) absent.push('author.profileUrl');
  post.missing = [...new Set([...absent, ...failed])];
  return post;
}

/**
 * Snapshot of one tweet, or of one account row on a "Reposted by" / "Liked by" page. Never throws: what
 * cannot be read is null/empty and named in `missing`.
 */
export function extract(el: Element, pageUrl: string): PostSnapshot {
  try {
    // findPosts hands out UserCells on list pages only; one passed in anyway is read as a tweet (all missing).
    const list = isUserCell(el) ? interactionList(pageUrl) : null;
    if (list) return readInteraction(el, list, pageUrl);
    let quote: Element | null = null;
    try {
      quote = findQuote(el);
    } catch {
      quote = null;
    }
    return readPost(el, quote, pageUrl, true);
  } catch {
    return { ...blank(pageUrl), missing: ['url', 'postId', 'postedAt', ...AUTHOR_FIELDS, 'text'] };
  }
}
