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
    /** The last attempt's facts (UploadResult), worded by the pages in the officer's language. */
    httpStatus?: number | null;
    networkError?: string | null;
    /** Older records only: the uploader's own Indonesian sentence, from before the facts were kept. */
    detail?: string | null;
  };
}

/** The storage.local key of the history. */
export const EXPORT_HISTORY_KEY = 'exportHistory';

export async function exportHistory(): Promise<ExportRecord[]> {
  const stored = (await browser.storage.local.get(EXPORT_HISTORY_KEY))[EXPORT_HISTORY_KEY];
  return Array.isArray(stored) ? (stored as ExportRecord[]) : [];
}

export async function rememberExport(record: ExportRecord): Promise<void> {
  await browser.storage.local.set({ [EXPORT_HISTORY_KEY]: [...(await exportHistory()), record] });
}

export async function updateLastExport(patch: Partial<ExportRecord>): Promise<void> {
  const history = await exportHistory();
  const last = history.at(-1);
  if (!last) return;
  history[history.length - 1] = { ...last, ...patch };
  await browser.storage.local.set({ [EXPORT_HISTORY_KEY]: history });
}
