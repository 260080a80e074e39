/**
 * Chrome allows two `captureVisibleTab` calls per second per extension
 * (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND). Jobs run one at a time, each starting at least
 * `intervalMs` after the previous one started, so a burst of clicks is honoured in order, none dropped.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class ScreenshotQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private lastStart = Number.NEGATIVE_INFINITY;
  private waiting = 0;

  constructor(
    private readonly intervalMs = 520,
    private readonly clock: Clock = realClock,
  ) {}

  /** Number of jobs queued or running. */
  get size(): number {
    return this.waiting;
  }

  /**
   * Runs `job` in turn (one job at a time). The job calls `next()` right before EACH capture call: it
   * waits out the interval since the previous capture call, whichever job made it. Spacing the calls
   * themselves, not the jobs' starts, matters: a job's own work before its capture (measuring the
   * post) varies, and two calls closer than the browser allows are refused.
   */
  run<T>(job: (next: () => Promise<void>) => Promise<T>): Promise<T> {
    this.waiting++;
    const next = async () => {
      const wait = this.lastStart + this.intervalMs - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait);
      this.lastStart = this.clock.now();
    };
    const result = this.tail.then(async () => {
      try {
        return await job(next);
      } finally {
        this.waiting--;
      }
    });
    // A failed job must not stall the ones behind it.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
