import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFlagButton } from '@/lib/feed/flag-button';
import { watchFeed } from '@/lib/feed/watch-feed';
import type { PlatformAdapter } from '@/lib/platforms/adapter';

/** The smallest adapter: every <article> is a post. */
const articles: PlatformAdapter = {
  platform: 'x',
  hosts: ['x.com'],
  findPosts: (root) => {
    const found = [...root.querySelectorAll('article')];
    return root instanceof Element && root.matches('article') ? [root, ...found] : found;
  },
  extract: () => {
    throw new Error('not used');
  },
  anchor: (el) => el,
};

const frames: Array<() => void> = [];
const schedule = (run: () => void) => frames.push(run);
const flushFrames = () => {
  while (frames.length) frames.shift()!();
};
const mutationsDelivered = () => new Promise((resolve) => setTimeout(resolve, 0));

const running: AbortController[] = [];

afterEach(() => {
  for (const controller of running.splice(0)) controller.abort();
  document.body.replaceChildren();
  frames.length = 0;
});

function start(onPost = vi.fn()) {
  const controller = new AbortController();
  running.push(controller);
  const feed = watchFeed({ doc: document, adapter: articles, onPost, signal: controller.signal, schedule });
  return { onPost, controller, feed };
}

function cell(text: string) {
  const div = document.createElement('div');
  const article = document.createElement('article');
  article.textContent = text;
  div.append(article);
  return div;
}

describe('watchFeed', () => {
  it('handles the posts already on the page, once each', () => {
    document.body.append(cell('a'), cell('b'));
    const { onPost, feed } = start();
    feed.rescan();
    expect(onPost).toHaveBeenCalledTimes(2);
  });

  it('batches posts added while scrolling into one scan per frame', async () => {
    const { onPost } = start();
    for (let i = 0; i < 20; i++) document.body.append(cell(`post ${i}`));
    await mutationsDelivered();
    expect(onPost).not.toHaveBeenCalled();
    expect(frames).toHaveLength(1);
    flushFrames();
    expect(onPost).toHaveBeenCalledTimes(20);
  });

  it('finds a post that is itself the added node, and nested additions only once', async () => {
    const { onPost } = start();
    const outer = cell('outer');
    outer.append(cell('inner'));
    document.body.append(outer, document.createElement('article'));
    await mutationsDelivered();
    flushFrames();
    expect(onPost).toHaveBeenCalledTimes(3);
  });

  it('gives a post a new button when the site re-renders and drops ours', async () => {
    const onPost = vi.fn((post: Element) => post.append(createFlagButton(document, () => undefined).host));
    const { controller } = start(onPost);
    const c = cell('x');
    document.body.append(c);
    await mutationsDelivered();
    flushFrames();
    expect(onPost).toHaveBeenCalledTimes(1);
    await mutationsDelivered();
    flushFrames();
    c.querySelector('[data-netra-flag]')!.remove();
    await mutationsDelivered();
    flushFrames();
    expect(onPost).toHaveBeenCalledTimes(2);
    expect(c.querySelectorAll('[data-netra-flag]')).toHaveLength(1);
    controller.abort();
  });

  it('survives a throwing handler and stops when aborted', async () => {
    const onPost = vi.fn(() => {
      throw new Error('boom');
    });
    const { controller } = start(onPost);
    document.body.append(cell('a'));
    await mutationsDelivered();
    expect(() => flushFrames()).not.toThrow();
    controller.abort();
    document.body.append(cell('b'));
    await mutationsDelivered();
    flushFrames();
    expect(onPost).toHaveBeenCalledTimes(1);
  });
});

describe('createFlagButton', () => {
  it('reflects its state, and ignores synthetic clicks', () => {
    const onActivate = vi.fn();
    const button = createFlagButton(document, onActivate);
    document.body.append(button.host);
    expect(button.host.dataset.state).toBe('idle');
    // The shadow root is closed: the page (and this test) cannot reach the <button> inside.
    expect(button.host.shadowRoot).toBeNull();
    button.host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(onActivate).not.toHaveBeenCalled();
    button.setState('error', 'Penyimpanan penuh');
    expect(button.host.dataset.state).toBe('error');
  });

  it('keeps its events from reaching the post around it', () => {
    const post = document.createElement('article');
    const onPostClick = vi.fn();
    post.addEventListener('click', onPostClick);
    const button = createFlagButton(document, () => undefined);
    post.append(button.host);
    document.body.append(post);
    button.host.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onPostClick).not.toHaveBeenCalled();
  });
});
