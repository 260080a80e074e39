import { httpsUrl, parseXStatus, type XStatus } from '../canonical-url';
import * as sel from './selectors';

const TWEET = sel.any(sel.tweet);
const FALLBACK = sel.any(sel.tweetFallback);
const ANY_TWEET = `${TWEET}, ${FALLBACK}`;
const NOT_IN_FEED = sel.any(sel.notInFeed);
const USER_NAME = sel.any(sel.userName);
const USER_CELL = sel.any(sel.userCell);
const LIST_COLUMN = sel.any(sel.listColumn);
const NOT_IN_LIST = sel.any([...sel.notInList, ...sel.notInFeed]);
const LIST_PATH = /\/status(?:es)?\/\d+\/([A-Za-z_]+)\/?$/;
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

/** "Reposted by" / "Liked by": the kind its rows get and the post they belong to. */
export interface InteractionList {
  kind: 'repost' | 'reaction';
  status: XStatus;
}

/** The interaction list `pageUrl` shows (/<handle>/status/<id>/retweets or /likes), or null for any other page. */
export function interactionList(pageUrl: string): InteractionList | null {
  // Runs on every mutation batch: a string test first, the URL parser only on status pages.
  if (!pageUrl.includes('/status')) return null;
  const status = parseXStatus(pageUrl);
  if (!status) return null;
  const page = LIST_PATH.exec(httpsUrl(pageUrl)?.pathname ?? '')?.[1]?.toLowerCase();
  const kind = page === undefined ? undefined : sel.interactionLists.get(page);
  return kind ? { kind, status } : null;
}

/** The address of the document `root` belongs to (browser, happy-dom and the CLI's Window all set it). */
function documentUrl(root: ParentNode): string {
  const node = root as Partial<Node> & Partial<Document>;
  const doc = (node.ownerDocument ?? node) as Partial<Document>;
  return typeof doc.URL === 'string' ? doc.URL : '';
}

/** A UserCell: an account row (lists, Who to follow), never a tweet. */
export const isUserCell = (el: Element): boolean => el.matches(USER_CELL);

/** A row of the interaction list: a UserCell of the main column, not in the sidebar, a tweet or another row. */
function isListRow(el: Element): boolean {
  if (!isUserCell(el) || el.closest(LIST_COLUMN) === null || el.closest(NOT_IN_LIST) !== null) return false;
  return el.parentElement?.closest(`${USER_CELL}, ${ANY_TWEET}`) == null;
}

const inDocumentOrder = (a: Element, b: Element): number =>
  a === b ? 0 : a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1;

/**
 * Tweets in `root` (root itself included), in document order, without tweets nested in tweets and without
 * the DM drawer's or carousels' look-alikes; on a "Reposted by" or "Liked by" page also the list's account
 * rows. Runs on every mutation batch: selector queries and `closest` only, the page URL read once.
 */
export function findPosts(root: ParentNode): Element[] {
  const found: Element[] = [];
  const self = root as Partial<Element>;
  const isElement = typeof self.matches === 'function';
  if (isElement && isFlaggable(root as Element)) found.push(root as Element);
  // The test id is the tweet's hook; the looser role=article is looked for only where no tweet carries it
  // (a redesign that dropped the id), which halves the work of every scan on today's X.
  const tagged = root.querySelectorAll(TWEET);
  for (const el of tagged.length > 0 ? tagged : root.querySelectorAll(FALLBACK)) {
    if (isFlaggable(el)) found.push(el);
  }
  if (!interactionList(documentUrl(root))) return found;
  const tweets = found.length;
  if (isElement && isListRow(root as Element)) found.push(root as Element);
  for (const el of root.querySelectorAll(USER_CELL)) {
    if (isListRow(el)) found.push(el);
  }
  // The original tweet is seldom on a list page; when it is, keep the adapter's promise of document order.
  return tweets > 0 && found.length > tweets ? found.sort(inDocumentOrder) : found;
}

function searchRoot(el: Element): ParentNode {
  const top = el.getRootNode() as Partial<ParentNode>;
  return typeof top.querySelectorAll === 'function' ? (top as ParentNode) : el;
}

/** `<time>` inside a link to status `id`: the selector lists crossed, so every fallback pair is tried. */
const timeLinkedTo = (id: string): string =>
  sel.any(sel.statusLink.flatMap((link) => sel.time.map((time) => `${link}[href*="/status/${id}"] ${time}`)));

/** The tweet whose own permalink (the time link) is status `id`, if it is in the DOM. */
export function tweetWithId(el: Element, id: string): Element | null {
  const root = searchRoot(el);
  for (const time of root.querySelectorAll(timeLinkedTo(id))) {
    const tweet = time.closest(ANY_TWEET);
    const href = time.closest('a')?.getAttribute('href');
    if (tweet && parseXStatus(href, 'https://x.com/')?.id === id) return tweet;
  }
  return null;
}

/** The status page's own tweet: the one whose permalink is the page's id, else the one X focuses. */
function focalTweet(el: Element, statusId: string): Element | null {
  return (
    tweetWithId(el, statusId) ??
    searchRoot(el).querySelector(sel.any(sel.tweet.map((tweet) => `${tweet}[tabindex="-1"]`)))
  );
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
