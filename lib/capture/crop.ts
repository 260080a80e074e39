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
