import { beforeAll, describe, it } from 'vitest';
import { spkiPem } from '@/lib/crypto/device-key';
import { canonicalJson } from '@/lib/evidence/canonical';
import { bytes, resign, rewriteAsync, text, throwawayKey } from './helpers';
import { pathOf, pngOf, reseal, runCase, type TamperCase, type Target, tamperTarget } from './tamper-kit';

// Changes followed by a fresh SHA256SUMS and signature: what a holder of a key (a dishonest device, or
// an attacker with their own key) could do. The content checks must still catch each one.

let t: Target;
beforeAll(async () => {
  t = await tamperTarget();
});

const cases: TamperCase[] = [
  {
    name: 'everything re-signed by another key, manifest included (only the trusted list catches it)',
    tamper: async ({ zip }) => {
      const other = await throwawayKey();
      return rewriteAsync(zip, async (f) => {
        const manifest = JSON.parse(text(f['manifest.json']));
        manifest.device.keyFingerprint = other.fingerprint;
        f['manifest.json'] = bytes(canonicalJson(manifest));
        f['officer.pub.pem'] = bytes(spkiPem(other.spki));
        await resign(f, other);
      });
    },
    options: ({ device }) => ({ trustedFingerprints: [device.key.fingerprint] }),
    id: 'key.trusted',
    file: () => 'officer.pub.pem',
  },
  {
    name: 'reorder records (two findings swap places, re-sealed)',
    tamper: ({ zip, records, device }) =>
      rewriteAsync(zip, async (f) => {
        const [a, b] = [records[2]!, records[3]!];
        f[pathOf(a)] = await reseal(a, { seq: b.seq });
        f[pathOf(b)] = await reseal(b, { seq: a.seq });
        await resign(f, device.key);
      }),
    id: 'chain',
    file: ({ records }) => pathOf(records[2]!),
  },
  {
    name: 'remove a record and its screenshots',
    tamper: ({ zip, records, device }) =>
      rewriteAsync(zip, async (f) => {
        for (const path of Object.keys(f)) if (path.startsWith(`evidence/${records[2]!.id}`)) delete f[path];
        await resign(f, device.key);
      }),
    id: 'chain',
    file: () => 'manifest.json',
  },
  {
    name: 'break the chain (a prevHash changed, re-sealed)',
    tamper: ({ zip, records, device }) =>
      rewriteAsync(zip, async (f) => {
        f[pathOf(records[3]!)] = await reseal(records[3]!, { prevHash: records[0]!.hash });
        await resign(f, device.key);
      }),
    id: 'chain',
    file: ({ records }) => pathOf(records[3]!),
  },
  {
    name: "change a finding's text (not re-sealed)",
    tamper: ({ zip, records, device }) =>
      rewriteAsync(zip, async (f) => {
        const r = records[1]!;
        f[pathOf(r)] = bytes(canonicalJson({ ...r, post: { ...r.post, text: 'teks lain' } }));
        await resign(f, device.key);
      }),
    id: 'record.hash',
    file: ({ records }) => pathOf(records[1]!),
  },
  {
    name: 'hide a deletion (tombstone dropped from the manifest)',
    tamper: ({ zip, device }) =>
      rewriteAsync(zip, async (f) => {
        const manifest = JSON.parse(text(f['manifest.json']));
        manifest.tombstones = [];
        f['manifest.json'] = bytes(canonicalJson(manifest));
        await resign(f, device.key);
      }),
    id: 'chain',
    file: () => 'manifest.json',
  },
  {
    name: 'swap two screenshots',
    tamper: ({ zip, records, device }) =>
      rewriteAsync(zip, async (f) => {
        const [a, b] = [pngOf(records[0]!), pngOf(records[1]!)];
        [f[a], f[b]] = [f[b]!, f[a]!];
        await resign(f, device.key);
      }),
    id: 'screenshots',
    file: ({ records }) => pngOf(records[0]!),
  },
  {
    name: 'edit the CSV',
    tamper: ({ zip, device }) =>
      rewriteAsync(zip, async (f) => {
        f['evidence.csv'] = bytes(`${text(f['evidence.csv'])}"99","palsu"\r\n`);
        await resign(f, device.key);
      }),
    id: 'views',
    file: () => 'evidence.csv',
  },
  {
    name: 'edit index.html',
    tamper: ({ zip, device }) =>
      rewriteAsync(zip, async (f) => {
        f['index.html'] = bytes(text(f['index.html']).replace('Berkomentar mendukung', 'Tidak melanggar'));
        await resign(f, device.key);
      }),
    id: 'views',
    file: () => 'index.html',
  },
  {
    name: 'slip in a file, listed in SHA256SUMS',
    tamper: ({ zip, device }) =>
      rewriteAsync(zip, async (f) => {
        f['catatan.txt'] = bytes('bukan bagian dari bundel');
        await resign(f, device.key);
      }),
    id: 'files.unexpected',
    file: () => 'catatan.txt',
  },
];

describe('tampering and signing again', () => {
  it.each(cases)('$name: caught by $id', async (c) => {
    await runCase(c, t);
  });
});
