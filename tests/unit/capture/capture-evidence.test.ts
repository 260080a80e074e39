import { Blob as NodeBlob } from 'node:buffer';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ImageOps } from '@/lib/capture/canvas';
import {
  type CaptureDeps,
  captureEvidence,
  captureVisiblePage,
  resumeJobs,
  type SenderTab,
  senderTab,
} from '@/lib/capture/capture-evidence';
import { pageSnapshot } from '@/lib/capture/fallback';
import { type Clock, ScreenshotQueue } from '@/lib/capture/screenshot-queue';
import { EvidenceDb, shiftCount } from '@/lib/evidence/db';
import { Evidence } from '@/lib/evidence/schema';
import { verifyStoredChains } from '@/lib/evidence/verify-chain';
import type { PreparedCapture } from '@/lib/messages';
import { xSnapshot } from './snapshot-factory';

const instantClock: Clock = { now: () => 0, sleep: async () => undefined };
// happy-dom's Blob does not survive IndexedDB's structured clone; Node's does, as browsers' do.
const png = (label: string) => new NodeBlob([`\x89PNG ${label}`], { type: 'image/png' }) as unknown as Blob;

/** Image work without a canvas: a "PNG" is a label, compose lists what was drawn where. */
const images: ImageOps = {
  size: async () => ({ width: 2000, height: 1600 }),
  compose: async (parts, width, height) =>
    new NodeBlob([JSON.stringify({ width, height, parts: parts.map(({ png: _, ...p }) => p) })], {
      type: 'image/png',
    }) as unknown as Blob,
};

const fits: PreparedCapture = {
  rect: { x: 10, y: 20, width: 300, height: 200 },
  viewport: { width: 1000, height: 800 },
  scroll: { x: 0, y: 0 },
  devicePixelRatio: 2,
};

let db: EvidenceDb;
let deps: CaptureDeps;
let tab: SenderTab;

beforeEach(async () => {
  db = new EvidenceDb(`netra-test-${crypto.randomUUID()}`);
  const created = await fakeBrowser.tabs.create({ url: 'https://x.com/home', active: true });
  tab = { tabId: created.id!, windowId: created.windowId!, frameId: 0, url: 'https://x.com/home' };
  deps = {
    db,
    queue: new ScreenshotQueue(500, instantClock),
    images,
    isActiveTab: async () => true,
    prepare: vi.fn(async () => fits),
    scroll: vi.fn(async () => fits),
    finish: vi.fn(async () => undefined),
    captureVisibleTab: vi.fn(async () => png('window')),
    context: async () => ({
      officer: { name: 'Rudi Hartono', nip: '198703152010011002', unit: 'Bawaslu Kota Harapan' },
      extensionVersion: '0.1.0',
      browser: 'Chrome/156',
      os: 'linux x86-64',
    }),
    now: () => new Date('2026-11-21T10:00:00Z'),
    newId: () => crypto.randomUUID(),
  };
});

const request = (overrides = {}) => ({
  type: 'capture',
  clickId: crypto.randomUUID(),
  snapshot: xSnapshot(overrides),
});

describe('captureEvidence', () => {
  it('stores a complete record that validates against the schema, with post and window screenshots', async () => {
    const reply = await captureEvidence(deps, request(), tab);
    expect(reply).toMatchObject({ ok: true, status: 'saved', version: 1 });
    const [stored] = await db.evidence.toArray();
    const parsed = Evidence.safeParse(stored);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(stored).toMatchObject({
      seq: 1,
      version: 1,
      versionOf: null,
      prevHash: null,
      category: 'posting',
      officer: { nip: '198703152010011002' },
      provenance: {
        extensionVersion: '0.1.0',
        browser: 'Chrome/156',
        os: 'linux x86-64',
        devicePixelRatio: 2,
      },
      missing: [],
    });
    expect(stored?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.screenshots.map((s) => [s.role, s.width, s.height, s.slices])).toEqual([
      ['post', 600, 400, 1],
      ['viewport', 2000, 1600, 1],
    ]);
    const post = await db.screenshots.get(stored!.screenshots[0]!.id);
    expect(JSON.parse(await post!.blob.text())).toEqual({
      width: 600,
      height: 400,
      parts: [{ sx: 20, sy: 40, width: 600, height: 400, clipped: false, dy: 0 }],
    });
    expect(stored?.capturedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
    expect(await db.jobs.count()).toBe(0);
    expect(deps.finish).toHaveBeenCalledOnce();
  });

  it('stitches a post taller than the window from scrolled slices, within the rate limit', async () => {
    const tall = { ...fits, rect: { x: 0, y: 0, width: 500, height: 2000 } };
    deps.prepare = vi.fn(async () => tall);
    deps.scroll = vi.fn(async (_tab, _click, offset: number) => ({
      ...tall,
      rect: { ...tall.rect, y: -Math.min(offset, 2000 - 800) },
    }));
    const sleeps: number[] = [];
    let now = 0;
    deps.queue = new ScreenshotQueue(500, {
      now: () => now,
      sleep: async (ms) => {
        now += ms;
        sleeps.push(now);
      },
    });
    await captureEvidence(deps, request(), tab);
    expect(deps.scroll).toHaveBeenCalledTimes(2);
    expect(vi.mocked(deps.scroll).mock.calls.map((c) => c[2])).toEqual([800, 1600]);
    expect(sleeps).toEqual([500, 1000]);
    const [stored] = await db.evidence.toArray();
    const shot = stored!.screenshots[0]!;
    const drawn = JSON.parse(await (await db.screenshots.get(shot.id))!.blob.text());
    expect(drawn.height).toBe(4000);
    expect(drawn.parts.map((p: { dy: number }) => p.dy)).toEqual([0, 1600, 2400]);
    expect(shot).toMatchObject({ slices: 3, clipped: false });
  });

  it('a second capture of the same post is a new version linked to the first, with what changed', async () => {
    const first = await captureEvidence(deps, request(), tab);
    const second = await captureEvidence(deps, request({ text: 'Ayo dukung Paslon 02! (diedit)' }), tab);
    expect(second).toMatchObject({ ok: true, status: 'version', version: 2 });
    const [a, b] = await db.evidence.orderBy('seq').toArray();
    expect(b).toMatchObject({ versionOf: a!.id, version: 2, changed: ['text'], prevHash: a!.hash });
    expect(first.ok && first.evidenceId).toBe(a!.id);
  });

  it('the same click arriving twice (a retry after a crash) is stored once', async () => {
    const message = request();
    const [one, two] = await Promise.all([
      captureEvidence(deps, message, tab),
      captureEvidence(deps, message, tab),
    ]);
    const again = await captureEvidence(deps, message, tab);
    expect(await db.evidence.count()).toBe(1);
    for (const reply of [one, two, again]) expect(reply).toMatchObject({ ok: true, status: 'saved' });
    expect(deps.captureVisibleTab).toHaveBeenCalledOnce();
  });

  it('persists the job before the screenshot, and does not resume a capture still running', async () => {
    const message = request();
    deps.captureVisibleTab = vi.fn(() => new Promise<Blob>(() => undefined)); // the worker "dies" here
    void captureEvidence(deps, message, tab);
    await vi.waitFor(async () => expect(await db.jobs.count()).toBe(1));
    const later = { ...deps, now: () => new Date('2026-11-21T10:01:00Z') };
    expect(await resumeJobs(later, 5_000)).toBe(0);
    expect(await db.evidence.count()).toBe(0);
  });

  it('resumeJobs stores a job whose tab is gone, once', async () => {
    const message = request();
    await db.jobs.put({
      clickId: message.clickId,
      createdAt: '2026-11-21T09:59:00.000+00:00',
      snapshot: message.snapshot,
      tab,
    });
    expect(await resumeJobs(deps, 5_000)).toBe(1);
    expect(await resumeJobs(deps, 5_000)).toBe(0);
    const [stored] = await db.evidence.toArray();
    expect(stored).toMatchObject({ clickId: message.clickId, screenshots: [], missing: ['screenshot'] });
    expect(await db.jobs.count()).toBe(0);
    // The content script's retry of the same click now finds it.
    expect(await captureEvidence(deps, message, tab)).toMatchObject({ ok: true, status: 'saved' });
    expect(await db.evidence.count()).toBe(1);
  });

  it('keeps the chain intact over many captures', async () => {
    for (let i = 0; i < 6; i++) await captureEvidence(deps, request({ url: null, text: `temuan ${i}` }), tab);
    expect(await verifyStoredChains(db)).toEqual({ evidence: [], audit: [] });
    expect((await db.evidence.orderBy('seq').toArray()).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await shiftCount(db)).toBe(6);
  });

  it.each([
    ['not an object', 'capture'],
    ['unknown type', { type: 'delete-all' }],
    ['missing snapshot', { type: 'capture', clickId: crypto.randomUUID() }],
    ['bad click id', { type: 'capture', clickId: '<script>', snapshot: xSnapshot() }],
    [
      'platform not in the enum',
      { type: 'capture', clickId: crypto.randomUUID(), snapshot: { ...xSnapshot(), platform: 'tiktok' } },
    ],
    [
      'text is not a string',
      { type: 'capture', clickId: crypto.randomUUID(), snapshot: { ...xSnapshot(), text: 42 } },
    ],
  ])('refuses a malformed message (%s) and stores nothing', async (_, message) => {
    const reply = await captureEvidence(deps, message, tab);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(reply.ok === false && reply.error.message).toMatch(/tidak valid/);
    expect(await db.evidence.count()).toBe(0);
    expect(await db.jobs.count()).toBe(0);
    expect(deps.captureVisibleTab).not.toHaveBeenCalled();
  });

  it('refuses a snapshot that claims another platform or page than the sender tab', async () => {
    for (const [message, from] of [
      [request({ platform: 'instagram' }), tab],
      [request({ pageUrl: 'https://evil.example/' }), tab],
      [request(), { ...tab, url: 'https://evil.example/' }],
    ] as const) {
      expect(await captureEvidence(deps, message, from)).toMatchObject({
        ok: false,
        error: { code: 'forbidden-sender' },
      });
    }
    expect(await db.evidence.count()).toBe(0);
  });

  it('never pictures a tab that is not in front, and still keeps the click (without a screenshot)', async () => {
    deps.isActiveTab = async () => false;
    const reply = await captureEvidence(deps, request(), tab);
    expect(reply).toMatchObject({ ok: true, status: 'saved' });
    expect(reply.ok && reply.notice).toMatch(/^Tersimpan tanpa tangkapan layar: Tab ini tidak sedang tampil/);
    expect(deps.captureVisibleTab).not.toHaveBeenCalled();
    const [stored] = await db.evidence.toArray();
    expect(stored).toMatchObject({ screenshots: [], missing: ['screenshot'] });
    expect(await db.jobs.count()).toBe(0);
  });

  it('reports a full disk in Indonesian and leaves no half-written record', async () => {
    vi.spyOn(db.evidence, 'add').mockRejectedValueOnce(
      Object.assign(new Error('full'), { name: 'QuotaExceededError' }),
    );
    const reply = await captureEvidence(deps, request(), tab);
    expect(reply).toMatchObject({ ok: false, error: { code: 'quota-exceeded' } });
    expect(reply.ok === false && reply.error.message).toMatch(/Penyimpanan penuh/);
    expect(await db.evidence.count()).toBe(0);
    expect(await db.screenshots.count()).toBe(0);
  });

  it('keeps a click whose post vanished (or whose tab closed) before the picture, and says so', async () => {
    deps.prepare = vi.fn(async () => {
      throw new Error('gone');
    });
    const reply = await captureEvidence(deps, request(), tab);
    expect(reply.ok && reply.notice).toMatch(/Unggahan sudah tidak ada di layar/);
    expect(await db.evidence.count()).toBe(1);
    expect(await db.jobs.count()).toBe(0);
  });
});

describe('captureVisiblePage', () => {
  it('stores the whole visible tab for a page flagged without a recognised post', async () => {
    const snapshot = pageSnapshot({ pageUrl: 'https://forum.example.id/t/1', selection: 'Coblos 02' });
    const reply = await captureVisiblePage(deps, snapshot, { ...tab, url: 'https://forum.example.id/t/1' });
    expect(reply).toMatchObject({ ok: true, status: 'saved' });
    expect(deps.prepare).not.toHaveBeenCalled();
    const [stored] = await db.evidence.toArray();
    expect(stored?.screenshots.map((s) => s.role)).toEqual(['viewport']);
    expect(stored?.post.platform).toBe('web');
  });

  it('keeps every empty-handed flag of a page as its own finding', async () => {
    const snapshot = pageSnapshot({ pageUrl: 'https://forum.example.id/t/1' });
    await captureVisiblePage(deps, snapshot, tab);
    await captureVisiblePage(deps, snapshot, tab);
    expect(await db.evidence.count()).toBe(2);
  });
});

describe('senderTab', () => {
  it('accepts only messages from this extension with a tab', () => {
    const sender = { id: 'netra', url: 'https://x.com/home', frameId: 0, tab: { id: 4, windowId: 1 } };
    expect(senderTab(sender, 'netra')).toEqual({
      tabId: 4,
      windowId: 1,
      frameId: 0,
      url: 'https://x.com/home',
    });
    expect(senderTab({ ...sender, id: 'other' }, 'netra')).toBeNull();
    expect(senderTab({ ...sender, tab: undefined }, 'netra')).toBeNull();
  });
});
