import { canonicalUrl, httpsUrl, parseFacebookPermalink, stripTracking } from '../canonical-url';
import type { Media } from '../snapshot';
import { readText } from '../text';
import { FACEBOOK, follows } from './collect';
import * as sel from './selectors';

// A post's body: its text and media, read from what the post owns (not its comments, nor posts nested in it)
// after its header row and before its reactions bar.

const MESSAGE = sel.any(sel.message);
const TEXT_BLOCK = sel.any(sel.textBlock);
const NOT_TEXT = sel.any(sel.notText);
const FOOTER = sel.any(sel.footer);
const HEADER = `${sel.any(sel.profileName)}, ${sel.any(sel.heading)}`;
// "…" then a "See more" button ends a cut message (2022-03..2025-07, every locale).
const CUT = /(?:…|\.\.\.)$/;

/** What one post owns: `root` minus the comments and nested posts in `exclude`. */
export interface Scope {
  root: Element;
  exclude: readonly Element[];
}

export const owns = (scope: Scope, node: Node): boolean =>
  scope.root.contains(node) && !scope.exclude.some((box) => box.contains(node));

// Inside a post's text, buttons are UI ("See more", "See translation") and aria-hidden copies are " · ".
const skipper =
  (scope: Scope) =>
  (el: Element): boolean =>
    scope.exclude.includes(el) ||
    el.getAttribute('role') === 'button' ||
    el.getAttribute('aria-hidden') === 'true';

/** Within the body: after `start` (not inside it), before the first footer after `start`. */
function inBody(start: Element | null, footer: Element | null, el: Element): boolean {
  if (start && (start.contains(el) || el.contains(start) || !follows(start, el))) return false;
  return !footer || (follows(el, footer) && !el.contains(footer));
}

function footerAfter(scope: Scope, start: Element | null): Element | null {
  for (const el of scope.root.querySelectorAll(FOOTER)) {
    if (owns(scope, el) && (!start || (follows(start, el) && !start.contains(el)))) return el;
  }
  return null;
}

const PARAGRAPH = 'div[dir="auto"]';
const squeeze = (text: string): string => text.replace(/\s+/g, '');

/** Text of a message: its paragraphs (innermost dir=auto divs) one per line, when they hold all of it. */
function readParagraphs(box: Element, skip: (el: Element) => boolean): string {
  const whole = readText(box, skip);
  const paragraphs = [...box.querySelectorAll(PARAGRAPH)].filter(
    (block) => !block.querySelector(PARAGRAPH) && !block.closest('[role="button"]'),
  );
  if (paragraphs.length < 2) return whole;
  const lines = paragraphs.map((block) => readText(block, skip)).filter(Boolean);
  return squeeze(lines.join('')) === squeeze(whole) ? lines.join('\n') : whole;
}

export interface Body {
  text: string;
  /** A message box or a text block was found (an empty text is then a post without words). */
  found: boolean;
  truncated: boolean;
}

/** The message box (2022..2025 hooks), else the text blocks after the header (wall posts, captions). */
export function readBody(scope: Scope, start: Element | null): Body {
  const skip = skipper(scope);
  for (const box of scope.root.querySelectorAll(MESSAGE)) {
    if (!owns(scope, box)) continue;
    const text = readParagraphs(box, skip);
    return { text, found: true, truncated: CUT.test(text) && box.querySelector('[role="button"]') !== null };
  }
  const footer = footerAfter(scope, start);
  const blocks: Element[] = [];
  for (const block of scope.root.querySelectorAll(TEXT_BLOCK)) {
    if (!owns(scope, block) || !inBody(start, footer, block)) continue;
    if (blocks.some((taken) => taken.contains(block)) || block.querySelector(HEADER)) continue;
    const ui = block.closest(NOT_TEXT);
    if (ui && scope.root.contains(ui)) continue;
    blocks.push(block);
  }
  const texts = blocks.map((block) => readParagraphs(block, skip)).filter(Boolean);
  const text = texts.join('\n');
  const truncated = CUT.test(text) && blocks.some((block) => block.querySelector('[role="button"]'));
  return { text, found: texts.length > 0, truncated };
}

/** Only absolute http(s) sources: a relative src is a "Save page as" copy, not where Facebook serves it. */
const remote = (src: string | null | undefined): string | null =>
  /^https?:\/\//i.test(src?.trim() ?? '') ? (httpsUrl(src)?.href ?? null) : null;
// Emoji, reaction and UI icons are images too; photos come from the CDN's content hosts.
const DECORATION = /\/(?:images\/emoji\.php|rsrc\.php)\//;
const isPhoto = (src: string | null): src is string => src !== null && !DECORATION.test(src);

/** l.facebook.com/l.php?u=<target>: the target, cleaned; other external links as they are. */
function linkTarget(href: string | null): string | null {
  const url = httpsUrl(href, FACEBOOK);
  if (!url) return null;
  if (/^l[m]?\.facebook\.com$/.test(url.hostname)) return canonicalUrl(url.searchParams.get('u'));
  return url.hostname.endsWith('facebook.com') ? null : stripTracking(url).href;
}

/** Photos, videos and link attachments the post owns in its body. */
export function readMedia(scope: Scope, start: Element | null): Media[] {
  const footer = footerAfter(scope, start);
  const media: Media[] = [];
  const add = (item: Media | null): void => {
    if (item && !media.some((known) => known.url === item.url)) media.push(item);
  };
  const visible = (el: Element) => owns(scope, el) && inBody(start, footer, el) && !el.closest(MESSAGE);
  for (const link of scope.root.querySelectorAll('a[href]')) {
    if (!visible(link)) continue;
    const href = link.getAttribute('href');
    const picture = link.querySelector('img, video');
    const permalink = parseFacebookPermalink(href, FACEBOOK);
    if (permalink && picture) {
      const video = permalink.url.includes('/watch/') || permalink.url.includes('/reel/');
      const src = remote(picture.getAttribute('src'));
      add({ type: video ? 'video' : 'image', url: (isPhoto(src) ? src : null) ?? permalink.url });
    } else if (!permalink) {
      const target = linkTarget(href);
      if (target) add({ type: 'link', url: target });
    }
  }
  for (const picture of scope.root.querySelectorAll('img, video')) {
    if (!visible(picture) || picture.closest('a[href]')) continue;
    const src = remote(picture.getAttribute('src'));
    if (isPhoto(src)) add({ type: picture.localName === 'video' ? 'video' : 'image', url: src });
  }
  return media;
}
