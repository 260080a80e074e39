import { adapterForHost } from '../platforms';
import { AUTHOR_FIELDS, blankSnapshot } from '../platforms/blank';
import { canonicalUrl } from '../platforms/canonical-url';
import type { PostSnapshot } from '../platforms/snapshot';

export interface PageFacts {
  pageUrl: string;
  /** What the officer had selected, verbatim. */
  selection?: string;
  /** The link the context menu was opened on, if any. */
  linkUrl?: string;
}

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
    ...blankSnapshot(platform, pageUrl),
    url: linked,
    text,
    missing: [...(linked ? [] : ['url']), 'postId', ...AUTHOR_FIELDS, 'postedAt', ...(text ? [] : ['text'])],
  };
}
