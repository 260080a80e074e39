import { AUTHOR_FIELDS, blankSnapshot, noAccount } from '../blank';
import { facebookProfileUrl, parseFacebookPermalink, parseFacebookProfile } from '../canonical-url';
import type { Account, PostSnapshot } from '../snapshot';
import { readText } from '../text';
import { FACEBOOK } from './collect';
import { revealedOf } from './reveal';
import { parseFacebookTime } from './time';

// Fields read the same way for posts, comments and reaction rows.

export { AUTHOR_FIELDS, noAccount };

export const blank = (pageUrl: string): PostSnapshot => blankSnapshot('facebook', pageUrl);

/** The account of a profile link: handle and URL from its href, name from its text (or aria-label). */
export function accountOf(link: Element | null): Account {
  const handle = link ? parseFacebookProfile(link.getAttribute('href'), FACEBOOK) : null;
  if (!link || !handle) return noAccount();
  const name = readText(link) || link.getAttribute('aria-label')?.trim() || null;
  return { handle, displayName: name, profileUrl: facebookProfileUrl(handle) };
}

/** The permalink (as reveal() saw it when the page only had a placeholder) and time of a timestamp link. */
export function readStamp(link: Element | null): { href: string | null; postedAt: string | null } {
  if (!link) return { href: null, postedAt: null };
  const seen = revealedOf(link);
  const own = link.getAttribute('href');
  const href = parseFacebookPermalink(own, FACEBOOK) ? own : (seen?.href ?? own);
  const labels = [
    seen?.tooltip,
    link.getAttribute('aria-label'),
    link.getAttribute('title'),
    ...[...link.querySelectorAll('[aria-label], [title]')].map(
      (el) => el.getAttribute('aria-label') ?? el.getAttribute('title'),
    ),
  ];
  return { href, postedAt: labels.map((label) => parseFacebookTime(label)).find(Boolean) ?? null };
}

/**
 * The post a photo or single-post page shows, from its URL: its canonical permalink without the comment that a
 * comment link (`…?comment_id=N`) opened; null on feeds, profiles and groups.
 */
export function pagePostUrl(pageUrl: string): string | null {
  const page = parseFacebookPermalink(pageUrl);
  return page?.url.replace(/[?&]comment_id=\d+(?:&reply_comment_id=\d+)?$/, '') ?? null;
}

/** The null fields of `snapshot` by name, plus `extra` and what failed, without repeats. */
export function missingOf(snapshot: PostSnapshot, extra: readonly string[], failed: Set<string>): string[] {
  const absent: string[] = [];
  if (snapshot.url === null) absent.push('url');
  if (snapshot.postId === null) absent.push('postId');
  if (snapshot.postedAt === null) absent.push('postedAt');
  if (snapshot.author.handle === null) absent.push('author.handle');
  if (snapshot.author.displayName === null) absent.push('author.displayName');
  if (snapshot.author.profileUrl === null) absent.push('author.profileUrl');
  return [...new Set([...absent, ...extra, ...failed])];
}
