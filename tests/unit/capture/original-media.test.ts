import { Blob as NodeBlob } from 'node:buffer';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { saveOriginalMedia } from '@/lib/capture/original-media';
import { EvidenceDb } from '@/lib/evidence/db';
import type { Evidence } from '@/lib/evidence/schema';
import { verifyStoredChains } from '@/lib/evidence/verify-chain';
import { xSnapshot } from './snapshot-factory';

const evidence = {
  id: 'e1',
  seq: 1,
  post: xSnapshot({
    media: [
      { type: 'image', url: 'https://pbs.twimg.com/media/ABC.jpg' },
      { type: 'video', url: 'blob:https://x.com/1234' },
      { type: 'image', url: 'https://pbs.twimg.com/media/GONE.jpg' },
      { type: 'link', url: 'https://example.id/' },
    ],
  }),
} as Evidence;

// A Response-shaped answer with Node's Blob (it survives IndexedDB's structured clone; happy-dom's does not).
const fakeFetch = (async (url: string) =>
  url.includes('GONE')
    ? { ok: false, status: 404 }
    : {
        ok: true,
        status: 200,
        blob: async () => new NodeBlob(['jpeg bytes'], { type: 'image/jpeg' }),
      }) as never;

describe('saveOriginalMedia', () => {
  it('stores what it can download with its hash, records why the rest could not be, in the chained audit log', async () => {
    const db = new EvidenceDb(`netra-media-${crypto.randomUUID()}`);
    const records = await saveOriginalMedia(db, evidence, fakeFetch);
    expect(records).toEqual([
      {
        url: 'https://pbs.twimg.com/media/ABC.jpg',
        type: 'image',
        sha256: createHash('sha256').update('jpeg bytes').digest('hex'),
        size: 10,
        mime: 'image/jpeg',
        error: null,
      },
      expect.objectContaining({ type: 'video', sha256: null, error: expect.stringMatching(/streaming/) }),
      expect.objectContaining({ sha256: null, error: 'HTTP 404' }),
    ]);
    expect(await db.media.count()).toBe(1);
    const [entry] = await db.audit.toArray();
    expect(entry).toMatchObject({ action: 'media', evidenceId: 'e1', media: records });
    expect((await verifyStoredChains(db)).audit).toEqual([]);
  });
});
