// Canonical permalinks: the same post flagged twice, from the feed or from its own page, must give the same
// URL. Absolute https, no port, fragment or credentials, tracking parameters removed, then a per-site rule.

/** Parameters that only say how someone got to a page (share sheets, ads, feeds), never which post it is. */
const TRACKING_PARAMS = new Set([
  '__tn__',
  '__xts__',
  'eav',
  'fbclid',
  'gclid',
  'igsh',
  'igshid',
  'img_index',
  'mibextid',
  'paipv',
  'rdid',
  'ref',
  'ref_src',
  'ref_url',
  's',
  'sfnsn',
  't',
]);
/** `__cft__[0]=…` (Facebook), `utm_source=…` and friends. */
const TRACKING_PREFIXES = ['__cft__', 'utm_'];

const PLACEHOLDER = /^(?:$|#|javascript:|about:|data:|blob:|mailto:|tel:)/i;

/** `href` resolved against `base` as an https URL without port, fragment or credentials; null for placeholders. */
export function httpsUrl(href: string | null | undefined, base?: string): URL | null {
  const raw = href?.trim() ?? '';
  if (PLACEHOLDER.test(raw)) return null;
  let url: URL;
  try {
    url = base === undefined ? new URL(raw) : new URL(raw, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  url.protocol = 'https:';
  url.port = '';
  url.hash = '';
  url.username = '';
  url.password = '';
  return url;
}

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** Removes tracking parameters and sorts the rest, so parameter order does not make two URLs differ. */
export function stripTracking(url: URL): URL {
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  return url;
}

/** A site's own idea of a permalink. Gets a cleaned URL on one of its hosts; null when it is not a permalink. */
export interface HostRule {
  hosts: readonly string[];
  permalink(url: URL): string | null;
}

// ---- X -------------------------------------------------------------------------------------------------

export const X_HOSTS = [
  'x.com',
  'www.x.com',
  'mobile.x.com',
  'twitter.com',
  'www.twitter.com',
  'mobile.twitter.com',
];
const X_HANDLE = /^[A-Za-z0-9_]{1,50}$/;
const X_STATUS_ID = /^\d{1,25}$/;

export interface XStatus {
  /** Lowercase, no @; null for `/i/status/ID` and `/i/web/status/ID`, which name no account. */
  handle: string | null;
  id: string;
}

/** `/<handle>/status/<id>[/photo/1|/analytics|…]` on any X host, or null. */
export function parseXStatus(href: string | null | undefined, base?: string): XStatus | null {
  const url = httpsUrl(href, base);
  if (!url || !X_HOSTS.includes(url.hostname)) return null;
  const parts = url.pathname.split('/').filter(Boolean);
  const at = parts.findIndex((part) => part === 'status' || part === 'statuses');
  const id = parts[at + 1];
  if (at < 1 || id === undefined || !X_STATUS_ID.test(id)) return null;
  const owner = parts.slice(0, at);
  if (owner[0] === 'i') return owner.length <= 2 ? { handle: null, id } : null;
  const handle = owner[0];
  return owner.length === 1 && handle !== undefined && X_HANDLE.test(handle)
    ? { handle: handle.toLowerCase(), id }
    : null;
}

/** The X handle a profile link points to (`/Budi_S`, `https://twitter.com/budi_s`), lowercase, or null. */
export function parseXProfile(href: string | null | undefined, base?: string): string | null {
  const url = httpsUrl(href, base);
  if (!url || !X_HOSTS.includes(url.hostname)) return null;
  const parts = url.pathname.split('/').filter(Boolean);
  const handle = parts[0];
  if (parts.length !== 1 || handle === undefined || !X_HANDLE.test(handle)) return null;
  return X_RESERVED_PATHS.has(handle.toLowerCase()) ? null : handle.toLowerCase();
}

/** First path segments that are X pages, not accounts. */
const X_RESERVED_PATHS = new Set([
  'home',
  'explore',
  'notifications',
  'messages',
  'search',
  'settings',
  'i',
  'compose',
  'login',
  'logout',
  'signup',
  'tos',
  'privacy',
]);

export const xStatusUrl = (handle: string | null, id: string): string =>
  `https://x.com/${handle ?? 'i'}/status/${id}`;
export const xProfileUrl = (handle: string): string => `https://x.com/${handle.toLowerCase()}`;

const xRule: HostRule = {
  hosts: X_HOSTS,
  permalink(url) {
    const status = parseXStatus(url.href);
    return status ? xStatusUrl(status.handle, status.id) : null;
  },
};

// ---- Instagram -----------------------------------------------------------------------------------------

export const INSTAGRAM_HOSTS = ['instagram.com', 'www.instagram.com', 'm.instagram.com'];
const IG_USERNAME = /^[A-Za-z0-9._]{1,30}$/;
const IG_CODE = /^[A-Za-z0-9_-]{5,64}$/;
const IG_NUMERIC_ID = /^\d{1,25}$/;
const IG_POST_TYPES: Record<string, InstagramPost['type']> = {
  p: 'p',
  reel: 'reel',
  reels: 'reel',
  tv: 'tv',
};
/** First path segments that are Instagram pages, not accounts. */
const IG_RESERVED_PATHS = new Set([
  'p',
  'reel',
  'reels',
  'tv',
  'explore',
  'stories',
  'accounts',
  'direct',
  'about',
  'legal',
  'developer',
  'web',
  'emails',
  'challenge',
  'privacy',
  'session',
  'graphql',
  'api',
  'ads',
  'lite',
  'create',
  'your_activity',
  'archive',
]);

export interface InstagramPost {
  /** `p` (photos, carousels), `reel` (also written `/reels/CODE/`) or `tv` (old IGTV links). */
  type: 'p' | 'reel' | 'tv';
  /** The shortcode, case-sensitive. */
  code: string;
  /** `/p/CODE/c/ID/`: a comment; `/p/CODE/c/ID/r/ID2/`: a reply, `replyId` = ID2. */
  commentId: string | null;
  replyId: string | null;
  /** The post's sub-page, such as `liked_by` or `comments`; null on the post itself and on comments. */
  subpage: string | null;
}

/** A post, comment or reply link on any Instagram host (with or without a `/<username>` prefix), or null. */
export function parseInstagramPost(href: string | null | undefined, base?: string): InstagramPost | null {
  const url = httpsUrl(href, base);
  if (!url || !INSTAGRAM_HOSTS.includes(url.hostname.toLowerCase())) return null;
  let parts = url.pathname.split('/').filter(Boolean);
  // Post pages and modals link `/<username>/p/CODE/`: the same post as `/p/CODE/`.
  const owner = parts[0] ?? '';
  if (parts.length >= 3 && IG_USERNAME.test(owner) && !IG_RESERVED_PATHS.has(owner.toLowerCase())) {
    if (parts[1] && parts[1] in IG_POST_TYPES) parts = parts.slice(1);
  }
  const [segment = '', code = '', ...rest] = parts;
  const type = Object.hasOwn(IG_POST_TYPES, segment) ? IG_POST_TYPES[segment] : undefined;
  // `/reels/audio/ID/` is a sound page, not a reel.
  if (!type || !IG_CODE.test(code) || (segment === 'reels' && code === 'audio')) return null;
  const post: InstagramPost = { type, code, commentId: null, replyId: null, subpage: null };
  if (rest[0] !== 'c') return { ...post, subpage: rest[0] ?? null };
  const [, commentId = '', r, replyId = ''] = rest;
  if (!IG_NUMERIC_ID.test(commentId)) return null;
  if (r !== 'r') return { ...post, commentId };
  return IG_NUMERIC_ID.test(replyId) ? { ...post, commentId, replyId } : null;
}

/** The username a profile link names (`/budi.santoso/`, `https://instagram.com/Budi?igsh=…`), lowercase. */
export function parseInstagramProfile(href: string | null | undefined, base?: string): string | null {
  const url = httpsUrl(href, base);
  if (!url || !INSTAGRAM_HOSTS.includes(url.hostname.toLowerCase())) return null;
  const parts = url.pathname.split('/').filter(Boolean);
  const username = parts[0];
  if (parts.length !== 1 || username === undefined || !IG_USERNAME.test(username)) return null;
  return IG_RESERVED_PATHS.has(username.toLowerCase()) ? null : username.toLowerCase();
}

/** `https://www.instagram.com/p/CODE/`, `…/reel/CODE/`, or a comment's `…/p/CODE/c/ID/` (`…/r/ID2/`). */
export function instagramPostUrl(post: Omit<InstagramPost, 'subpage'>): string {
  const comment = post.commentId ? `c/${post.commentId}/${post.replyId ? `r/${post.replyId}/` : ''}` : '';
  return `https://www.instagram.com/${post.type}/${post.code}/${comment}`;
}
export const instagramProfileUrl = (username: string): string =>
  `https://www.instagram.com/${username.toLowerCase()}/`;

// Every query parameter on a post link is presentation or tracking (img_index, igsh, utm_*, hl…), and
// sub-pages such as liked_by/ belong to the post.
const instagramRule: HostRule = {
  hosts: INSTAGRAM_HOSTS,
  permalink(url) {
    const post = parseInstagramPost(url.href);
    return post ? instagramPostUrl(post) : null;
  },
};

// ---- Facebook ------------------------------------------------------------------------------------------

export const FACEBOOK_HOSTS = [
  'facebook.com',
  'www.facebook.com',
  'web.facebook.com',
  'm.facebook.com',
  'mbasic.facebook.com',
  'touch.facebook.com',
  'mobile.facebook.com',
];
const FB_ORIGIN = 'https://www.facebook.com';
const FB_USERNAME = /^[A-Za-z0-9.\-_]{1,80}$/;
const FB_NUMERIC_ID = /^\d{1,25}$/;
// Post ids are numbers or, since 2022, opaque `pfbid…` strings (case-sensitive).
const FB_POST_ID = /^(?:\d{1,25}|pfbid[A-Za-z0-9]{8,100})$/;
/** First path segments that are Facebook pages, not accounts. */
const FB_RESERVED_PATHS = new Set(
  (
    'about ad_center ads bookmarks business checkpoint composer dialog events feeds find-friends friends ' +
    'fundraisers gaming groups hashtag help home.php l.php latest legal live login login.php logout.php ' +
    'marketplace me media memories messages notifications pages people permalink.php photo photo.php ' +
    'photos pg places plugins policies policy.php privacy profile.php reel reels saved search settings ' +
    'share sharer sharer.php stories story.php terms ufi video.php watch'
  ).split(' '),
);

export interface FacebookPermalink {
  /** Canonical: `https://www.facebook.com/…`, only the parameters that name the post (and comment). */
  url: string;
  /** The post's id (story_fbid, posts/ID, photo fbid, video id). */
  id: string;
  /** `comment_id` when the link names a comment, else null. */
  commentId: string | null;
  /** `reply_comment_id` when it names a reply to that comment, else null. */
  replyId: string | null;
}

/** The post path a Facebook link names, without comment parameters, or null. */
function facebookPostPath(url: URL): { path: string; id: string } | null {
  const parts = url.pathname.split('/').filter(Boolean);
  const param = (name: string): string => url.searchParams.get(name) ?? '';
  const [first = '', second = '', third = '', fourth = ''] = parts;
  const head = first.toLowerCase();
  if ((head === 'permalink.php' || head === 'story.php') && parts.length === 1) {
    const story = param('story_fbid');
    const owner = param('id');
    if (!FB_POST_ID.test(story) || !FB_NUMERIC_ID.test(owner)) return null;
    return { path: `/permalink.php?story_fbid=${story}&id=${owner}`, id: story };
  }
  if ((head === 'photo' || head === 'photo.php') && parts.length === 1) {
    return FB_NUMERIC_ID.test(param('fbid'))
      ? { path: `/photo/?fbid=${param('fbid')}`, id: param('fbid') }
      : null;
  }
  if ((head === 'watch' || head === 'video.php') && parts.length === 1) {
    return FB_NUMERIC_ID.test(param('v')) ? { path: `/watch/?v=${param('v')}`, id: param('v') } : null;
  }
  if (head === 'reel' && parts.length === 2 && FB_NUMERIC_ID.test(second)) {
    return { path: `/reel/${second}`, id: second };
  }
  if (head === 'groups' && (third === 'posts' || third === 'permalink') && FB_POST_ID.test(fourth)) {
    return FB_USERNAME.test(second)
      ? { path: `/groups/${second.toLowerCase()}/posts/${fourth}`, id: fourth }
      : null;
  }
  if (FB_RESERVED_PATHS.has(head) || !FB_USERNAME.test(first)) return null;
  const last = parts[parts.length - 1] ?? '';
  if (second === 'posts' && parts.length === 3 && FB_POST_ID.test(third)) {
    return { path: `/${head}/posts/${third}`, id: third };
  }
  // `/<owner>/photos/a.123/456/`, `/<owner>/videos/<slug>/789/`: the last segment is the global id.
  if (second === 'photos' && parts.length <= 4 && FB_NUMERIC_ID.test(last)) {
    return { path: `/photo/?fbid=${last}`, id: last };
  }
  if (second === 'videos' && parts.length <= 4 && FB_NUMERIC_ID.test(last)) {
    return { path: `/watch/?v=${last}`, id: last };
  }
  return null;
}

/**
 * A Facebook post, photo, video or comment link in canonical form, or null (profiles, the feed, the `#` and
 * `/?__cft__…` placeholders Facebook shows until the pointer reaches a timestamp). Only the parameters that
 * name the post survive: `__cft__`, `__tn__`, photo `set`, `substory_index`… go.
 */
export function parseFacebookPermalink(
  href: string | null | undefined,
  base?: string,
): FacebookPermalink | null {
  const url = httpsUrl(href, base);
  if (!url || !FACEBOOK_HOSTS.includes(url.hostname.toLowerCase())) return null;
  const post = facebookPostPath(url);
  if (!post) return null;
  const comment = url.searchParams.get('comment_id') ?? '';
  const reply = url.searchParams.get('reply_comment_id') ?? '';
  const commentId = FB_NUMERIC_ID.test(comment) ? comment : null;
  const replyId = commentId && FB_NUMERIC_ID.test(reply) ? reply : null;
  const extra = new URLSearchParams();
  if (commentId) extra.set('comment_id', commentId);
  if (replyId) extra.set('reply_comment_id', replyId);
  const query = extra.toString();
  const joined = query ? `${post.path}${post.path.includes('?') ? '&' : '?'}${query}` : post.path;
  return { url: `${FB_ORIGIN}${joined}`, id: post.id, commentId, replyId };
}

/**
 * The account a Facebook profile link names: `some.name` (vanity, lowercase: Facebook usernames ignore case)
 * or `profile.php?id=N`, never merged, since nothing in a link says which vanity belongs to which id. Group
 * member links (`/groups/G/user/N/`) and `/people/Name/N/` name the account N.
 */
export function parseFacebookProfile(href: string | null | undefined, base?: string): string | null {
  const url = httpsUrl(href, base);
  if (!url || !FACEBOOK_HOSTS.includes(url.hostname.toLowerCase())) return null;
  const parts = url.pathname.split('/').filter(Boolean);
  const [first = '', , third = '', fourth = ''] = parts;
  const head = first.toLowerCase();
  let id = '';
  if (head === 'profile.php' && parts.length === 1) id = url.searchParams.get('id') ?? '';
  else if (head === 'people' && parts.length === 3) id = third;
  else if (head === 'groups' && third === 'user' && parts.length === 4) id = fourth;
  else if (parts.length === 1 && FB_NUMERIC_ID.test(first)) id = first;
  else if (parts.length === 1 && FB_USERNAME.test(first) && !FB_RESERVED_PATHS.has(head)) return head;
  return FB_NUMERIC_ID.test(id) ? `profile.php?id=${id}` : null;
}

export const facebookProfileUrl = (handle: string): string => `${FB_ORIGIN}/${handle}`;

const facebookRule: HostRule = {
  hosts: FACEBOOK_HOSTS,
  permalink(url) {
    return parseFacebookPermalink(url.href)?.url ?? null;
  },
};

// Facebook and Instagram rules go here, one HostRule each (which parameters identify a post, which
// path prefixes to drop), so every adapter and the capture pipeline share one definition.
const hostRules: readonly HostRule[] = [xRule, instagramRule, facebookRule];

/**
 * The canonical permalink for `href` (resolved against `base`), or null when it is not one: placeholders
 * (`#`, `/`, `javascript:`), non-http schemes, a site's pages that are not posts.
 */
export function canonicalUrl(href: string | null | undefined, base?: string): string | null {
  const url = httpsUrl(href, base);
  if (!url) return null;
  url.hostname = url.hostname.toLowerCase();
  stripTracking(url);
  const rule = hostRules.find((candidate) => candidate.hosts.includes(url.hostname));
  if (rule) return rule.permalink(url);
  if (url.pathname === '/' && url.search === '') return null;
  return url.href;
}
