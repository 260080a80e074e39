// Reading a Chromium trace (CDP Tracing, the categories DevTools' Performance panel records): the content script's own calls and
// the page's main-thread tasks, in wall time and in thread CPU time (which the OS taking the core away
// does not inflate, unlike wall time on a busy 2-core machine).
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string } };
}

export interface SpanTime {
  count: number;
  wallMs: number;
  cpuMs: number;
  longestWallMs: number;
  longestCpuMs: number;
}

/** Sums the complete events that `match` and are not nested in an earlier match (that one holds their time). */
export function spanTime(events: readonly TraceEvent[], match: (e: TraceEvent) => boolean): SpanTime {
  const spans = events.filter((e) => e.ph === 'X' && match(e)).sort((x, y) => x.ts - y.ts);
  const time: SpanTime = { count: 0, wallMs: 0, cpuMs: 0, longestWallMs: 0, longestCpuMs: 0 };
  let end = Number.NEGATIVE_INFINITY;
  for (const span of spans) {
    if (span.ts < end) continue;
    const wall = (span.dur ?? 0) / 1000;
    const cpu = (span.tdur ?? span.dur ?? 0) / 1000;
    end = span.ts + (span.dur ?? 0);
    time.count++;
    time.wallMs += wall;
    time.cpuMs += cpu;
    time.longestWallMs = Math.max(time.longestWallMs, wall);
    time.longestCpuMs = Math.max(time.longestCpuMs, cpu);
  }
  return time;
}

const scriptFrom = (origin: string) => (e: TraceEvent) =>
  e.name === 'FunctionCall' && (e.args?.data?.url?.startsWith(origin) ?? false);

/** Every call into scripts of `origin`: for the content script, its MutationObserver, frame and timer callbacks. */
export const callsInto = (events: readonly TraceEvent[], origin: string): SpanTime =>
  spanTime(events, scriptFrom(origin));

function pageThread(events: readonly TraceEvent[], pageOrigin: string): (e: TraceEvent) => boolean {
  const page = events.find(scriptFrom(pageOrigin));
  if (!page) throw new Error(`the trace shows no script from ${pageOrigin}`);
  return (e) => e.name === 'RunTask' && e.pid === page.pid && e.tid === page.tid;
}

/** All tasks of the thread that ran the page's own script (`pageOrigin`): the page's main thread. */
export const mainThreadTasks = (events: readonly TraceEvent[], pageOrigin: string): SpanTime =>
  spanTime(events, pageThread(events, pageOrigin));

export interface LongTaskShare {
  durationMs: number;
  /** Wall time of the calls into `origin`'s scripts inside this task. */
  insideMs: number;
}

/** The page's tasks over 50 ms, each with the time the scripts of `origin` took inside it. */
export function longTaskShares(
  events: readonly TraceEvent[],
  pageOrigin: string,
  origin: string,
): LongTaskShare[] {
  const onPageThread = pageThread(events, pageOrigin);
  const calls = events.filter((e) => e.ph === 'X' && scriptFrom(origin)(e));
  return events
    .filter((e) => e.ph === 'X' && onPageThread(e) && (e.dur ?? 0) > 50_000)
    .map((task) => {
      const end = task.ts + (task.dur ?? 0);
      const inside = spanTime(
        calls.filter((call) => call.ts >= task.ts && call.ts < end),
        () => true,
      );
      return { durationMs: (task.dur ?? 0) / 1000, insideMs: inside.wallMs };
    });
}

/** Starts tracing; the returned function stops it and resolves with every event. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}
