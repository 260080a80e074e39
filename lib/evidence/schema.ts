import { Nip } from '../config/schema';
import { PostSnapshot } from '../platforms/snapshot';
import { z } from '../zod';
import { NOTE_MAX } from './edit';

export const Sha256Hex = z.string().check(z.regex(/^[0-9a-f]{64}$/));

export const ScreenshotRef = z.object({
  /** Key of the Blob in the `screenshots` table. */
  id: z.string(),
  /** post: cropped to the post (stitched when taller than the window); viewport: the whole visible tab. */
  role: z.enum(['post', 'viewport']),
  mime: z.literal('image/png'),
  width: z.number().check(z.int(), z.nonnegative()),
  height: z.number().check(z.int(), z.nonnegative()),
  size: z.number().check(z.int(), z.nonnegative()),
  sha256: Sha256Hex,
  /** True when part of the post is not in the image (it could not be scrolled into view). */
  clipped: z.boolean(),
  /** Number of scrolled captures stitched into this image (1 for a post that fits the window). */
  slices: z.number().check(z.int(), z.positive()),
});
export type ScreenshotRef = z.infer<typeof ScreenshotRef>;

export const IsoWithOffset = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/));

export const Officer = z.object({
  name: z.nullable(z.string().check(z.maxLength(200))),
  /** NIP: 18 digits. */
  nip: z.nullable(Nip),
  unit: z.nullable(z.string().check(z.maxLength(200))),
});
export type Officer = z.infer<typeof Officer>;

export const Provenance = z.object({
  extensionVersion: z.string(),
  /** Version of the platform adapter that read the post (bumped when its selectors change). */
  adapterVersion: z.string(),
  browser: z.string(),
  os: z.string(),
  devicePixelRatio: z.number().check(z.positive()),
});
export type Provenance = z.infer<typeof Provenance>;

/**
 * One finding, as stored and as exported (evidence schema v1). Everything but `hash` and `exportedAt`
 * is sealed into the hash chain when stored and never rewritten: later edits and deletions go to the
 * audit log.
 */
export const Evidence = z.object({
  schemaVersion: z.literal(1),
  id: z.string(),
  /** Per-device sequence number, 1, 2, 3… without gaps (a deletion leaves a tombstone). */
  seq: z.number().check(z.int(), z.positive()),
  /** The click that created it: a retried message carries the same id and finds this record. */
  clickId: z.string(),
  /** Same post → same key (its canonical permalink, or a digest when the page shows none). */
  dedupeKey: z.string(),
  capturedAt: IsoWithOffset,
  post: PostSnapshot,
  officer: Officer,
  /** Violation category id (see lib/evidence/categories.ts). */
  category: z.string().check(z.maxLength(64)),
  note: z.string().check(z.maxLength(NOTE_MAX)),
  screenshots: z.array(ScreenshotRef),
  /** What the capture itself could not get (e.g. 'screenshot' when the tab closed first). */
  missing: z.array(z.string()),
  /** 1 for the first capture of a post; n for its n-th capture, each linked to the first. */
  version: z.number().check(z.int(), z.positive()),
  versionOf: z.nullable(z.string()),
  /** Fields of the post that differ from the previous version ('text', 'media', …). */
  changed: z.array(z.string()),
  provenance: Provenance,
  prevHash: z.nullable(Sha256Hex),
  hash: Sha256Hex,
  /** Set when a bundle containing this record has been exported; outside the hash, export never deletes. */
  exportedAt: z.nullable(IsoWithOffset),
});
export type Evidence = z.infer<typeof Evidence>;

/** The fields the hash covers: the record without its own hash and its export mark. */
export function sealedBody(evidence: Omit<Evidence, 'hash'> & { hash?: string }): Record<string, unknown> {
  const { hash: _hash, exportedAt: _exportedAt, ...body } = evidence;
  return body;
}

export interface StoredScreenshot {
  id: string;
  evidenceId: string;
  blob: Blob;
}
