import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytes, type Device, exportBundle, replaceFile, rewrite, sampleDevice, text } from './helpers';

// The office must be able to check a bundle with nothing but standard tools (DESIGN.md). These run the
// real programs; a missing tool fails the test, it is never skipped.

const ONE_LINER =
  'unzip -q b.zip -d b && cd b && sha256sum -c SHA256SUMS && openssl dgst -sha256 -verify officer.pub.pem -signature SHA256SUMS.sig SHA256SUMS';

function sh(script: string, cwd: string) {
  const run = spawnSync('sh', ['-c', script], { cwd, encoding: 'utf8' });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function inTempDir(zip: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'netra-bundle-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'b.zip'), zip);
  return dir;
}

let device: Device;
let zip: Uint8Array;

beforeAll(async () => {
  for (const tool of ['unzip', 'sha256sum', 'openssl']) {
    expect(sh(`command -v ${tool}`, tmpdir()).status, `${tool} must be installed for this test`).toBe(0);
  }
  device = await sampleDevice(6);
  zip = (await exportBundle(device)).zip;
});

describe('standard tools on a bundle', () => {
  it('unzip, sha256sum -c and openssl dgst -verify accept it', () => {
    const { status, out } = sh(ONE_LINER, inTempDir(zip));
    expect(out).toContain('manifest.json: OK');
    expect(out).toContain('evidence.csv: OK');
    expect(out).toContain('index.html: OK');
    expect(out).not.toContain('FAILED');
    expect(out).toContain('Verified OK');
    expect(status).toBe(0);
  });

  it('openssl computes the fingerprint the manifest records (how the office checks the key by hand)', () => {
    const dir = inTempDir(zip);
    const { status, out } = sh(
      'unzip -q b.zip -d b && openssl pkey -pubin -in b/officer.pub.pem -outform DER | sha256sum',
      dir,
    );
    expect(status).toBe(0);
    expect(out.split(' ')[0]).toBe(device.key.fingerprint);
  });

  it('unzip finds the screenshots stored, not recompressed', () => {
    const { out } = sh('unzip -v b.zip', inTempDir(zip));
    const pngLines = out.split('\n').filter((l) => l.endsWith('.png'));
    expect(pngLines.length).toBeGreaterThan(0);
    for (const line of pngLines) expect(line).toMatch(/\bStored\b/);
  });

  it('sha256sum -c fails on a changed file', () => {
    const tampered = replaceFile(zip, 'evidence.csv', (old) => bytes(`${text(old)}x`));
    const { status, out } = sh(ONE_LINER, inTempDir(tampered));
    expect(out).toContain('evidence.csv: FAILED');
    expect(status).not.toBe(0);
  });

  it('openssl fails when SHA256SUMS is rewritten to match a changed file', () => {
    const tampered = rewrite(zip, (f) => {
      const csv = bytes(`${text(f['evidence.csv'])}x`);
      f['evidence.csv'] = csv;
      const hash = createHash('sha256').update(csv).digest('hex');
      f.SHA256SUMS = bytes(text(f.SHA256SUMS).replace(/^[0-9a-f]{64}(?= {2}evidence\.csv$)/m, hash));
    });
    const { status, out } = sh(ONE_LINER, inTempDir(tampered));
    expect(out).toContain('evidence.csv: OK'); // sha256sum alone is fooled…
    expect(out).toContain('Verification failure'); // …the signature is not
    expect(status).not.toBe(0);
  });
});
