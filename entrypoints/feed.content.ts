import { browser } from 'wxt/browser';
import { flagPosts } from '@/lib/feed/flag-posts';
import { adapterForHost, adapters } from '@/lib/platforms';

export default defineContentScript({
  matches: adapters.flatMap((adapter) => adapter.hosts.map((host) => `*://${host}/*`)),
  runAt: 'document_idle',
  main(ctx) {
    const adapter = adapterForHost(location.hostname);
    if (!adapter) return;
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
  },
});
