// @vitest-environment happy-dom
import { Blob as NodeBlob } from 'node:buffer';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mountPage } from '@/components/mount-page';
import { App } from '@/entrypoints/popup/App';
import { SETTINGS } from '@/lib/config/settings';
import { editEvidence } from '@/lib/evidence/audit';
import { EvidenceDb } from '@/lib/evidence/db';
import { appendEvidence } from '@/lib/evidence/store';
import { setLanguage } from '@/lib/i18n';
import type { PostSnapshot } from '@/lib/platforms/snapshot';
import { currentShift, type Shift } from '@/lib/shift';
import { xSnapshot } from '../capture/snapshot-factory';

// The popup reads the extension's own database ('netra'), so the tests fill that one and empty it after.
const db = new EvidenceDb();
let root: HTMLElement;
let n = 0;

async function finding(capturedAt: string, post: Partial<PostSnapshot>, category = 'posting') {
  n += 1;
  const { evidence } = await appendEvidence(
    db,
    {
      schemaVersion: 1,
      id: `id-${n}`,
      clickId: `click-${n}`,
      dedupeKey: `https://example.test/${n}`,
      capturedAt,
      post: xSnapshot({ url: `https://example.test/${n}`, postId: String(n), ...post }),
      officer: { name: null, nip: null, unit: null },
      category,
      note: '',
      missing: [],
      provenance: {
        extensionVersion: '0.1.0',
        adapterVersion: 't',
        browser: 't',
        os: 't',
        devicePixelRatio: 1,
      },
    },
    [
      {
        role: 'post',
        blob: new NodeBlob([`shot ${n}`], { type: 'image/png' }) as unknown as Blob,
        width: 1,
        height: 1,
        clipped: false,
        slices: 1,
      },
    ],
  );
  return evidence;
}

const shiftFrom = (startedAt: string): Shift => ({ startedAt, endedAt: null });
const text = () => root.textContent ?? '';
const count = () => root.querySelector('[data-testid="finding-count"]')?.textContent;
/** Each matching element's text, its cells (if any) joined by one space. */
const rows = (testId: string, selector: string) =>
  [...root.querySelectorAll(`[data-testid="${testId}"] ${selector}`)].map((el) => {
    const cells = el.querySelectorAll('th, td');
    const parts = cells.length > 0 ? [...cells].map((c) => c.textContent ?? '') : [el.textContent ?? ''];
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  });

beforeEach(() => {
  setLanguage('id');
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(async () => {
  render(null, root);
  root.remove();
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe('the popup during a shift', () => {
  beforeEach(async () => {
    // Before the shift: two unexported findings and one already exported.
    await finding('2026-11-21T06:00:00.000+07:00', {});
    await finding('2026-11-21T06:30:00.000+07:00', { platform: 'facebook' });
    const exported = await finding('2026-11-21T07:00:00.000+07:00', {});
    await db.evidence.update(exported.id, { exportedAt: '2026-11-21T07:30:00.000+07:00' });
    // The shift: X ×2, Facebook ×1, Instagram ×1, in three categories.
    await finding('2026-11-21T08:05:00.000+07:00', { platform: 'x' }, 'posting');
    const edited = await finding('2026-11-21T08:10:00.000+07:00', { platform: 'x' }, 'posting');
    await finding('2026-11-21T08:20:00.000+07:00', { platform: 'facebook', kind: 'comment' }, 'commenting');
    await finding('2026-11-21T08:30:00.000+07:00', { platform: 'instagram' }, 'posting');
    // The officer moved one to "sharing" and named the ASN: the popup shows the finding as it reads now.
    await editEvidence(
      db,
      edited.id,
      { category: 'sharing', asn: { name: 'Sri Wahyuni', nip: null, agency: 'SDN 3 Harapan' } },
      'dibagikan ulang',
    );
    await fakeBrowser.storage.local.set({ [SETTINGS.shift]: shiftFrom('2026-11-21T08:00:00.000+07:00') });
  });

  it('counts the shift findings per platform and per category, after edits', async () => {
    render(<App />, root);
    await vi.waitFor(() => expect(count()).toBe('4'));
    // Most first; a tie in the order of the list (newest first).
    expect(rows('platform-counts', 'li')).toEqual(['X 2', 'Instagram 1', 'Facebook 1']);
    expect(rows('category-counts', 'tbody tr')).toEqual([
      'Mengunggah atau memposting dukungan 2',
      'Berkomentar mendukung 1',
      'Membagikan / memposting ulang konten kampanye 1',
    ]);
  });

  it('shows since when the shift runs, the older unexported findings, and the latest cards', async () => {
    render(<App />, root);
    await vi.waitFor(() => expect(count()).toBe('4'));
    expect(text()).toContain('Giliran jaga sejak');
    expect(text()).toContain('Akhiri giliran');
    expect(root.querySelector('[data-testid="earlier-pending"]')?.textContent).toBe(
      '2 temuan belum diekspor (dari sebelum giliran ini)',
    );
    const cards = [...root.querySelectorAll('.evidence-card')].map((c) => c.textContent ?? '');
    expect(cards).toHaveLength(4);
    expect(cards[0]).toContain('#7');
    expect(cards[2]).toContain('ASN: Sri Wahyuni (SDN 3 Harapan)');
    expect(cards[2]).toContain('Kategori: Membagikan / memposting ulang konten kampanye');
    expect(cards[1]).toContain('Facebook · Komentar');
  });

  it('labels office categories from the configuration pack', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS.categories]: [{ id: 'posting', label: 'Unggahan kampanye', labelEn: 'Campaign post' }],
    });
    render(<App />, root);
    await vi.waitFor(() => expect(rows('category-counts', 'tbody tr')[0]).toBe('Unggahan kampanye 2'));
  });

  it('ends the shift and opens the export page', async () => {
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    render(<App />, root);
    await vi.waitFor(() => expect(count()).toBe('4'));
    const end = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Akhiri giliran');
    end?.click();
    await vi.waitFor(() => expect(tabs).toHaveBeenCalled());
    expect(tabs.mock.calls[0]?.[0].url).toMatch(/\/export\.html\?start$/);
    expect(await currentShift()).toBeNull();
    // With no shift running, the list is every unexported finding again.
    await vi.waitFor(() => expect(count()).toBe('6'));
    expect(text()).toContain('Mulai giliran jaga');
  });
});

describe('the popup without a shift', () => {
  it('lists the unexported findings and offers to start a shift', async () => {
    await finding('2026-11-21T06:00:00.000+07:00', {});
    render(<App />, root);
    await vi.waitFor(() => expect(count()).toBe('1'));
    expect(root.querySelector('[data-testid="earlier-pending"]')).toBeNull();
    const start = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Mulai giliran jaga');
    start?.click();
    await vi.waitFor(() => expect(text()).toContain('Giliran jaga sejak'));
    expect(await currentShift()).not.toBeNull();
    // The finding is from before the new shift: still visible, as not yet exported.
    await vi.waitFor(() => expect(count()).toBe('0'));
    expect(root.querySelector('[data-testid="earlier-pending"]')?.textContent).toContain('1 temuan');
  });

  it('says how to begin when there is nothing, and cannot export nothing', async () => {
    render(<App />, root);
    await vi.waitFor(() => expect(count()).toBe('0'));
    expect(text()).toContain('Belum ada temuan.');
    expect(root.querySelector<HTMLButtonElement>('[data-testid="export"]')?.disabled).toBe(true);
  });
});

describe('the language switch', () => {
  it('renders the popup again in English when the officer changes the language', async () => {
    await finding('2026-11-21T06:00:00.000+07:00', { platform: 'web', kind: 'comment' }, 'commenting');
    const stop = await mountPage(App, root);
    await vi.waitFor(() => expect(count()).toBe('1'));
    expect(text()).toContain('Mulai giliran jaga');
    expect(text()).toContain('Situs lain · Komentar');

    await fakeBrowser.storage.local.set({ [SETTINGS.language]: 'en' });
    await vi.waitFor(() => expect(text()).toContain('Start shift'));
    expect(text()).not.toContain('Mulai giliran jaga');
    expect(text()).toContain('Other site · Comment');
    expect(rows('category-counts', 'tbody tr')).toEqual(['Commenting in support 1']);
    expect(document.documentElement.lang).toBe('en');
    stop();
  });

  it('starts in the stored language', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS.language]: 'en' });
    const stop = await mountPage(App, root);
    await vi.waitFor(() => expect(text()).toContain('No findings yet.'));
    stop();
  });
});
