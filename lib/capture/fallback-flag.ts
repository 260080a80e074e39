import { browser } from 'wxt/browser';
import { type CaptureReply, FallbackReply, failure } from '../messages';
import { type CaptureDeps, captureVisiblePage } from './capture-evidence';
import { pageSnapshot } from './fallback';

export interface FallbackTrigger {
  tab: { id?: number; windowId?: number; url?: string };
  /** From the context menu; absent for the keyboard shortcut. */
  selectionText?: string;
  linkUrl?: string;
}

/**
 * Context menu and shortcut: the content script flags the post under the pointer when its adapter
 * knows one; otherwise (a redesign, or a site Netra does not know) the page is flagged as it is.
 */
export async function flagFromBrowser(
  deps: CaptureDeps,
  trigger: FallbackTrigger,
): Promise<CaptureReply | null> {
  const { tab } = trigger;
  if (tab.id === undefined || !tab.url) return failure('tab-not-visible');
  const raw = await browser.tabs
    .sendMessage(tab.id, { type: 'fallback.flag' }, { frameId: 0 })
    .catch(() => null);
  const reply = FallbackReply.safeParse(raw);
  if (reply.success && reply.data.found) return null;
  const selection =
    trigger.selectionText ?? (reply.success ? reply.data.selection : await readSelection(tab.id));
  const snapshot = pageSnapshot({ pageUrl: tab.url, selection, linkUrl: trigger.linkUrl });
  return captureVisiblePage(deps, snapshot, {
    tabId: tab.id,
    windowId: tab.windowId ?? -1,
    frameId: 0,
    url: tab.url,
  });
}

/** On a site without our content script: the selection, read through activeTab (granted by the shortcut). */
async function readSelection(tabId: number): Promise<string> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => getSelection()?.toString() ?? '',
    });
    return typeof result?.result === 'string' ? result.result : '';
  } catch {
    return '';
  }
}
