import { Blob as NodeBlob } from 'node:buffer';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserCaptureDeps } from '@/lib/capture/browser-deps';
import {
  type CaptureDeps,
  captureEvidence,
  captureVisiblePage,
  type SenderTab,
  senderTab,
} from '@/lib/capture/capture-evidence';
import { pageSnapshot } from '@/lib/capture/fallback';
import { type Clock, ScreenshotQueue } from '@/lib/capture/screenshot-queue';
import { EvidenceDb, shiftCount } from '@/lib/evidence/db';
import { Evidence } from '@/lib/evidence/schema';
import { xSnapshot } from './snapshot-factory';

const instantClock: Clock = { now: () => 0, sleep: async () => undefined };
const PNG_DATA_URL = `data:image/png;base64,${btoa('\x89PNG\r\n\x1a\nfake')}`;

let db: EvidenceDb;
let deps: CaptureDeps;
let tab: SenderTab;
let captureVisibleTab: ReturnType<typeof vi.fn>;

beforeEach(async () => {
  db = new EvidenceDb(`netra-test-${crypto.randomUUID()}`);
  const created = await fakeBrowser.tabs.create({ url: 'https://x.com/home', active: true });
  tab = { tabId: created.id!, windowId: created.windowId!, frameId: 0, url: 'https://x.com/home' };
  // fakeBrowser does not implement captureVisibleTab: stand in for the browser's PNG.
  captureVisibleTab = vi.fn(async () => PNG_DATA_URL);
  fakeBrowser.tabs.captureVisibleTab = captureVisibleTab as never;
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Netra', version: '0.1.0' });
  deps = {
    ...browserCaptureDeps(db, new ScreenshotQueue(500, instantClock)),
    prepare: vi.fn(async () => ({
      rect: { x: 10, y: 20, width: 300, height: 200 },
      viewport: { width: 1000, height: 800 },
      devicePixelRatio: 2,
    })),
    finish: vi.fn(async () => undefined),
    // happy-dom's Blob does not survive IndexedDB's structured clone; Node's does, as browsers' do.
    crop: vi.fn(async (png: Blob) => ({
      blob: new NodeBlob([await png.arrayBuffer()], { type: 'image/png' }) as unknown as Blob,
      width: 600,
      height: 400,
      clipped: false,
    })),
    now: () => new Date('2026-11-21T10:00:00Z'),
  };
});

const request = (overrides = {}) => ({
  type: 'capture',
  clickId: crypto.randomUUID(),
  snapshot: xSnapshot(overrides),
});

describe('captureEvidence', () => {
  it('stores a record that validates against the Evidence schema, with its screenshot', async () => {
    const reply = await captureEvidence(deps, request(), tab);
    expect(reply).toMatchObject({ ok: true, status: 'saved' });
    const [stored] = await db.evidence.toArray();
    expect(Evidence.safeParse(stored).success).toBe(true);
    expect(stored).toMatchObject({
      seq: 1,
      dedupeKey: 'https://x.com/sriwahyuni_guru/status/1850000000000000001',
      devicePixelRatio: 2,
      exportedAt: null,
      screenshots: [{ role: 'post', mime: 'image/png', width: 600, height: 400 }],
    });
    expect(stored?.capturedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
    const shot = await db.screenshots.get(stored!.screenshots[0]!.id);
    expect(shot?.blob.size).toBe(stored?.screenshots[0]?.size);
    expect(captureVisibleTab).toHaveBeenCalledWith(tab.windowId, { format: 'png' });
    expect(deps.finish).toHaveBeenCalledOnce();
  });

  it('flagging the same post twice keeps one record and says it is a duplicate', async () => {
    const first = await captureEvidence(deps, request(), tab);
    const second = await captureEvidence(deps, request({ pageUrl: 'https://x.com/sriwahyuni_guru' }), tab);
    expect(second).toEqual({ ok: true, status: 'duplicate', evidenceId: first.ok ? first.evidenceId : '' });
    expect(await db.evidence.count()).toBe(1);
    expect(captureVisibleTab).toHaveBeenCalledOnce();
  });

  it('two simultaneous clicks on one post store it once', async () => {
    const replies = await Promise.all([
      captureEvidence(deps, request(), tab),
      captureEvidence(deps, request(), tab),
    ]);
    expect(replies.map((r) => r.ok && r.status).sort()).toEqual(['duplicate', 'saved']);
    expect(await db.evidence.count()).toBe(1);
  });

  it('a retried message (same click) finds the stored record', async () => {
    const message = request();
    await captureEvidence(deps, message, tab);
    const retry = await captureEvidence(deps, { ...message, snapshot: xSnapshot({ url: null }) }, tab);
    expect(retry).toMatchObject({ ok: true, status: 'duplicate' });
    expect(await db.evidence.count()).toBe(1);
  });

  it('posts without a permalink are told apart by their content', async () => {
    await captureEvidence(deps, request({ url: null, text: 'satu' }), tab);
    await captureEvidence(deps, request({ url: null, text: 'dua' }), tab);
    await captureEvidence(deps, request({ url: null, text: 'satu' }), tab);
    const stored = await db.evidence.orderBy('seq').toArray();
    expect(stored.map((e) => [e.seq, e.post.text])).toEqual([
      [1, 'satu'],
      [2, 'dua'],
    ]);
    expect(await shiftCount(db)).toBe(2);
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
    expect(captureVisibleTab).not.toHaveBeenCalled();
  });

  it('refuses a snapshot that claims another platform or page than the sender tab', async () => {
    expect(await captureEvidence(deps, request({ platform: 'instagram' }), tab)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await captureEvidence(deps, request({ pageUrl: 'https://evil.example/' }), tab)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await captureEvidence(deps, request(), { ...tab, url: 'https://evil.example/' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await db.evidence.count()).toBe(0);
  });

  it('does not screenshot a tab that is not the visible one', async () => {
    await fakeBrowser.tabs.create({ url: 'https://example.org/', active: true });
    const reply = await captureEvidence(deps, request(), tab);
    expect(reply).toMatchObject({ ok: false, error: { code: 'tab-not-visible' } });
    expect(captureVisibleTab).not.toHaveBeenCalled();
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

  it('reports a post that scrolled away or vanished', async () => {
    deps.prepare = vi.fn(async () => {
      throw new Error('gone');
    });
    expect(await captureEvidence(deps, request(), tab)).toMatchObject({
      ok: false,
      error: { code: 'post-gone' },
    });
    expect(await db.evidence.count()).toBe(0);
  });
});

describe('captureVisiblePage', () => {
  it('stores the whole visible tab for a page flagged without a recognised post', async () => {
    const snapshot = pageSnapshot({ pageUrl: 'https://forum.example.id/t/1', selection: 'Coblos 02' });
    const reply = await captureVisiblePage(deps, snapshot, { ...tab, url: 'https://forum.example.id/t/1' });
    expect(reply).toMatchObject({ ok: true, status: 'saved' });
    expect(deps.crop).toHaveBeenCalledWith(expect.anything(), null);
    expect(deps.prepare).not.toHaveBeenCalled();
    const [stored] = await db.evidence.toArray();
    expect(stored?.screenshots[0]?.role).toBe('viewport');
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
