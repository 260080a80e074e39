import { AsnIdentity } from '../config/schema';
import { z } from '../zod';

/** The longest note a finding may carry, sealed or edited. */
export const NOTE_MAX = 10_000;

/** What an officer may change after capture: never the captured post, only the assessment. */
export const EvidenceEdit = z.object({
  category: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  note: z.optional(z.string().check(z.maxLength(NOTE_MAX))),
  /** The ASN behind the account, as identified by the officer (watchlist or by hand); null clears it. */
  asn: z.optional(z.nullable(AsnIdentity)),
});
export type EvidenceEdit = z.infer<typeof EvidenceEdit>;
