import 'fake-indexeddb/auto';
import { Blob as NodeBlob } from 'node:buffer';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type LoadedConfig, withLazyMatcher } from '@/lib/background/config-cache';
import {
  assess,
  deleteFinding,
  editFinding,
  feedHello,
  feedMatch,
  matchNote,
} from '@/lib/background/officer-day';
import { type CaptureDeps, captureEvidence, type SenderTab } from '@/lib/capture/capture-evidence';
import { ScreenshotQueue } from '@/lib/capture/screenshot-queue';
import type { Rule, WatchlistEntry } from '@/lib/config/schema';
import { editEvidence, withEdits } from '@/lib/evidence/audit';
import { DEFAULT_CATEGORIES } from '@/lib/evidence/categories';
import { EvidenceDb } from '@/lib/evidence/db';
import { setLanguage } from '@/lib/i18n';
import { xSnapshot } from '../capture/snapshot-factory';

// Invented people and terms only.
const watchlist: WatchlistEntry[] = [
  {
    id: 'x:sriwahyuni_guru',
    name: 'Sri Wahyuni',
    nip: '198501012010012001',
    agency: 'SDN 3 Harapan',
    position: 'Guru',
    platform: 'x',
    handle: 'sriwahyuni_guru',
    profileUrl: null,
  },
];
const rules: Rule[] = [
  { id: 'r1', term: '#Coblos02', label: 'Tagar paslon 02', kind: 'hashtag', category: null },
  { id: 'r2', term: 'salam dua jari', label: 'Gestur 2 jari', kind: 'gesture', category: 'attributes' },
];

const loaded = (r = rules, w = watchlist): (() => Promise<LoadedConfig>) => {
  const config = withLazyMatcher({ rules: r, watchlist: w, categories: [...DEFAULT_CATEGORIES] });
  return async () => config;
};

let db: EvidenceDb;
beforeEach(() => {
  fakeBrowser.reset();
  setLanguage('id');
  db = new EvidenceDb(`netra-test-${crypto.randomUUID()}`);
});

describe('feed hello and matching', () => {
  it('says whether there is anything to match, with the feed strings and categories in the language', async () => {
    const empty = await feedHello(loaded([], []));
    expect(empty.matching).toBe(false);
    const hello = await feedHello(loaded());
    expect(hello.matching).toBe(true);
    expect(hello.categories.map((c) => c.id)).toEqual(DEFAULT_CATEGORIES.map((c) => c.id));
    expect(Object.keys(hello.strings).every((k) => k.startsWith('feed_'))).toBe(true);
    setLanguage('en');
    const english = await feedHello(loaded());
    expect(english.language).toBe('en');
    expect(english.categories.find((c) => c.id === 'other')?.label).not.toBe(
      hello.categories.find((c) => c.id === 'other')?.label,
    );
  });

  it('answers only for the posts that matched', async () => {
    const reply = await feedMatch(loaded(), {
      type: 'feed.match',
      items: [
        {
          key: 'a',
          input: {
            platform: 'x',
            kind: 'post',
            accounts: [{ role: 'author', handle: 'sriwahyuni_guru', profileUrl: null }],
            text: 'Ayo! #coblos02',
          },
        },
        {
          key: 'b',
          input: { platform: 'x', kind: 'post', accounts: [], text: 'Cuaca cerah hari ini' },
        },
      ],
    });
    expect(reply.ok && reply.results.map((r) => r.key)).toEqual(['a']);
    if (!reply.ok) return;
    expect(reply.results[0]?.match.asn[0]?.entry.name).toBe('Sri Wahyuni');
    expect(reply.results[0]?.match.rules.map((r) => r.ruleId)).toEqual(['r1']);
  });
});

describe('assessment of a new finding', () => {
  it('pre-fills the category from the kind, or from a matched rule that names one', async () => {
    const post = await assess(loaded(), xSnapshot({ text: 'Dukung #Coblos02' }));
    expect(post.category).toBe('posting');
    expect(post.asn).toEqual({ name: 'Sri Wahyuni', nip: '198501012010012001', agency: 'SDN 3 Harapan' });
    const gesture = await assess(loaded(), xSnapshot({ text: 'Salam dua jari, kawan!' }));
    expect(gesture.category).toBe('attributes');
    expect(matchNote(gesture.match)).toContain('salam dua jari (Gestur 2 jari)');
    // Written into the sealed record: in Indonesian for the office, whatever the officer's UI language.
    setLanguage('en');
    expect(matchNote(gesture.match)).toMatch(/^Cocok dengan aturan: /);
  });

  it('seals the category and matched terms into the finding and records the ASN identity as an audited edit', async () => {
    const created = await fakeBrowser.tabs.create({ url: 'https://x.com/home', active: true });
    const tab: SenderTab = {
      tabId: created.id!,
      windowId: created.windowId!,
      frameId: 0,
      url: 'https://x.com/home',
    };
    const png = new NodeBlob(['\x89PNG'], { type: 'image/png' }) as unknown as Blob;
    const config = loaded();
    const deps: CaptureDeps = {
      db,
      queue: new ScreenshotQueue(0, { now: () => 0, sleep: async () => undefined }),
      images: { size: async () => ({ width: 1000, height: 800 }), compose: async () => png },
      isActiveTab: async () => true,
      prepare: vi.fn(async () => ({
        rect: { x: 0, y: 0, width: 100, height: 100 },
        viewport: { width: 1000, height: 800 },
        scroll: { x: 0, y: 0 },
        devicePixelRatio: 1,
      })),
      scroll: vi.fn(),
      finish: vi.fn(async () => undefined),
      captureVisibleTab: vi.fn(async () => png),
      context: async () => ({
        officer: { name: null, nip: null, unit: null },
        extensionVersion: '0.1.0',
        browser: 'test',
        os: 'test',
      }),
      now: () => new Date('2026-11-22T03:00:00Z'),
      newId: () => crypto.randomUUID(),
      assess: (post) => assess(config, post),
      noteFor: (assessment) => matchNote(assessment.match),
      recordAsn: (evidence, asn) => editEvidence(db, evidence.id, { asn }, 'dari daftar pantau'),
    };
    const snapshot = xSnapshot({ text: 'Salam dua jari! #Coblos02' });
    const reply = await captureEvidence(
      deps,
      { type: 'capture', clickId: crypto.randomUUID(), snapshot },
      tab,
    );
    expect(reply).toMatchObject({ ok: true, status: 'saved', assessment: { category: 'attributes' } });
    const [stored] = await db.evidence.toArray();
    expect(stored?.category).toBe('attributes');
    expect(stored?.note).toContain('#Coblos02');
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(withEdits(stored!, audit).asn?.name).toBe('Sri Wahyuni');

    // A broken configuration costs nothing: the finding is stored with the kind's category.
    const broken = { ...deps, assess: async () => Promise.reject(new Error('rusak')) };
    const second = await captureEvidence(
      broken,
      {
        type: 'capture',
        clickId: crypto.randomUUID(),
        snapshot: xSnapshot({ url: 'https://x.com/a/status/2' }),
      },
      tab,
    );
    expect(second).toMatchObject({ ok: true, status: 'saved' });
    expect(second.ok && 'assessment' in second).toBe(false);
  });
});

describe('edits and deletions', () => {
  const seed = async (exportedAt: string | null) => {
    const id = crypto.randomUUID();
    // The minimum the edit path reads; the audit chain does not look at the rest.
    await db.evidence.add({ id, seq: 1, exportedAt, hash: 'a'.repeat(64) } as never);
    return id;
  };

  it('lets the inline panel complete only findings not yet exported; the review page any', async () => {
    const exported = await seed('2026-11-22T10:00:00+07:00');
    const edit = { type: 'evidence.edit' as const, evidenceId: exported, edit: { note: 'x' }, reason: '' };
    expect(await editFinding(db, edit, 'content')).toMatchObject({ ok: false });
    expect(await editFinding(db, edit, 'page')).toEqual({ ok: true });
    const [entry] = await db.audit.toArray();
    expect(entry?.reason).toBe('Dilengkapi petugas saat penandaan');
    expect(await editFinding(db, { ...edit, evidenceId: 'nope' }, 'page')).toMatchObject({ ok: false });
  });

  it("keeps the matched terms above the panel's note; the review page replaces the note as typed", async () => {
    const id = crypto.randomUUID();
    const sealed = 'Cocok dengan aturan: 02 (Nomor urut)';
    await db.evidence.add({ id, seq: 1, exportedAt: null, hash: 'a'.repeat(64), note: sealed } as never);
    const edit = (note: string) => ({
      type: 'evidence.edit' as const,
      evidenceId: id,
      edit: { note },
      reason: '',
    });
    const notes = async () => {
      const evidence = (await db.evidence.get(id))!;
      return withEdits(evidence, await db.audit.orderBy('seq').toArray()).note;
    };

    expect(await editFinding(db, edit('ASN Dinas Pendidikan, akun pribadi'), 'content')).toEqual({
      ok: true,
    });
    expect(await notes()).toBe(`${sealed}\n\nASN Dinas Pendidikan, akun pribadi`);
    // A second save from the panel (its field still holds the officer's words) does not repeat anything.
    expect(
      await editFinding(db, edit('ASN Dinas Pendidikan, akun pribadi; dibagikan 3 kali'), 'content'),
    ).toEqual({
      ok: true,
    });
    expect(await notes()).toBe(`${sealed}\n\nASN Dinas Pendidikan, akun pribadi; dibagikan 3 kali`);
    expect(await editFinding(db, edit('hanya ini'), 'page')).toEqual({ ok: true });
    expect(await notes()).toBe('hanya ini');
    // The sealed record itself never changes.
    expect((await db.evidence.get(id))?.note).toBe(sealed);
  });

  it('refuses a deletion without a reason and keeps the reason of one with it', async () => {
    const id = await seed(null);
    expect(await deleteFinding(db, { type: 'evidence.delete', evidenceId: id, reason: ' ' })).toMatchObject({
      ok: false,
      error: { message: 'Alasan wajib diisi (minimal 3 huruf).' },
    });
    expect(await db.evidence.count()).toBe(1);
    expect(
      await deleteFinding(db, { type: 'evidence.delete', evidenceId: id, reason: 'salah akun' }),
    ).toEqual({
      ok: true,
    });
    expect(await db.evidence.count()).toBe(0);
    expect((await db.tombstones.toArray())[0]?.reason).toBe('salah akun');
  });
});
