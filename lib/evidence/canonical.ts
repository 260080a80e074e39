import canonicalize from 'canonicalize';

// RFC 8785 (JCS) canonical JSON: the hash chain and the bundle verifier must produce the same bytes
// for the same record, in the extension and in Node. `canonicalize` is the RFC author's reference code.

/**
 * Canonical JSON text of `value`. Throws, naming the path, for anything JSON cannot carry faithfully:
 * undefined at the top or in an array, NaN/±Infinity, BigInt, functions, symbols, lone surrogates,
 * cycles, and non-plain objects (Map, Set, typed arrays, Blob, CryptoKey…) that would silently become
 * `{}`. An object member whose value is undefined is omitted, as JSON.stringify does, so a record
 * hashes the same before and after a round trip through a JSON file.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) throw new Error('canonicalJson: undefined has no JSON representation');
  // The walk validates and unwraps toJSON once; canonicalize then only sorts keys and formats.
  const text = canonicalize(toJsonTree(value, '$', new Set()));
  if (text === undefined) throw new Error('canonicalJson: value has no JSON representation');
  return text;
}

function toJsonTree(value: unknown, path: string, ancestors: Set<object>): unknown {
  switch (typeof value) {
    case 'string':
      if (!value.isWellFormed()) throw new Error(`canonicalJson: lone surrogate in the string at ${path}`);
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`canonicalJson: ${value} at ${path} is not a JSON number`);
      return value;
    case 'boolean':
      return value;
    case 'bigint':
      throw new Error(`canonicalJson: BigInt at ${path} is not allowed (convert it to a string or number)`);
    case 'undefined':
      throw new Error(`canonicalJson: undefined at ${path} has no JSON representation`);
    case 'function':
    case 'symbol':
      throw new Error(`canonicalJson: a ${typeof value} at ${path} has no JSON representation`);
  }
  if (value === null) return null;
  const object = value as object;
  if (ancestors.has(object)) throw new Error(`canonicalJson: circular reference at ${path}`);
  const toJSON = (object as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    // Date and friends: follow JSON.stringify and serialise what toJSON returns.
    ancestors.add(object);
    const result = toJsonTree(toJSON.call(object), path, ancestors);
    ancestors.delete(object);
    return result;
  }
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      return object.map((item, i) => toJsonTree(item, `${path}[${i}]`, ancestors));
    }
    if (!isPlainObject(object)) {
      const kind = Object.prototype.toString.call(object).slice(8, -1);
      throw new Error(`canonicalJson: a ${kind} at ${path} is not plain JSON data`);
    }
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(object)) {
      if (!key.isWellFormed()) throw new Error(`canonicalJson: lone surrogate in a key at ${path}`);
      if (member === undefined) continue;
      out[key] = toJsonTree(member, `${path}.${key}`, ancestors);
    }
    return out;
  } finally {
    ancestors.delete(object);
  }
}

// Prototype-chain test rather than instanceof, so objects from another realm (structured clone,
// iframes) still count as plain.
function isPlainObject(object: object): boolean {
  const proto = Object.getPrototypeOf(object);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Lowercase hex SHA-256 of a string (UTF-8), bytes, or a Blob. */
export async function sha256Hex(data: string | Uint8Array | ArrayBuffer | Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await toBufferSource(data));
  return bytesToHex(new Uint8Array(digest));
}

async function toBufferSource(data: string | Uint8Array | ArrayBuffer | Blob): Promise<BufferSource> {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (ArrayBuffer.isView(data)) {
    // WebCrypto refuses views on a SharedArrayBuffer: copy those.
    return data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
  }
  if (data instanceof ArrayBuffer) return data;
  // Duck-typed: Node's Blob and a DOM Blob are different classes in tests.
  if (typeof (data as Blob)?.arrayBuffer === 'function') return (data as Blob).arrayBuffer();
  throw new TypeError('sha256Hex: expected a string, Uint8Array, ArrayBuffer or Blob');
}

export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
