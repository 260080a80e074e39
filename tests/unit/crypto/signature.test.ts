import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spkiPem } from '@/lib/crypto/device-key';
import { derToRaw, importSpki, rawToDer, signDer, verifyDer } from '@/lib/crypto/signature';

const data = new TextEncoder().encode('ba7816bf…  evidence/ev-1.json\n');
let pair: CryptoKeyPair;
let spki: Uint8Array;

beforeAll(async () => {
  pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
});

const hex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const raw = (r: string, s: string) => hex(r.padStart(64, '0') + s.padStart(64, '0'));

describe('signDer / verifyDer', () => {
  it('round-trips, and rejects other data and another key', async () => {
    const sig = await signDer(pair.privateKey, data);
    expect(sig[0]).toBe(0x30);
    expect(sig.length).toBeGreaterThanOrEqual(8);
    expect(sig.length).toBeLessThanOrEqual(72);
    expect(await verifyDer(pair.publicKey, sig, data)).toBe(true);
    expect(await verifyDer(pair.publicKey, sig, new TextEncoder().encode('other'))).toBe(false);
    const other = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ]);
    expect(await verifyDer(other.publicKey, sig, data)).toBe(false);
    expect(await verifyDer(pair.publicKey, await signDer(other.privateKey, data), data)).toBe(false);
  });

  it('verifies with a key imported from SPKI', async () => {
    const publicKey = await importSpki(spki);
    expect(await verifyDer(publicKey, await signDer(pair.privateKey, data), data)).toBe(true);
    expect(
      await verifyDer(
        await importSpki(spki.buffer as ArrayBuffer),
        await signDer(pair.privateKey, data),
        data,
      ),
    ).toBe(true);
  });

  it("produces DER that Node's OpenSSL verifies, and accepts Node's DER", async () => {
    const pem = spkiPem(spki);
    for (let i = 0; i < 20; i++) {
      const sig = await signDer(pair.privateKey, data);
      expect(nodeVerify('sha256', data, { key: pem, dsaEncoding: 'der' }, sig)).toBe(true);
    }
    const nodeKey = createPrivateKey({ key: (await nodeKeyPair()).privateKey, format: 'pem' });
    const nodeSpki = createPublicKey(nodeKey).export({ type: 'spki', format: 'der' });
    const nodeSig = nodeSign('sha256', data, { key: nodeKey, dsaEncoding: 'der' });
    expect(await verifyDer(await importSpki(new Uint8Array(nodeSpki)), new Uint8Array(nodeSig), data)).toBe(
      true,
    );
  });

  // openssl is part of the test toolchain (.ci/run installs it): its absence fails, it does not skip.
  it('passes `openssl dgst -sha256 -verify` as the office runs it', async () => {
    expect(hasOpenssl(), 'openssl is not installed').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'netra-sig-'));
    try {
      writeFileSync(join(dir, 'SHA256SUMS'), data);
      writeFileSync(join(dir, 'SHA256SUMS.sig'), await signDer(pair.privateKey, data));
      writeFileSync(join(dir, 'officer.pub.pem'), spkiPem(spki));
      const args = [
        'dgst',
        '-sha256',
        '-verify',
        'officer.pub.pem',
        '-signature',
        'SHA256SUMS.sig',
        'SHA256SUMS',
      ];
      expect(execFileSync('openssl', args, { cwd: dir, encoding: 'utf8' })).toContain('Verified OK');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sizes r and s from the key, so a P-384 signature verifies too', async () => {
    const p384 = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, false, [
      'sign',
      'verify',
    ]);
    const sig = await signDer(p384.privateKey, data);
    expect(await verifyDer(p384.publicKey, sig, data)).toBe(true);
    expect(derToRaw(sig, 48)).toHaveLength(96);
  });

  it('returns false, not an exception, for malformed DER', async () => {
    const sig = await signDer(pair.privateKey, data);
    expect(await verifyDer(pair.publicKey, new Uint8Array(), data)).toBe(false);
    expect(await verifyDer(pair.publicKey, sig.subarray(0, sig.length - 1), data)).toBe(false);
    expect(await verifyDer(pair.publicKey, derToRaw(sig), data)).toBe(false); // raw form, not DER
  });
});

describe('rawToDer', () => {
  it('encodes small positive r and s minimally', () => {
    expect(toHex(rawToDer(raw('01', '7f')))).toBe('300602010102017f');
  });

  it('prefixes 0x00 when the high bit is set', () => {
    const r = `80${'00'.repeat(31)}`;
    const s = 'ff'.repeat(32);
    expect(toHex(rawToDer(raw(r, s)))).toBe(`3046022100${r}022100${s}`);
    expect(toHex(rawToDer(raw('80', '01')))).toBe('300702020080020101');
  });

  it('strips leading zero bytes, then re-adds one only for the sign', () => {
    expect(toHex(rawToDer(raw('0000ab', '0001')))).toBe('30070202' + '00ab' + '020101');
    expect(toHex(rawToDer(raw(`7f${'11'.repeat(30)}`, '02')))).toBe(`3024021f7f${'11'.repeat(30)}020102`);
  });

  it('refuses r or s of zero and raw input of the wrong shape', () => {
    expect(() => rawToDer(raw('00', '01'))).toThrow(/r is zero/);
    expect(() => rawToDer(raw('01', '00'))).toThrow(/s is zero/);
    expect(() => rawToDer(new Uint8Array(63))).toThrow(/two equal halves/);
    expect(() => rawToDer(new Uint8Array())).toThrow(/two equal halves/);
  });

  it('round-trips through derToRaw for random and edge-shaped signatures', () => {
    for (let i = 0; i < 500; i++) {
      const bytes = crypto.getRandomValues(new Uint8Array(64));
      if (i % 4 === 1) bytes.fill(0, 0, (i % 31) + 1); // leading zeros in r
      if (i % 4 === 2) bytes[32] = 0x80 | bytes[32]!; // high bit in s
      if (i % 4 === 3) bytes.fill(0, 32, 32 + (i % 31) + 1);
      bytes[31] ||= 1;
      bytes[63] ||= 1;
      expect(toHex(derToRaw(rawToDer(bytes)))).toBe(toHex(bytes));
    }
  });

  it('handles P-521 sizes with a long-form length', () => {
    const bytes = new Uint8Array(132).fill(0xff);
    const der = rawToDer(bytes);
    expect(toHex(der.subarray(0, 3))).toBe('30818a'); // 2 × (02 43 00 ff×66) = 138 bytes;
    expect(toHex(derToRaw(der, 66))).toBe(toHex(bytes));
  });
});

describe('derToRaw rejects malformed DER', () => {
  const good = '3006020101020102';
  it.each([
    ['empty', ''],
    ['a SET, not a SEQUENCE', '3106020101020102'],
    ['a length longer than the data', '3007020101020102'],
    ['a length shorter than the data', '300502010102010200'],
    ['trailing bytes', `${good}00`],
    ['indefinite length', '3080020101020102'],
    ['a non-minimal long-form length', '308106020101020102'],
    ['a non-INTEGER r', '3006030101020102'],
    ['an empty r', '30050200020102'],
    ['a negative r', '3006020181020102'],
    ['a needless leading zero', '300702020001020102'],
    ['r = 0', '3006020100020102'],
    ['r = 0 padded', '300702020000020102'],
    ['r longer than 32 bytes', `3027022201${'00'.repeat(32)}020102`],
    ['s missing', '3003020101'],
    ['an INTEGER overrunning the sequence', '3006020101020202'],
  ])('%s', (_label, der) => {
    expect(() => derToRaw(hex(der))).toThrow(/^derToRaw: /);
  });

  it('accepts the minimal good form', () => {
    expect(toHex(derToRaw(hex(good)))).toBe(`${'00'.repeat(31)}01${'00'.repeat(31)}02`);
  });
});

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function nodeKeyPair() {
  const { generateKeyPairSync } = await import('node:crypto');
  return generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
}
