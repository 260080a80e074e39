// An office configuration pack (watchlist, rules, categories) put straight into the extension's
// storage.local through its service worker, as the options page's import would leave it: the feed's
// markers and the pre-filled findings then work without clicking through the options page.
import { readFileSync } from 'node:fs';
import { ConfigPack } from '../../../lib/config/pack';
import { SETTINGS } from '../../../lib/config/settings';
import type { ChromiumSession } from './chromium';

export type { ConfigPack } from '../../../lib/config/pack';

export function readPackFile(path: string): ConfigPack {
  return ConfigPack.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** The storage.local items a pack stands for, as lib/config/config-store.ts applyConfigPack writes them. */
export function packItems(pack: ConfigPack, importedAt = new Date()): Record<string, unknown> {
  return {
    [SETTINGS.categories]: pack.categories,
    [SETTINGS.rules]: pack.rules,
    [SETTINGS.watchlist]: pack.watchlist,
    [SETTINGS.officeName]: pack.office.name,
    [SETTINGS.officeEndpoint]: pack.office.endpoint ?? '',
    ...(pack.office.publicKeyPem === null ? {} : { [SETTINGS.officePublicKey]: pack.office.publicKeyPem }),
    [SETTINGS.configPack]: {
      version: pack.version,
      issuedAt: pack.issuedAt,
      office: pack.office,
      importedAt: importedAt.toISOString(),
    },
  };
}

/** Stores the pack at `path` in the extension; resolves once storage.local holds it. */
export async function loadConfigPack(session: ChromiumSession, path: string): Promise<ConfigPack> {
  const pack = readPackFile(path);
  await session.evalInWorker((items) => chrome.storage.local.set(items), packItems(pack));
  return pack;
}

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };
