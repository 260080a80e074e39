import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFingerprint } from '@/lib/crypto/device-key';
import { bytes, replaceFile, text } from './helpers';

// The two commands as the office and developers run them (`npm run bundle:sample`, `npm run verify`),
// as real processes: their output and exit codes are the interface scripts depend on.

const TSX = join(process.cwd(), 'node_modules/tsx/dist/cli.mjs');

/** Runs a CLI to its end; asynchronous, so the tests below can run side by side. */
function run(cli: 'sample-cli' | 'verify-cli', ...args: string[]) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      [TSX, `lib/bundle/${cli}.ts`, ...args],
      { timeout: 60_000 },
      (_error, stdout, stderr) => resolve({ status: child.exitCode, stdout, stderr }),
    );
  });
}

let dir: string;
let bundle: string;
let fingerprint: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'netra-cli-'));
  bundle = join(dir, 'sample.zip');
  const sample = await run('sample-cli', bundle, '--count', '6');
  expect(sample.stderr).toBe('');
  expect(sample.status).toBe(0);
  expect(sample.stdout).toMatch(/5 temuan, 1 dihapus/);
  expect(sample.stdout).toMatch(/netra-198704122010012003-20261121-0800-20261121-0835\.zip/);
  fingerprint = /kunci \(sekali pakai\) ([0-9A-F ]+)/.exec(sample.stdout)![1]!.trim();
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each test is its own process: run them side by side.
describe.concurrent('npm run bundle:sample, then npm run verify', { timeout: 60_000 }, () => {
  it('prints every check with ✓ and exits 0', async () => {
    const { status, stdout } = await run('verify-cli', bundle);
    const lines = stdout.split('\n').filter((l) => /^[✓✗] /.test(l));
    expect(lines.length).toBeGreaterThan(15);
    expect(lines.filter((l) => l.startsWith('✗'))).toEqual([]);
    expect(stdout).toContain('HASIL: SAH');
    expect(stdout).toContain('Kunci tidak dibandingkan dengan daftar kunci terpercaya');
    expect(stdout).toContain(`Sidik jari kunci: ${fingerprint}\n`);
    expect(status).toBe(0);
  });

  it('--json gives both languages; --trusted-keys accepts the fingerprint as read out over the phone', async () => {
    const keys = join(dir, 'kunci.txt');
    writeFileSync(keys, `# Kunci terdaftar Bawaslu Provinsi Contoh\n${fingerprint}  # Rina Marlina\n`);
    const { status, stdout } = await run('verify-cli', bundle, '--trusted-keys', keys, '--json');
    const report = JSON.parse(stdout);
    expect(report.ok).toBe(true);
    expect(formatFingerprint(report.keyFingerprint)).toBe(fingerprint);
    const trusted = report.checks.find((c: { id: string }) => c.id === 'key.trusted');
    expect(trusted).toMatchObject({
      ok: true,
      message: expect.stringContaining('terpercaya'),
      messageEn: expect.stringContaining('trusted'),
    });
    expect(report.findings).toHaveLength(5);
    expect(status).toBe(0);
  });

  it('exits 1 when the key is not trusted, naming the check', async () => {
    const keys = join(dir, 'lain.json');
    writeFileSync(keys, JSON.stringify(['ab'.repeat(32)]));
    const { status, stdout } = await run('verify-cli', bundle, '--trusted-keys', keys);
    expect(stdout).toMatch(
      /^✗ \[key\.trusted\] officer\.pub\.pem: kunci .* tidak ada di daftar kunci terpercaya/m,
    );
    expect(stdout).toContain('HASIL: TIDAK SAH — 1 dari');
    expect(status).toBe(1);
  });

  it('exits 1 on a tampered bundle, naming the file', async () => {
    const tampered = join(dir, 'tampered.zip');
    const zip = new Uint8Array(readFileSync(bundle));
    writeFileSync(
      tampered,
      replaceFile(zip, 'index.html', (old) => bytes(`${text(old)} `)),
    );
    const { status, stdout } = await run('verify-cli', tampered);
    expect(stdout).toMatch(/^✗ \[files\.hash\] index\.html: isinya tidak cocok/m);
    expect(status).toBe(1);
  });

  it.each([
    [[], /no bundle given/],
    [['/nonexistent/b.zip'], /cannot read bundle/],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const { status, stderr } = await run('verify-cli', ...args);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage: npm run verify');
    expect(status).toBe(2);
  });
});
