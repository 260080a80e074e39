import type { Category } from '../config/schema';
import { DICTIONARIES } from '../i18n';
import type { PostKind } from '../platforms/kinds';

const DEFAULT_IDS = ['posting', 'commenting', 'sharing', 'liking', 'following', 'attributes', 'other'];

/**
 * Default violation categories (the office's configuration pack may replace them). Their words live in
 * the locale files (category_<id>), like every other label.
 */
export const DEFAULT_CATEGORIES: readonly Category[] = DEFAULT_IDS.map((id) => ({
  id,
  label: DICTIONARIES.id[`category_${id}`]?.message ?? id,
  labelEn: DICTIONARIES.en[`category_${id}`]?.message,
}));

/** The category pre-filled from what was flagged; the officer can change it afterwards. */
export function defaultCategory(kind: PostKind, reposted: boolean): string {
  if (reposted || kind === 'repost') return 'sharing';
  if (kind === 'reaction') return 'liking';
  if (kind === 'comment' || kind === 'reply') return 'commenting';
  return 'posting';
}
