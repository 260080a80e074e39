import { describe, expect, it } from 'vitest';
import { normalizeFingerprint, parseTrustedKeys } from '@/lib/bundle/trusted-keys';
import { formatFingerprint, spkiPem } from '@/lib/crypto/device-key';
import { throwawayKey } from './helpers';

describe('the trusted-keys file', () => {
  it('reads fingerprints as officers read them out, PEM keys, and comments', async () => {
    const [a, b, c] = [await throwawayKey(), await throwawayKey(), await throwawayKey()];
    const file = [
      '# Kunci perangkat terdaftar',
      `${formatFingerprint(a.fingerprint)}   # Rina Marlina`,
      b.fingerprint.replace(/(..)(?!$)/g, '$1:').toUpperCase(),
      '',
      spkiPem(c.spki).trim(),
    ].join('\n');
    expect(await parseTrustedKeys(file)).toEqual({
      fingerprints: [c.fingerprint, a.fingerprint, b.fingerprint],
      errors: [],
    });
  });

  it('reads a JSON array of fingerprints or PEM keys', async () => {
    const [a, b] = [await throwawayKey(), await throwawayKey()];
    const parsed = await parseTrustedKeys(
      JSON.stringify([formatFingerprint(a.fingerprint), spkiPem(b.spki)]),
    );
    expect(parsed).toEqual({ fingerprints: [a.fingerprint, b.fingerprint], errors: [] });
  });

  it('reports what it cannot read instead of silently trusting less', async () => {
    const parsed = await parseTrustedKeys(
      '3F2A 9C01\n-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n',
    );
    expect(parsed.fingerprints).toEqual([]);
    expect(parsed.errors).toHaveLength(2);
  });

  it.each([
    ['AB'.repeat(32), 'ab'.repeat(32)],
    [formatFingerprint('cd'.repeat(32)), 'cd'.repeat(32)],
    ['ab'.repeat(31), null],
    ['zz'.repeat(32), null],
  ])('normalizeFingerprint(%j) → %j', (input, expected) => {
    expect(normalizeFingerprint(input)).toBe(expected);
  });
});
