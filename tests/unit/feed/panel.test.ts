import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFlagButton } from '@/lib/feed/flag-button';
import { flagPosts } from '@/lib/feed/flag-posts';
import { openPanel } from '@/lib/feed/panel';
import type { Assessment } from '@/lib/feed/replies';
import { useStrings } from '@/lib/feed/strings';
import { articles, helloStrings, mutationsDelivered, post, recordShadowRoots } from './feed-page';

const categories = [
  { id: 'posting', label: 'Unggahan dukungan' },
  { id: 'attributes', label: 'Atribut kampanye' },
];
const sri = { name: 'Sri Wahyuni, S.Pd.', nip: '198203142006042011', agency: 'SDN 3 Harapan Jaya' };
const assessment: Assessment = {
  category: 'posting',
  asn: sri,
  match: { asn: [sri], terms: [{ term: '#Coblos02', label: 'Tagar paslon' }] },
};
/** The same assessment as the background sends it (lib/feed-messages.ts), inside a capture reply. */
const wireAssessment = {
  category: 'posting',
  asn: sri,
  match: {
    asn: [
      {
        role: 'author',
        entry: {
          id: 'x:sri',
          ...sri,
          position: 'Guru',
          platform: 'x',
          handle: 'sriwahyuni_guru',
          profileUrl: null,
        },
      },
    ],
    rules: [{ ruleId: 'r1', term: '#Coblos02', label: 'Tagar paslon', kind: 'hashtag', category: null }],
  },
};

let roots: Map<Element, ShadowRoot>;
let send: ReturnType<typeof vi.fn<(message: unknown) => Promise<unknown>>>;

beforeEach(() => {
  roots = recordShadowRoots();
  useStrings(helloStrings, 'id');
  send = vi.fn(async (_message: unknown): Promise<unknown> => ({ ok: true }));
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

/** A post with its flag button, and the panel opened for a finding on it. */
function open(with_: Assessment = assessment) {
  const p = post('sriwahyuni_guru', 'Salam #Coblos02');
  const button = createFlagButton(document, () => undefined);
  p.querySelector('header')?.append(button.host);
  document.body.append(p);
  const panel = openPanel({
    doc: document,
    evidenceId: 'ev-1',
    assessment: with_,
    categories,
    send,
    button,
    post: p,
  });
  const root = roots.get(panel.host) as ShadowRoot;
  const q = <T extends Element>(selector: string) => root.querySelector(selector) as T;
  const [name, nip, agency] = [...root.querySelectorAll('input')];
  return {
    panel,
    root,
    button,
    buttonRoot: roots.get(button.host) as ShadowRoot,
    category: q<HTMLSelectElement>('select'),
    name: name as HTMLInputElement,
    nip: nip as HTMLInputElement,
    agency: agency as HTMLInputElement,
    note: q<HTMLTextAreaElement>('textarea'),
    save: q<HTMLButtonElement>('.primary'),
    close: q<HTMLButtonElement>('.actions button:not(.primary)'),
    status: q<HTMLElement>('.status'),
  };
}

const type = (input: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
};
const edits = () =>
  send.mock.calls.map(([m]) => m as { type: string }).filter((m) => m.type === 'evidence.edit');

describe('inline panel', () => {
  it('opens with the finding pre-filled, the category focused, the matched terms shown', () => {
    const { panel, root, category, name, nip, agency } = open();
    expect(panel.host.dataset.evidenceId).toBe('ev-1');
    expect(panel.host.dataset.state).toBe('open');
    expect(category.value).toBe('posting');
    expect([...category.options].map((o) => o.textContent)).toEqual([
      'Unggahan dukungan',
      'Atribut kampanye',
    ]);
    expect([name.value, nip.value, agency.value]).toEqual([sri.name, sri.nip, sri.agency]);
    expect(document.activeElement).toBe(panel.host);
    expect(root.activeElement).toBe(category);
    expect(root.querySelector('h2')?.textContent).toBe('Temuan tersimpan');
    expect(root.textContent).toContain('#Coblos02 (Tagar paslon)');
    expect(root.querySelector('[role="dialog"]')).not.toBeNull();
  });

  it('keeps a category the background chose that the list does not know', () => {
    const { category } = open({ ...assessment, category: 'other' });
    expect(category.value).toBe('other');
  });

  it('closes on Esc with nothing sent, and gives the focus back to the flag button', () => {
    const { panel, category, buttonRoot } = open();
    category.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(panel.host.isConnected).toBe(false);
    expect(document.querySelector('netra-panel')).toBeNull();
    expect(send).not.toHaveBeenCalled();
    expect(buttonRoot.activeElement?.localName).toBe('button');
  });

  it('keeps its keys from the page (the site’s shortcuts)', () => {
    const { note } = open();
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    note.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    document.removeEventListener('keydown', pageKeys);
    expect(pageKeys).not.toHaveBeenCalled();
  });

  it('"Simpan" sends only what changed, with the panel’s reason, then closes', async () => {
    vi.useFakeTimers();
    const { panel, category, note, save, status } = open();
    category.value = 'attributes';
    type(note, '  Hadir di kampanye akbar saat jam dinas. ');
    save.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(edits()).toEqual([
      {
        type: 'evidence.edit',
        evidenceId: 'ev-1',
        edit: { category: 'attributes', note: 'Hadir di kampanye akbar saat jam dinas.' },
        reason: 'Dilengkapi petugas saat penandaan',
      },
    ]);
    expect(panel.host.dataset.state).toBe('saved');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('Perubahan tersimpan.');
    await vi.advanceTimersByTimeAsync(2000);
    expect(panel.host.isConnected).toBe(false);
  });

  it('reads a NIP written in groups', async () => {
    const { nip, save } = open({ ...assessment, asn: null });
    type(nip, '19820314 200604 2 011');
    save.click();
    await mutationsDelivered();
    expect(edits()).toMatchObject([{ edit: { asn: { name: '', nip: '198203142006042011', agency: null } } }]);
  });

  it('sends a cleared ASN identity as null', async () => {
    const { name, nip, agency, save } = open();
    for (const input of [name, nip, agency]) type(input, '');
    save.click();
    await mutationsDelivered();
    expect(edits()).toMatchObject([{ edit: { asn: null } }]);
  });

  it('refuses a NIP that is not 18 digits, and sends nothing', async () => {
    const { panel, nip, save, root } = open();
    type(nip, '12345');
    save.click();
    await mutationsDelivered();
    expect(edits()).toEqual([]);
    expect(panel.host.dataset.state).toBe('error');
    expect(nip.getAttribute('aria-invalid')).toBe('true');
    expect(root.activeElement).toBe(nip);
  });

  it('shows a refused edit and stays open for another try', async () => {
    send.mockResolvedValueOnce({ ok: false, error: { code: 'forbidden-sender', message: 'Sudah diekspor' } });
    const { panel, note, save, status } = open();
    type(note, 'catatan');
    save.click();
    await mutationsDelivered();
    expect(panel.host.dataset.state).toBe('error');
    expect(status.textContent).toContain('Sudah diekspor');
    expect(panel.host.isConnected).toBe(true);
  });

  it('suggests ASN from the watchlist as the officer types, and a pick fills NIP and agency', async () => {
    const budi = { id: 'w1', name: 'Budi Santoso', nip: '198001012005011001', agency: 'Dinas Pendidikan' };
    send.mockImplementation(async (m) =>
      (m as { type: string }).type === 'watchlist.search'
        ? {
            ok: true,
            entries: [{ ...budi, position: null, platform: 'x', handle: 'budi', profileUrl: null }],
          }
        : { ok: true },
    );
    const { root, name, nip, agency, save } = open({ ...assessment, asn: null });
    type(name, 'Bud');
    await vi.waitFor(() => expect(root.querySelectorAll('datalist option')).toHaveLength(1));
    expect(send).toHaveBeenCalledWith({ type: 'watchlist.search', query: 'Bud', limit: 8 });
    const option = root.querySelector('datalist option') as HTMLOptionElement;
    expect(option.value).toBe('Budi Santoso');
    // Firefox filters suggestions by their label alone: the label must start with the typed name.
    expect(option.label.startsWith('Budi Santoso')).toBe(true);
    expect(name.getAttribute('list')).toBe(root.querySelector('datalist')?.id);
    type(name, option.value);
    expect([nip.value, agency.value]).toEqual([budi.nip, budi.agency]);
    save.click();
    await mutationsDelivered();
    expect(edits()).toMatchObject([
      { edit: { asn: { name: budi.name, nip: budi.nip, agency: budi.agency } } },
    ]);
  });

  it('hides itself after a while when untouched, but not once the officer has typed', async () => {
    vi.useFakeTimers();
    const untouched = open();
    vi.advanceTimersByTime(12_500);
    expect(untouched.panel.host.isConnected).toBe(false);
    const touched = open();
    touched.note.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    vi.advanceTimersByTime(60_000);
    expect(touched.panel.host.isConnected).toBe(true);
  });

  it('is the only panel: a new one replaces the open one', () => {
    const first = open();
    const second = open();
    expect(first.panel.host.isConnected).toBe(false);
    expect(second.panel.host.isConnected).toBe(true);
    expect(document.querySelectorAll('netra-panel')).toHaveLength(1);
  });
});

describe('flag flow', () => {
  function feedWith(reply: unknown) {
    const controller = new AbortController();
    const p = post('sriwahyuni_guru', 'Salam #Coblos02');
    document.body.append(p);
    send.mockImplementation(async (m) => ((m as { type: string }).type === 'capture' ? reply : { ok: true }));
    const feed = flagPosts({
      win: window,
      adapter: articles,
      signal: controller.signal,
      send,
      idle: () => undefined,
    });
    feed.configure({ language: 'id', strings: helloStrings, matching: false, categories });
    // The officer's shortcut on the post under the pointer: the same path as a trusted click.
    p.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    void feed.onMessage({ type: 'fallback.flag' });
    return { p, controller };
  }

  it('opens the panel after a saved reply with an assessment', async () => {
    const { controller } = feedWith({
      ok: true,
      status: 'saved',
      evidenceId: 'ev-9',
      assessment: wireAssessment,
    });
    await vi.waitFor(() => expect(document.querySelector('netra-panel')).not.toBeNull());
    const host = document.querySelector<HTMLElement>('netra-panel') as HTMLElement;
    expect(host.dataset.evidenceId).toBe('ev-9');
    expect(roots.get(host)?.querySelector('select')?.value).toBe('posting');
    expect(document.querySelector<HTMLElement>('netra-flag')?.dataset.state).toBe('saved');
    controller.abort();
  });

  it('opens no panel for a duplicate, and shows a failure as a button state and an alert toast', async () => {
    const duplicate = feedWith({
      ok: true,
      status: 'duplicate',
      evidenceId: 'ev-9',
      assessment: wireAssessment,
    });
    await vi.waitFor(() =>
      expect(document.querySelector<HTMLElement>('netra-flag')?.dataset.state).toBe('duplicate'),
    );
    expect(document.querySelector('netra-panel')).toBeNull();
    duplicate.controller.abort();
    document.body.replaceChildren();

    const failed = feedWith({ ok: false, error: { code: 'quota-exceeded', message: 'Penyimpanan penuh' } });
    await vi.waitFor(() =>
      expect(document.querySelector<HTMLElement>('netra-flag')?.dataset.state).toBe('error'),
    );
    const toast = document.querySelector('netra-toast') as HTMLElement;
    await vi.waitFor(() =>
      expect(roots.get(toast)?.querySelector('[role="alert"]')?.textContent).toBe(
        'Temuan tidak tersimpan: Penyimpanan penuh',
      ),
    );
    expect(document.querySelector('netra-panel')).toBeNull();
    failed.controller.abort();
  });
});
