// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FileDrop } from '@/components/FileDrop';
import { Breakable } from '@/entrypoints/options/parts/Breakable';
import { setLanguage } from '@/lib/i18n';
import { byTestId, chooseFile, csvFile, eventually, mount } from './helpers';

let page: ReturnType<typeof mount>;
let onFile: ReturnType<typeof vi.fn<(file: File) => void>>;

beforeEach(() => {
  setLanguage('id');
  onFile = vi.fn();
  page = mount(
    <FileDrop id="f" testId="f" accept=".csv" hint="atau letakkan berkas CSV di sini" onFile={onFile} />,
  );
});
afterEach(() => page.unmount());

describe('the file drop zone', () => {
  it("labels its input in the officer's language, with the button text first", async () => {
    const input = await byTestId<HTMLInputElement>(page.root, 'f');
    const label = page.root.querySelector<HTMLLabelElement>('label[for="f"]')!;
    // The native input stays in the page (focusable, for keyboards and setInputFiles), only out of sight.
    expect(input.type).toBe('file');
    expect(input.classList.contains('visually-hidden')).toBe(true);
    expect(label.contains(input)).toBe(true);
    expect(label.textContent).toBe('Pilih berkas…atau letakkan berkas CSV di sini');
  });

  it('hands over a chosen file and shows its name', async () => {
    const file = csvFile('pantau.csv', 'nama\r\n');
    chooseFile(await byTestId<HTMLInputElement>(page.root, 'f'), file);
    expect(onFile).toHaveBeenCalledWith(file);
    await eventually(() =>
      expect(page.root.querySelector('.drop-file')?.textContent).toBe('Berkas dipilih: pantau.csv'),
    );
  });

  it('hands over a dropped file and shows its name', async () => {
    const file = csvFile('aturan.csv', 'istilah\r\n');
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [file] } });
    page.root.querySelector('label')!.dispatchEvent(drop);
    expect(onFile).toHaveBeenCalledWith(file);
    await eventually(() =>
      expect(page.root.querySelector('.drop-file')?.textContent).toBe('Berkas dipilih: aturan.csv'),
    );
  });
});

describe('a handle or URL in a table cell', () => {
  it('may wrap after a slash and before other punctuation, and reads as the same text', () => {
    const cell = mount(<Breakable text="https://www.instagram.com/rahmat.hidayat_hj/" />);
    expect(cell.root.textContent).toBe('https://www.instagram.com/rahmat.hidayat_hj/');
    const pieces = [...cell.root.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent);
    expect(pieces).toEqual(['https://', 'www', '.instagram', '.com/', 'rahmat', '.hidayat', '_hj/']);
    expect(cell.root.querySelectorAll('wbr')).toHaveLength(pieces.length - 1);
    cell.unmount();
  });
});
