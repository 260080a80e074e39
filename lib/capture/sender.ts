/** The tab a capture request came from, as the browser (not the page) reports it. */
export interface SenderTab {
  tabId: number;
  windowId: number;
  frameId: number;
  url: string;
}

/** The sender must be this extension's content script in a tab; anything else is refused. */
export function senderTab(
  sender: { id?: string; url?: string; frameId?: number; tab?: { id?: number; windowId?: number } },
  runtimeId: string,
): SenderTab | null {
  if (sender.id !== runtimeId || !sender.tab || sender.tab.id === undefined || !sender.url) return null;
  return {
    tabId: sender.tab.id,
    windowId: sender.tab.windowId ?? -1,
    frameId: sender.frameId ?? 0,
    url: sender.url,
  };
}
