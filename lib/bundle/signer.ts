import type { DeviceKey } from '../crypto/device-key';
import { signDer } from '../crypto/signature';

/** Who signs a bundle: the device key in the extension, a throwaway key in the sample and tests. */
export interface BundleSigner {
  /** The public key, SPKI DER: written as officer.pub.pem. */
  spki: Uint8Array;
  /** sha256 hex of `spki`: written into the manifest. */
  fingerprint: string;
  /** ECDSA P-256 / SHA-256 over `data`, DER-encoded (what `openssl dgst -verify` reads). */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

export function deviceSigner(key: DeviceKey): BundleSigner {
  return {
    spki: key.spki,
    fingerprint: key.fingerprint,
    sign: (data) => signDer(key.privateKey, data),
  };
}

const PEM = /^-----BEGIN PUBLIC KEY-----\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n-----END PUBLIC KEY-----\r?\n?$/;

/** The SPKI DER inside one `PUBLIC KEY` PEM block, or null for anything else (the DER is checked by the caller). */
export function pemToSpki(pem: string): Uint8Array | null {
  const match = PEM.exec(pem.trim());
  if (!match) return null;
  try {
    const binary = atob(match[1]!.replace(/\r?\n/g, ''));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}
