// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReviewPage } from '@/entrypoints/review/ReviewPage';
import type { ExportRecord } from '@/lib/bundle/export-history';
import type { WatchlistEntry } from '@/lib/config/schema';
import { deleteEvidence, editEvidence } from '@/lib/evidence/audit';
import { EvidenceDb } from '@/lib/evidence/db';
import { setLanguage } from '@/lib/i18n';
import { finding } from './factory';

let db: EvidenceDb;
let root: HTMLElement;
let sent: Record<string, unknown>[];
let reply: (message: Record<string, unknown>) => unknown;

const WATCHED: WatchlistEntry = {
  id: 'w1',
  name: 'Sri Wahyuni, S.Pd.',
  nip: '198001012005012001',
  agency: 'Dinas Pendidikan Kab. Sukamaju',
  position: 'Guru',
  platform: 'x',
  handle: 'sriwahyuni_guru',
  profileUrl: null,
};

const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
  vi.waitFor(
    () => {
      const el = root.querySelector<T>(`[data-testid="${id}"]`);
      if (!el) throw new Error(`no [data-testid="${id}"] yet`);
      return el;
    },
    { timeout: 3_000 },
  );
const rowIds = () =>
  [...root.querySelectorAll('[data-testid="review-row"]')].map((r) => r.getAttribute('data-evidence-id'));
const statusText = () => root.querySelector('[data-testid="review-status"]')?.textContent ?? '';
const edits = (type: string) => sent.filter((m) => m.type === type);

function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
function choose(el: HTMLSelectElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

async function open(query: string, lang: 'id' | 'en' = 'id') {
  history.replaceState(null, '', `/review.html${query}`);
  render(<ReviewPage db={db} lang={lang} />, root);
  await vi.waitFor(() => expect(rowIds().length).toBeGreaterThan(0), { timeout: 3_000 });
}

beforeEach(async () => {
  setLanguage('id');
  db = new EvidenceDb(`review-${crypto.randomUUID()}`);
  await db.evidence.bulkAdd([
    finding(1, {
      capturedAt: '2026-11-21T09:00:00.000+07:00',
      post: { text: 'Coblos nomor 2, Bupáti kita!' },
    }),
    finding(2, {
      capturedAt: '2026-11-21T10:00:00.000+07:00',
      post: {
        platform: 'facebook',
        author: { handle: 'camat.x', displayName: 'Pak Camat', profileUrl: null },
      },
    }),
    finding(3, { capturedAt: '2026-11-21T11:00:00.000+07:00', version: 2, versionOf: 'id-1' }),
  ]);
  sent = [];
  reply = () => ({ ok: true });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (
    message: Record<string, unknown>,
  ) => {
    sent.push(message);
    return reply(message);
  }) as typeof fakeBrowser.runtime.sendMessage);
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(async () => {
  render(null, root);
  root.remove();
  db.close();
  vi.restoreAllMocks();
});

describe('the list', () => {
  it('shows every finding newest first, with the version badge, and filters from the URL and the search box', async () => {
    await open('');
    expect(rowIds()).toEqual(['id-3', 'id-2', 'id-1']);
    const newest = root.querySelector('[data-evidence-id="id-3"]')!;
    expect(newest.textContent).toContain('versi 2 dari 2');
    expect(newest.textContent).toContain('21 Nov 2026');
    expect(root.querySelector('[data-evidence-id="id-1"]')!.textContent).toContain('versi 1 dari 2');

    type(await byTestId<HTMLInputElement>('review-search'), 'bupati');
    await vi.waitFor(() => expect(rowIds()).toEqual(['id-1']));
    expect(location.search).toBe('?q=bupati');
    expect(root.querySelector('[data-testid="review-count"]')!.textContent).toBe('1 temuan');

    type(await byTestId<HTMLInputElement>('review-search'), '');
    choose(await byTestId<HTMLSelectElement>('filter-platform'), 'facebook');
    await vi.waitFor(() => expect(rowIds()).toEqual(['id-2']));
    expect(location.search).toBe('?platform=facebook');
  });

  it('opens the finding named in the URL, and switches between versions of the same post', async () => {
    await open('?id=id-1');
    const detail = await vi.waitFor(() => {
      const heading = root.querySelector('#detail-title');
      if (!heading) throw new Error('no detail yet');
      return heading;
    });
    expect(detail.textContent).toBe('Temuan #1 · X · Unggahan');
    expect(root.querySelector('.verbatim')!.textContent).toBe('Coblos nomor 2, Bupáti kita!');
    const version2 = [...root.querySelectorAll<HTMLButtonElement>('.versions button')].find((b) =>
      b.textContent?.startsWith('Versi 2'),
    )!;
    version2.click();
    await vi.waitFor(() => expect(root.querySelector('#detail-title')!.textContent).toContain('Temuan #3'));
    expect(location.search).toBe('?id=id-3');
  });
});

describe('audited edit', () => {
  it('refuses to send without a reason, then sends only what changed', async () => {
    await open('?id=id-1');
    choose(await byTestId<HTMLSelectElement>('edit-category'), 'sharing');
    type(await byTestId<HTMLTextAreaElement>('edit-note'), 'Akun guru SD, dibagikan ke grup');
    (await byTestId('edit-save')).click();

    await vi.waitFor(() => expect(statusText()).toContain('periksa isian'));
    const reason = await byTestId<HTMLTextAreaElement>('edit-reason');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(root.textContent).toContain('Alasan wajib diisi');
    expect(edits('evidence.edit')).toEqual([]);

    type(reason, 'salah kategori');
    (await byTestId('edit-save')).click();
    await vi.waitFor(() => expect(edits('evidence.edit')).toHaveLength(1));
    expect(edits('evidence.edit')[0]).toEqual({
      type: 'evidence.edit',
      evidenceId: 'id-1',
      edit: { category: 'sharing', note: 'Akun guru SD, dibagikan ke grup' },
      reason: 'salah kategori',
    });
    await vi.waitFor(() =>
      expect(statusText()).toBe('Perubahan temuan #1 tersimpan dan dicatat di log audit.'),
    );
  });

  it('fills the ASN identity from the watchlist and checks the NIP', async () => {
    reply = (message) =>
      message.type === 'watchlist.search' ? { ok: true, entries: [WATCHED] } : { ok: true };
    await open('?id=id-2');
    const name = await byTestId<HTMLInputElement>('edit-asn-name');
    type(name, 'sri');
    const option = await vi.waitFor(
      () => {
        const el = root.querySelector<HTMLElement>('[role="option"]');
        if (!el) throw new Error('no suggestion yet');
        return el;
      },
      { timeout: 3_000 },
    );
    expect(edits('watchlist.search')).toEqual([{ type: 'watchlist.search', query: 'sri', limit: 8 }]);
    expect(name.getAttribute('aria-expanded')).toBe('true');
    option.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(name.value).toBe('Sri Wahyuni, S.Pd.'));
    const nip = await byTestId<HTMLInputElement>('edit-asn-nip');
    expect(nip.value).toBe('198001012005012001');
    expect((await byTestId<HTMLInputElement>('edit-asn-agency')).value).toBe(
      'Dinas Pendidikan Kab. Sukamaju',
    );

    type(nip, '1980 0101');
    type(await byTestId<HTMLTextAreaElement>('edit-reason'), 'identifikasi dari daftar pantau');
    (await byTestId('edit-save')).click();
    await vi.waitFor(() => expect(root.textContent).toContain('NIP harus 18 angka.'));
    expect(edits('evidence.edit')).toEqual([]);

    type(nip, '19800101 200501 2 001');
    (await byTestId('edit-save')).click();
    await vi.waitFor(() => expect(edits('evidence.edit')).toHaveLength(1));
    expect(edits('evidence.edit')[0]!.edit).toEqual({
      asn: {
        name: 'Sri Wahyuni, S.Pd.',
        nip: '198001012005012001',
        agency: 'Dinas Pendidikan Kab. Sukamaju',
      },
    });
  });

  it('shows the background’s refusal, and the finding as edited once the background writes', async () => {
    reply = () => ({
      ok: false,
      error: { code: 'storage-failed', message: 'Gagal menyimpan ke basis data.' },
    });
    await open('?id=id-1');
    type(await byTestId<HTMLTextAreaElement>('edit-note'), 'catatan baru');
    type(await byTestId<HTMLTextAreaElement>('edit-reason'), 'melengkapi');
    (await byTestId('edit-save')).click();
    await vi.waitFor(() => expect(statusText()).toBe('Gagal menyimpan ke basis data.'));

    await editEvidence(db, 'id-1', { category: 'other', note: 'dari latar' }, 'koreksi kantor');
    await vi.waitFor(() =>
      expect(root.querySelector('.audit-history')?.textContent).toContain('Alasan: koreksi kantor'),
    );
    expect(root.querySelector('.fields')!.textContent).toContain('Lainnya');
    const note = await byTestId<HTMLTextAreaElement>('edit-note');
    await vi.waitFor(() => expect(note.value).toBe('dari latar'));
    expect((await byTestId<HTMLTextAreaElement>('edit-reason')).value).toBe('');
  });
});

describe('delete with a reason', () => {
  it('requires a reason of at least 3 characters, then sends the deletion; the notice stays', async () => {
    await open('?id=id-2');
    (await byTestId('delete-open')).click();
    const dialog = await vi.waitFor(() => {
      const el = root.querySelector('dialog');
      if (!el) throw new Error('no dialog yet');
      return el;
    });
    expect(dialog.textContent).toContain('dicatat di log audit');
    expect(document.activeElement).toBe(await byTestId('delete-reason'));

    (await byTestId('delete-confirm')).click();
    await vi.waitFor(() => expect(dialog.textContent).toContain('Alasan wajib diisi'));
    type(await byTestId<HTMLTextAreaElement>('delete-reason'), 'ab');
    (await byTestId('delete-confirm')).click();
    await Promise.resolve();
    expect(edits('evidence.delete')).toEqual([]);

    type(await byTestId<HTMLTextAreaElement>('delete-reason'), 'bukan akun ASN');
    (await byTestId('delete-confirm')).click();
    await vi.waitFor(() => expect(edits('evidence.delete')).toHaveLength(1));
    expect(edits('evidence.delete')[0]).toEqual({
      type: 'evidence.delete',
      evidenceId: 'id-2',
      reason: 'bukan akun ASN',
    });
    await vi.waitFor(() => expect(root.querySelector('dialog')).toBeNull());

    await deleteEvidence(db, 'id-2', 'bukan akun ASN');
    await vi.waitFor(() => expect(rowIds()).toEqual(['id-3', 'id-1']));
    const notice = await byTestId('deleted-notice');
    expect(notice.textContent).toContain('Dihapus');
    expect(notice.textContent).toContain('Alasan: bukan akun ASN');
    expect(document.activeElement).toBe(notice);
    expect(statusText()).toContain('Temuan #2 dihapus');
  });
});

/** One export as the device remembers it, of `count` findings. */
function exportRecord(
  { count, bytes }: Pick<ExportRecord, 'count' | 'bytes'>,
  upload: Omit<ExportRecord['upload'], 'endpoint'>,
): ExportRecord {
  return {
    fileName: 'netra-198001012005012001-20261121-20261121.zip',
    createdAt: '2026-11-21T20:15:00.000+07:00',
    count,
    bytes,
    sumsSha256: 'c'.repeat(64),
    next: { sumsSha256: 'c'.repeat(64), lastSeq: count, lastHash: 'd'.repeat(64), lastAuditSeq: 0 },
    upload: { endpoint: 'https://kantor.example/upload', ...upload },
  };
}

describe('export history and deleted findings', () => {
  it('lists the exports remembered in storage and the tombstones, newest first', async () => {
    await fakeBrowser.storage.local.set({
      exportHistory: [
        exportRecord(
          { count: 12, bytes: 3 * 1024 * 1024 },
          { status: 'failed', detail: 'Server menolak (503).' },
        ),
      ],
    });
    await deleteEvidence(db, 'id-2', 'tertangkap dua kali');
    history.replaceState(null, '', '/review.html?section=exports');
    render(<ReviewPage db={db} lang="id" />, root);
    await vi.waitFor(() =>
      expect(root.textContent).toContain('netra-198001012005012001-20261121-20261121.zip'),
    );
    expect(root.textContent).toContain('3.00 MB');
    expect(root.textContent).toContain('Gagal diunggah');
    expect(root.textContent).toContain('Server menolak (503).');

    const deletedLink = [...root.querySelectorAll('nav a')].find((a) => a.textContent === 'Temuan dihapus')!;
    (deletedLink as HTMLAnchorElement).click();
    const row = await byTestId('tombstone-row');
    expect(row.textContent).toContain('#2');
    expect(row.textContent).toContain('tertangkap dua kali');
    expect(location.search).toBe('?section=deleted');
  });

  it("words an upload's outcome in the officer's language, from the facts kept with the export", async () => {
    await fakeBrowser.storage.local.set({
      exportHistory: [
        exportRecord(
          { count: 2, bytes: 1024 },
          {
            status: 'failed',
            detail: 'Server menjawab HTTP 503. Bundel tetap tersimpan di unduhan; kirim ulang nanti.',
            httpStatus: 503,
            networkError: null,
          },
        ),
      ],
    });
    setLanguage('en');
    history.replaceState(null, '', '/review.html?section=exports');
    render(<ReviewPage db={db} lang="en" />, root);
    await vi.waitFor(() => expect(root.textContent).toContain('Upload failed'));
    expect(root.textContent).toContain(
      'The office server answered HTTP 503. The bundle is kept in your downloads; send it again later.',
    );
    expect(root.textContent).not.toContain('Server menjawab');
  });

  it('speaks English when the officer chose it', async () => {
    setLanguage('en');
    await open('', 'en');
    expect(root.querySelector('[data-evidence-id="id-3"]')!.textContent).toContain('version 2 of 2');
    expect(root.querySelector('[data-testid="review-count"]')!.textContent).toBe('Findings: 3');
    expect(root.querySelector('label[for="filter-exported"]')!.textContent).toBe('Export status');
    const kinds = [...root.querySelectorAll<HTMLOptionElement>('#filter-kind option')].map(
      (o) => o.textContent,
    );
    expect(kinds).toContain('Reply');
  });
});
