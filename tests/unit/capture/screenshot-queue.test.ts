import { describe, expect, it } from 'vitest';
import { type Clock, ScreenshotQueue } from '@/lib/capture/screenshot-queue';

/** A clock whose sleeps advance virtual time at once, so the spacing is checked exactly. */
function virtualClock(): Clock & { starts: number[] } {
  let now = 0;
  return {
    starts: [],
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
}

describe('ScreenshotQueue', () => {
  it('runs a burst one by one, each capture call at least the interval after the previous', async () => {
    const clock = virtualClock();
    const queue = new ScreenshotQueue(500, clock);
    const order: number[] = [];
    const jobs = Array.from({ length: 10 }, (_, i) =>
      queue.run(async (next) => {
        await next();
        clock.starts.push(clock.now());
        order.push(i);
        return i * 2;
      }),
    );
    expect(await Promise.all(jobs)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(clock.starts).toEqual([0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500]);
    expect(queue.size).toBe(0);
  });

  it('keeps going after a failed job', async () => {
    const queue = new ScreenshotQueue(500, virtualClock());
    const failed = queue.run(async () => {
      throw new Error('capture failed');
    });
    const next = queue.run(async () => 'ok');
    await expect(failed).rejects.toThrow('capture failed');
    await expect(next).resolves.toBe('ok');
  });
});
