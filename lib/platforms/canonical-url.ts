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

// Facebook and Instagram rules go here, one HostRule each (which parameters identify a post, which
// path prefixes to drop), so every adapter and the capture pipeline share one definition.
const hostRules: readonly HostRule[] = [xRule];

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
