import { describe, expect, it } from 'vitest';
import { panelPosition } from '@/lib/feed/panel-position';

const size = { width: 320, height: 400 };
const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });
const button = box(560, 300, 600, 328);

describe('panelPosition', () => {
  it('goes beside the post when the window has room, level with the button', () => {
    expect(panelPosition(size, button, box(0, 280, 620, 700), { width: 1280, height: 1000 })).toEqual({
      left: 628,
      top: 300,
    });
    expect(panelPosition(size, button, box(400, 280, 1000, 700), { width: 1100, height: 1000 })).toEqual({
      left: 72,
      top: 300,
    });
  });

  it('goes above the button on a narrow window, else below it, and stays inside the window', () => {
    const narrow = { width: 640, height: 1000 };
    const post = box(0, 280, 640, 1200);
    expect(panelPosition(size, box(560, 600, 600, 628), post, narrow)).toEqual({ left: 280, top: 192 });
    expect(panelPosition(size, button, post, narrow)).toEqual({ left: 280, top: 336 });
    expect(panelPosition(size, button, post, { width: 300, height: 500 })).toEqual({ left: 8, top: 92 });
  });
});
