import { describe, expect, it } from 'vitest';
import { buildBundle } from '@/lib/bundle/build';
import type { Evidence } from '@/lib/evidence/schema';
import { sampleDevice, sampleSource } from './helpers';

const SHOT = 2 * 2 ** 20;
const COUNT = 50;

describe('building streams', () => {
  it('asks for one 2 MB screenshot at a time, and has written it before asking for the next', async () => {
    const device = await sampleDevice(1, false);
    const base = await sampleSource(device);
    const template = base.records[0]!;
    // The builder does not judge the chain (the verifier does), so copies of one record will do here.
    const records: Evidence[] = Array.from({ length: COUNT }, (_, i) => ({
      ...template,
      id: `r${i + 1}`,
      seq: i + 1,
      screenshots: [{ ...template.screenshots[0]!, id: `r${i + 1}-post`, size: SHOT }],
    }));

    const events: string[] = [];
    let requested = 0;
    let chunks = 0;
    let requestsBeforeFirstChunk = -1;
    let inFlight = 0;
    let maxInFlight = 0;
    await buildBundle(
      {
        ...base,
        records,
        screenshot: async (id) => {
          requested++;
          events.push(`ask ${id}`);
          return new Uint8Array(SHOT).fill(requested);
        },
      },
      async (chunk) => {
        if (chunks++ === 0) requestsBeforeFirstChunk = requested;
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        // A slow sink: the builder must wait for it.
        await new Promise((resolve) => setTimeout(resolve, 1));
        // Chunks are gathered into ~1 MiB blocks: a block holding a whole screenshot ends with its bytes.
        if (chunk.length >= SHOT) events.push(`wrote ${chunk[chunk.length - 1]}`);
        inFlight--;
      },
    );

    // The first block (manifest, records, the first screenshot) goes out as soon as 1 MiB is ready.
    expect(requestsBeforeFirstChunk).toBe(1);
    expect(maxInFlight).toBe(1); // each write awaited before the next
    expect(requested).toBe(COUNT);
    // ask r1, wrote 1, ask r2, wrote 2, …: never two screenshots held at once.
    expect(events).toEqual(
      Array.from({ length: COUNT }, (_, i) => [`ask r${i + 1}-post`, `wrote ${(i + 1) % 256}`]).flat(),
    );
  }, 30_000);
});
