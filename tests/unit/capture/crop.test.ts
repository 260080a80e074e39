import { describe, expect, it } from 'vitest';
import { cropBox } from '@/lib/capture/crop';

const viewport = { width: 1000, height: 800 };

describe('cropBox', () => {
  it('scales the post rectangle by the device pixel ratio taken from the image', () => {
    const box = cropBox(
      {
        rect: { x: 100.4, y: 50, width: 600, height: 300 },
        viewport,
        scroll: { x: 0, y: 0 },
        devicePixelRatio: 2,
      },
      2000,
      1600,
    );
    expect(box).toEqual({ sx: 201, sy: 100, width: 1200, height: 600, clipped: false });
  });

  it('follows the image, not the reported ratio, when the page is zoomed', () => {
    const box = cropBox(
      {
        rect: { x: 0, y: 0, width: 500, height: 400 },
        viewport,
        scroll: { x: 0, y: 0 },
        devicePixelRatio: 2,
      },
      1500,
      1200,
    );
    expect(box).toMatchObject({ width: 750, height: 600 });
  });

  it('clips a post that runs off the viewport and says so', () => {
    const box = cropBox(
      {
        rect: { x: 10, y: -100, width: 500, height: 1200 },
        viewport,
        scroll: { x: 0, y: 0 },
        devicePixelRatio: 1,
      },
      1000,
      800,
    );
    expect(box).toEqual({ sx: 10, sy: 0, width: 500, height: 800, clipped: true });
  });

  it('gives an empty box for a post entirely off screen', () => {
    const box = cropBox(
      {
        rect: { x: 0, y: 900, width: 500, height: 100 },
        viewport,
        scroll: { x: 0, y: 0 },
        devicePixelRatio: 1,
      },
      1000,
      800,
    );
    expect(box.height).toBe(0);
  });
});
