import { parseXStatus } from '../canonical-url';
import * as sel from './selectors';

const TWEET = sel.any(sel.tweet);
const FALLBACK = sel.any(sel.tweetFallback);
const ANY_TWEET = `${TWEET}, ${FALLBACK}`;
const NOT_IN_FEED = sel.any(sel.notInFeed);
const USER_NAME = sel.any(sel.userName);
// Node.DOCUMENT_POSITION_FOLLOWING, spelled out: the CLI runs without DOM globals.
const FOLLOWING = 4;

function isTweet(el: Element): boolean {
  if (el.matches(TWEET)) return true;
  // role=article alone is too loose (other widgets use it): it counts only with an author row inside.
  return el.matches(FALLBACK) && el.querySelector(USER_NAME) !== null;
}

function isFlaggable(el: Element): boolean {
  if (!isTweet(el)) return false;
  // A tweet inside another tweet is part of it (X renders quotes as div[role=link], but be safe).
  const outer = el.parentElement?.closest(ANY_TWEET);
  if (outer && isTweet(outer)) return false;
  return el.closest(NOT_IN_FEED) === null;
}

/**
 * Tweets in `root` (root itself included), in document order, without tweets nested in tweets and without
 * the DM drawer's or carousels' look-alikes. Runs on every mutation batch: selector queries and `closest` only.
 */
export function findPosts(root: ParentNode): Element[] {
  const found: Element[] = [];
  const self = root as Partial<Element>;
  if (typeof self.matches === 'function' && isFlaggable(root as Element)) found.push(root as Element);
  for (const el of root.querySelectorAll(ANY_TWEET)) {
    if (isFlaggable(el)) found.push(el);
  }
  return found;
}

function searchRoot(el: Element): ParentNode {
  const top = el.getRootNode() as Partial<ParentNode>;
  return typeof top.querySelectorAll === 'function' ? (top as ParentNode) : el;
}

/** `<time>` inside a link to status `id`: the selector lists crossed, so every fallback pair is tried. */
const timeLinkedTo = (id: string): string =>
  sel.any(sel.statusLink.flatMap((link) => sel.time.map((time) => `${link}[href*="/status/${id}"] ${time}`)));

/** The status page's own tweet: the one whose permalink is the page's id, else the one X focuses. */
function focalTweet(el: Element, statusId: string): Element | null {
  const root = searchRoot(el);
  for (const time of root.querySelectorAll(timeLinkedTo(statusId))) {
    const tweet = time.closest(ANY_TWEET);
    const href = time.closest('a')?.getAttribute('href');
    if (tweet && parseXStatus(href, 'https://x.com/')?.id === statusId) return tweet;
  }
  return root.querySelector(sel.any(sel.tweet.map((tweet) => `${tweet}[tabindex="-1"]`)));
}

/** The status id when the page is a status page itself: not a photo viewer opened over the home feed. */
function statusPage(pageUrl: string): { id: string } | null {
  const status = parseXStatus(pageUrl);
  if (!status) return null;
  const path = new URL(pageUrl).pathname.replace(/\/$/, '');
  return path.endsWith(`/status/${status.id}`) ? status : null;
}

/** On a status page, its focal tweet if it is in the DOM (replies name it as their parent). */
export function focalOf(el: Element, pageUrl: string): Element | null {
  const page = statusPage(pageUrl);
  return page ? focalTweet(el, page.id) : null;
}

/**
 * On a status page (/<handle>/status/<id>) the focal tweet and the thread above it are posts, the tweets
 * below it replies. Everywhere else every tweet is a post.
 */
export function kindOf(el: Element, postId: string | null, pageUrl: string): 'post' | 'reply' {
  const page = statusPage(pageUrl);
  if (!page || postId === page.id) return 'post';
  const focal = focalTweet(el, page.id);
  // Focal tweet scrolled out of the DOM: what is left below a status page's focal tweet is replies.
  if (!focal) return 'reply';
  if (focal === el || focal.contains(el)) return 'post';
  return focal.compareDocumentPosition(el) & FOLLOWING ? 'reply' : 'post';
}
