import { zlibSync } from 'fflate';

// A minimal PNG encoder (8-bit RGB, no filter) for the synthetic shift: real, viewable images without
// a canvas or an image library, so `npm run bundle:sample` runs in plain Node.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export type Rgb = readonly [number, number, number];

/** A PNG of `width`×`height` whose pixel (x, y) is `paint(x, y)`. */
export function encodePng(width: number, height: number, paint: (x: number, y: number) => Rgb): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, deflate, filter 0, no interlace
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3); // each row starts with its filter byte: 0, none
    for (let x = 0; x < width; x++) raw.set(paint(x, y), row + 1 + x * 3);
  }
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    png.set(part, at);
    at += part.length;
  }
  return png;
}

/**
 * A mock screenshot of a post: a coloured header band (the platform's colour), grey "text lines", and
 * an image block whose shade varies with `seed`, so every finding's picture differs.
 */
export function mockScreenshot(width: number, height: number, accent: Rgb, seed: number): Uint8Array {
  const shade = 120 + ((seed * 37) % 100);
  return encodePng(width, height, (x, y) => {
    if (y < 28) return accent;
    const line = Math.floor((y - 40) / 14);
    if (
      y >= 40 &&
      line < 4 &&
      (y - 40) % 14 < 8 &&
      x > 12 &&
      x < width - 12 - ((line * 53 + seed * 17) % 90)
    ) {
      return [110, 110, 110];
    }
    if (y > 110 && y < height - 12 && x > 12 && x < width - 12) return [shade, 180 - (seed % 60), 200];
    return [255, 255, 255];
  });
}
