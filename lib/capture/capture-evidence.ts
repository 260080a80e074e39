import type { EvidenceDb } from '../evidence/db';
import { isQuotaError } from '../evidence/db';
import type { Evidence } from '../evidence/schema';
import { isoWithOffset } from '../evidence/time';
import { type CaptureReply, CaptureRequest, failure, type PreparedCapture } from '../messages';
import { adapterForHost } from '../platforms';
import type { CroppedImage } from './crop';
import { dedupeKey } from './dedupe-key';
import type { ScreenshotQueue } from './screenshot-queue';

/** The tab a capture request came from, as the browser (not the page) reports it. */
export interface SenderTab {
  tabId: number;
  windowId: number;
  frameId: number;
  url: string;
}

/** Everything the pipeline needs from the browser, injected so the pipeline runs under test too. */
export interface CaptureDeps {
  db: EvidenceDb;
  queue: ScreenshotQueue;
  /** Asks the content script to measure the post (and hide Netra's own UI) right before the shot. */
  prepare(tab: SenderTab, clickId: string): Promise<PreparedCapture>;
  /** Tells the content script the shot is taken (its UI comes back). Never throws. */
  finish(tab: SenderTab, clickId: string): Promise<void>;
  /** True when `tab` is the active tab of its window, i.e. what captureVisibleTab will see. */
  isActiveTab(tab: SenderTab): Promise<boolean>;
  captureVisibleTab(windowId: number): Promise<Blob>;
  /** Crops to the post; `null` keeps the whole visible tab. */
  crop(png: Blob, prepared: PreparedCapture | null): Promise<CroppedImage>;
  now(): Date;
  newId(): string;
  extensionVersion: string;
  /** Called after every stored finding (badge, toasts). */
  onStored?(evidence: Evidence): void;
}

export class CaptureError extends Error {
  constructor(
    readonly reply: CaptureReply & { ok: false },
    cause?: unknown,
  ) {
    super(reply.error.message, { cause });
  }
}

/** The sender must be a top-level page on a host whose adapter produced this platform's snapshot. */
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

const inFlight = new Map<string, Promise<CaptureReply>>();

export async function captureEvidence(
  deps: CaptureDeps,
  raw: unknown,
  tab: SenderTab,
): Promise<CaptureReply> {
  const parsed = CaptureRequest.safeParse(raw);
  if (!parsed.success) return failure('invalid-message');
  const { clickId, snapshot } = parsed.data;

  const senderHost = new URL(tab.url).hostname;
  const adapter = adapterForHost(senderHost);
  if (!adapter || adapter.platform !== snapshot.platform || tab.frameId !== 0)
    return failure('forbidden-sender');
  if (!URL.canParse(snapshot.pageUrl) || new URL(snapshot.pageUrl).hostname !== senderHost) {
    return failure('forbidden-sender');
  }

  return captureSnapshot(deps, clickId, snapshot, tab, 'post');
}

/**
 * What the background itself saw (context menu, keyboard shortcut) when no adapter recognised a post:
 * trusted, since it never passed through a page, and pictured as the whole visible tab.
 */
export function captureVisiblePage(
  deps: CaptureDeps,
  snapshot: CaptureRequest['snapshot'],
  tab: SenderTab,
): Promise<CaptureReply> {
  return captureSnapshot(deps, deps.newId(), snapshot, tab, 'viewport');
}

async function captureSnapshot(
  deps: CaptureDeps,
  clickId: string,
  snapshot: CaptureRequest['snapshot'],
  tab: SenderTab,
  frame: 'post' | 'viewport',
): Promise<CaptureReply> {
  const key = await dedupeKey(snapshot, clickId);
  // Two clicks on one post at once: the second waits for the first and is told it is a duplicate.
  const running = inFlight.get(key);
  if (running) {
    const first = await running;
    return first.ok
      ? { ...first, status: 'duplicate' }
      : captureSnapshot(deps, clickId, snapshot, tab, frame);
  }
  const job = captureOnce(deps, clickId, snapshot, key, tab, frame);
  inFlight.set(key, job);
  try {
    return await job;
  } finally {
    inFlight.delete(key);
  }
}

async function captureOnce(
  deps: CaptureDeps,
  clickId: string,
  snapshot: CaptureRequest['snapshot'],
  key: string,
  tab: SenderTab,
  frame: 'post' | 'viewport',
): Promise<CaptureReply> {
  const existing = await findExisting(deps.db, clickId, key);
  if (existing) return { ok: true, status: 'duplicate', evidenceId: existing.id };

  let shot: { image: CroppedImage; prepared: PreparedCapture | null };
  try {
    shot = await deps.queue.run(() => takeScreenshot(deps, tab, clickId, frame));
  } catch (error) {
    if (error instanceof CaptureError) return error.reply;
    return failure('screenshot-failed', error instanceof Error ? error.message : undefined);
  }

  try {
    const evidence = await store(deps, clickId, snapshot, key, shot.image, shot.prepared);
    deps.onStored?.(evidence);
    return {
      ok: true,
      status: evidence.clickId === clickId ? 'saved' : 'duplicate',
      evidenceId: evidence.id,
    };
  } catch (error) {
    if (isQuotaError(error)) return failure('quota-exceeded');
    return failure('storage-failed', error instanceof Error ? error.name : undefined);
  }
}

async function findExisting(db: EvidenceDb, clickId: string, key: string): Promise<Evidence | undefined> {
  return (await db.evidence.get({ clickId })) ?? (await db.evidence.where('dedupeKey').equals(key).first());
}

async function takeScreenshot(
  deps: CaptureDeps,
  tab: SenderTab,
  clickId: string,
  frame: 'post' | 'viewport',
) {
  if (!(await deps.isActiveTab(tab))) throw new CaptureError(failure('tab-not-visible'));
  if (frame === 'viewport') {
    return { image: await deps.crop(await deps.captureVisibleTab(tab.windowId), null), prepared: null };
  }
  let prepared: PreparedCapture;
  try {
    prepared = await deps.prepare(tab, clickId);
  } catch (error) {
    throw new CaptureError(failure('post-gone'), error);
  }
  let png: Blob;
  try {
    png = await deps.captureVisibleTab(tab.windowId);
  } finally {
    await deps.finish(tab, clickId);
  }
  return { image: await deps.crop(png, prepared), prepared };
}

/** One transaction: the record and its screenshot are stored together or not at all. */
async function store(
  deps: CaptureDeps,
  clickId: string,
  post: CaptureRequest['snapshot'],
  key: string,
  image: CroppedImage,
  prepared: PreparedCapture | null,
): Promise<Evidence> {
  const { db } = deps;
  return db.transaction('rw', db.evidence, db.screenshots, async () => {
    const raced = await findExisting(db, clickId, key);
    if (raced) return raced;
    const last = await db.evidence.orderBy('seq').last();
    const id = deps.newId();
    const role = prepared ? 'post' : 'viewport';
    const screenshotId = `${id}-${role}`;
    const evidence: Evidence = {
      schemaVersion: 1,
      id,
      seq: (last?.seq ?? 0) + 1,
      clickId,
      dedupeKey: key,
      capturedAt: isoWithOffset(deps.now()),
      post,
      screenshots: [
        {
          id: screenshotId,
          role,
          mime: 'image/png',
          width: image.width,
          height: image.height,
          size: image.blob.size,
          clipped: image.clipped,
        },
      ],
      devicePixelRatio: prepared?.devicePixelRatio ?? image.scale ?? 1,
      extensionVersion: deps.extensionVersion,
      exportedAt: null,
    };
    await db.screenshots.add({ id: screenshotId, evidenceId: id, blob: image.blob });
    await db.evidence.add(evidence);
    return evidence;
  });
}
