import { PostSnapshot } from '../platforms/snapshot';
import { z } from '../zod';

export const ScreenshotRef = z.object({
  /** Key of the Blob in the `screenshots` table. */
  id: z.string(),
  role: z.enum(['post', 'viewport']),
  mime: z.literal('image/png'),
  width: z.number().check(z.int(), z.nonnegative()),
  height: z.number().check(z.int(), z.nonnegative()),
  size: z.number().check(z.int(), z.nonnegative()),
  /** True when part of the post lay outside the viewport and is not in the image. */
  clipped: z.boolean(),
});
export type ScreenshotRef = z.infer<typeof ScreenshotRef>;

const IsoWithOffset = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/));

/** One finding, as stored in IndexedDB. Versioned: a later schema adds fields through Dexie upgrades. */
export const Evidence = z.object({
  schemaVersion: z.literal(1),
  id: z.string(),
  /** Per-device sequence number, 1, 2, 3… without gaps. */
  seq: z.number().check(z.int(), z.positive()),
  /** The click that created it: a retried message carries the same id and finds this record. */
  clickId: z.string(),
  /** Same post → same key (its canonical permalink, or a digest when the page shows none). */
  dedupeKey: z.string(),
  capturedAt: IsoWithOffset,
  post: PostSnapshot,
  screenshots: z.array(ScreenshotRef),
  devicePixelRatio: z.number().check(z.positive()),
  extensionVersion: z.string(),
  /** Set when a bundle containing this record has been exported; export never deletes. */
  exportedAt: z.nullable(IsoWithOffset),
});
export type Evidence = z.infer<typeof Evidence>;

export interface StoredScreenshot {
  id: string;
  evidenceId: string;
  blob: Blob;
}
