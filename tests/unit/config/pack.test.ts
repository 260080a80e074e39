import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ConfigPack, importConfigPack, parseOfficeKeyPem } from '@/lib/config/pack';
import { spkiPem } from '@/lib/crypto/device-key';
import { signDer } from '@/lib/crypto/signature';
import { canonicalJson, sha256Hex } from '@/lib/evidence/canonical';
import { setLanguage } from '@/lib/i18n';

// Invented office, people and terms only.
const basePack = (): ConfigPack => ({
  format: 'netra-config',
  version: 1,
  issuedAt: '2026-11-01T08:00:00+07:00',
  office: {
    name: 'Bawaslu Kabupaten Fiktif',
    endpoint: 'https://bawaslu-fiktif.example.id/upload',
    publicKeyPem: null,
  },
  categories: [
    { id: 'posting', label: 'Mengunggah dukungan', labelEn: 'Posting support' },
    { id: 'other', label: 'Lainnya' },
  ],
  rules: [{ id: 'r1', term: 'salam dua jari', label: 'Gestur', kind: 'gesture', category: 'posting' }],
  watchlist: [
    {
      id: 'x:budi_s',
      name: 'Budi Santoso',
      nip: '198703152010011002',
      agency: 'Dinas Fiktif',
      position: null,
      platform: 'x',
      handle: 'budi_s',
      profileUrl: null,
    },
    {
      id: 'fb:siti',
      name: 'Siti Rahayu',
      nip: null,
      agency: null,
      position: null,
      platform: 'facebook',
      handle: null,
      profileUrl: 'https://www.facebook.com/siti.rahayu',
    },
  ],
});

const file = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value, null, 2));
const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

interface Office {
  keys: CryptoKeyPair;
  pem: string;
  spki: Uint8Array;
}
let office: Office;
let stranger: Office;

async function newOffice(): Promise<Office> {
  const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
  return { keys, spki, pem: spkiPem(spki) };
}

/** The pack with its office key, signed as the office's tool would sign it. */
async function signed(
  pack: ConfigPack,
  by: Office,
  carriedKey: string | null = office.pem,
): Promise<ConfigPack> {
  const unsigned = { ...pack, office: { ...pack.office, publicKeyPem: carriedKey } };
  const signature = await signDer(by.keys.privateKey, new TextEncoder().encode(canonicalJson(unsigned)));
  return { ...unsigned, signature: base64(signature) };
}

async function problems(bytes: Uint8Array, key: string | null = null): Promise<string[]> {
  const result = await importConfigPack(bytes, key);
  if (result.ok) throw new Error('the pack was accepted');
  return result.problems.map((p) => p.message);
}

beforeAll(async () => {
  office = await newOffice();
  stranger = await newOffice();
});
beforeEach(() => setLanguage('id'));

describe('importConfigPack: accepted packs', () => {
  it('accepts an unsigned pack when no office key is set, and says it is unsigned', async () => {
    const result = await importConfigPack(file(basePack()), null);
    expect(result).toEqual({ ok: true, items: [basePack()], signature: 'unsigned' });
  });

  it('accepts a pack signed with the trusted office key', async () => {
    const pack = await signed(basePack(), office);
    expect(await importConfigPack(file(pack), office.pem)).toEqual({
      ok: true,
      items: [pack],
      signature: 'office-key',
    });
  });

  it('without a trusted key, checks a signed pack against the key it carries', async () => {
    const pack = await signed(basePack(), office);
    expect(await importConfigPack(file(pack), null)).toMatchObject({ ok: true, signature: 'pack-key' });
  });

  it('without any key to check with, accepts a signed pack as unchecked', async () => {
    const pack = await signed(basePack(), office, null);
    expect(await importConfigPack(file(pack), null)).toMatchObject({ ok: true, signature: 'unchecked' });
  });

  it('accepts a signed key rotation: a pack signed with the trusted key that carries a new one', async () => {
    const pack = await signed(basePack(), office, stranger.pem);
    const result = await importConfigPack(file(pack), office.pem);
    expect(result).toMatchObject({ ok: true, signature: 'office-key' });
  });
});

describe('importConfigPack: signatures that refuse a pack', () => {
  it('refuses a signed pack changed after signing', async () => {
    const pack = await signed(basePack(), office);
    pack.watchlist[0]!.name = 'Orang Lain';
    expect(await problems(file(pack), office.pem)).toEqual([
      'Tanda tangan paket tidak cocok dengan kunci kantor.',
    ]);
    expect((await problems(file(pack), null))[0]).toContain('isi paket telah diubah');
  });

  it('refuses a pack signed with another key than the office key', async () => {
    const pack = await signed(basePack(), stranger, stranger.pem);
    expect(await problems(file(pack), office.pem)).toEqual([
      'Tanda tangan paket tidak cocok dengan kunci kantor.',
    ]);
  });

  it('refuses an unsigned pack once an office key is set', async () => {
    expect((await problems(file(basePack()), office.pem))[0]).toContain('tidak bertanda tangan');
  });

  it('refuses a signature that is not base64 DER', async () => {
    const pack = { ...(await signed(basePack(), office)), signature: 'not base64!' };
    expect((await problems(file(pack), office.pem))[0]).toContain('base64');
    const garbage = { ...(await signed(basePack(), office)), signature: base64(new Uint8Array([1, 2, 3])) };
    expect(await problems(file(garbage), office.pem)).toEqual([
      'Tanda tangan paket tidak cocok dengan kunci kantor.',
    ]);
  });
});

describe('importConfigPack: content problems', () => {
  it('refuses another version with a clear message', async () => {
    expect(await problems(file({ ...basePack(), version: 2 }))).toEqual([
      'Paket versi 2 tidak didukung; Netra ini membaca versi 1. Perbarui Netra atau minta paket versi 1 dari kantor.',
    ]);
  });

  it('refuses JSON that is not a pack, and broken JSON with its line and column', async () => {
    expect((await problems(file({ rules: [] })))[0]).toContain('bukan paket konfigurasi Netra');
    expect((await problems(file([1, 2])))[0]).toContain('bukan paket konfigurasi Netra');
    const broken = new TextEncoder().encode('{\n  "format": "netra-config",\n  "version": 1,\n  oops\n}');
    expect(await problems(broken)).toEqual([
      expect.stringMatching(/^Berkas bukan JSON yang sah \(baris 4, kolom 3\)\.$/),
    ]);
  });

  it('names each bad field by its path', async () => {
    const pack = basePack() as unknown as Record<string, unknown> & ConfigPack;
    pack.watchlist[1]!.nip = '1234';
    (pack.office as { endpoint: string }).endpoint = 'http://tanpa-tls.example.id';
    (pack.rules[0] as { kind: string }).kind = 'emoji';
    delete (pack as Partial<ConfigPack>).issuedAt;
    (pack.categories[0] as { label: unknown }).label = 5;
    expect(await problems(file(pack))).toEqual([
      'issuedAt: wajib ada.',
      'office.endpoint: harus alamat https://',
      'categories[0].label: seharusnya teks.',
      expect.stringMatching(/^rules\[0\]\.kind: harus salah satu dari "candidate", /),
      'watchlist[1].nip: NIP harus 18 digit.',
    ]);
  });

  it('refuses duplicate ids and accounts, a missing "other" category, and entries that can never match', async () => {
    const pack = basePack();
    pack.categories = [
      { id: 'posting', label: 'A' },
      { id: 'posting', label: 'B' },
    ];
    pack.rules.push({ ...pack.rules[0]!, term: '?!' });
    pack.watchlist.push(
      { ...pack.watchlist[0]!, id: 'x:budi-lagi', handle: '@Budi_S' },
      { ...pack.watchlist[0]!, id: 'x:none', handle: null, profileUrl: null },
      { ...pack.watchlist[0]!, id: 'x:bad', handle: 'budi santoso' },
    );
    expect(await problems(file(pack))).toEqual([
      'categories[1].id: id "posting" sudah dipakai di categories[0].',
      'categories: daftar kategori harus memuat kategori "other".',
      'rules[1].id: id "r1" sudah dipakai di rules[0].',
      'rules[1].term: istilah "?!" tidak berisi huruf, angka, atau simbol yang dapat dicari.',
      'watchlist[2]: akun x "budi_s" sudah ada di watchlist[0].',
      'watchlist[3]: isi handle atau profileUrl.',
      'watchlist[4].handle: "budi santoso" bukan nama akun x yang sah.',
    ]);
  });

  it('refuses an office key inside the pack that is not a P-256 public key', async () => {
    const pack = { ...basePack(), office: { ...basePack().office, publicKeyPem: 'kunci palsu' } };
    expect((await problems(file(pack)))[0]).toContain('Kunci publik kantor di dalam paket tidak sah');
  });

  it('refuses a file over 5 MiB before reading it', async () => {
    expect((await problems(new Uint8Array(6 * 1024 * 1024)))[0]).toContain('batasnya 5 MiB');
  });
});

describe('parseOfficeKeyPem', () => {
  it('gives the fingerprint of the SPKI DER, with or without line breaks in the PEM', async () => {
    const expected = await sha256Hex(office.spki);
    expect(await parseOfficeKeyPem(office.pem)).toMatchObject({ ok: true, fingerprint: expected });
    const oneLine = office.pem.replace(/\n(?!-----END)/g, ' ');
    expect(await parseOfficeKeyPem(oneLine)).toMatchObject({ ok: true, fingerprint: expected });
  });

  it('refuses text that is not a PEM public key, and keys on other curves', async () => {
    expect(await parseOfficeKeyPem('hello')).toMatchObject({
      ok: false,
      message: expect.stringContaining('PEM'),
    });
    const p384 = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const pem = spkiPem(new Uint8Array(await crypto.subtle.exportKey('spki', p384.publicKey)));
    expect(await parseOfficeKeyPem(pem)).toEqual({
      ok: false,
      message: 'Kunci ini bukan kunci ECDSA P-256.',
    });
  });
});
