// Small readers for the officer's-day test: which post carries which marker, the inline panel's state
// inside its closed shadow root, and the words of every page an officer reads (for the language check).
import type { Page } from 'playwright-core';
import { closedRoots, evalInRoot, focusedIn, rootsOf, visibleWords } from './closed-shadow';

export interface PostMarker {
  /** The post's author handle (from its User-Name link). */
  author: string;
  /** data-asn and data-terms split on '|', sorted; null when the post has no marker. */
  asn: string[] | null;
  terms: string[] | null;
}

/** The demo feed's X posts. */
export const POSTS = 'article[data-testid="tweet"]';

/** Every X post of the page with its Netra marker (or none), in page order. */
export function postMarkers(page: Page): Promise<PostMarker[]> {
  return page.locator(POSTS).evaluateAll(markersOfPosts);
}

/**
 * Each post's author and marker, read in the page on the posts themselves: Playwright's
 * `locator(POSTS).evaluateAll` and puppeteer's `page.$$eval(POSTS, …)` (Firefox) both hand it over.
 */
export function markersOfPosts(posts: Element[]): PostMarker[] {
  return posts.map((post) => {
    const link = post.querySelector('[data-testid="User-Name"] a[href^="/"]');
    const marker = post.querySelector('[data-netra-marker]');
    const split = (value: string | null | undefined) =>
      value === null || value === undefined ? null : value.split('|').filter(Boolean).sort();
    return {
      author: link?.getAttribute('href')?.slice(1) ?? '',
      asn: marker ? split(marker.getAttribute('data-asn')) : null,
      terms: marker ? split(marker.getAttribute('data-terms')) : null,
    };
  });
}

/** The open inline panel's host attributes and what has the focus inside it (null when none is open). */
export async function openPanel(page: Page) {
  const [panel] = await rootsOf(page, 'netra-panel', 'data-netra-panel');
  if (!panel) return null;
  return { attributes: panel.attributes, focus: await evalInRoot(page, panel, focusedIn) };
}

/** The value of the panel's first <select> (the category). */
export async function panelCategory(page: Page): Promise<string | null> {
  const [panel] = await rootsOf(page, 'netra-panel', 'data-netra-panel');
  if (!panel) return null;
  return evalInRoot(page, panel, (root) => root.querySelector('select')?.value ?? null);
}

/** The words of Netra's own elements in a site's page (inside their closed shadow roots). */
export async function netraWords(page: Page): Promise<string> {
  const words: string[] = [];
  for (const root of await closedRoots(page)) words.push(...(await evalInRoot(page, root, visibleWords)));
  return words.join('\n');
}

/** What an officer reads or hears on one of Netra's pages: its text and its labels. */
export async function extensionPageWords(page: Page): Promise<string> {
  const body = await page.locator('body').innerText();
  const labels = await page
    .locator('[aria-label], [title], [placeholder]')
    .evaluateAll((els) =>
      els.flatMap((el) => ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? '')),
    );
  return [body, ...labels, await netraWords(page)].join('\n');
}
