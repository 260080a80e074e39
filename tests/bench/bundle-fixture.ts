// Child process of tests/bench/bundle.ts: the synthetic shift, sealed by the device's own code.
//   tsx tests/bench/bundle-fixture.ts DIR COUNT
// fillSampleShift (lib/bundle/sample-shift.ts) appends COUNT findings through appendEvidence into an
// in-memory IndexedDB, edits one and deletes one; each screenshot is ~150 KB of incompressible bytes
// behind a PNG signature (stored as is in the zip, like a real PNG). bundleSourceFromDb then reads
// the source exactly as an export does. The records, tombstones and audit go to DIR/source.json and
// each screenshot to DIR/shots/<id>.png, so the measured processes hold no screenshot until the
// builder asks for it. This process exits afterwards, taking the database with it.
import 'fake-indexeddb/auto';
import { createCipheriv } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSourceFromDb } from '../../lib/bundle/db-source';
import { SAMPLE_OFFICE, SAMPLE_OFFICER } from '../../lib/bundle/sample-data';
import { fillSampleShift, throwawayDeviceKey } from '../../lib/bundle/sample-shift';
import { deviceSigner } from '../../lib/bundle/signer';
import { EvidenceDb } from '../../lib/evidence/db';
import { type FixtureFile, SHOTS_DIR, SOURCE_JSON } from './bundle-common';

const START = new Date('2026-11-21T01:00:00Z');
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const KEY = new Uint8Array(32).fill(0x4e);

/** Screenshot number `n`: 140–160 KB (150 KB on average) of AES-CTR keystream, deterministic, after a PNG signature. */
function fakePng(n: number): Uint8Array {
  const size = 140_000 + ((n * 7919) % 20_000);
  const iv = Buffer.alloc(16);
  iv.writeUInt32BE(n, 0);
  const bytes = createCipheriv('aes-256-ctr', KEY, iv).update(Buffer.alloc(size));
  bytes.set(PNG_SIGNATURE, 0);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

async function main(): Promise<void> {
  const [dir, countArg] = process.argv.slice(2);
  const count = Number(countArg);
  if (!dir || !Number.isInteger(count) || count < 3) throw new Error('usage: bundle-fixture.ts DIR COUNT');
  const db = new EvidenceDb(`netra-bench-${crypto.randomUUID()}`);
  let made = 0;
  // The mock PNG handed in is ignored: what gets sealed (sha256, size) is the big blob.
  await fillSampleShift(db, {
    count,
    start: START,
    blob: () => new Blob([fakePng(made++) as BlobPart], { type: 'image/png' }),
  });
  const source = await bundleSourceFromDb(db, {
    officer: SAMPLE_OFFICER,
    office: SAMPLE_OFFICE,
    extensionVersion: '0.1.0',
    signer: deviceSigner(await throwawayDeviceKey()),
    previous: null,
    // An hour after the deletion that ends the shift (captures every 7 minutes).
    createdAt: new Date(START.getTime() + (count + 1) * 7 * 60_000 + 3_600_000),
  });

  mkdirSync(join(dir, SHOTS_DIR), { recursive: true });
  let bytes = 0;
  let largest = 0;
  let shots = 0;
  for (const record of source.records) {
    for (const shot of record.screenshots) {
      const stored = await db.screenshots.get(shot.id);
      if (!stored) throw new Error(`screenshot ${shot.id} of #${record.seq} not stored`);
      const data = new Uint8Array(await stored.blob.arrayBuffer());
      if (data.length !== shot.size) throw new Error(`screenshot ${shot.id}: ${data.length} ≠ ${shot.size}`);
      writeFileSync(join(dir, SHOTS_DIR, `${shot.id}.png`), data);
      bytes += data.length;
      largest = Math.max(largest, data.length);
      shots++;
    }
  }
  const fixture: FixtureFile = {
    officer: source.officer,
    office: source.office,
    extensionVersion: source.extensionVersion,
    createdAt: source.createdAt.toISOString(),
    records: [...source.records],
    tombstones: [...source.tombstones],
    audit: [...source.audit],
    screenshots: { count: shots, bytes, largest },
  };
  writeFileSync(join(dir, SOURCE_JSON), JSON.stringify(fixture));
  db.close();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bundle-fixture: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`,
  );
  process.exit(1);
});
