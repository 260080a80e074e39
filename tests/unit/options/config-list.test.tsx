// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigList } from '@/entrypoints/options/parts/ConfigList';
import { setLanguage } from '@/lib/i18n';
import { byTestId, eventually, mount, type } from './helpers';

interface Person {
  id: string;
  name: string;
}

const PEOPLE: Person[] = Array.from({ length: 10_000 }, (_, i) => ({
  id: `p${i}`,
  name: `Pegawai Contoh ${i}`,
}));

/** A one-field editor, enough to drive ConfigList's add/edit flow. */
function NameEditor({ initial, onSubmit }: { initial: Person | null; onSubmit: (p: Person) => void }) {
  return (
    <form
      data-testid="editor"
      onSubmit={(e) => {
        e.preventDefault();
        const input = e.currentTarget.querySelector('input')!;
        onSubmit({ id: initial?.id ?? 'new', name: input.value });
      }}
    >
      <input defaultValue={initial?.name ?? ''} />
    </form>
  );
}

let page: ReturnType<typeof mount>;
let save: ReturnType<typeof vi.fn<(items: Person[]) => Promise<void>>>;

beforeEach(() => {
  setLanguage('id');
  save = vi.fn(async () => undefined);
  page = mount(
    <ConfigList
      name="people"
      items={PEOPLE}
      columns={[{ header: 'Nama', cell: (p: Person) => p.name }]}
      searchText={(p) => p.name}
      itemName={(p) => p.name}
      editor={(props) => <NameEditor initial={props.initial} onSubmit={props.onSubmit} />}
      save={save}
      addLabel="Tambah"
      emptyText="Kosong"
    />,
  );
});
afterEach(() => page.unmount());

const rows = () => [...page.root.querySelectorAll('[data-testid="people-row"]')];

describe('a list of 10,000', () => {
  it('renders one page of 100 rows and pages through the rest', async () => {
    expect(rows()).toHaveLength(100);
    expect((await byTestId(page.root, 'people-count')).textContent).toBe(
      'Menampilkan 1–100 dari 10.000 entri',
    );
    (await byTestId(page.root, 'people-next')).click();
    await eventually(() => expect(rows()[0]?.textContent).toContain('Pegawai Contoh 100'));
    expect(rows()).toHaveLength(100);
  });

  it('searches the whole list, not just the page shown', async () => {
    await type(await byTestId<HTMLInputElement>(page.root, 'people-search'), 'contoh 9999');
    await eventually(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]?.textContent).toContain('Pegawai Contoh 9999');
    await type(await byTestId<HTMLInputElement>(page.root, 'people-search'), 'tidak ada');
    await eventually(() => expect(rows()).toHaveLength(0));
    expect((await byTestId(page.root, 'people-count')).textContent).toContain('Tidak ada entri yang cocok');
  });

  it('edits a row in place and writes the whole list with it changed', async () => {
    rows()[1]!.querySelector<HTMLButtonElement>('[data-testid="people-edit"]')!.click();
    const editor = await byTestId<HTMLFormElement>(page.root, 'editor');
    editor.querySelector('input')!.value = 'Nama Baru';
    editor.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await eventually(() => expect(save).toHaveBeenCalledOnce());
    const written = save.mock.calls[0]![0];
    expect(written).toHaveLength(10_000);
    expect(written[1]).toEqual({ id: 'p1', name: 'Nama Baru' });
    expect(written[2]).toBe(PEOPLE[2]);
  });

  // WCAG 2.5.3: "klik Hapus" by voice must reach the button announced as "Hapus Pegawai Contoh 0".
  it.each(['id', 'en'] as const)(
    'names the row buttons starting with their visible words (%s)',
    async (lang) => {
      setLanguage(lang);
      await type(await byTestId<HTMLInputElement>(page.root, 'people-search'), 'contoh 7');
      await eventually(() => expect(rows()[0]?.textContent).toContain('Pegawai Contoh 7'));
      for (const id of ['people-edit', 'people-remove']) {
        const button = rows()[0]!.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)!;
        expect(button.getAttribute('aria-label')).toBe(`${button.textContent} Pegawai Contoh 7`);
      }
    },
  );

  it('removes a row only after the confirm', async () => {
    rows()[0]!.querySelector<HTMLButtonElement>('[data-testid="people-remove"]')!.click();
    const confirm = await byTestId(page.root, 'people-remove-confirm');
    expect(save).not.toHaveBeenCalled();
    confirm.click();
    await eventually(() => expect(save).toHaveBeenCalledOnce());
    expect(save.mock.calls[0]![0].map((p) => p.id)).not.toContain('p0');
    expect(save.mock.calls[0]![0]).toHaveLength(9_999);
    await eventually(async () =>
      expect((await byTestId(page.root, 'people-status')).textContent).toBe('Pegawai Contoh 0 dihapus.'),
    );
  });
});
