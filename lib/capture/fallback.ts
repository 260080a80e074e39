import { adapterForHost } from '../platforms';
import { canonicalUrl } from '../platforms/canonical-url';
import type { PostSnapshot } from '../platforms/snapshot';

export interface PageFacts {
  pageUrl: string;
  /** What the officer had selected, verbatim. */
  selection?: string;
  /** The link the context menu was opened on, if any. */
  linkUrl?: string;
}

const ACCOUNT_FIELDS = ['author.handle', 'author.displayName', 'author.profileUrl'];

/**
 * A finding for a page no adapter could read (a site redesign, or a site Netra does not know): only
 * what the browser itself reports, every other field null and named in `missing`, nothing invented.
 */
export function pageSnapshot({ pageUrl, selection = '', linkUrl }: PageFacts): PostSnapshot {
  const host = URL.canParse(pageUrl) ? new URL(pageUrl).hostname : '';
  const platform = adapterForHost(host)?.platform ?? 'web';
  // A link on a known platform that is a post's permalink names the post; any other link does not.
  const linked =
    linkUrl && adapterForHost(URL.canParse(linkUrl) ? new URL(linkUrl).hostname : '')
      ? canonicalUrl(linkUrl)
      : null;
  const text = selection.trim();
  return {
    platform,
    kind: 'post',
    url: linked,
    postId: null,
    text,
    textTruncated: false,
    author: { handle: null, displayName: null, profileUrl: null },
    repostedBy: null,
    parent: null,
    quoted: null,
    postedAt: null,
    media: [],
    pageUrl,
    missing: [...(linked ? [] : ['url']), 'postId', ...ACCOUNT_FIELDS, 'postedAt', ...(text ? [] : ['text'])],
    promoted: false,
  };
}
