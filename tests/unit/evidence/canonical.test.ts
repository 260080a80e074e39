import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '@/lib/evidence/canonical';

// Expected outputs transcribed from RFC 8785 (https://www.rfc-editor.org/rfc/rfc8785).

/** An IEEE 754 double from its 16 hex digits, as RFC 8785 Appendix B lists them. */
function double(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalJson: RFC 8785 examples', () => {
  it('serialises the section 3.2.2 example (primitives)', () => {
    // The input as JSON text, so number literals are parsed exactly as the RFC's input is.
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    expect(canonicalJson(JSON.parse(input))).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it('sorts properties by UTF-16 code units (section 3.2.3)', () => {
    const input = String.raw`{
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis"
    }`;
    // The emoji (U+1F600, high surrogate D83D) sorts before U+FB33: code units, not code points.
    const expected =
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
      '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}';
    expect(canonicalJson(JSON.parse(input))).toBe(expected);
  });

  it('ignores locale when sorting (section 3.2.4)', () => {
    const input = {
      sin: 'ignore locale',
      pêche: 'but canonicalization MUST',
      péché: 'is wrong according to French',
      peach: 'This sorting order',
    };
    expect(canonicalJson(input)).toBe(
      '{"peach":"This sorting order","péché":"is wrong according to French","pêche":"but canonicalization MUST","sin":"ignore locale"}',
    );
  });

  it('sorts nested objects too, and keeps array order', () => {
    expect(canonicalJson({ b: [3, 1, { z: 1, a: 2 }], a: { y: null, x: 'x' } })).toBe(
      '{"a":{"x":"x","y":null},"b":[3,1,{"a":2,"z":1}]}',
    );
  });

  // Appendix B: IEEE 754 bit pattern → canonical text.
  const appendixB: Array<[string, string]> = [
    ['0000000000000000', '0'],
    ['8000000000000000', '0'], // minus zero
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ];
  it.each(appendixB)('serialises the double 0x%s as %s (Appendix B)', (hex, text) => {
    expect(canonicalJson(double(hex))).toBe(text);
  });

  it.each([
    ['1e21', '1e+21'],
    ['0.000001', '0.000001'],
    ['1e-7', '1e-7'],
    ['-0', '0'],
    ['4.50', '4.5'],
    ['2e-3', '0.002'],
    ['333333333.33333329', '333333333.3333333'],
    ['1E30', '1e+30'],
    ['100', '100'],
    ['-1.5', '-1.5'],
  ])('serialises the JSON number %s as %s', (json, text) => {
    expect(canonicalJson(JSON.parse(json))).toBe(text);
  });

  it.each(['7fffffffffffffff', '7ff0000000000000', 'fff0000000000000'])(
    'rejects the non-finite double 0x%s (Appendix B: NaN and Infinity are errors)',
    (hex) => {
      expect(() => canonicalJson({ n: [double(hex)] })).toThrow(/\$\.n\[0\] is not a JSON number/);
    },
  );

  it('escapes only what JSON requires and keeps the rest as UTF-8', () => {
    expect(canonicalJson('\u000f')).toBe('"\\u000f"');
    expect(canonicalJson('\u20ac')).toBe('"€"');
    expect(canonicalJson('\b\t\n\f\r"\\/\u007f\u2028')).toBe('"\\b\\t\\n\\f\\r\\"\\\\/\u007f\u2028"');
  });
});

describe('canonicalJson: values JSON cannot carry', () => {
  it('rejects undefined at the top level and inside arrays', () => {
    expect(() => canonicalJson(undefined)).toThrow(/undefined/);
    expect(() => canonicalJson([1, undefined])).toThrow(/undefined at \$\[1\]/);
  });

  it('omits object members whose value is undefined, as JSON.stringify does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('rejects BigInt, functions and symbols, naming the path', () => {
    expect(() => canonicalJson({ a: { b: 1n } })).toThrow(/BigInt at \$\.a\.b/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function at \$\.f/);
    expect(() => canonicalJson([Symbol('s')])).toThrow(/symbol at \$\[0\]/);
  });

  it('rejects lone surrogates in values and keys', () => {
    expect(() => canonicalJson({ a: '\ud800' })).toThrow(/lone surrogate/);
    expect(() => canonicalJson({ '\udc00': 1 })).toThrow(/lone surrogate/);
  });

  it('rejects objects that would silently become {}', () => {
    expect(() => canonicalJson({ m: new Map([[1, 2]]) })).toThrow(/Map at \$\.m/);
    expect(() => canonicalJson(new Uint8Array([1]))).toThrow(/Uint8Array/);
    expect(() => canonicalJson(new (class Thing {})())).toThrow(/not plain JSON data/);
  });

  it('rejects cycles but accepts the same object twice side by side', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular reference at \$\.self/);
    const shared = { x: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"x":1},{"x":1}]');
  });

  it('follows toJSON (dates) and accepts null-prototype objects', () => {
    expect(canonicalJson({ at: new Date('2024-02-14T01:02:03.000Z') })).toBe(
      '{"at":"2024-02-14T01:02:03.000Z"}',
    );
    const bare = Object.assign(Object.create(null), { b: 2, a: 1 });
    expect(canonicalJson(bare)).toBe('{"a":1,"b":2}');
  });
});

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 vectors', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('hashes strings as UTF-8 and gives the same digest for every input type', async () => {
    const text = 'Pengawas Pemilu — €, 😀';
    const bytes = new TextEncoder().encode(text);
    const expected = createHash('sha256').update(text, 'utf8').digest('hex');
    expect(await sha256Hex(text)).toBe(expected);
    expect(await sha256Hex(bytes)).toBe(expected);
    expect(await sha256Hex(bytes.buffer)).toBe(expected);
    expect(await sha256Hex(new Blob([bytes]))).toBe(expected);
  });

  it('hashes only the viewed part of a Uint8Array', async () => {
    const view = new TextEncoder().encode('xxabcxx').subarray(2, 5);
    expect(await sha256Hex(view)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
