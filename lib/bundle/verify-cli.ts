// npm run verify -- BUNDLE.zip [--trusted-keys FILE] [--previous PREV.zip] [--json]
// The office's verifier: every check of lib/bundle/verify.ts, one line each (✓/✗, Indonesian), and the
// exit code scripts rely on: 0 all checks hold, 1 a check fails, 2 the command itself was wrong.
import { readFile } from 'node:fs/promises';
import { formatFingerprint } from '../crypto/device-key';
import { formatNip } from './dates';
import { parseTrustedKeys } from './trusted-keys';
import { type VerifyOptions, type VerifyReport, verifyBundle } from './verify';

const USAGE =
  'Usage: npm run verify -- BUNDLE.zip [--trusted-keys FILE] [--previous PREV.zip] [--json]\n' +
  '  --trusted-keys FILE  registered device keys: fingerprints (hex, spaces allowed) or PEM, one per entry, or a JSON array\n' +
  '  --previous PREV.zip  the bundle before this one: checks that none is missing in between\n' +
  '  --json               print the report as JSON (Indonesian and English messages)\n' +
  'Exit code: 0 every check holds, 1 a check fails, 2 usage error.';

class UsageError extends Error {}

interface Args {
  bundle: string;
  trustedKeys?: string;
  previous?: string;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Args | 'help' {
  const files: string[] = [];
  const args: Partial<Args> = { json: false };
  const value = (i: number, name: string) => {
    const v = argv[i];
    if (!v || v.startsWith('--')) throw new UsageError(`${name} needs a file`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--json') args.json = true;
    else if (arg === '--trusted-keys') args.trustedKeys = value(++i, arg);
    else if (arg.startsWith('--trusted-keys=')) args.trustedKeys = arg.slice('--trusted-keys='.length);
    else if (arg === '--previous') args.previous = value(++i, arg);
    else if (arg.startsWith('--previous=')) args.previous = arg.slice('--previous='.length);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1) throw new UsageError(files.length ? 'give exactly one bundle' : 'no bundle given');
  return { ...args, bundle: files[0]! } as Args;
}

async function readInput(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new UsageError(
      `cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}

function printHuman(path: string, report: VerifyReport, trustedGiven: boolean): void {
  const out: string[] = [`Bundel: ${path}`];
  const m = report.manifest;
  if (m) {
    const nip = m.officer.nip ? ` (NIP ${formatNip(m.officer.nip)})` : '';
    out.push(`Petugas: ${m.officer.name ?? '—'}${nip}, ${m.officer.unit ?? '—'}`);
    out.push(
      `Temuan: ${m.records.count}, nomor urut #${m.records.firstSeq}–#${m.records.lastSeq}, dihapus: ${m.tombstones.length}`,
    );
  }
  if (report.keyFingerprint) out.push(`Sidik jari kunci: ${formatFingerprint(report.keyFingerprint)}`);
  if (report.sumsSha256) out.push(`SHA-256 dari SHA256SUMS: ${report.sumsSha256}`);
  out.push('');
  for (const check of report.checks) out.push(`${check.ok ? '✓' : '✗'} [${check.id}] ${check.message}`);
  if (!trustedGiven) {
    out.push(
      'ℹ Kunci tidak dibandingkan dengan daftar kunci terpercaya (--trusted-keys): cocokkan sidik jari di atas dengan yang didaftarkan petugas.',
    );
  }
  const failed = report.checks.filter((c) => !c.ok).length;
  out.push(
    '',
    report.ok
      ? `HASIL: SAH — ${report.checks.length} pemeriksaan lolos.`
      : `HASIL: TIDAK SAH — ${failed} dari ${report.checks.length} pemeriksaan gagal.`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const options: VerifyOptions = {};
  if (args.trustedKeys) {
    const trusted = await parseTrustedKeys(
      (await readInput(args.trustedKeys, 'trusted-keys file')).toString('utf8'),
    );
    if (trusted.errors.length) throw new UsageError(`${args.trustedKeys}: ${trusted.errors.join('; ')}`);
    if (trusted.fingerprints.length === 0) throw new UsageError(`${args.trustedKeys} lists no key`);
    options.trustedFingerprints = trusted.fingerprints;
  }
  if (args.previous) options.previous = new Uint8Array(await readInput(args.previous, 'previous bundle'));
  const report = await verifyBundle(new Uint8Array(await readInput(args.bundle, 'bundle')), options);
  if (args.json) {
    const findings = report.findings.map((f) => ({
      seq: f.seq,
      id: f.id,
      platform: f.post.platform,
      url: f.post.url,
      capturedAt: f.capturedAt,
    }));
    const { ok, keyFingerprint, sumsSha256, checks, manifest } = report;
    process.stdout.write(
      `${JSON.stringify({ bundle: args.bundle, ok, keyFingerprint, sumsSha256, checks, manifest, findings }, null, 2)}\n`,
    );
  } else {
    printHuman(args.bundle, report, options.trustedFingerprints !== undefined);
  }
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`verify: ${error.message}\n${USAGE}\n`);
      process.exit(2);
    }
    // verifyBundle does not throw; this is I/O failing mid-way: not verified, so not 0.
    process.stderr.write(
      `verify: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
