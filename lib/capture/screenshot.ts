import type { ScreenshotDraft } from '../evidence/store';
import { failure, type PreparedCapture } from '../messages';
import type { ImageOps, ImagePart } from './canvas';
import { cropBox } from './crop';
import type { ScreenshotQueue } from './screenshot-queue';
import type { SenderTab } from './sender';

/** A post taller than this many windows is cut off (and marked clipped) rather than sliced forever. */
const MAX_SLICES = 12;

export class ScreenshotError extends Error {
  constructor(
    readonly code: 'tab-not-visible' | 'post-gone' | 'screenshot-failed',
    cause?: unknown,
  ) {
    super(failure(code).error.message, { cause });
  }
}

/** Everything the screenshot needs from the browser and the page. */
export interface ScreenshotDeps {
  queue: ScreenshotQueue;
  images: ImageOps;
  isActiveTab(tab: SenderTab): Promise<boolean>;
  /** Asks the content script to measure the post (and hide Netra's own UI) right before the shot. */
  prepare(tab: SenderTab, clickId: string): Promise<PreparedCapture>;
  /** Scrolls so the post's `offset` (CSS px below its top) is at the top of the window; re-measures. */
  scroll(tab: SenderTab, clickId: string, offset: number): Promise<PreparedCapture>;
  /** The page as the officer left it (scroll, our button). Never throws. */
  finish(tab: SenderTab, clickId: string): Promise<void>;
  captureVisibleTab(windowId: number): Promise<Blob>;
  /** Firefox only: any rectangle of the document (CSS px) at `scale`, in one call, no scrolling. */
  captureDocumentRect?(tabId: number, rect: PreparedCapture['rect'], scale: number): Promise<Blob>;
}

/** The post, cropped (and stitched from scrolled slices when taller than the window), plus the window. */
export interface Shots {
  shots: ScreenshotDraft[];
  /** As the page reported it; 1 when only the window was captured (no page to ask). */
  devicePixelRatio: number;
}

export function shootPost(deps: ScreenshotDeps, tab: SenderTab, clickId: string): Promise<Shots> {
  return deps.queue.run(async (next) => {
    if (!(await deps.isActiveTab(tab))) throw new ScreenshotError('tab-not-visible');
    let prepared: PreparedCapture;
    try {
      prepared = await deps.prepare(tab, clickId);
    } catch (error) {
      throw new ScreenshotError('post-gone', error);
    }
    try {
      await next();
      const windowPng = await deps.captureVisibleTab(tab.windowId);
      const windowSize = await deps.images.size(windowPng);
      const viewport: ScreenshotDraft = {
        role: 'viewport',
        blob: windowPng,
        ...windowSize,
        clipped: false,
        slices: 1,
      };
      const post = deps.captureDocumentRect
        ? await documentRect(deps, tab, prepared)
        : await slices(deps, tab, clickId, prepared, windowPng, windowSize, next);
      return { shots: [post, viewport], devicePixelRatio: prepared.devicePixelRatio };
    } finally {
      await deps.finish(tab, clickId);
    }
  });
}

/** The whole visible tab only: for a page no adapter could read. */
export function shootWindow(deps: ScreenshotDeps, tab: SenderTab): Promise<Shots> {
  return deps.queue.run(async (next) => {
    if (!(await deps.isActiveTab(tab))) throw new ScreenshotError('tab-not-visible');
    await next();
    const png = await deps.captureVisibleTab(tab.windowId);
    const shot: ScreenshotDraft = {
      role: 'viewport',
      blob: png,
      ...(await deps.images.size(png)),
      clipped: false,
      slices: 1,
    };
    return { shots: [shot], devicePixelRatio: 1 };
  });
}

async function documentRect(deps: ScreenshotDeps, tab: SenderTab, prepared: PreparedCapture) {
  const { rect, scroll, devicePixelRatio } = prepared;
  const blob = await deps.captureDocumentRect!(
    tab.tabId,
    { x: rect.x + scroll.x, y: rect.y + scroll.y, width: rect.width, height: rect.height },
    devicePixelRatio,
  );
  const size = await deps.images.size(blob);
  return { role: 'post' as const, blob, ...size, clipped: false, slices: 1 };
}

async function slices(
  deps: ScreenshotDeps,
  tab: SenderTab,
  clickId: string,
  first: PreparedCapture,
  firstPng: Blob,
  imageSize: { width: number; height: number },
  next: () => Promise<void>,
): Promise<ScreenshotDraft> {
  const scale = imageSize.width / first.viewport.width;
  const parts: ImagePart[] = [];
  /** Adds the visible part of the post in one capture; returns how far down the post it reaches (CSS px). */
  const add = (prepared: PreparedCapture, png: Blob): number => {
    const box = cropBox(prepared, imageSize.width, imageSize.height);
    const visibleTop = Math.max(prepared.rect.y, 0);
    if (box.height > 0) parts.push({ png, ...box, dy: Math.round((visibleTop - prepared.rect.y) * scale) });
    return Math.min(prepared.rect.y + prepared.rect.height, prepared.viewport.height) - prepared.rect.y;
  };
  const height = first.rect.height;
  let covered = add(first, firstPng);
  let count = 1;
  let horizontallyClipped =
    cropBox(first, imageSize.width, imageSize.height).width < first.rect.width * scale - 1;
  while (covered < height - 0.5 && count < MAX_SLICES) {
    await next();
    const prepared = await deps.scroll(tab, clickId, covered);
    const reached = add(prepared, await deps.captureVisibleTab(tab.windowId));
    count++;
    horizontallyClipped ||=
      prepared.rect.x < 0 || prepared.rect.x + prepared.rect.width > prepared.viewport.width;
    // The page cannot scroll further (the post ends below the page's end): stop.
    if (reached <= covered + 1) break;
    covered = reached;
  }
  const shown = Math.min(covered, height);
  const width = Math.round(first.rect.width * scale);
  const size = { width: Math.min(width, imageSize.width), height: Math.round(shown * scale) };
  const blob = await deps.images.compose(parts, size.width, size.height);
  return {
    role: 'post',
    blob,
    ...size,
    clipped: horizontallyClipped || shown < height - 0.5,
    slices: count,
  };
}
