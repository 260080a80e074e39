import type { Platform, PostKind } from '../platforms/snapshot';
import { DEFAULT_CATEGORIES } from './categories';

// The Indonesian names of what a finding is: one list for the popup, the review pages, the CSV and the
// report, so a finding reads the same everywhere. (The bundle's v1 views are hash-frozen: changing a
// word here changes them and needs a new format version — see lib/bundle/FORMAT.md.)

const PLATFORMS: Record<Platform, string> = {
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  web: 'Situs lain',
};

const KINDS: Record<PostKind, string> = {
  post: 'Unggahan',
  reply: 'Balasan',
  comment: 'Komentar',
  reaction: 'Reaksi / suka',
  repost: 'Unggah ulang',
};

export function platformName(platform: Platform): string {
  return PLATFORMS[platform] ?? platform;
}

export function kindLabel(kind: PostKind): string {
  return KINDS[kind] ?? kind;
}

/** The label of a category id; an id the defaults do not know (an office's own) is shown as is. */
export function categoryLabel(id: string): string {
  return DEFAULT_CATEGORIES.find((c) => c.id === id)?.label ?? id;
}
