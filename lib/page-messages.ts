// The messages a content script sends or receives, and the replies it reads: kept apart from the
// background-only ones (which carry the PostSnapshot schema) so the content script stays small.
// Every message is validated with zod on arrival; failures travel back as `{ ok: false, error }`.
import { z } from './zod';

export const ClickId = z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/));

export const Rect = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().check(z.nonnegative()),
  height: z.number().check(z.nonnegative()),
});
export type Rect = z.infer<typeof Rect>;

/** Background → content script, around the screenshot of one post. */
export const ContentRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('capture.prepare'), clickId: ClickId }),
  z.object({ type: z.literal('capture.finish'), clickId: ClickId }),
  /** For a post taller than the window: scroll so the post's `offset` (CSS px from its top) is at the top. */
  z.object({
    type: z.literal('capture.scroll'),
    clickId: ClickId,
    offset: z.number().check(z.nonnegative()),
  }),
  /** Context menu or shortcut: flag the post under the pointer (or focus), if the adapter knows one. */
  z.object({ type: z.literal('fallback.flag') }),
]);
export type ContentRequest = z.infer<typeof ContentRequest>;

/** Where the post is in the viewport, measured right before the screenshot. */
export const PreparedCapture = z.object({
  rect: Rect,
  viewport: z.object({ width: z.number().check(z.positive()), height: z.number().check(z.positive()) }),
  /** The page's scroll offset, so the rect can be given in document coordinates (Firefox's captureTab). */
  scroll: z.object({ x: z.number(), y: z.number() }),
  devicePixelRatio: z.number().check(z.positive()),
});
export type PreparedCapture = z.infer<typeof PreparedCapture>;

export const ErrorCode = z.enum([
  'invalid-message',
  'forbidden-sender',
  'tab-not-visible',
  'post-gone',
  'screenshot-failed',
  'quota-exceeded',
  'storage-failed',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const Failure = z.object({
  ok: z.literal(false),
  error: z.object({ code: ErrorCode, message: z.string() }),
});
export type Failure = z.infer<typeof Failure>;

export const CaptureReply = z.union([
  z.object({
    ok: z.literal(true),
    /** saved: a new finding; version: a new capture of a post already stored (linked to the first). */
    status: z.enum(['saved', 'version', 'duplicate']),
    evidenceId: z.string(),
    version: z.optional(z.number()),
    /** Stored, but something is worth saying (e.g. the screenshot could not be taken). */
    notice: z.optional(z.string()),
    /** The category, ASN identity and matches pre-filled on the finding (see lib/feed-messages.ts). */
    assessment: z.optional(z.unknown()),
  }),
  Failure,
]);
export type CaptureReply = z.infer<typeof CaptureReply>;

/** `found`: the content script flags that post itself; otherwise the background flags the page. */
export const FallbackReply = z.object({
  ok: z.literal(true),
  found: z.boolean(),
  selection: z.string().check(z.maxLength(2_000_000)),
});
export type FallbackReply = z.infer<typeof FallbackReply>;

export const PrepareReply = z.union([z.object({ ok: z.literal(true), prepared: PreparedCapture }), Failure]);
export type PrepareReply = z.infer<typeof PrepareReply>;

/** Indonesian first: these sentences are shown to the officer as they are. */
const messages: Record<ErrorCode, string> = {
  'invalid-message': 'Pesan tidak valid; tidak ada yang disimpan.',
  'forbidden-sender': 'Permintaan ditolak: asal pesan tidak dikenal.',
  'tab-not-visible': 'Tab ini tidak sedang tampil; buka tab ini lalu coba lagi.',
  'post-gone': 'Unggahan sudah tidak ada di layar; gulir kembali lalu coba lagi.',
  'screenshot-failed': 'Tangkapan layar gagal; coba lagi.',
  'quota-exceeded':
    'Penyimpanan penuh: bukti tidak disimpan. Ekspor dan kosongkan temuan lama, lalu coba lagi.',
  'storage-failed': 'Gagal menyimpan ke basis data; tidak ada yang tersimpan sebagian. Coba lagi.',
  internal: 'Terjadi kesalahan internal; tidak ada yang tersimpan sebagian. Coba lagi.',
};

export function failure(code: ErrorCode, detail?: string): Failure {
  return { ok: false, error: { code, message: detail ? `${messages[code]} (${detail})` : messages[code] } };
}
