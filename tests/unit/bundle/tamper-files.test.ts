import { unzipSync, Zip, ZipPassThrough } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckId } from '@/lib/bundle/checks';
import { spkiPem } from '@/lib/crypto/device-key';
import { bytes, concat, replaceFile, rewrite, text, throwawayKey } from './helpers';
import {
  expectCaught,
  flipMiddleByte,
  pathOf,
  pngOf,
  runCase,
  type TamperCase,
  type Target,
  tamperTarget,
} from './tamper-kit';

// Changes made without the device key: SHA256SUMS and its signature must catch every one, naming the
// file. (tamper-resigned.test.ts plays a holder of the key.)

let t: Target;
beforeAll(async () => {
  t = await tamperTarget();
});

describe('flipping one byte', () => {
  it('in each file in turn is caught, naming that file', async () => {
    const expectations: Record<string, [CheckId, string]> = {
      SHA256SUMS: ['signature', 'SHA256SUMS.sig'],
      'SHA256SUMS.sig': ['signature', 'SHA256SUMS.sig'],
      'officer.pub.pem': ['signature', 'officer.pub.pem'],
    };
    const names = Object.keys(t.files);
    expect(names.length).toBeGreaterThan(12);
    for (const name of names) {
      const [id, file] = expectations[name] ?? ['files.hash', name];
      await expectCaught(
        replaceFile(t.zip, name, (old) => flipMiddleByte(old!)),
        id,
        file,
      );
    }
  });
});

/** The bundle's files zipped again, with a second entry of the same name: unzip tools disagree on which wins. */
function withDuplicate(files: Record<string, Uint8Array>, name: string, data: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((_error, chunk) => chunks.push(chunk));
  for (const [path, bytes] of [...Object.entries(files), [name, data] as const]) {
    const entry = new ZipPassThrough(path);
    zip.add(entry);
    entry.push(bytes, true);
  }
  zip.end();
  return concat(chunks);
}

const cases: TamperCase[] = [
  {
    name: 'drop a screenshot',
    tamper: ({ zip, records }) => rewrite(zip, (f) => delete f[pngOf(records[1]!)]),
    id: 'files.missing',
    file: ({ records }) => pngOf(records[1]!),
  },
  {
    name: 'drop the manifest',
    tamper: ({ zip }) => rewrite(zip, (f) => delete f['manifest.json']),
    id: 'files.required',
    file: () => 'manifest.json',
  },
  {
    name: 'remove a record',
    tamper: ({ zip, records }) => rewrite(zip, (f) => delete f[pathOf(records[2]!)]),
    id: 'files.missing',
    file: ({ records }) => pathOf(records[2]!),
  },
  {
    name: 'add a file',
    tamper: ({ zip }) => replaceFile(zip, 'evidence/tambahan.json', () => bytes('{}')),
    id: 'files.unlisted',
    file: () => 'evidence/tambahan.json',
  },
  {
    name: 'add a second file under an existing name',
    tamper: ({ files }) => withDuplicate(files, 'manifest.json', bytes('{}')),
    id: 'zip.entries',
    file: () => 'manifest.json',
  },
  {
    name: 'rename a file',
    tamper: ({ zip, records }) =>
      rewrite(zip, (f) => {
        f['evidence/lain.png'] = f[pngOf(records[0]!)]!;
        delete f[pngOf(records[0]!)];
      }),
    id: 'files.unlisted',
    file: () => 'evidence/lain.png',
  },
  {
    name: 'swap in another key',
    tamper: async ({ zip }) => {
      const other = await throwawayKey();
      return replaceFile(zip, 'officer.pub.pem', () => bytes(spkiPem(other.spki)));
    },
    id: 'signature',
    file: () => 'SHA256SUMS.sig',
  },
  {
    name: 'swap in another signature (same key, another bundle)',
    tamper: ({ zip, nextZip }) =>
      replaceFile(zip, 'SHA256SUMS.sig', () => unzipSync(nextZip)['SHA256SUMS.sig']!),
    id: 'signature',
    file: () => 'SHA256SUMS.sig',
  },
  {
    name: 'edit the CSV',
    tamper: ({ zip }) =>
      replaceFile(zip, 'evidence.csv', (old) => bytes(text(old).replace('Sri Wahyuni', 'Orang Lain'))),
    id: 'files.hash',
    file: () => 'evidence.csv',
  },
  {
    name: 'edit index.html',
    tamper: ({ zip }) =>
      replaceFile(zip, 'index.html', (old) =>
        bytes(text(old).replace('</body>', '<script>alert(1)</script></body>')),
      ),
    id: 'files.hash',
    file: () => 'index.html',
  },
  {
    name: 'replay an older bundle as the next',
    tamper: ({ zip }) => zip,
    options: ({ nextZip }) => ({ previous: nextZip }),
    id: 'previous.link',
    file: () => 'manifest.json',
  },
  {
    name: 'cut the zip short',
    tamper: ({ zip }) => zip.slice(0, zip.length - 100),
    id: 'zip.readable',
  },
];

describe('tampering without the key', () => {
  it.each(cases)('$name: caught by $id', async (c) => {
    await runCase(c, t);
  });
});
