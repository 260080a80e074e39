import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '@/lib/bundle/build';
import { type VerifyReport, verifyBundle } from '@/lib/bundle/verify';
import { deleteEvidence } from '@/lib/evidence/audit';
import {
  addFindings,
  concat,
  type Device,
  exportBundle,
  sampleDevice,
  sampleSource,
  throwawayKey,
} from './helpers';

// Three consecutive exports of one device: A (findings 1–5, #2 deleted), B (6–8), C (9–11, and the
// deletion of #3, a finding already sent in A).

let device: Device;
let a: Awaited<ReturnType<typeof exportBundle>>;
let b: Awaited<ReturnType<typeof exportBundle>>;
let c: Awaited<ReturnType<typeof exportBundle>>;

beforeAll(async () => {
  device = await sampleDevice(5);
  a = await exportBundle(device);
  await addFindings(device, 3, new Date('2026-11-21T05:00:00Z'));
  b = await exportBundle(device, a.built.next);
  await addFindings(device, 3, new Date('2026-11-21T07:00:00Z'));
  const third = await device.db.evidence.where('seq').equals(3).first();
  await deleteEvidence(device.db, third!.id, 'Salah tangkap: akun parodi', new Date('2026-11-21T14:30:00Z'));
  c = await exportBundle(device, b.built.next);
});

const failedIds = (report: VerifyReport) => report.checks.filter((x) => !x.ok).map((x) => x.id);

describe('the link to the previous bundle', () => {
  it('a good continuation passes, every link check included', async () => {
    const report = await verifyBundle(b.zip, { previous: a.zip });
    expect(failedIds(report)).toEqual([]);
    expect(report.checks.filter((x) => x.id.startsWith('previous.')).map((x) => [x.id, x.ok])).toEqual([
      ['previous.valid', true],
      ['previous.key', true],
      ['previous.link', true],
      ['previous.chain', true],
    ]);
    expect(b.built.manifest.previousBundle).toEqual({
      sumsSha256: a.built.sumsSha256,
      lastSeq: 5,
      lastHash: a.built.manifest.records.lastHash,
    });
    expect(b.built.manifest.records).toMatchObject({
      firstSeq: 6,
      lastSeq: 8,
      firstPrevHash: a.built.manifest.records.lastHash,
    });
  });

  it('carries the deletion of a finding sent in an earlier bundle, outside its own chain range', async () => {
    const report = await verifyBundle(c.zip, { previous: b.zip });
    expect(failedIds(report)).toEqual([]);
    expect(c.built.manifest.tombstones.map((t) => t.seq)).toEqual([3]);
    expect(c.built.manifest.records).toMatchObject({ count: 3, firstSeq: 9, lastSeq: 11 });
    expect(report.audit.map((e) => e.action)).toEqual(['delete']);
  });

  it('a bundle in the middle verifies on its own too: nothing to compare it with', async () => {
    expect((await verifyBundle(b.zip)).ok).toBe(true);
  });

  it('replaying an older bundle as the next one fails', async () => {
    const report = await verifyBundle(a.zip, { previous: b.zip });
    expect(report.ok).toBe(false);
    expect(failedIds(report)).toEqual(expect.arrayContaining(['previous.link', 'previous.chain']));
    expect(report.checks.find((x) => x.id === 'previous.link')!.message).toMatch(/diputar ulang/);
  });

  it('a missing bundle in the middle is detected', async () => {
    const report = await verifyBundle(c.zip, { previous: a.zip });
    expect(failedIds(report)).toEqual(['previous.link', 'previous.chain']);
    expect(report.checks.find((x) => x.id === 'previous.link')!.message).toMatch(/hilang/);
  });

  it('a previous bundle that fails its own checks fails the link', async () => {
    const broken = a.zip.slice(0, 200);
    expect(failedIds(await verifyBundle(b.zip, { previous: broken }))).toContain('previous.valid');
  });

  it('a bundle that starts mid-chain without naming a previous one fails: a previous bundle is missing', async () => {
    const source = await sampleSource(device, { previous: b.built.next });
    const chunks: Uint8Array[] = [];
    // The device leaves out its earlier exports and claims this is its first.
    await buildBundle({ ...source, previous: null, tombstones: [] }, (chunk) => {
      chunks.push(chunk);
    });
    const report = await verifyBundle(concat(chunks));
    expect(failedIds(report)).toEqual(['chain.start']);
    expect(report.checks.find((x) => x.id === 'chain.start')).toMatchObject({ file: 'manifest.json' });
    expect(report.checks.find((x) => x.id === 'chain.start')!.message).toMatch(
      /bundel sebelumnya yang hilang/,
    );
  });

  it('the next bundle signed by another key does not continue the chain', async () => {
    const other = await throwawayKey();
    const forged = await exportBundle(device, a.built.next, other);
    expect(failedIds(await verifyBundle(forged.zip, { previous: a.zip }))).toEqual(['previous.key']);
  });
});
