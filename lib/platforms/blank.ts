import type { Account, Platform, PostSnapshot } from './snapshot';

/** The account fields every adapter names in `missing` when it cannot read them. */
export const AUTHOR_FIELDS = ['author.handle', 'author.displayName', 'author.profileUrl'] as const;

export const noAccount = (): Account => ({ handle: null, displayName: null, profileUrl: null });

/** A snapshot with nothing read yet: each adapter fills in what the page shows. (No schema import.) */
export function blankSnapshot(platform: Platform, pageUrl: string): PostSnapshot {
  return {
    platform,
    kind: 'post',
    url: null,
    postId: null,
    text: '',
    textTruncated: false,
    author: noAccount(),
    repostedBy: null,
    parent: null,
    quoted: null,
    postedAt: null,
    media: [],
    pageUrl,
    missing: [],
    promoted: false,
  };
}

/** Runs `read`; when it throws, its fields go to `failed` (a snapshot is never lost to one bad field). */
export function attempter(failed: Set<string>) {
  return (fields: readonly string[], read: () => void): void => {
    try {
      read();
    } catch {
      for (const field of fields) failed.add(field);
    }
  };
}
