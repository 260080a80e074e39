// The benchmark's summary: medians and ratios for the tables on stdout and artifacts/bench/feed.json.

import { median } from '../tools/median';
import type { FeedShape } from './feeds';
import type { PartA, Step } from './part-a';
import { METRICS, type Mode, type PartBRun } from './part-b';

export const GOALS = { msPerPost: 0.05, longTasks: 0, gzipKB: 20 } as const;

export interface ScriptSize {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

type Figures = Record<string, number>;

/** Median and range over runs: the range shows how much the machine's noise moves a figure. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

const spread = (values: number[]): Spread => ({
  median: median(values),
  min: Math.min(...values),
  max: Math.max(...values),
});

function figures(run: PartBRun): Figures {
  return {
    longTasks: run.longTasks.length,
    longTaskMs: run.longTasks.reduce((sum, t) => sum + t.duration, 0),
    longTaskMaxMs: Math.max(0, ...run.longTasks.map((t) => t.duration)),
    appendWallMs: run.feed.appendWallMs,
    appendWorkMs: run.feed.appendWorkMs,
    timerLateMs: run.feed.timerLateMs,
    timerLateMaxMs: run.feed.timerLateMaxMs,
    mainThreadCpuMs: run.mainThread.cpuMs,
    mainThreadWallMs: run.mainThread.wallMs,
    ...run.metrics,
    contentScriptCalls: run.contentScript.count,
    contentScriptCpuMs: run.contentScript.cpuMs,
    contentScriptWallMs: run.contentScript.wallMs,
    longestCallWallMs: run.contentScript.longestWallMs,
    longestCallCpuMs: run.contentScript.longestCpuMs,
    // Tasks over 50 ms in the trace (rendering included), those holding a content-script call, and those it
    // pushed over 50 ms (long only with it).
    traceLongTasks: run.longTaskShares.length,
    longTasksWithCalls: run.longTaskShares.filter((t) => t.insideMs > 0).length,
    longTasksPushedOver: run.longTaskShares.filter((t) => t.insideMs > 0 && t.durationMs - t.insideMs <= 50)
      .length,
  };
}

/** Medians per mode, their ratios, and per-pair differences (with − without) of the interleaved runs. */
export function summarisePartB(runs: readonly PartBRun[]) {
  const of = (mode: Mode) => runs.filter((r) => r.mode === mode).map(figures);
  const without = of('without');
  const withExt = of('with');
  const posts = runs[0]!.posts;
  const items = runs[0]!.items;
  const keys = Object.keys(withExt[0]!);
  const medians = (list: Figures[]): Figures =>
    Object.fromEntries(keys.map((k) => [k, median(list.map((f) => f[k]!))]));
  const pairs = withExt.map((w, i) => [w, without[i]!] as const);
  const extra = (k: string, per = 1) => spread(pairs.map(([w, wo]) => (w[k]! - wo[k]!) / per));
  const own = (k: string, per = 1) => spread(withExt.map((w) => w[k]! / per));
  return {
    posts,
    /** Buttons the page should get: the posts (and the seed post) with their comments. */
    items,
    runsPerMode: withExt.length,
    without: medians(without),
    with: medians(withExt),
    /** with ÷ without, of the medians above (null where the baseline is 0). */
    ratio: Object.fromEntries(
      keys.map((k) => {
        const base = median(without.map((f) => f[k]!));
        return [k, base === 0 ? null : median(withExt.map((f) => f[k]!)) / base];
      }),
    ) as Record<string, number | null>,
    /** On a loaded machine the page alone has some long tasks: hence paired differences. */
    extraLongTasks: extra('longTasks'),
    /** Per run with the extension: long tasks that are long only because of the content script's calls. */
    pushedOver: own('longTasksPushedOver'),
    /** The content script's longest single call: the most it adds to any one task. */
    longestCall: { wallMs: own('longestCallWallMs'), cpuMs: own('longestCallCpuMs') },
    perPost: {
      contentScriptCpu: own('contentScriptCpuMs', posts),
      contentScriptWall: own('contentScriptWallMs', posts),
      extraMainThreadCpu: extra('mainThreadCpuMs', posts),
      extraMainThreadWall: extra('mainThreadWallMs', posts),
      ...Object.fromEntries(METRICS.map((m) => [`extra${m}`, extra(m, posts)])),
    } as Record<string, Spread>,
  };
}

export type PartBSummary = ReturnType<typeof summarisePartB>;

const LABELS: Record<Step, string> = {
  baseline: 'baseline: bare querySelectorAll',
  find: 'find (adapter.findPosts)',
  inject: 'inject (createFlagButton + anchor)',
  extract: 'extract (adapter.extract), the post',
  total: 'find + extract + inject',
  watchBaseline: 'baseline: one querySelectorAll pass',
  watchFlush: 'watchFeed flush (find + inject, as shipped)',
  append: "context: the page's own append",
};

const ms = (v: number, digits = 4) => v.toFixed(digits);
/** A table row: the first cell left-aligned, the others right-aligned, two spaces apart. */
export const row = (cells: string[], widths: number[]) =>
  cells.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
const goal = (ok: boolean) => (ok ? 'meets goal' : 'MISSES goal');
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** One platform's measurements, as run.ts collects them. */
export interface FeedResult {
  feed: FeedShape;
  url: string;
  size: ScriptSize;
  partA: PartA;
  partB: PartBSummary;
}

/** The detailed tables of one platform: Part A step by step, Part B with and without, per post, size. */
export function formatFeedReport({ feed, url, partA, partB, size }: FeedResult): string {
  const out: string[] = [];
  const a = partA.options;
  const totals = partA.runs[0]!.totals;
  const perPostItems = totals.items / totals.posts;
  const wA = [48, 12, 12];
  const stepRow = (step: Step) =>
    out.push(row([`  ${LABELS[step]}`, ms(partA.perPost[step], 5), partA.ratio[step].toFixed(1)], wA));
  out.push(
    '',
    `=== ${feed.label}: ${url} ===`,
    '',
    `Part A — lib code timed inside the page (median of ${partA.runs.length} runs; ${a.batches * a.batchSize} posts, ` +
      `${a.batchSize} per batch; ~${Math.round(totals.elementsPerPost)} elements per post` +
      (totals.comments ? `; ${perPostItems.toFixed(2)} buttons per post, its comments' included)` : ')'),
  );
  out.push(row(['', 'ms/post', '× baseline'], wA));
  out.push(`pass 1: each step alone, ×${a.reps} over each batch (warm caches)`);
  for (const step of ['baseline', 'find', 'inject', 'extract', 'total'] as Step[]) stepRow(step);
  if (partA.extractPerComment) {
    const c = partA.extractPerComment;
    out.push(row(['  extract (adapter.extract), one comment', ms(c.ms, 5), c.ratio.toFixed(1)], wA));
  }
  out.push('pass 2: the feed watcher, once per batch right after the append');
  for (const step of ['watchBaseline', 'watchFlush'] as Step[]) stepRow(step);
  out.push(row([LABELS.append, ms(partA.perPost.append, 5), ''], wA));
  out.push(
    `  goal ≤ ${GOALS.msPerPost} ms/post for find + extract + inject: ${goal(partA.perPost.total <= GOALS.msPerPost)}`,
    '  (in the feed the content script runs find + inject per post; extract runs only when a post is flagged)',
  );
  const missing = Object.entries(totals.missingByField)
    .sort(([, x], [, y]) => y - x)
    .map(([field, n]) => `${field} ×${n}`);
  out.push(
    `  fields extract left missing over the ${totals.items} posts and comments: ` +
      (missing.length ? missing.join(', ') : 'none'),
  );

  const b = partB;
  out.push(
    '',
    `Part B — the built extension vs no extension (median of ${b.runsPerMode} interleaved runs; ${b.posts} posts, ` +
      `${b.items} buttons expected with the seed post${totals.comments ? ' and the comments' : ''})`,
  );
  const wB = [44, 10, 10, 14];
  out.push(row(['', 'without', 'with', 'with/without'], wB));
  const line = (label: string, key: string, digits = 1) => {
    const ratio = b.ratio[key];
    const cells = [label, ms(b.without[key]!, digits), ms(b.with[key]!, digits), ratio?.toFixed(2) ?? ''];
    out.push(row(cells, wB));
  };
  line('long tasks (> 50 ms)', 'longTasks', 0);
  line('long tasks, total ms', 'longTaskMs');
  line('long tasks, longest ms', 'longTaskMaxMs');
  line('tasks > 50 ms in the trace (rendering too)', 'traceLongTasks', 0);
  line('scripted append, wall ms', 'appendWallMs');
  line("page's own append work, ms", 'appendWorkMs');
  line('batch timers late, total ms', 'timerLateMs');
  line('batch timers late, worst ms', 'timerLateMaxMs');
  line('main thread tasks, CPU ms (trace)', 'mainThreadCpuMs');
  line('main thread tasks, wall ms (trace)', 'mainThreadWallMs');
  for (const m of METRICS) line(`${m}, ms (CDP metrics)`, m);
  line('content script calls (trace)', 'contentScriptCalls', 0);
  line('content script, CPU ms (trace)', 'contentScriptCpuMs');
  const extra = b.extraLongTasks;
  const { wallMs, cpuMs } = b.longestCall;
  out.push(
    `  long tasks with − without (paired runs): median ${extra.median}, runs ${extra.min} … ${extra.max}`,
    `  trace tasks > 50 ms holding a content-script call: median ${b.with.longTasksWithCalls} per run; ` +
      `over 50 ms only because of it: median ${b.pushedOver.median}, worst ${b.pushedOver.max}`,
    `  the content script's longest single call: median ${ms(cpuMs.median, 1)} ms CPU (${ms(wallMs.median, 1)} ms wall), ` +
      `worst ${ms(cpuMs.max, 1)} ms CPU (${ms(wallMs.max, 1)} ms wall)`,
  );
  out.push(
    `  goal ${GOALS.longTasks} long tasks caused (both medians above): ${goal(noLongTasks(b))}`,
    '  (its frame-scheduled flush runs inside the rendering task, so it lengthens frames the page already makes long)',
  );

  out.push('', 'Per post, the real extension (median of runs; extra = with − without, paired by run):');
  const perPost = (label: string, key: string, note = '') => {
    const s = b.perPost[key]!;
    out.push(`  ${label.padEnd(36)} ${ms(s.median)} ms  (runs ${ms(s.min)} … ${ms(s.max)})${note}`);
  };
  perPost('content script, CPU (trace)', 'contentScriptCpu', '  ← its own calls');
  perPost('content script, wall (trace)', 'contentScriptWall');
  perPost(
    'extra main-thread CPU (trace)',
    'extraMainThreadCpu',
    "  ← all it adds, buttons' style/layout too",
  );
  perPost('extra main-thread wall (trace)', 'extraMainThreadWall');
  for (const m of METRICS) perPost(`extra ${m} (CDP)`, `extra${m}`);
  out.push(
    `  beside part A: find + inject as shipped ${ms(partA.perPost.watchFlush)} ms/post. CPU time is what the`,
    '  extension costs; wall time also counts the OS giving the core to other processes on a busy machine.',
  );

  out.push('', `Content script size: ${size.file}`);
  out.push(
    `  raw ${kb(size.rawBytes)} KB, gzip -9 ${kb(size.gzipBytes)} KB: goal ≤ ${GOALS.gzipKB} KB, ${goal(size.gzipBytes <= GOALS.gzipKB * 1024)}`,
  );
  return out.join('\n');
}

const noLongTasks = (b: PartBSummary) =>
  b.extraLongTasks.median <= GOALS.longTasks && b.pushedOver.median <= GOALS.longTasks;

/** The figures side by side, one column per platform. */
export function formatSummary(results: readonly FeedResult[]): string {
  const labels = results.map((r) => r.feed.label);
  const w = [58, ...labels.map((l) => Math.max(12, l.length))];
  const out: string[] = ['', '=== Figures, per platform (medians; ms per feed post unless said) ===', ''];
  out.push(row(['', ...labels], w));
  const add = (label: string, cell: (r: FeedResult) => string) =>
    out.push(row([label, ...results.map(cell)], w));
  add('Part A runs / Part B runs per mode', (r) => `${r.partA.runs.length} / ${r.partB.runsPerMode}`);
  add('elements per post (page DOM)', (r) => String(Math.round(r.partA.runs[0]!.totals.elementsPerPost)));
  add('buttons per post (post + its comments)', (r) => {
    const t = r.partA.runs[0]!.totals;
    return (t.items / t.posts).toFixed(2);
  });
  add('ms per post (find+inject, as shipped)', (r) => ms(r.partA.perPost.watchFlush));
  add('  × its bare querySelectorAll pass', (r) => r.partA.ratio.watchFlush.toFixed(1));
  add('extract ms per post (at click time only)', (r) => ms(r.partA.perPost.extract));
  add('extract ms per comment (at click time only)', (r) =>
    r.partA.extractPerComment ? ms(r.partA.extractPerComment.ms) : '—',
  );
  add('find + extract + inject, pass 1 (goal ≤ 0.05)', (r) => ms(r.partA.perPost.total));
  add(
    'long tasks > 50 ms, without / with extension',
    (r) => `${r.partB.without.longTasks} / ${r.partB.with.longTasks}`,
  );
  add(
    'long tasks with − without (paired median; worst)',
    (r) => `${r.partB.extraLongTasks.median}; ${r.partB.extraLongTasks.max}`,
  );
  add(
    'tasks long only because of it (median; worst)',
    (r) => `${r.partB.pushedOver.median}; ${r.partB.pushedOver.max}`,
  );
  add(
    'trace tasks > 50 ms, without / with',
    (r) => `${r.partB.without.traceLongTasks} / ${r.partB.with.traceLongTasks}`,
  );
  add('content-script CPU per post (trace)', (r) => ms(r.partB.perPost.contentScriptCpu!.median));
  add('content script, longest call, CPU ms (median)', (r) => ms(r.partB.longestCall.cpuMs.median, 1));
  add('extra main-thread CPU per post (with − without)', (r) =>
    ms(r.partB.perPost.extraMainThreadCpu!.median),
  );
  add('main thread CPU, with ÷ without', (r) => r.partB.ratio.mainThreadCpuMs?.toFixed(2) ?? '');
  add('content script gzip -9, KB (goal ≤ 20)', (r) => kb(r.size.gzipBytes));
  add('goal: no long tasks caused', (r) => (noLongTasks(r.partB) ? 'meets' : 'MISSES'));
  return out.join('\n');
}
