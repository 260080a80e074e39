// ECDSA P-256 / SHA-256 signatures in the DER form `openssl dgst -verify` reads. WebCrypto signs and
// verifies the raw r‖s form (IEEE P1363), so we convert at the edges.

const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** Bytes per coordinate of each curve WebCrypto supports: r and s are padded to this in raw form. */
const COORDINATE_BYTES: Record<string, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

export async function signDer(privateKey: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  const raw = await crypto.subtle.sign(ECDSA_SHA256, privateKey, bufferSource(data));
  return rawToDer(new Uint8Array(raw));
}

/** False for a wrong signature and for malformed DER alike: a verifier reports, it does not crash. */
export async function verifyDer(
  publicKey: CryptoKey,
  signatureDer: Uint8Array,
  data: Uint8Array,
): Promise<boolean> {
  const curve = (publicKey.algorithm as EcKeyAlgorithm).namedCurve;
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = derToRaw(signatureDer, COORDINATE_BYTES[curve] ?? 32);
  } catch {
    return false;
  }
  return crypto.subtle.verify(ECDSA_SHA256, publicKey, raw, bufferSource(data));
}

/** A P-256 public key from its SPKI DER (the `officer.pub.pem` body), for verifying. */
export function importSpki(spki: Uint8Array | ArrayBuffer): Promise<CryptoKey> {
  const bytes = spki instanceof ArrayBuffer ? spki : bufferSource(spki);
  return crypto.subtle.importKey('spki', bytes, P256, true, ['verify']);
}

/** Raw r‖s (two equal halves) → DER `SEQUENCE { INTEGER r, INTEGER s }`, minimally encoded. */
export function rawToDer(raw: Uint8Array): Uint8Array<ArrayBuffer> {
  if (raw.length === 0 || raw.length % 2 !== 0 || raw.length > 132) {
    throw new Error(`rawToDer: a raw ECDSA signature has two equal halves, not ${raw.length} bytes`);
  }
  const half = raw.length / 2;
  const body = [...derInteger(raw.subarray(0, half), 'r'), ...derInteger(raw.subarray(half), 's')];
  return new Uint8Array([0x30, ...derLength(body.length), ...body]);
}

function derInteger(value: Uint8Array, name: string): number[] {
  let start = 0;
  while (start < value.length && value[start] === 0) start++;
  // r and s lie in [1, n-1]: zero means a broken signer, and DER would still encode it happily.
  if (start === value.length) throw new Error(`rawToDer: ${name} is zero`);
  const digits = [...value.subarray(start)];
  // INTEGER is two's complement: a leading 1 bit would read as negative, so prefix a zero byte.
  if (digits[0]! >= 0x80) digits.unshift(0);
  return [0x02, ...derLength(digits.length), ...digits];
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  if (length <= 0xff) return [0x81, length];
  throw new Error('rawToDer: length out of range');
}

/**
 * DER → raw r‖s with each half padded to `size` bytes (32 for P-256). Strict: only the one minimal
 * encoding is accepted; anything else (BER lengths, padding, negatives, trailing bytes) throws.
 */
export function derToRaw(der: Uint8Array, size = 32): Uint8Array<ArrayBuffer> {
  const reader = { bytes: der, at: 0 };
  if (readByte(reader) !== 0x30) throw new Error('derToRaw: not a DER SEQUENCE');
  const length = readLength(reader);
  if (reader.at + length !== der.length) throw new Error('derToRaw: length does not match the data');
  const r = readInteger(reader, size, 'r');
  const s = readInteger(reader, size, 's');
  if (reader.at !== der.length) throw new Error('derToRaw: unexpected bytes after s');
  const raw = new Uint8Array(size * 2);
  raw.set(r, size - r.length);
  raw.set(s, size * 2 - s.length);
  return raw;
}

interface Reader {
  bytes: Uint8Array;
  at: number;
}

function readByte(reader: Reader): number {
  const byte = reader.bytes[reader.at++];
  if (byte === undefined) throw new Error('derToRaw: truncated');
  return byte;
}

function readLength(reader: Reader): number {
  const first = readByte(reader);
  if (first < 0x80) return first;
  if (first === 0x81) {
    const length = readByte(reader);
    if (length < 0x80) throw new Error('derToRaw: non-minimal length');
    return length;
  }
  // 0x80 is BER's indefinite length; longer forms cannot occur in an ECDSA signature.
  throw new Error('derToRaw: unsupported length encoding');
}

function readInteger(reader: Reader, size: number, name: string): Uint8Array {
  if (readByte(reader) !== 0x02) throw new Error(`derToRaw: ${name} is not an INTEGER`);
  const length = readLength(reader);
  if (length === 0) throw new Error(`derToRaw: ${name} is empty`);
  const end = reader.at + length;
  if (end > reader.bytes.length) throw new Error('derToRaw: truncated');
  let digits = reader.bytes.subarray(reader.at, end);
  reader.at = end;
  if (digits[0]! >= 0x80) throw new Error(`derToRaw: ${name} is negative`);
  if (digits[0] === 0 && digits.length > 1) {
    if (digits[1]! < 0x80) throw new Error(`derToRaw: ${name} has a needless leading zero`);
    digits = digits.subarray(1);
  }
  if (digits.length > size) throw new Error(`derToRaw: ${name} is longer than ${size} bytes`);
  if (digits.every((b) => b === 0)) throw new Error(`derToRaw: ${name} is zero`);
  return digits;
}

// WebCrypto takes only ArrayBuffer-backed views; copy a view on a SharedArrayBuffer.
function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
