import { createHash, createPublicKey } from 'node:crypto';
import { Dexie, type EntityTable } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import {
  fingerprint,
  formatFingerprint,
  type KeyStore,
  loadOrCreateDeviceKey,
  type StoredDeviceKey,
  spkiPem,
} from '@/lib/crypto/device-key';
import { signDer, verifyDer } from '@/lib/crypto/signature';

/** An in-memory store; several stores may share one `slot`, like two extension contexts on one DB. */
function memoryStore(slot: { key?: StoredDeviceKey } = {}): KeyStore & { puts: number } {
  return {
    puts: 0,
    async get() {
      await Promise.resolve();
      return slot.key;
    },
    async put(key) {
      this.puts++;
      await Promise.resolve();
      // Like Dexie's add(): never overwrite an existing key.
      if (slot.key) throw new Error('ConstraintError: key already exists');
      slot.key = key;
    },
  };
}

const data = new TextEncoder().encode('SHA256SUMS');

describe('loadOrCreateDeviceKey', () => {
  it('creates a P-256 key on first run and returns the same one afterwards', async () => {
    const slot = {};
    const store = memoryStore(slot);
    const created = await loadOrCreateDeviceKey(store, () => new Date('2024-02-14T08:00:00+07:00'));
    expect(created.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(created.createdAt).toBe('2024-02-14T01:00:00.000Z');
    expect(created.privateKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(store.puts).toBe(1);

    expect((await loadOrCreateDeviceKey(store)).fingerprint).toBe(created.fingerprint);
    // A fresh store object over the same data (a restarted service worker) reads, not regenerates.
    const restarted = memoryStore(slot);
    const loaded = await loadOrCreateDeviceKey(restarted);
    expect(loaded.fingerprint).toBe(created.fingerprint);
    expect(restarted.puts).toBe(0);
    expect(await verifyDer(loaded.publicKey, await signDer(created.privateKey, data), data)).toBe(true);
  });

  it('keeps the private key non-extractable while the public key exports', async () => {
    const key = await loadOrCreateDeviceKey(memoryStore());
    expect(key.privateKey.extractable).toBe(false);
    expect(key.publicKey.extractable).toBe(true);
    await expect(crypto.subtle.exportKey('pkcs8', key.privateKey)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('jwk', key.privateKey)).rejects.toThrow();
    expect(new Uint8Array(await crypto.subtle.exportKey('spki', key.publicKey))).toEqual(key.spki);
  });

  it('creates one key when two first calls race in one context', async () => {
    const store = memoryStore();
    const generate = vi.spyOn(crypto.subtle, 'generateKey');
    const [a, b] = await Promise.all([loadOrCreateDeviceKey(store), loadOrCreateDeviceKey(store)]);
    expect(generate).toHaveBeenCalledTimes(1);
    generate.mockRestore();
    expect(store.puts).toBe(1);
    expect(a).toBe(b);
  });

  it('settles on the stored key when two contexts race over one database', async () => {
    const slot: { key?: StoredDeviceKey } = {};
    const stores = [memoryStore(slot), memoryStore(slot)];
    const [a, b] = await Promise.all(stores.map((store) => loadOrCreateDeviceKey(store)));
    expect(stores.map((store) => store.puts)).toEqual([1, 1]); // both generated; the second put lost
    expect(a!.fingerprint).toBe(b!.fingerprint);
    expect(a!.fingerprint).toBe(slot.key!.fingerprint);
  });

  it('tries again after a failed store, instead of caching the failure', async () => {
    const store = memoryStore();
    const put = store.put.bind(store);
    store.put = vi.fn().mockRejectedValueOnce(new Error('QuotaExceededError')).mockImplementation(put);
    await expect(loadOrCreateDeviceKey(store)).rejects.toThrow('QuotaExceededError');
    expect((await loadOrCreateDeviceKey(store)).fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a store whose fingerprint disagrees with its key', async () => {
    const slot: { key?: StoredDeviceKey } = {};
    await loadOrCreateDeviceKey(memoryStore(slot));
    slot.key = { ...slot.key!, fingerprint: '0'.repeat(64) };
    await expect(loadOrCreateDeviceKey(memoryStore(slot))).rejects.toThrow(/corrupt/);
  });
});

describe('a CryptoKey in IndexedDB (fake-indexeddb + Dexie)', () => {
  class KeyDb extends Dexie {
    deviceKeys!: EntityTable<StoredDeviceKey, 'id'>;
    constructor(name: string) {
      super(name);
      this.version(1).stores({ deviceKeys: 'id' });
    }
  }
  const dexieStore = (db: KeyDb): KeyStore => ({
    get: () => db.deviceKeys.get('device'),
    put: async (key) => {
      await db.deviceKeys.add(key);
    },
  });

  it('survives structured clone: still usable, still non-extractable', async () => {
    const first = new KeyDb('netra-key-test');
    const created = await loadOrCreateDeviceKey(dexieStore(first));
    first.close();

    const reopened = new KeyDb('netra-key-test');
    const loaded = await loadOrCreateDeviceKey(dexieStore(reopened));
    expect(loaded.fingerprint).toBe(created.fingerprint);
    expect(loaded.privateKey).not.toBe(created.privateKey); // a clone, not the cached object
    expect(loaded.privateKey).toBeInstanceOf(CryptoKey);
    expect(loaded.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', loaded.privateKey)).rejects.toThrow();
    expect(await verifyDer(created.publicKey, await signDer(loaded.privateKey, data), data)).toBe(true);
    expect(await reopened.deviceKeys.count()).toBe(1);
    reopened.close();
    await Dexie.delete('netra-key-test');
  });
});

describe('fingerprint and PEM', () => {
  it('fingerprints the SPKI DER as lowercase SHA-256 hex', async () => {
    const { spki } = await loadOrCreateDeviceKey(memoryStore());
    const expected = createHash('sha256').update(spki).digest('hex');
    expect(await fingerprint(spki)).toBe(expected);
    expect(await fingerprint(spki.buffer)).toBe(expected);
  });

  it('formats a fingerprint for reading aloud', () => {
    const hex = '3f2a9c01'.repeat(8);
    expect(formatFingerprint(hex)).toBe(Array(8).fill('3F2A 9C01').join(' '));
    expect(formatFingerprint(hex).split(' ')).toHaveLength(16);
    expect(formatFingerprint('abcdef')).toBe('ABCD EF');
    expect(() => formatFingerprint('not hex')).toThrow();
  });

  it('writes SPKI PEM that OpenSSL reads back to the same key', async () => {
    const { spki } = await loadOrCreateDeviceKey(memoryStore());
    const pem = spkiPem(spki);
    const lines = pem.split('\n');
    expect(lines[0]).toBe('-----BEGIN PUBLIC KEY-----');
    expect(lines.at(-2)).toBe('-----END PUBLIC KEY-----');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(1, -2).every((line) => line.length > 0 && line.length <= 64)).toBe(true);
    expect(lines[1]).toHaveLength(64); // P-256 SPKI is 91 bytes: 124 base64 characters, two lines
    const exported = createPublicKey(pem).export({ type: 'spki', format: 'der' });
    expect(new Uint8Array(exported)).toEqual(spki);
    expect(createPublicKey(pem).export({ type: 'spki', format: 'pem' })).toBe(pem);
  });
});
