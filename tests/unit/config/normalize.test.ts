import { describe, expect, it } from 'vitest';
import {
  handleFromProfileUrl,
  handleLookupKey,
  normalizeHandle,
  normalizeText,
  profileUrlOf,
  webProfileKey,
  wordCharAt,
  wordCharBefore,
} from '@/lib/config/normalize';
import type { Platform } from '@/lib/platforms/snapshot';

describe('normalizeText', () => {
  it.each([
    ['Prabówo', 'prabowo'],
    ['CAFÉ Ñoño', 'cafe nono'],
    ['Nomor-urut 2', 'nomor urut 2'],
    ['NOMOR URUT  2!', 'nomor urut 2'],
    ['nomor urut 2.', 'nomor urut 2'],
    ['No. Urut 02', 'no urut 02'],
    ['  (salam) "dua"   jari…  ', 'salam dua jari'],
    ['#AMIN @Amin_Aja', '#amin @amin aja'],
    ['a\tb\nc\u00a0d', 'a b c d'],
    ['ｎｏｍｏｒ ２', 'nomor 2'],
    ['①②', '12'],
    ['Pra\u200Bbo\u00ADwo', 'prabowo'],
    ['mantap✌️🇮🇩', 'mantap✌🇮🇩'],
    ['harga $5 + 10% <murah>', 'harga $5 + 10 <murah>'],
    ['İstanbul', 'istanbul'],
    ['«Ayo»—pilih!', 'ayo pilih'],
    ['', ''],
    ['!!!', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('handles a text longer than its reused buffer, and a surrogate pair at every position', () => {
    const long = `${'Ábc '.repeat(30_000)}😀`;
    expect(normalizeText(long)).toBe(`${'abc '.repeat(30_000)}😀`);
    expect(normalizeText('a😀b')).toBe('a😀b');
    expect(normalizeText('😀')).toBe('😀');
  });
});

describe('word characters around a position', () => {
  it('tells letters and digits from everything else, astral letters included', () => {
    expect(wordCharBefore('ab', 1)).toBe(true);
    expect(wordCharBefore('#b', 1)).toBe(false);
    expect(wordCharBefore('ab', 0)).toBe(false);
    expect(wordCharAt('a2', 1)).toBe(true);
    expect(wordCharAt('a ', 1)).toBe(false);
    expect(wordCharAt('a', 1)).toBe(false);
    expect(wordCharBefore('𝒜x', 2)).toBe(true); // U+1D49C, a letter outside the BMP
    expect(wordCharAt('x𝒜', 1)).toBe(true);
    expect(wordCharBefore('😀x', 2)).toBe(false);
    expect(wordCharAt('é', 0)).toBe(true);
  });
});

describe('normalizeHandle', () => {
  it.each<[Platform, string, string | null]>([
    ['x', '@Budi_S', 'budi_s'],
    ['x', 'budi_s', 'budi_s'],
    ['x', ' https://x.com/Budi_S?s=20 ', 'budi_s'],
    ['x', 'https://twitter.com/budi_s/', 'budi_s'],
    ['x', 'x.com/Budi_S', 'budi_s'],
    ['x', 'mobile.twitter.com/Budi_S', 'budi_s'],
    ['x', 'https://x.com/budi_s/status/1', null],
    ['x', 'https://x.com/home', null],
    ['x', 'home', null],
    ['x', 'budi s', null],
    ['x', 'budi.s', null],
    ['x', '', null],
    ['x', 'https://instagram.com/budi_s', null],
    ['instagram', 'instagram.com/budi.s/', 'budi.s'],
    ['instagram', 'https://www.instagram.com/Budi.S/?igsh=abc', 'budi.s'],
    ['instagram', '@Budi.S', 'budi.s'],
    ['instagram', 'budi.s/', 'budi.s'],
    ['instagram', 'https://www.instagram.com/p/C0dE123/', null],
    ['instagram', 'explore', null],
    ['facebook', 'https://www.facebook.com/profile.php?id=100012345', 'profile.php?id=100012345'],
    ['facebook', 'https://m.facebook.com/profile.php?id=100012345&ref=bookmarks', 'profile.php?id=100012345'],
    ['facebook', 'profile.php?id=100012345', 'profile.php?id=100012345'],
    ['facebook', '100012345', 'profile.php?id=100012345'],
    ['facebook', 'https://web.facebook.com/Budi.Santoso', 'budi.santoso'],
    ['facebook', 'Budi.Santoso', 'budi.santoso'],
    ['facebook', 'facebook.com/groups/warga', null],
    ['facebook', 'https://www.facebook.com/people/Budi-Santoso/100012345/', 'profile.php?id=100012345'],
    ['facebook', 'marketplace', null],
    ['web', 'budi', null],
  ])('%s %j → %j', (platform, value, expected) => {
    expect(normalizeHandle(platform, value)).toBe(expected);
  });

  it('gives the handle the adapters put in snapshots, whose profile URL reads back the same', () => {
    for (const [platform, handle] of [
      ['x', 'budi_s'],
      ['instagram', 'budi.s'],
      ['facebook', 'budi.santoso'],
      ['facebook', 'profile.php?id=100012345'],
    ] as const) {
      expect(normalizeHandle(platform, profileUrlOf(platform, handle))).toBe(handle);
    }
  });

  it('reads a profile URL only from a URL, never from a bare handle', () => {
    expect(handleFromProfileUrl('x', 'https://x.com/Budi_S')).toBe('budi_s');
    expect(handleFromProfileUrl('x', 'x.com/Budi_S')).toBe('budi_s');
    expect(handleFromProfileUrl('x', 'budi_s')).toBeNull();
    expect(handleFromProfileUrl('instagram', 'https://x.com/budi_s')).toBeNull();
  });

  it('looks adapter-shaped handles up as they are and normalises the rest', () => {
    expect(handleLookupKey('x', 'budi_s')).toBe('budi_s');
    expect(handleLookupKey('x', '@Budi_S')).toBe('budi_s');
    expect(handleLookupKey('facebook', 'profile.php?id=1')).toBe('profile.php?id=1');
    expect(handleLookupKey('x', null)).toBeNull();
    expect(handleLookupKey('web', 'budi')).toBeNull();
  });
});

describe('webProfileKey', () => {
  it('gives one form for profile URLs on other sites', () => {
    expect(webProfileKey('http://Forum.Example.ID/u/budi/?utm_source=x')).toBe(
      'https://forum.example.id/u/budi',
    );
    expect(webProfileKey('https://forum.example.id/u/budi')).toBe('https://forum.example.id/u/budi');
    expect(webProfileKey('not a url')).toBeNull();
    expect(webProfileKey(null)).toBeNull();
  });
});
