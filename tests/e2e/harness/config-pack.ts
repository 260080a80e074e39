// An office configuration pack (watchlist, rules, categories) put straight into the extension's
// storage.local through its service worker, as the options page's import would leave it: the feed's
// markers and the pre-filled findings then work without clicking through the options page.
import { readFileSync } from 'node:fs';
import { Category, Rule, WatchlistEntry } from '../../../lib/config/schema';
import { SETTINGS } from '../../../lib/config/settings';
import { z } from '../../../lib/zod';
import type { ChromiumSession } from './chromium';

/** The parts of a pack file (lib/config/pack.ts, format 'netra-config' v1) this helper stores. */
const PackFile = z.object({
  format: z.literal('netra-config'),
  version: z.literal(1),
  issuedAt: z.string(),
  office: z.object({
    name: z.string(),
    endpoint: z.nullable(z.string()),
    publicKeyPem: z.nullable(z.string()),
  }),
  categories: z.array(Category),
  rules: z.array(Rule),
  watchlist: z.array(WatchlistEntry),
});
export type PackFile = z.infer<typeof PackFile>;

export function readPackFile(path: string): PackFile {
  return PackFile.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** The storage.local items a pack stands for (SETTINGS keys). */
export function packItems(pack: PackFile, importedAt = new Date()): Record<string, unknown> {
  return {
    [SETTINGS.watchlist]: pack.watchlist,
    [SETTINGS.rules]: pack.rules,
    [SETTINGS.categories]: pack.categories,
    [SETTINGS.officeName]: pack.office.name,
    [SETTINGS.configPack]: {
      version: pack.version,
      issuedAt: pack.issuedAt,
      office: pack.office,
      importedAt: importedAt.toISOString(),
    },
  };
}

/** Stores the pack at `path` in the extension; resolves once storage.local holds it. */
export async function loadConfigPack(session: ChromiumSession, path: string): Promise<PackFile> {
  const pack = readPackFile(path);
  await session.evalInWorker((items) => chrome.storage.local.set(items), packItems(pack));
  return pack;
}

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };
