// Every message between content scripts, pages and the background is one of these, validated with
// zod on arrival; failures travel back as `{ ok: false, error }`, never as a thrown lastError.
import {
  EvidenceDeleteRequest,
  EvidenceEditRequest,
  FeedHello,
  FeedMatch,
  WatchlistSearch,
} from './feed-messages';
import { ClickId } from './page-messages';
import { PostSnapshot } from './platforms/snapshot';
import { z } from './zod';

export * from './feed-messages';
export * from './page-messages';

/** Content script → background. */
export const CaptureRequest = z.object({
  type: z.literal('capture'),
  clickId: ClickId,
  snapshot: PostSnapshot,
});
export type CaptureRequest = z.infer<typeof CaptureRequest>;

export const BackgroundRequest = z.discriminatedUnion('type', [
  CaptureRequest,
  z.object({ type: z.literal('stats') }),
  /** The device key's fingerprint and public key, for the options page. */
  z.object({ type: z.literal('device.key') }),
  FeedHello,
  FeedMatch,
  WatchlistSearch,
  EvidenceEditRequest,
  EvidenceDeleteRequest,
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;
