import type { PreparedCapture } from '../messages';

export interface CropBox {
  sx: number;
  sy: number;
  width: number;
  height: number;
  /** Part of the post lay outside the captured viewport. */
  clipped: boolean;
}

/**
 * The post's rectangle (CSS px, viewport coordinates) in the screenshot's pixels. The scale comes from
 * the image itself (image width / viewport width), so device pixel ratio and page zoom both hold.
 */
export function cropBox(prepared: PreparedCapture, imageWidth: number, imageHeight: number): CropBox {
  const scale = imageWidth / prepared.viewport.width;
  const { x, y, width, height } = prepared.rect;
  const left = Math.max(0, Math.round(x * scale));
  const top = Math.max(0, Math.round(y * scale));
  const right = Math.min(imageWidth, Math.round((x + width) * scale));
  const bottom = Math.min(imageHeight, Math.round((y + height) * scale));
  const clipped =
    x < 0 ||
    y < 0 ||
    x + width > prepared.viewport.width + 0.5 ||
    y + height > prepared.viewport.height + 0.5;
  return { sx: left, sy: top, width: Math.max(0, right - left), height: Math.max(0, bottom - top), clipped };
}

export interface CroppedImage {
  blob: Blob;
  width: number;
  height: number;
  clipped: boolean;
  /** Image pixels per CSS pixel, when known. */
  scale?: number;
}

/** Crops a PNG screenshot to the post. Runs in the service worker (OffscreenCanvas, no DOM). */
export async function cropScreenshot(png: Blob, prepared: PreparedCapture | null): Promise<CroppedImage> {
  const bitmap = await createImageBitmap(png);
  try {
    if (!prepared) return { blob: png, width: bitmap.width, height: bitmap.height, clipped: false };
    const box = cropBox(prepared, bitmap.width, bitmap.height);
    if (box.width === 0 || box.height === 0) throw new Error('post is outside the viewport');
    const canvas = new OffscreenCanvas(box.width, box.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(bitmap, box.sx, box.sy, box.width, box.height, 0, 0, box.width, box.height);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    const scale = bitmap.width / prepared.viewport.width;
    return { blob, width: box.width, height: box.height, clipped: box.clipped, scale };
  } finally {
    bitmap.close();
  }
}
