// npm run bundle:sample -- OUT.zip [--count N]
// Builds a bundle from a synthetic shift with the extension's own code: findings sealed by
// appendEvidence into an in-memory IndexedDB (fake-indexeddb), one edit and one deletion in the audit
// log, a throwaway device key, and buildBundle streaming the zip to the file.
import 'fake-indexeddb/auto';
import { open } from 'node:fs/promises';
import { formatFingerprint } from '../crypto/device-key';
import { EvidenceDb } from '../evidence/db';
import { buildBundle } from './build';
import { bundleSourceFromDb } from './db-source';
import { SAMPLE_OFFICE, SAMPLE_OFFICER } from './sample-data';
import { fillSampleShift, throwawayDeviceKey } from './sample-shift';
import { deviceSigner } from './signer';

const USAGE = 'Usage: npm run bundle:sample -- OUT.zip [--count N]   (N findings, default 12, 1–5000)';

function fail(message: string): never {
  process.stderr.write(`bundle:sample: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): { out: string; count: number } {
  let count = 12;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg === '--count' || arg.startsWith('--count=')) {
      const value = arg === '--count' ? argv[++i] : arg.slice('--count='.length);
      count = Number(value);
      if (!Number.isInteger(count) || count < 1 || count > 5000)
        fail(`--count must be a whole number 1–5000, not ${value}`);
    } else if (arg.startsWith('-')) fail(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1 || !files[0])
    fail(files.length ? 'give exactly one output file' : 'no output file given');
  return { out: files[0], count };
}

async function main(): Promise<void> {
  const { out, count } = parseArgs(process.argv.slice(2));
  // The sample officer works in WIB: audit times and the creation time come from the local clock.
  process.env.TZ = 'Asia/Jakarta';
  const db = new EvidenceDb(`netra-sample-${crypto.randomUUID()}`);
  await fillSampleShift(db, { count });
  const key = await throwawayDeviceKey();
  const source = await bundleSourceFromDb(db, {
    officer: SAMPLE_OFFICER,
    office: SAMPLE_OFFICE,
    extensionVersion: '0.1.0',
    signer: deviceSigner(key),
    previous: null,
  });
  const file = await open(out, 'w');
  try {
    const built = await buildBundle(source, async (chunk) => {
      await file.write(chunk);
    });
    process.stdout.write(
      `${out}: ${built.count} temuan, ${built.manifest.tombstones.length} dihapus, ${built.bytes} bita\n` +
        `  nama bundel   ${built.fileName}\n` +
        `  SHA256SUMS    ${built.sumsSha256}\n` +
        `  kunci (sekali pakai) ${formatFingerprint(key.fingerprint)}\n`,
    );
  } finally {
    await file.close();
    db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bundle:sample: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
