import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PlatformAdapter } from '../platforms/adapter';
import { flagPosts } from './flag-posts';

/** What every platform's content script does with its adapter: flag buttons, capture, navigation. */
export function startFeed(ctx: ContentScriptContext, adapter: PlatformAdapter): void {
  const feed = flagPosts({
    win: window,
    adapter,
    signal: ctx.signal,
    send: (message) => browser.runtime.sendMessage(message),
  });
  const listener = (message: unknown) => feed.onMessage(message);
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  // Single-page navigation (home → post → profile) may reuse containers the observer saw already.
  ctx.addEventListener(window, 'wxt:locationchange', () => feed.rescan());
}

/** Match patterns for an adapter's hosts (any scheme the browser allows, any port). */
export function matchesFor(adapter: Pick<PlatformAdapter, 'hosts'>): string[] {
  return adapter.hosts.map((host) => `*://${host}/*`);
}
