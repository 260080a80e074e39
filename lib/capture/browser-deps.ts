import { browser } from 'wxt/browser';
import type { EvidenceDb } from '../evidence/db';
import { Officer } from '../evidence/schema';
import { type PreparedCapture, PrepareReply } from '../messages';
import { canvasImageOps } from './canvas';
import type { CaptureContext, CaptureDeps } from './capture-evidence';
import type { ScreenshotQueue } from './screenshot-queue';
import type { SenderTab } from './sender';

const RATE_LIMITED = /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/;

async function ask(tab: SenderTab, message: unknown): Promise<PreparedCapture> {
  const reply = PrepareReply.parse(
    await browser.tabs.sendMessage(tab.tabId, message, { frameId: tab.frameId }),
  );
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.prepared;
}

async function dataUrlBlob(dataUrl: string): Promise<Blob> {
  return (await fetch(dataUrl)).blob();
}

/** The officer as set in the options page (storage.local "officer"), or unknown. */
async function officer(): Promise<CaptureContext['officer']> {
  const { officer } = await browser.storage.local.get('officer');
  const parsed = Officer.safeParse(officer);
  return parsed.success ? parsed.data : { name: null, nip: null, unit: null };
}

async function platformInfo(): Promise<{ browser: string; os: string }> {
  const info = await browser.runtime.getPlatformInfo().catch(() => undefined);
  const agent = navigator.userAgent;
  const name = /Firefox\/([\d.]+)/.exec(agent)?.[0] ?? /Chrom(?:e|ium)\/([\d.]+)/.exec(agent)?.[0] ?? agent;
  return { browser: name, os: info ? `${info.os} ${info.arch}` : 'unknown' };
}

/** The real browser behind the capture pipeline (background only). */
export function browserCaptureDeps(db: EvidenceDb, queue: ScreenshotQueue): CaptureDeps {
  // Firefox can capture any rectangle of the document in one call (tabs.captureTab's `rect`); Chrome
  // only the visible tab, so tall posts are stitched from slices there.
  const captureTab = (browser.tabs as { captureTab?: typeof browser.tabs.captureVisibleTab }).captureTab;
  const platform = platformInfo();
  return {
    db,
    queue,
    images: canvasImageOps,
    isActiveTab: async (tab) => {
      const current = await browser.tabs.get(tab.tabId).catch(() => undefined);
      return current?.active === true && current.windowId === tab.windowId;
    },
    prepare: (tab, clickId) => ask(tab, { type: 'capture.prepare', clickId }),
    scroll: (tab, clickId, offset) => ask(tab, { type: 'capture.scroll', clickId, offset }),
    async finish(tab, clickId) {
      await browser.tabs
        .sendMessage(tab.tabId, { type: 'capture.finish', clickId }, { frameId: tab.frameId })
        .catch(() => undefined);
    },
    async captureVisibleTab(windowId) {
      try {
        return await dataUrlBlob(await browser.tabs.captureVisibleTab(windowId, { format: 'png' }));
      } catch (error) {
        // Another extension can still trip the shared quota: wait one window and retry once.
        if (!(error instanceof Error && RATE_LIMITED.test(error.message))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return dataUrlBlob(await browser.tabs.captureVisibleTab(windowId, { format: 'png' }));
      }
    },
    captureDocumentRect: captureTab
      ? async (tabId, rect, scale) =>
          dataUrlBlob(
            await (captureTab as unknown as (id: number, o: object) => Promise<string>)(tabId, {
              format: 'png',
              rect,
              scale,
            }),
          )
      : undefined,
    context: async () => ({
      officer: await officer(),
      extensionVersion: browser.runtime.getManifest().version,
      ...(await platform),
    }),
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
  };
}
