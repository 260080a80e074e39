import { browser } from 'wxt/browser';
import type { ExportMark } from './manifest';

/** One export as the device remembers it (storage.local): the chain of bundles continues from the last. */
export interface ExportRecord {
  fileName: string;
  createdAt: string;
  count: number;
  bytes: number;
  sumsSha256: string;
  next: ExportMark;
  upload: {
    status: 'none' | 'ok' | 'failed';
    endpoint: string | null;
    /** Indonesian, as the uploader said it. */
    detail: string | null;
    /** The facts behind `detail`, so pages word it in the officer's language (absent in older records). */
    httpStatus?: number | null;
    networkError?: string | null;
  };
}

const KEY = 'exportHistory';

export async function exportHistory(): Promise<ExportRecord[]> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return Array.isArray(stored) ? (stored as ExportRecord[]) : [];
}

export async function rememberExport(record: ExportRecord): Promise<void> {
  await browser.storage.local.set({ [KEY]: [...(await exportHistory()), record] });
}

export async function updateLastExport(patch: Partial<ExportRecord>): Promise<void> {
  const history = await exportHistory();
  const last = history.at(-1);
  if (!last) return;
  history[history.length - 1] = { ...last, ...patch };
  await browser.storage.local.set({ [KEY]: history });
}
