import { browser } from 'wxt/browser';
import { DEFAULT_CATEGORIES } from '../evidence/categories';
import { z } from '../zod';
import type { ConfigPack } from './pack';
import { Category, Rule, WatchlistEntry } from './schema';
import { SETTINGS } from './settings';

// The office's configuration in storage.local. Readers treat a value that does not parse as unset, so a
// damaged or hand-edited storage never breaks matching; writers validate before they write.

export interface Config {
  watchlist: WatchlistEntry[];
  rules: Rule[];
  categories: Category[];
}

const Watchlist = z.array(WatchlistEntry);
const Rules = z.array(Rule);
const Categories = z.array(Category).check(z.minLength(1));

/** What applyConfigPack records of the pack in force (SETTINGS.configPack). */
export interface AppliedPack {
  version: number;
  issuedAt: string;
  office: ConfigPack['office'];
  importedAt: string;
}

const defaultCategories = (): Category[] => DEFAULT_CATEGORIES.map((category) => ({ ...category }));

const parsedOr = <T>(schema: z.ZodMiniType<T>, value: unknown, fallback: T): T => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
};

export async function loadConfig(): Promise<Config> {
  const stored = await browser.storage.local.get([SETTINGS.watchlist, SETTINGS.rules, SETTINGS.categories]);
  return {
    watchlist: parsedOr(Watchlist, stored[SETTINGS.watchlist], []),
    rules: parsedOr(Rules, stored[SETTINGS.rules], []),
    categories: parsedOr(Categories, stored[SETTINGS.categories], defaultCategories()),
  };
}

/** The office's categories, or the defaults when none (or none valid) are stored. */
export async function categoriesOrDefault(): Promise<Category[]> {
  const stored = await browser.storage.local.get(SETTINGS.categories);
  return parsedOr(Categories, stored[SETTINGS.categories], defaultCategories());
}

export async function saveWatchlist(list: readonly WatchlistEntry[]): Promise<void> {
  await browser.storage.local.set({ [SETTINGS.watchlist]: Watchlist.parse(list) });
}

export async function saveRules(list: readonly Rule[]): Promise<void> {
  await browser.storage.local.set({ [SETTINGS.rules]: Rules.parse(list) });
}

/**
 * Puts a checked pack in force: categories, rules, watchlist, office name, endpoint and key, and a record
 * of the pack, in one storage write so a crash cannot leave half of it applied. A pack without a key
 * leaves the trusted key as it was: only a signed pack may replace it, never an unsigned one remove it.
 */
export async function applyConfigPack(pack: ConfigPack, now = new Date()): Promise<void> {
  const applied: AppliedPack = {
    version: pack.version,
    issuedAt: pack.issuedAt,
    office: pack.office,
    importedAt: now.toISOString(),
  };
  await browser.storage.local.set({
    [SETTINGS.categories]: Categories.parse(pack.categories),
    [SETTINGS.rules]: Rules.parse(pack.rules),
    [SETTINGS.watchlist]: Watchlist.parse(pack.watchlist),
    [SETTINGS.officeName]: pack.office.name,
    [SETTINGS.officeEndpoint]: pack.office.endpoint ?? '',
    ...(pack.office.publicKeyPem === null ? {} : { [SETTINGS.officePublicKey]: pack.office.publicKeyPem }),
    [SETTINGS.configPack]: applied,
  });
}
