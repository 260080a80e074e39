import { sha256Hex } from '../evidence/canonical';

// The device's signing key: ECDSA P-256, generated once with WebCrypto, private half non-extractable so
// no script (ours included) can ever read it out; only the public half (SPKI) leaves the device.

/** As stored in IndexedDB: CryptoKey objects survive structured clone, still non-extractable. */
export interface StoredDeviceKey {
  id: 'device';
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  spki: ArrayBuffer | Uint8Array;
  /** sha256Hex of the SPKI DER, lowercase. */
  fingerprint: string;
  createdAt: string;
}

/**
 * Where the key lives (a Dexie table in the extension). `put` should refuse to overwrite an existing
 * key (Dexie `add`, not `put`): if another context won a race to create one, the loser's put fails
 * and the winner's key is read back, so a device never ends up with two keys.
 */
export interface KeyStore {
  get(): Promise<StoredDeviceKey | undefined>;
  put(key: StoredDeviceKey): Promise<void>;
}

export interface DeviceKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  spki: Uint8Array<ArrayBuffer>;
  fingerprint: string;
  createdAt: string;
}

// One load per store within this context, so two first calls at once share one generated key.
const loading = new WeakMap<KeyStore, Promise<DeviceKey>>();

export function loadOrCreateDeviceKey(
  store: KeyStore,
  now: () => Date = () => new Date(),
): Promise<DeviceKey> {
  let pending = loading.get(store);
  if (!pending) {
    pending = loadOrCreate(store, now);
    // A failure (quota, closed DB) must not stick: the next call tries again.
    pending.catch(() => loading.delete(store));
    loading.set(store, pending);
  }
  return pending;
}

async function loadOrCreate(store: KeyStore, now: () => Date): Promise<DeviceKey> {
  const stored = await store.get();
  if (stored) return fromStored(stored);

  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  const spki = await crypto.subtle.exportKey('spki', pair.publicKey);
  const key: StoredDeviceKey = {
    id: 'device',
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    spki,
    fingerprint: await fingerprint(spki),
    createdAt: now().toISOString(),
  };
  try {
    await store.put(key);
  } catch (error) {
    const winner = await store.get();
    if (winner) return fromStored(winner);
    throw error;
  }
  return fromStored(key);
}

async function fromStored(stored: StoredDeviceKey): Promise<DeviceKey> {
  const spki = new Uint8Array(stored.spki.slice(0));
  // The office registered this fingerprint: a store that disagrees with itself is corrupt, and quietly
  // making a new key would orphan every bundle signed so far.
  const actual = await fingerprint(spki);
  if (actual !== stored.fingerprint) {
    throw new Error(`Device key store is corrupt: fingerprint ${stored.fingerprint} does not match its key`);
  }
  return {
    privateKey: stored.privateKey,
    publicKey: stored.publicKey,
    spki,
    fingerprint: actual,
    createdAt: stored.createdAt,
  };
}

/** SHA-256 of the SPKI DER, lowercase hex (what `openssl pkey -pubin -outform DER | sha256sum` prints). */
export function fingerprint(spkiDer: ArrayBuffer | Uint8Array): Promise<string> {
  return sha256Hex(spkiDer);
}

/** "3F2A 9C01 …": uppercase groups of four, for reading aloud over the phone. */
export function formatFingerprint(hex: string): string {
  if (!/^[0-9a-f]*$/i.test(hex)) throw new Error('formatFingerprint: not a hex string');
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

/** SPKI DER → PEM, as `openssl` writes `officer.pub.pem`. */
export function spkiPem(spki: ArrayBuffer | Uint8Array): string {
  const bytes = spki instanceof Uint8Array ? spki : new Uint8Array(spki);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}
