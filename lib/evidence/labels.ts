import type { Category, Language } from '../config/schema';
import { DICTIONARIES } from '../i18n';
import type { Platform, PostKind } from '../platforms/snapshot';

// The names of what a finding is, read from the locale files (platform_*, kind_*, category_*): one list
// for the popup, the review pages, the CSV and the report, so a finding reads the same everywhere.
// The bundle calls these without a language and gets Indonesian; its v1 views are hash-frozen, so changing
// an Indonesian word here changes them and needs a new format version (see lib/bundle/FORMAT.md).

/**
 * The message `key` in `lang` (Indonesian when that language lacks it), or undefined when there is none.
 * An unknown `lang` reads Indonesian: the bundle passes these functions to `Array.map`, whose index
 * arrives as the second argument.
 */
function lookup(key: string, lang: Language): string | undefined {
  return (DICTIONARIES[lang]?.[key] ?? DICTIONARIES.id[key])?.message;
}

// The one-argument form lets the bundle hand platformName to `Array.map` (lib/bundle/report-html.ts).
export function platformName(platform: Platform): string;
export function platformName(platform: Platform, lang: Language): string;
export function platformName(platform: Platform, lang: Language = 'id'): string {
  return lookup(`platform_${platform}`, lang) ?? platform;
}

export function kindLabel(kind: PostKind, lang: Language = 'id'): string {
  return lookup(`kind_${kind}`, lang) ?? kind;
}

/**
 * The label of a category id. An office category (from the configuration pack) shows its own label, or
 * its labelEn in English (the built-in English of a default id when it has none); the default ids read
 * from the locale files; an id nobody knows is shown as is.
 */
export function categoryLabel(id: string, lang: Language = 'id', categories?: readonly Category[]): string {
  const builtIn = lookup(`category_${id}`, lang);
  const office = categories?.find((c) => c.id === id);
  if (office) return lang === 'en' ? office.labelEn || builtIn || office.label : office.label;
  return builtIn ?? id;
}
