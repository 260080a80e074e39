// The storage.local keys of the officer's settings and the office's configuration, in one place.
// Readers validate with the schemas in ./schema.ts; a value that does not parse counts as unset.
export const SETTINGS = {
  /** Officer: { name, nip, unit } (lib/evidence/schema.ts). */
  officer: 'officer',
  officeName: 'officeName',
  officeEndpoint: 'officeEndpoint',
  /** The office's ECDSA P-256 public key, SPKI PEM: configuration packs signed with it are trusted. */
  officePublicKey: 'officePublicKey',
  /** 'id' (default) | 'en'. */
  language: 'language',
  /** WatchlistEntry[] */
  watchlist: 'watchlist',
  /** Rule[] */
  rules: 'rules',
  /** Category[]; unset = DEFAULT_CATEGORIES. */
  categories: 'categories',
  /** { version, issuedAt, office, importedAt } of the last configuration pack imported. */
  configPack: 'configPack',
  /** Shift: { startedAt: ISO, endedAt: ISO | null } | unset. */
  shift: 'shift',
  saveOriginalMedia: 'saveOriginalMedia',
} as const;
