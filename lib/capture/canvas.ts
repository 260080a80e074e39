/** One piece of a screenshot: a box of a captured PNG, drawn at `dy` in the final image. */
export interface ImagePart {
  png: Blob;
  sx: number;
  sy: number;
  width: number;
  height: number;
  dy: number;
}

/** Image work, injected so the pipeline runs under test; the browser's is below. */
export interface ImageOps {
  size(png: Blob): Promise<{ width: number; height: number }>;
  /** Draws the parts onto one `width` × `height` PNG (one part: a crop; several: a stitched post). */
  compose(parts: ImagePart[], width: number, height: number): Promise<Blob>;
}

/** OffscreenCanvas: available in Chrome's service worker and Firefox's background page alike. */
export const canvasImageOps: ImageOps = {
  async size(png) {
    const bitmap = await createImageBitmap(png);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size;
  },
  async compose(parts, width, height) {
    const canvas = new OffscreenCanvas(Math.max(1, width), Math.max(1, height));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    for (const part of parts) {
      const bitmap = await createImageBitmap(part.png);
      try {
        context.drawImage(
          bitmap,
          part.sx,
          part.sy,
          part.width,
          part.height,
          0,
          part.dy,
          part.width,
          part.height,
        );
      } finally {
        bitmap.close();
      }
    }
    return canvas.convertToBlob({ type: 'image/png' });
  },
};
