import { unzipSync } from 'fflate';
import { expect } from 'vitest';
import type { CheckId } from '@/lib/bundle/checks';
import { type VerifyOptions, verifyBundle } from '@/lib/bundle/verify';
import { canonicalJson } from '@/lib/evidence/canonical';
import { chainHash } from '@/lib/evidence/chain';
import { type Evidence, sealedBody } from '@/lib/evidence/schema';
import {
  addFindings,
  bytes,
  type Device,
  evidencePaths,
  exportBundle,
  type Files,
  sampleDevice,
  text,
} from './helpers';

// What the tamper suites share: one exported bundle (and the one after it) to damage, and the
// assertion that the verifier fails it with the expected check, naming the file.

export interface Target {
  device: Device;
  zip: Uint8Array;
  /** The bundle after `zip`, from the same device. */
  nextZip: Uint8Array;
  files: Files;
  /** The findings in `zip`, by seq: 1, 3, 4, 5, 6 (#2 is deleted in the sample). */
  records: Evidence[];
}

export async function tamperTarget(): Promise<Target> {
  const device = await sampleDevice(6);
  const first = await exportBundle(device);
  await addFindings(device, 3, new Date('2026-11-21T06:00:00Z'));
  const nextZip = (await exportBundle(device, first.built.next)).zip;
  const files = unzipSync(first.zip);
  const records = evidencePaths(files)
    .map((p) => JSON.parse(text(files[p])) as Evidence)
    .sort((a, b) => a.seq - b.seq);
  return { device, zip: first.zip, nextZip, files, records };
}

export interface TamperCase {
  name: string;
  tamper: (t: Target) => Promise<Uint8Array> | Uint8Array;
  id: CheckId;
  /** The file the failed check must name. */
  file?: (t: Target) => string;
  options?: (t: Target) => VerifyOptions;
}

export const pathOf = (r: Evidence) => `evidence/${r.id}.json`;
export const pngOf = (r: Evidence) => `evidence/${r.screenshots[0]!.id}.png`;

export function flipMiddleByte(data: Uint8Array): Uint8Array {
  const copy = data.slice();
  copy[copy.length >> 1]! ^= 0x01;
  return copy;
}

export async function expectCaught(
  tampered: Uint8Array,
  id: CheckId,
  file: string | undefined,
  options: VerifyOptions = {},
) {
  const report = await verifyBundle(tampered, options);
  const failed = report.checks.filter((c) => !c.ok);
  expect(report.ok).toBe(false);
  expect(failed.map((c) => c.id)).toContain(id);
  if (file !== undefined) {
    const named = failed.filter((c) => c.id === id && c.file === file);
    expect(named, `${id} should name ${file}; got ${JSON.stringify(failed)}`).not.toHaveLength(0);
    for (const check of named) {
      expect(check.message).toContain(file);
      expect(check.messageEn).toContain(file);
    }
  }
  return failed;
}

export async function runCase(c: TamperCase, t: Target) {
  return expectCaught(await c.tamper(t), c.id, c.file?.(t), c.options?.(t));
}

/** `record` changed and sealed again, as only the device (or a holder of its data) could. */
export async function reseal(record: Evidence, change: Partial<Evidence>): Promise<Uint8Array> {
  const body = { ...record, ...change };
  return bytes(canonicalJson({ ...body, hash: await chainHash(sealedBody(body)) }));
}
