// A small synthetic feed for the feed's tests: every <article data-handle="…"> is a post by that account,
// its text is the post's text. Closed shadow roots are recorded as they are attached, so tests can look
// inside Netra's elements the way an officer sees them (the page cannot).
import { vi } from 'vitest';
import { messagesWithPrefix } from '@/lib/i18n';
import type { PlatformAdapter } from '@/lib/platforms/adapter';
import { blankSnapshot } from '@/lib/platforms/blank';

export const articles: PlatformAdapter = {
  platform: 'x',
  hosts: ['x.com'],
  findPosts: (root) => {
    const found = [...root.querySelectorAll('article')];
    return root instanceof Element && root.matches('article') ? [root, ...found] : found;
  },
  extract: (el, pageUrl) => {
    const snapshot = blankSnapshot('x', pageUrl);
    const handle = el.getAttribute('data-handle');
    snapshot.author = { handle, displayName: null, profileUrl: null };
    snapshot.text = el.querySelector('p')?.textContent ?? '';
    return snapshot;
  },
  anchor: (el) => el.querySelector('header') ?? el,
};

export function post(handle: string, text: string): HTMLElement {
  const article = document.createElement('article');
  article.dataset.handle = handle;
  const header = document.createElement('header');
  const p = document.createElement('p');
  p.textContent = text;
  article.append(header, p);
  return article;
}

/** Every shadow root attached from now on, by host. */
export function recordShadowRoots(): Map<Element, ShadowRoot> {
  const roots = new Map<Element, ShadowRoot>();
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  });
  return roots;
}

export const mutationsDelivered = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The strings feed.hello brings (the background sends exactly these, in the officer's language). */
export const helloStrings = messagesWithPrefix('feed_', 'id');
