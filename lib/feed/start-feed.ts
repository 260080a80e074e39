import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SETTINGS } from '../config/settings';
import type { PlatformAdapter } from '../platforms/adapter';
import { flagPosts } from './flag-posts';
import { sayHello } from './hello';
import { setFallbackLookup } from './strings';

/** Settings whose change means new strings, categories or matches: the feed says hello again. */
const WATCHED = [SETTINGS.watchlist, SETTINGS.rules, SETTINGS.categories, SETTINGS.language];

/** What every platform's content script does with its adapter: flag buttons, markers, capture, navigation. */
export async function startFeed(ctx: ContentScriptContext, adapter: PlatformAdapter): Promise<void> {
  const send = (message: unknown) => browser.runtime.sendMessage(message);
  // Keys come from the background's strings at run time, not from the typed list of known keys.
  setFallbackLookup((key, subs) => browser.i18n.getMessage(key as 'extName', subs));
  // The buttons wait (briefly) for the officer's language; a late answer still applies when it comes.
  const hello = sayHello(send);
  await Promise.race([hello, new Promise((resolve) => setTimeout(resolve, 1500))]);
  if (ctx.isInvalid) return;
  const feed = flagPosts({ win: window, adapter, signal: ctx.signal, send });
  void hello.then((reply) => reply && !ctx.isInvalid && feed.configure(reply));

  const listener = (message: unknown) => feed.onMessage(message);
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  // Single-page navigation (home → post → profile) may reuse containers the observer saw already.
  ctx.addEventListener(window, 'wxt:locationchange', () => feed.rescan());

  let changed: ReturnType<typeof setTimeout> | undefined;
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !WATCHED.some((key) => key in changes)) return;
    // An import writes several keys at once: one hello for all of them.
    clearTimeout(changed);
    changed = setTimeout(async () => {
      const reply = await sayHello(send);
      if (reply && !ctx.isInvalid) feed.configure(reply);
    }, 300);
  };
  browser.storage.onChanged.addListener(onChanged);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onChanged));
}

/** Match patterns for an adapter's hosts (any scheme the browser allows, any port). */
export function matchesFor(adapter: Pick<PlatformAdapter, 'hosts'>): string[] {
  return adapter.hosts.map((host) => `*://${host}/*`);
}
