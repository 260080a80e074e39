import { attachMedia, type MediaRecord } from '../evidence/audit';
import { sha256Hex } from '../evidence/canonical';
import type { EvidenceDb } from '../evidence/db';
import type { Evidence } from '../evidence/schema';

const MAX_BYTES = 50 * 1024 * 1024;

/**
 * Downloads the post's original images and videos (when the officer ticked "save originals") and
 * records their hashes in the audit log. A streamed video (blob:, HLS) cannot be downloaded: its URL
 * is recorded with the reason. Never throws; each failure is recorded.
 */
export async function saveOriginalMedia(
  db: EvidenceDb,
  evidence: Evidence,
  fetcher: typeof fetch = fetch,
): Promise<MediaRecord[]> {
  const items = [...evidence.post.media, ...(evidence.post.quoted?.media ?? [])].filter(
    (m) => m.type !== 'link',
  );
  if (items.length === 0) return [];
  const records: MediaRecord[] = [];
  for (const [index, item] of items.entries()) {
    const record: MediaRecord = {
      url: item.url,
      type: item.type,
      sha256: null,
      size: null,
      mime: null,
      error: null,
    };
    records.push(record);
    if (!/^https:\/\//.test(item.url) || /\.m3u8(\?|$)/.test(item.url)) {
      record.error = 'tidak dapat diunduh (video streaming atau alamat bukan https)';
      continue;
    }
    try {
      const response = await fetcher(item.url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const blob = await response.blob();
      if (blob.size > MAX_BYTES) throw new Error(`lebih dari ${MAX_BYTES / 1024 / 1024} MB`);
      record.sha256 = await sha256Hex(blob);
      record.size = blob.size;
      record.mime = blob.type || null;
      await db.media.put({
        id: `${evidence.id}-media-${index}`,
        evidenceId: evidence.id,
        url: item.url,
        blob,
      });
    } catch (error) {
      record.error = error instanceof Error ? error.message : 'gagal diunduh';
    }
  }
  await attachMedia(db, evidence, records);
  return records;
}
