import {
  FACEBOOK_HOSTS,
  facebookProfileUrl,
  httpsUrl,
  INSTAGRAM_HOSTS,
  instagramProfileUrl,
  parseFacebookProfile,
  parseInstagramProfile,
  parseXProfile,
  stripTracking,
  X_HOSTS,
  xProfileUrl,
} from '../platforms/canonical-url';
import type { Platform } from '../platforms/snapshot';

// One normal form for post text and rule terms, and one for account names, so that a rule or a watchlist
// entry written by the office meets the page's text and the adapters' handles on equal terms.

// What normalising does with each character.
enum CharClass {
  Unknown = 0,
  /** Letters and digits: kept, and they make words. */
  Word = 1,
  /** Other symbols and emoji: kept, but they do not join words. */
  Symbol = 2,
  /**
   * Combining marks (diacritics, once NFKD has split them off) and invisible format characters (zero-width
   * space and joiners, soft hyphen, bidi marks), which would otherwise let "Pra\u200Bbowo" slip past a rule.
   */
  Dropped = 3,
  /** Whitespace, and punctuation except '#' and '@' (which make a hashtag or a mention). */
  Separator = 4,
}

const WORD = /^[\p{L}\p{N}]$/u;
const DROPPED = /^[\p{M}\p{Cf}]$/u;
const SEPARATOR = /^(?:\s|[^\P{P}#@])$/u;

function classify(cp: number): CharClass {
  const char = String.fromCodePoint(cp);
  if (WORD.test(char)) return CharClass.Word;
  if (DROPPED.test(char)) return CharClass.Dropped;
  return SEPARATOR.test(char) ? CharClass.Separator : CharClass.Symbol;
}

// Classes of the code points met so far. One pass over the text with these tables is about three times
// faster than a chain of regex replacements, and the background normalises every post of the feed.
const bmpClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, CharClass>();

function classOf(cp: number): CharClass {
  if (cp <= 0xffff) {
    if (bmpClasses[cp] === CharClass.Unknown) bmpClasses[cp] = classify(cp);
    return bmpClasses[cp] as CharClass;
  }
  let found = astralClasses.get(cp);
  if (found === undefined) {
    found = classify(cp);
    astralClasses.set(cp, found);
  }
  return found;
}

/** Output buffer reused across calls; texts longer than this get their own. */
const RETAINED_BUFFER = 0x10000;
let sharedBuffer = new Uint16Array(4_096);

/** NFKD, diacritics and invisible characters removed, lowercase, punctuation as spaces, spaces collapsed. */
export function normalizeText(text: string): string {
  const source = text.normalize('NFKD').toLowerCase();
  if (source.length > sharedBuffer.length && source.length <= RETAINED_BUFFER) {
    sharedBuffer = new Uint16Array(source.length);
  }
  const out = source.length <= sharedBuffer.length ? sharedBuffer : new Uint16Array(source.length);
  let length = 0;
  let space = false;
  for (let i = 0; i < source.length; i++) {
    const unit = source.charCodeAt(i);
    // Below the surrogates a code unit is its code point: most text never calls codePointAt.
    const cp = unit < 0xd800 ? unit : source.codePointAt(i)!;
    const kind = classOf(cp);
    if (kind === CharClass.Word || kind === CharClass.Symbol) {
      if (space) out[length++] = 0x20;
      space = false;
      out[length++] = unit;
      if (cp > 0xffff) out[length++] = source.charCodeAt(i + 1);
    } else if (kind === CharClass.Separator) {
      space = length > 0;
    }
    if (cp > 0xffff) i++;
  }
  return fromCodeUnits(out, length);
}

function fromCodeUnits(units: Uint16Array, length: number): string {
  const CHUNK = 8_192; // apply() passes every unit as an argument: stay far below engine limits
  let text = '';
  for (let at = 0; at < length; at += CHUNK) {
    const chunk = units.subarray(at, Math.min(length, at + CHUNK));
    text += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return text;
}

/** Whether the character that ends just before `index` is a letter or digit (false at the start). */
export function wordCharBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const unit = text.charCodeAt(index - 1);
  const isLowSurrogate = unit >= 0xdc00 && unit <= 0xdfff && index >= 2;
  return classOf(isLowSurrogate ? text.codePointAt(index - 2)! : unit) === CharClass.Word;
}

/** Whether the character that starts at `index` is a letter or digit (false at the end). */
export function wordCharAt(text: string, index: number): boolean {
  return index < text.length && classOf(text.codePointAt(index)!) === CharClass.Word;
}

const PROFILE = {
  x: { hosts: X_HOSTS, origin: 'https://x.com/', parse: parseXProfile, url: xProfileUrl },
  instagram: {
    hosts: INSTAGRAM_HOSTS,
    origin: 'https://www.instagram.com/',
    parse: parseInstagramProfile,
    url: instagramProfileUrl,
  },
  facebook: {
    hosts: FACEBOOK_HOSTS,
    origin: 'https://www.facebook.com/',
    parse: parseFacebookProfile,
    url: facebookProfileUrl,
  },
} as const;

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const MAX_HANDLE_INPUT = 2_048;

/**
 * The key an adapter puts in PostSnapshot.author.handle for the account `value` names: "@Budi_S",
 * "https://x.com/Budi_S?s=20" and "budi_s" all give "budi_s"; "facebook.com/profile.php?id=1" gives
 * "profile.php?id=1". Null when `value` names no account of `platform`. Always null for 'web'.
 */
export function normalizeHandle(platform: Platform, value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  if (platform === 'web' || text === '' || text.length > MAX_HANDLE_INPUT) return null;
  const host = text.split(/[/?#]/, 1)[0]!.toLowerCase();
  if (SCHEME.test(text) || (PROFILE[platform].hosts as readonly string[]).includes(host)) {
    return handleFromProfileUrl(platform, text);
  }
  const bare = (text.startsWith('@') ? text.slice(1) : text).replace(/\/$/, '');
  if (/[\s/#]/.test(bare) || (bare.includes('?') && platform !== 'facebook')) return null;
  return PROFILE[platform].parse(PROFILE[platform].origin + bare);
}

/**
 * The handle of a profile URL ("https://x.com/Budi_S", "instagram.com/budi.s/"), or null for anything else,
 * bare handles included. The platform's own parser decides, so reserved paths ("home", "explore") and bad
 * characters are refused exactly as the adapters refuse them.
 */
export function handleFromProfileUrl(platform: Platform, url: string): string | null {
  const text = url.trim();
  if (platform === 'web' || text === '' || text.length > MAX_HANDLE_INPUT) return null;
  return PROFILE[platform].parse(SCHEME.test(text) ? text : `https://${text}`);
}

/** What adapters emit: those handles are looked up as they are, without parsing a URL per account. */
const NORMAL_HANDLE: Record<Exclude<Platform, 'web'>, RegExp> = {
  x: /^[a-z0-9_]{1,50}$/,
  instagram: /^[a-z0-9._]{1,30}$/,
  facebook: /^(?:[a-z0-9.\-_]{1,80}|profile\.php\?id=\d{1,25})$/,
};

/**
 * normalizeHandle, fast for a handle that already has the adapters' shape. Such a handle may still be a
 * reserved path ("home"): fine for looking up, since no watchlist entry can hold one.
 */
export function handleLookupKey(platform: Platform, value: string | null): string | null {
  if (value === null || platform === 'web') return null;
  return NORMAL_HANDLE[platform].test(value) ? value : normalizeHandle(platform, value);
}

/** The profile URL the adapters write for `handle` (a normalised handle). */
export function profileUrlOf(platform: Exclude<Platform, 'web'>, handle: string): string {
  return PROFILE[platform].url(handle);
}

/** A profile URL on a site without an adapter, in one form: https, no tracking, lowercase host. */
export function webProfileKey(value: string | null | undefined): string | null {
  const url = httpsUrl(value);
  if (!url) return null;
  url.hostname = url.hostname.toLowerCase();
  return stripTracking(url).href.replace(/\/$/, '');
}
