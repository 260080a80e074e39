import { Blob as NodeBlob } from 'node:buffer';
import { unzipSync, zipSync } from 'fflate';
import { type BuiltBundle, buildBundle } from '@/lib/bundle/build';
import { bundleSourceFromDb, type DbExportOptions } from '@/lib/bundle/db-source';
import { SIGNATURE, SIGNATURE_FILES, SUMS } from '@/lib/bundle/format';
import type { ExportMark } from '@/lib/bundle/manifest';
import { SAMPLE_OFFICE, SAMPLE_OFFICER } from '@/lib/bundle/sample-data';
import { fillSampleShift, throwawayDeviceKey } from '@/lib/bundle/sample-shift';
import { deviceSigner } from '@/lib/bundle/signer';
import { formatSums } from '@/lib/bundle/sums';
import type { DeviceKey } from '@/lib/crypto/device-key';
import { signDer } from '@/lib/crypto/signature';
import { sha256Hex } from '@/lib/evidence/canonical';
import { EvidenceDb } from '@/lib/evidence/db';

// fake-indexeddb clones what it stores: Node's Blob survives that, happy-dom's does not.
export const nodeBlob = (bytes: Uint8Array) =>
  new NodeBlob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }) as unknown as Blob;

/** A throwaway device key, as the sample uses. */
export const throwawayKey = throwawayDeviceKey;

export interface Device {
  db: EvidenceDb;
  key: DeviceKey;
}

/** A device with `count` sample findings (one edited, one deleted when count ≥ 3). */
export async function sampleDevice(count: number, edits = true): Promise<Device> {
  const db = new EvidenceDb(`netra-bundle-${crypto.randomUUID()}`);
  await fillSampleShift(db, { count, edits, blob: nodeBlob });
  return { db, key: await throwawayKey() };
}

export async function addFindings(device: Device, count: number, start: Date, edits = false): Promise<void> {
  await fillSampleShift(device.db, { count, start, edits, blob: nodeBlob });
}

/** The device's findings as the export reads them, for the sample officer, signed with the device's key. */
export function sampleSource(device: Device, options: Partial<DbExportOptions> = {}) {
  return bundleSourceFromDb(device.db, {
    officer: SAMPLE_OFFICER,
    office: SAMPLE_OFFICE,
    extensionVersion: '0.1.0',
    signer: deviceSigner(device.key),
    previous: null,
    ...options,
  });
}

/** Builds the device's next bundle in memory, as the extension's export does. */
export async function exportBundle(
  device: Device,
  previous: ExportMark | null = null,
  key: DeviceKey = device.key,
): Promise<{ zip: Uint8Array; built: BuiltBundle }> {
  const source = await sampleSource(device, {
    signer: deviceSigner(key),
    previous,
    createdAt: new Date('2026-11-21T10:00:00Z'),
  });
  const chunks: Uint8Array[] = [];
  const built = await buildBundle(source, (chunk) => {
    chunks.push(chunk);
  });
  return { zip: concat(chunks), built };
}

export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export type Files = Record<string, Uint8Array>;

/** The zip rewritten after `mutate` changed its files (names, bytes, presence). */
export function rewrite(zip: Uint8Array, mutate: (files: Files) => void): Uint8Array {
  const files = unzipSync(zip);
  mutate(files);
  return zipSync(files);
}

/** The zip with one file's bytes replaced (or added) by `change` of its old bytes. */
export function replaceFile(
  zip: Uint8Array,
  path: string,
  change: (old: Uint8Array | undefined) => Uint8Array,
) {
  return rewrite(zip, (files) => {
    files[path] = change(files[path]);
  });
}

/** What a holder of `key` can do: list every file anew in SHA256SUMS and sign it. */
export async function resign(files: Files, key: DeviceKey): Promise<void> {
  const skip: readonly string[] = SIGNATURE_FILES;
  const entries: Array<[string, string]> = [];
  for (const [path, bytes] of Object.entries(files)) {
    if (!skip.includes(path)) entries.push([path, await sha256Hex(bytes)]);
  }
  const sums = new TextEncoder().encode(formatSums(entries));
  files[SUMS] = sums;
  files[SIGNATURE] = await signDer(key.privateKey, sums);
}

/** `rewrite` with an async mutation (re-sealing, re-signing). */
export async function rewriteAsync(
  zip: Uint8Array,
  mutate: (files: Files) => Promise<void>,
): Promise<Uint8Array> {
  const files = unzipSync(zip);
  await mutate(files);
  return zipSync(files);
}

export const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
export const bytes = (value: string) => new TextEncoder().encode(value);

export function evidencePaths(files: Files): string[] {
  return Object.keys(files)
    .filter((p) => /^evidence\/[^/]+\.json$/.test(p))
    .sort();
}
