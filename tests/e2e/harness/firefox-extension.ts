// Reaching into Firefox from one of Netra's own pages (moz-extension://…/popup.html): Firefox gives a test
// no handle on the extension's background, and page scripts cannot enter Netra's CLOSED shadow roots.
// An extension page can do both: storage.local directly, and the feed tab's shadow roots through a content
// script, where Firefox exposes `Element.openOrClosedShadowRoot` to extensions.
import type { Page } from 'puppeteer-core';
import { type ConfigPack, packItems } from './config-pack';

/** Stores the pack's items through `extensionPage`, as the options page's import would leave them. */
export async function loadConfigPackFirefox(extensionPage: Page, pack: ConfigPack): Promise<void> {
  await extensionPage.evaluate((items) => browser.storage.local.set(items), packItems(pack));
}

/**
 * Runs `fn` on the closed shadow root of the first element matching `hostSelector` in the tab at `tabUrl`
 * (in a content script of that tab) and returns its structured-cloneable result; null when no such host.
 * `fn` is sent as source text, so it must not close over anything.
 */
export async function evalInClosedRoot<R>(
  extensionPage: Page,
  tabUrl: string,
  hostSelector: string,
  fn: (root: ShadowRoot) => R,
): Promise<R | null> {
  // esbuild's keepNames may wrap inner functions in `__name(…)`: give the content script a stand-in.
  const code = `(() => {
    const __name = (f) => f;
    const root = document.querySelector(${JSON.stringify(hostSelector)})?.openOrClosedShadowRoot;
    return root ? (${fn.toString()})(root) : null;
  })()`;
  const result = await extensionPage.evaluate(
    async (url, source) => {
      const tab = (await browser.tabs.query({})).find((t) => t.url === url);
      if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
      // One result per frame; the feed's top frame comes first.
      const values = await browser.tabs.executeScript(tab.id, { code: source });
      return values?.[0];
    },
    tabUrl,
    code,
  );
  return (result ?? null) as R | null;
}
