import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BundleError, type BundleSource, buildBundle } from '@/lib/bundle/build';
import { SAMPLE_OFFICE, SAMPLE_OFFICER } from '@/lib/bundle/sample-data';
import { deviceSigner } from '@/lib/bundle/signer';
import { verifyBundle } from '@/lib/bundle/verify';
import { sha256Hex } from '@/lib/evidence/canonical';
import { concat, exportBundle, sampleDevice, sampleSource, text } from './helpers';

describe('a bundle built from a synthetic shift', () => {
  it('passes every check of the verifier', async () => {
    const device = await sampleDevice(8);
    const { zip, built } = await exportBundle(device);
    const report = await verifyBundle(zip, { trustedFingerprints: [device.key.fingerprint] });

    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'signature',
        'key.fingerprint',
        'key.trusted',
        'files.hash',
        'files.unlisted',
        'record.hash',
        'chain',
        'views',
      ]),
    );
    expect(report.findings.map((f) => f.seq)).toEqual([1, 3, 4, 5, 6, 7, 8]); // #2 deleted in the sample
    expect(report.sumsSha256).toBe(built.sumsSha256);
    expect(report.keyFingerprint).toBe(device.key.fingerprint);
    expect(built.bytes).toBe(zip.length);
  });

  it('has the v1 manifest, file name and export mark', async () => {
    const device = await sampleDevice(8);
    const { built } = await exportBundle(device);
    const m = built.manifest;

    expect(built.fileName).toBe('netra-198704122010012003-20261121-0800-20261121-0849.zip');
    expect(m).toMatchObject({
      format: 'netra-bundle',
      formatVersion: 1,
      officer: SAMPLE_OFFICER,
      office: SAMPLE_OFFICE,
      device: { keyFingerprint: device.key.fingerprint, publicKeyFile: 'officer.pub.pem' },
      shift: { from: '2026-11-21T08:00:00.000+07:00', to: '2026-11-21T08:49:00.000+07:00' },
      records: { count: 7, firstSeq: 1, lastSeq: 8, firstPrevHash: null },
      previousBundle: null,
      audit: { file: 'audit.json', count: 2 },
    });
    expect(m.tombstones.map((t) => t.seq)).toEqual([2]);
    const last = await device.db.evidence.orderBy('seq').last();
    expect(m.records.lastHash).toBe(last!.hash);
    expect(built.next).toEqual({
      sumsSha256: built.sumsSha256,
      lastSeq: 8,
      lastHash: last!.hash,
      lastAuditSeq: 2,
    });
  });

  it('lays out the zip as FORMAT.md says: PNGs stored, text deflated, SHA256SUMS as sha256sum writes it', async () => {
    const device = await sampleDevice(5);
    const { zip } = await exportBundle(device);
    const methods = new Map<string, number>();
    const files = unzipSync(zip, {
      filter: (f) => {
        methods.set(f.name, f.compression);
        return true;
      },
    });
    const names = [...methods.keys()];

    expect(names.slice(0, 2)).toEqual(['manifest.json', 'audit.json']);
    expect(names.slice(-5)).toEqual([
      'evidence.csv',
      'index.html',
      'SHA256SUMS',
      'SHA256SUMS.sig',
      'officer.pub.pem',
    ]);
    for (const [name, method] of methods)
      expect([name, method]).toEqual([name, name.endsWith('.png') || name.endsWith('.sig') ? 0 : 8]);

    const sums = text(files.SHA256SUMS);
    const lines = sums.split('\n').slice(0, -1);
    expect(sums.endsWith('\n')).toBe(true);
    expect(lines.every((l) => /^[0-9a-f]{64} {2}\S+$/.test(l))).toBe(true);
    const listed = lines.map((l) => l.slice(66));
    expect(listed).toEqual([...listed].sort());
    expect(listed.sort()).toEqual(
      names.filter((n) => !['SHA256SUMS', 'SHA256SUMS.sig', 'officer.pub.pem'].includes(n)).sort(),
    );
    for (const line of lines) expect(await sha256Hex(files[line.slice(66)]!)).toBe(line.slice(0, 64));
    expect(text(files['officer.pub.pem'])).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/,
    );
  });

  it('writes exportedAt as null, so a record marked exported on the device is the same file', async () => {
    const device = await sampleDevice(3, false);
    const first = await device.db.evidence.orderBy('seq').first();
    await device.db.evidence.update(first!.id, { exportedAt: '2026-11-21T17:00:00.000+07:00' });
    const { zip } = await exportBundle(device);
    const json = JSON.parse(text(unzipSync(zip)[`evidence/${first!.id}.json`]));

    expect(json.exportedAt).toBeNull();
    expect((await verifyBundle(zip)).ok).toBe(true);
  });

  it('gives the same SHA256SUMS for the same content (only the ECDSA signature is random)', async () => {
    const device = await sampleDevice(4);
    const [a, b] = [await exportBundle(device), await exportBundle(device)];
    expect(a.built.sumsSha256).toBe(b.built.sumsSha256);
  });

  it('reports progress per finding', async () => {
    const device = await sampleDevice(4, false);
    const source = await sampleSource(device);
    const progress: string[] = [];
    await buildBundle(
      { ...source, onProgress: (done, total) => progress.push(`${done}/${total}`) },
      () => {},
    );
    expect(progress).toEqual(['0/4', '1/4', '2/4', '3/4', '4/4']);
  });

  it('refuses what would make the zip itself wrong, in Indonesian', async () => {
    const device = await sampleDevice(3, false);
    const source: BundleSource = await sampleSource(device);
    const sink = () => {};
    await expect(buildBundle({ ...source, records: [] }, sink)).rejects.toThrow(BundleError);
    await expect(
      buildBundle({ ...source, records: [{ ...source.records[0]!, id: '../../etc/passwd' }] }, sink),
    ).rejects.toThrow(/tidak aman/);
    await expect(buildBundle({ ...source, records: [...source.records].reverse() }, sink)).rejects.toThrow(
      /tidak berurutan/,
    );
    const other = await sampleDevice(1, false);
    await expect(
      buildBundle(
        { ...source, signer: { ...deviceSigner(device.key), fingerprint: other.key.fingerprint } },
        sink,
      ),
    ).rejects.toThrow(/Sidik jari/);
  });

  it('still builds when a screenshot is gone from the device, and the verifier names the missing file', async () => {
    const device = await sampleDevice(3, false);
    const source = await sampleSource(device);
    const lost = source.records[1]!.screenshots[0]!.id;
    const chunks: Uint8Array[] = [];
    await buildBundle(
      { ...source, screenshot: async (id) => (id === lost ? null : source.screenshot(id)) },
      (c) => {
        chunks.push(c);
      },
    );
    const report = await verifyBundle(concat(chunks));
    expect(report.ok).toBe(false);
    expect(report.checks.filter((c) => !c.ok)).toEqual([
      expect.objectContaining({ id: 'screenshots', file: `evidence/${lost}.png` }),
    ]);
  });
});

describe('verifyBundle on anything at all', () => {
  it.each([
    ['an empty file', new Uint8Array(0)],
    ['random bytes', crypto.getRandomValues(new Uint8Array(4096))],
    ['a zip header and nothing else', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])],
  ])('%s: a failed check, never an exception', async (_name, input) => {
    const report = await verifyBundle(input);
    expect(report.ok).toBe(false);
    expect(report.checks).toEqual([expect.objectContaining({ id: 'zip.readable', ok: false })]);
    expect(report.checks[0]!.message).toMatch(/ZIP/);
  });
});
