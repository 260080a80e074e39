// The feed's cost once the office's configuration is loaded: the built extension in real Chromium on the
// three bench feeds, with 5,000 rules and a 10,000-entry watchlist in storage.local, against the SAME
// extension with no configuration, interleaved in the same run (the baseline). With a configuration the
// content script also reads every post in idle time, sends it to the background's matcher (feed.match)
// and draws a marker on each post that matched; without one it does none of that.
//
//   npm run bench:config     (npm run build && tsx tests/bench/configured.ts; about 5 minutes)
//   NETRA_BENCH_FEEDS=x,facebook and NETRA_BENCH_RUNS=1 measure less, for a quick look.
//
// Figures per feed (median of the runs; "extra" = configured − plain, paired by run): the content
// script's CPU per post from the trace, the page's main-thread CPU, long tasks, and the markers drawn.
// Each run keeps its window open until the markers stop changing, so the idle-time matching is inside
// what is measured. The run fails if the configured runs draw no marker or the plain ones draw any.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import type { Rule, WatchlistEntry } from '../../lib/config/schema';
import { SETTINGS } from '../../lib/config/settings';
import { type ChromiumSession, launchChromium } from '../e2e/harness/chromium';
import { startHttpsServer } from '../e2e/harness/https-server';
import { median } from '../tools/median';
import { seededRandom } from '../tools/seeded-random';
import { PEOPLE } from './feed-dom';
import type { FeedId, FeedShape } from './feeds';
import { OFFICE_SEED, syntheticOffice } from './office-config';
import { feedRun, type PartBRun, servePartB } from './part-b';
import { row } from './report';
import { BenchFailure, selectedFeeds } from './tools';

const EXTENSION_DIR = '.output/chrome-mv3';
const OUT = 'artifacts/bench/configured.json';
const FEED = { batches: 50, batchSize: 20, intervalMs: 50 };
const WARMUP_BATCHES = 10;
const RUNS = Number(process.env.NETRA_BENCH_RUNS ?? 3);
const RULES = 5_000;
const WATCHLIST = 10_000;

type Mode = 'plain' | 'configured';

const log = (line: string) => console.log(`[bench:config] ${line}`);

/**
 * The match bench's synthetic office list, plus what an office would really list for these feeds: the
 * campaign phrases and hashtags the bench posts use, and three of their authors as civil servants on
 * every platform. So markers appear, as they would on a real patrol.
 */
function officeConfig(): { rules: Rule[]; watchlist: WatchlistEntry[] } {
  const { rules, watchlist } = syntheticOffice(seededRandom(OFFICE_SEED), {
    rules: RULES,
    watchlist: WATCHLIST,
  });
  const campaign: [string, Rule['kind']][] = [
    ['kampanye akbar', 'slogan'],
    ['posko pemenangan', 'slogan'],
    ['tim sukses', 'slogan'],
    ['#Coblos02', 'hashtag'],
    ['#SuryaMelati', 'hashtag'],
  ];
  for (const [term, kind] of campaign) {
    rules.push({ id: `feed-${term}`, term, label: term, kind, category: null });
  }
  for (const [name, handle] of PEOPLE.filter(([, h]) => /guru|asn|kades/.test(h))) {
    for (const platform of ['x', 'facebook', 'instagram'] as const) {
      watchlist.push({
        id: `${platform}:${handle}`,
        name,
        nip: '198703152010011002',
        agency: 'Dinas Pendidikan',
        position: null,
        platform,
        handle,
        profileUrl: null,
      });
    }
  }
  return { rules, watchlist };
}

async function setMode(session: ChromiumSession, mode: Mode, config: ReturnType<typeof officeConfig>) {
  const keys = [SETTINGS.rules, SETTINGS.watchlist];
  if (mode === 'configured') {
    await session.evalInWorker((items) => chrome.storage.local.set(items), {
      [SETTINGS.rules]: config.rules,
      [SETTINGS.watchlist]: config.watchlist,
    });
  } else {
    await session.evalInWorker((k) => chrome.storage.local.remove(k), keys);
  }
}

interface Figures {
  contentCpuPerPostMs: number;
  mainThreadCpuMs: number;
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
  longTasks: number;
  markers: number;
}

const figures = (run: PartBRun): Figures => ({
  contentCpuPerPostMs: run.contentScript.cpuMs / run.posts,
  mainThreadCpuMs: run.mainThread.cpuMs,
  scriptMs: run.metrics.ScriptDuration,
  styleMs: run.metrics.RecalcStyleDuration,
  layoutMs: run.metrics.LayoutDuration,
  longTasks: run.longTasks.length,
  markers: run.markers,
});

async function measure(
  session: ChromiumSession,
  feed: FeedShape,
  url: string,
  config: ReturnType<typeof officeConfig>,
): Promise<Record<Mode, Figures[]>> {
  const runs: Record<Mode, Figures[]> = { plain: [], configured: [] };
  for (let i = 0; i < 1 + RUNS; i++) {
    for (const mode of ['plain', 'configured'] as Mode[]) {
      await setMode(session, mode, config);
      const batches = i === 0 ? WARMUP_BATCHES : FEED.batches;
      const run = await feedRun(
        session.context,
        url,
        feed,
        'with',
        { ...FEED, batches },
        session.extensionOrigin,
        true,
      );
      const f = figures(run);
      if (mode === 'plain' && f.markers > 0)
        throw new BenchFailure(`${f.markers} markers with no configuration`);
      if (mode === 'configured' && f.markers === 0) throw new BenchFailure(`no marker on ${feed.label}`);
      if (i > 0) runs[mode].push(f);
      log(
        `${feed.label} ${i === 0 ? 'warm-up' : `run ${i}/${RUNS}`} ${mode.padEnd(10)}: ` +
          `content script ${f.contentCpuPerPostMs.toFixed(3)} ms CPU/post, main thread ${f.mainThreadCpuMs.toFixed(0)} ms ` +
          `(script ${f.scriptMs.toFixed(0)}, style ${f.styleMs.toFixed(0)}, layout ${f.layoutMs.toFixed(0)}), ` +
          `${f.longTasks} long tasks, ${f.markers} markers`,
      );
    }
  }
  return runs;
}

function summarise(runs: Record<Mode, Figures[]>) {
  const of = (mode: Mode, key: keyof Figures) => median(runs[mode].map((f) => f[key]));
  const extra = (key: keyof Figures) => median(runs.configured.map((f, i) => f[key] - runs.plain[i]![key]));
  return {
    plain: {
      contentCpuPerPostMs: of('plain', 'contentCpuPerPostMs'),
      mainThreadCpuMs: of('plain', 'mainThreadCpuMs'),
      longTasks: of('plain', 'longTasks'),
    },
    configured: {
      contentCpuPerPostMs: of('configured', 'contentCpuPerPostMs'),
      mainThreadCpuMs: of('configured', 'mainThreadCpuMs'),
      longTasks: of('configured', 'longTasks'),
      markers: of('configured', 'markers'),
    },
    ratio: {
      contentCpu: of('configured', 'contentCpuPerPostMs') / of('plain', 'contentCpuPerPostMs'),
      mainThreadCpu: of('configured', 'mainThreadCpuMs') / of('plain', 'mainThreadCpuMs'),
    },
    extra: {
      contentCpuPerPostMs: extra('contentCpuPerPostMs'),
      longTasks: extra('longTasks'),
    },
  };
}

async function main(): Promise<void> {
  console.log('Reproduce: npm run bench:config   (npm run build && tsx tests/bench/configured.ts)');
  const started = Date.now();
  const loadBefore = loadavg();
  const config = officeConfig();
  const server = await startHttpsServer({});
  const session = await launchChromium({ extensionDir: EXTENSION_DIR });
  const results: { feed: FeedId; label: string; summary: ReturnType<typeof summarise>; runs: object }[] = [];
  try {
    for (const feed of selectedFeeds()) {
      const url = await servePartB(server, feed);
      const runs = await measure(session, feed, url, config);
      results.push({ feed: feed.id, label: feed.label, summary: summarise(runs), runs });
    }
  } finally {
    await session.close();
    await server.close();
  }
  const minutes = (Date.now() - started) / 60_000;

  const header = ['', ...results.map((r) => r.label)];
  const widths = [46, ...results.map(() => 10)];
  const line = (cells: string[]) => console.log(row(cells, widths));
  console.log(
    `\nThe feed with ${config.rules.length} rules and a ${config.watchlist.length}-entry watchlist vs no configuration, same ` +
      `extension, same run (median of ${RUNS} interleaved runs; ${FEED.batches * FEED.batchSize} posts each)`,
  );
  line(header);
  line([
    'content script CPU per post, plain (ms)',
    ...results.map((r) => r.summary.plain.contentCpuPerPostMs.toFixed(3)),
  ]);
  line([
    'content script CPU per post, configured (ms)',
    ...results.map((r) => r.summary.configured.contentCpuPerPostMs.toFixed(3)),
  ]);
  line(['  configured ÷ plain', ...results.map((r) => `${r.summary.ratio.contentCpu.toFixed(2)}×`)]);
  line([
    '  extra per post (paired median, ms)',
    ...results.map((r) => r.summary.extra.contentCpuPerPostMs.toFixed(3)),
  ]);
  line([
    'page main thread CPU, configured ÷ plain',
    ...results.map((r) => `${r.summary.ratio.mainThreadCpu.toFixed(2)}×`),
  ]);
  line([
    'long tasks > 50 ms, plain / configured',
    ...results.map((r) => `${r.summary.plain.longTasks} / ${r.summary.configured.longTasks}`),
  ]);
  line(['markers drawn (configured)', ...results.map((r) => String(r.summary.configured.markers))]);
  const loads = `${loadBefore.map((v) => v.toFixed(2)).join(' ')} → ${loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')}`;
  console.log(`\n${cpus().length} CPUs, load average ${loads}; measuring took ${minutes.toFixed(1)} min`);

  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(
    OUT,
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        reproduce: 'npm run bench:config',
        config: { rules: config.rules.length, watchlist: config.watchlist.length },
        feed: FEED,
        runs: RUNS,
        environment: {
          cpus: cpus().length,
          node: process.version,
          loadBefore,
          loadAfter: loadavg(),
          minutes,
        },
        results,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Wrote ${OUT}`);
}

declare const chrome: {
  storage: { local: { set(items: object): Promise<void>; remove(keys: string[]): Promise<void> } };
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof BenchFailure ? `[bench:config] FAILED: ${error.message}` : error);
    process.exit(1);
  },
);
