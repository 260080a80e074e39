import { browser } from 'wxt/browser';
import type { EvidenceDb } from '../evidence/db';
import { PrepareReply } from '../messages';
import type { CaptureDeps, SenderTab } from './capture-evidence';
import { CaptureError } from './capture-evidence';
import { cropScreenshot } from './crop';
import type { ScreenshotQueue } from './screenshot-queue';

const RATE_LIMITED = /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/;

/** The real browser behind the capture pipeline (background only). */
export function browserCaptureDeps(db: EvidenceDb, queue: ScreenshotQueue): CaptureDeps {
  return {
    db,
    queue,
    async prepare(tab: SenderTab, clickId: string) {
      const raw = await browser.tabs.sendMessage(
        tab.tabId,
        { type: 'capture.prepare', clickId },
        { frameId: tab.frameId },
      );
      const reply = PrepareReply.parse(raw);
      if (!reply.ok) throw new CaptureError(reply);
      return reply.prepared;
    },
    async finish(tab: SenderTab, clickId: string) {
      await browser.tabs
        .sendMessage(tab.tabId, { type: 'capture.finish', clickId }, { frameId: tab.frameId })
        .catch(() => undefined);
    },
    async isActiveTab(tab: SenderTab) {
      const current = await browser.tabs.get(tab.tabId).catch(() => undefined);
      return current?.active === true && current.windowId === tab.windowId;
    },
    async captureVisibleTab(windowId: number) {
      let dataUrl: string;
      try {
        dataUrl = await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
      } catch (error) {
        // Another extension or a clock skew can still trip the quota: wait one window and retry once.
        if (!(error instanceof Error && RATE_LIMITED.test(error.message))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000));
        dataUrl = await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
      }
      return (await fetch(dataUrl)).blob();
    },
    crop: cropScreenshot,
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    extensionVersion: browser.runtime.getManifest().version,
  };
}
