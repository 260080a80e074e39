// Part B, bundled as the bench page's OWN script (the site's part, not Netra's): one seed post at load,
// then on request 1,000 posts appended 20 at a time, one batch per timer tick, while a PerformanceObserver
// records every long task. The feed (X, Facebook or Instagram) is the one served on the page's host.
import { FEEDS, SEED_INDEX } from './feeds';

export interface FeedRunOptions {
  batches: number;
  batchSize: number;
  intervalMs: number;
}

export interface FeedRunResult {
  /** From the first batch to the end of the last one (ms). */
  appendWallMs: number;
  /** The page's own synchronous work: building and appending the cells (ms). */
  appendWorkMs: number;
  /** How late the batch timers fired, summed and at worst (ms): a busy main thread delays them. */
  timerLateMs: number;
  timerLateMaxMs: number;
  startedAt: number;
}

export interface LongTask {
  startTime: number;
  duration: number;
}

const longTasks: LongTask[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    longTasks.push({ startTime: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });

const feed = FEEDS.find((f) => f.host === location.hostname);
if (!feed) throw new Error(`no bench feed for ${location.hostname}`);
const build = feed.cellBuilder(document);

function start({ batches, batchSize, intervalMs }: FeedRunOptions): Promise<FeedRunResult> {
  const timeline = document.getElementById('timeline')!;
  const startedAt = performance.now();
  const result: FeedRunResult = {
    appendWallMs: 0,
    appendWorkMs: 0,
    timerLateMs: 0,
    timerLateMaxMs: 0,
    startedAt,
  };
  return new Promise((resolve) => {
    let batch = 0;
    let due = startedAt;
    const tick = () => {
      const late = Math.max(0, performance.now() - due);
      result.timerLateMs += late;
      result.timerLateMaxMs = Math.max(result.timerLateMaxMs, late);
      const t = performance.now();
      timeline.append(...Array.from({ length: batchSize }, (_, k) => build(batch * batchSize + k)));
      const end = performance.now();
      result.appendWorkMs += end - t;
      batch++;
      if (batch === batches) {
        result.appendWallMs = end - startedAt;
        resolve(result);
        return;
      }
      due = end + intervalMs;
      setTimeout(tick, intervalMs);
    };
    tick();
  });
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('timeline')!.append(build(SEED_INDEX));
});

(window as unknown as { netraFeed: unknown }).netraFeed = {
  start,
  longTasks: (since: number): LongTask[] => longTasks.filter((task) => task.startTime >= since),
};
