import { Platform } from '../platforms/kinds';
import { z } from '../zod';
import { NIP_PATTERN } from './nip';

// What the monitoring office configures and the officer keeps on the device: the ASN watchlist, the
// partisan-narrative rules and the violation categories. All of it lives in storage.local (see
// ./settings.ts) and arrives by CSV import, by hand in the options page, or in one configuration pack.

/** NIP (Nomor Induk Pegawai): 18 digits. */
export const Nip = z.string().check(z.regex(NIP_PATTERN));

const name = () => z.string().check(z.minLength(1), z.maxLength(200));
const optionalText = () => z.nullable(z.string().check(z.maxLength(200)));

/** One known ASN account. At least one of handle and profileUrl is set (checked on import). */
export const WatchlistEntry = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  name: name(),
  nip: z.nullable(Nip),
  /** Instansi. */
  agency: optionalText(),
  /** Jabatan. */
  position: optionalText(),
  platform: Platform,
  /** Normalised: X and Instagram lowercase without @; Facebook the profile path or profile.php?id=N. */
  handle: z.nullable(z.string().check(z.minLength(1), z.maxLength(200))),
  /** Canonical https profile URL, when given instead of (or beside) the handle. */
  profileUrl: z.nullable(z.string().check(z.maxLength(2_048))),
});
export type WatchlistEntry = z.infer<typeof WatchlistEntry>;

/** What a rule names; only for grouping and display. */
export const RuleKind = z.enum(['candidate', 'party', 'slogan', 'hashtag', 'number', 'gesture', 'other']);
export type RuleKind = z.infer<typeof RuleKind>;

/** One partisan-narrative term ("nomor urut 2", "#AMIN", "salam dua jari") with its label. */
export const Rule = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  term: z.string().check(z.minLength(1), z.maxLength(200)),
  label: z.string().check(z.minLength(1), z.maxLength(200)),
  kind: RuleKind,
  /** A category this rule suggests when it matches (e.g. gesture words → 'attributes'). */
  category: z.nullable(z.string().check(z.maxLength(64))),
});
export type Rule = z.infer<typeof Rule>;

export const Category = z.object({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/)),
  label: z.string().check(z.minLength(1), z.maxLength(200)),
  /** English label, shown when the UI is in English. */
  labelEn: z.optional(z.string().check(z.maxLength(200))),
});
export type Category = z.infer<typeof Category>;

export const Language = z.enum(['id', 'en']);
export type Language = z.infer<typeof Language>;

/** The ASN identity a finding names (watchlist match or typed by the officer). */
export const AsnIdentity = z.object({
  name: z.string().check(z.maxLength(200)),
  nip: z.nullable(Nip),
  agency: z.nullable(z.string().check(z.maxLength(200))),
});
export type AsnIdentity = z.infer<typeof AsnIdentity>;

/** The watchlist entry behind an account of a post, and the account's role in it. */
export const AsnMatch = z.object({
  role: z.enum(['author', 'coauthor', 'reposter', 'commenter', 'reactor']),
  entry: WatchlistEntry,
});
export type AsnMatch = z.infer<typeof AsnMatch>;

export const RuleMatch = z.object({
  ruleId: z.string(),
  term: z.string(),
  label: z.string(),
  kind: RuleKind,
  category: z.nullable(z.string()),
});
export type RuleMatch = z.infer<typeof RuleMatch>;

/** What Netra noticed about one post: shown as markers in the feed, never acted on by itself. */
export const PostMatch = z.object({
  asn: z.array(AsnMatch).check(z.maxLength(20)),
  rules: z.array(RuleMatch).check(z.maxLength(50)),
});
export type PostMatch = z.infer<typeof PostMatch>;
