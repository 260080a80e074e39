import { describe, expect, it } from 'vitest';
import {
  canonicalUrl,
  httpsUrl,
  isTrackingParam,
  parseInstagramPost,
  parseInstagramProfile,
  parseXProfile,
  parseXStatus,
} from '@/lib/platforms/canonical-url';

describe('canonicalUrl', () => {
  it.each([
    // X: every host and shape of a status link gives one URL.
    [
      'https://x.com/BudiSantoso_/status/1850000000000000001',
      'https://x.com/budisantoso_/status/1850000000000000001',
    ],
    ['https://twitter.com/budi/status/123?s=20&t=abcDEF', 'https://x.com/budi/status/123'],
    ['http://mobile.twitter.com/budi/status/123', 'https://x.com/budi/status/123'],
    ['https://www.x.com/budi/status/123#reply', 'https://x.com/budi/status/123'],
    ['https://mobile.x.com:443/budi/status/123', 'https://x.com/budi/status/123'],
    ['https://x.com/budi/status/123/photo/1', 'https://x.com/budi/status/123'],
    ['https://x.com/budi/status/123/analytics', 'https://x.com/budi/status/123'],
    ['https://twitter.com/budi/statuses/123', 'https://x.com/budi/status/123'],
    ['https://x.com/budi/status/123?ref_src=twsrc%5Etfw&utm_source=wa', 'https://x.com/budi/status/123'],
    ['https://x.com/i/web/status/123', 'https://x.com/i/status/123'],
    ['https://x.com/i/status/123', 'https://x.com/i/status/123'],
    // X pages that are not posts.
    ['https://x.com/home', null],
    ['https://x.com/budi', null],
    ['https://x.com/budi/status/abc', null],
    ['https://x.com/search?q=pilkada', null],
    ['https://x.com/', null],
    // Placeholders and other schemes.
    ['#', null],
    ['#?abc', null],
    ['', null],
    ['   ', null],
    ['/', null],
    ['javascript:void(0)', null],
    ['JavaScript:alert(1)', null],
    ['mailto:budi@example.com', null],
    ['blob:https://x.com/0000', null],
    ['data:text/html,hi', null],
    ['ftp://example.com/file', null],
    // Other sites: cleaned, not rewritten.
    [
      'http://Example.COM:8080/berita/1?utm_source=x&id=7&fbclid=abc#top',
      'https://example.com/berita/1?id=7',
    ],
    ['https://example.com/a?z=1&a=2', 'https://example.com/a?a=2&z=1'],
    [
      'https://example.com/a?__cft__[0]=AZX&__tn__=%2CO%2CP-R&igsh=abc&img_index=2&s=1&t=2&ref=share',
      'https://example.com/a',
    ],
    ['https://user:pass@example.com/a', 'https://example.com/a'],
    ['https://example.com/?utm_source=x', null],
  ])('%j → %j', (href, expected) => {
    expect(canonicalUrl(href)).toBe(expected);
  });

  it('resolves relative links against the page URL', () => {
    expect(canonicalUrl('/Budi/status/9', 'https://x.com/home')).toBe('https://x.com/budi/status/9');
    expect(canonicalUrl('/Budi/status/9', 'https://twitter.com/home')).toBe('https://x.com/budi/status/9');
    expect(canonicalUrl('berita/1', 'https://example.com/kanal/')).toBe('https://example.com/kanal/berita/1');
    expect(canonicalUrl('/Budi/status/9')).toBeNull();
    expect(canonicalUrl(null)).toBeNull();
    expect(canonicalUrl(undefined, 'https://x.com/')).toBeNull();
  });

  it('is idempotent', () => {
    for (const href of [
      'https://twitter.com/Budi/status/1?s=20',
      'http://example.com:81/a?utm_x=1&b=2&a=1',
    ]) {
      const once = canonicalUrl(href);
      expect(canonicalUrl(once)).toBe(once);
    }
  });
});

describe('helpers', () => {
  it('httpsUrl upgrades, drops port/fragment/credentials, rejects placeholders', () => {
    expect(httpsUrl('http://a:b@example.com:8080/x?y=1#z')?.href).toBe('https://example.com/x?y=1');
    expect(httpsUrl('#')).toBeNull();
    expect(httpsUrl('not a url')).toBeNull();
  });

  it('knows tracking parameters by name and prefix', () => {
    for (const name of [
      'utm_medium',
      'UTM_Source',
      '__cft__[0]',
      '__tn__',
      'fbclid',
      'igsh',
      's',
      't',
      'ref',
    ]) {
      expect(isTrackingParam(name)).toBe(true);
    }
    for (const name of ['id', 'story_fbid', 'fbid', 'set', 'q', 'format', 'name']) {
      expect(isTrackingParam(name)).toBe(false);
    }
  });

  it('parses X status and profile links', () => {
    expect(parseXStatus('/Budi_S/status/42/photo/1', 'https://x.com/')).toEqual({
      handle: 'budi_s',
      id: '42',
    });
    expect(parseXStatus('https://x.com/i/web/status/42')).toEqual({ handle: null, id: '42' });
    expect(parseXStatus('https://example.com/budi/status/42')).toBeNull();
    expect(parseXStatus('https://x.com/a/b/status/42')).toBeNull();
    expect(parseXProfile('/Budi_S', 'https://x.com/')).toBe('budi_s');
    expect(parseXProfile('https://twitter.com/budi_s?ref=1')).toBe('budi_s');
    expect(parseXProfile('/home', 'https://x.com/')).toBeNull();
    expect(parseXProfile('/budi/status/1', 'https://x.com/')).toBeNull();
    expect(parseXProfile('/hashtag/Pilkada', 'https://x.com/')).toBeNull();
  });
});

describe('canonicalUrl: Instagram', () => {
  it.each([
    // Posts and reels: https, www, no username prefix, no query, trailing slash, the code's case kept.
    ['https://www.instagram.com/p/SyntAbC_-12/', 'https://www.instagram.com/p/SyntAbC_-12/'],
    ['http://instagram.com/p/SyntAbC_-12', 'https://www.instagram.com/p/SyntAbC_-12/'],
    [
      'https://m.instagram.com/p/SyntAbC_-12/?igsh=MTc4MmM1YmI2Ng==',
      'https://www.instagram.com/p/SyntAbC_-12/',
    ],
    ['https://www.instagram.com/p/SyntAbC_-12/?img_index=3', 'https://www.instagram.com/p/SyntAbC_-12/'],
    [
      'https://www.instagram.com/p/SyntAbC_-12/?utm_source=ig_web_copy_link&hl=id#komentar',
      'https://www.instagram.com/p/SyntAbC_-12/',
    ],
    ['https://www.instagram.com/budi.santoso/p/SyntAbC_-12/', 'https://www.instagram.com/p/SyntAbC_-12/'],
    [
      'https://www.instagram.com/Budi_S/reel/SyntReel01/?igsh=abc',
      'https://www.instagram.com/reel/SyntReel01/',
    ],
    ['https://www.instagram.com/reels/SyntReel01/', 'https://www.instagram.com/reel/SyntReel01/'],
    ['https://www.instagram.com/tv/SyntTv0001/', 'https://www.instagram.com/tv/SyntTv0001/'],
    // Pages of a post belong to it.
    ['https://www.instagram.com/p/SyntAbC_-12/liked_by/', 'https://www.instagram.com/p/SyntAbC_-12/'],
    [
      'https://www.instagram.com/p/SyntAbC_-12/comments/?enable_persistent_cta=true',
      'https://www.instagram.com/p/SyntAbC_-12/',
    ],
    // Comments and replies keep their ids.
    [
      'https://www.instagram.com/p/SyntAbC_-12/c/18000000000000001/',
      'https://www.instagram.com/p/SyntAbC_-12/c/18000000000000001/',
    ],
    [
      'https://www.instagram.com/budi/p/SyntAbC_-12/c/18000000000000001/r/18000000000000002/?igsh=x',
      'https://www.instagram.com/p/SyntAbC_-12/c/18000000000000001/r/18000000000000002/',
    ],
    ['https://www.instagram.com/p/SyntAbC_-12/c/abc/', null],
    // Instagram pages that are not posts.
    ['https://www.instagram.com/', null],
    ['https://www.instagram.com/budi.santoso/', null],
    ['https://www.instagram.com/explore/', null],
    ['https://www.instagram.com/explore/tags/pilkadadamai/', null],
    ['https://www.instagram.com/reels/audio/1850000000000000001/', null],
    ['https://www.instagram.com/reels/', null],
    ['https://www.instagram.com/budi/reels/', null],
    ['https://www.instagram.com/p/', null],
    ['https://www.instagram.com/p/a/', null],
  ])('%j → %j', (href, expected) => {
    expect(canonicalUrl(href)).toBe(expected);
  });

  it('resolves relative links against the page and is idempotent', () => {
    expect(canonicalUrl('/p/SyntAbC_-12/', 'https://www.instagram.com/')).toBe(
      'https://www.instagram.com/p/SyntAbC_-12/',
    );
    const once = canonicalUrl('https://instagram.com/budi/p/SyntAbC_-12/?img_index=2');
    expect(canonicalUrl(once)).toBe(once);
  });

  it('parses post and profile links', () => {
    expect(parseInstagramPost('/budi/p/SyntAbC_-12/liked_by/', 'https://www.instagram.com/')).toEqual({
      type: 'p',
      code: 'SyntAbC_-12',
      commentId: null,
      replyId: null,
      subpage: 'liked_by',
    });
    expect(parseInstagramPost('https://example.com/p/SyntAbC_-12/')).toBeNull();
    expect(parseInstagramPost('https://www.instagram.com/explore/p/SyntAbC_-12/')).toBeNull();
    expect(parseInstagramProfile('/Budi.Santoso/', 'https://www.instagram.com/')).toBe('budi.santoso');
    expect(parseInstagramProfile('https://www.instagram.com/budi_s/?enable_persistent_cta=true')).toBe(
      'budi_s',
    );
    for (const href of ['/explore/', '/reels/', '/p/SyntAbC_-12/', '/budi/tagged/', '/direct/inbox/']) {
      expect(parseInstagramProfile(href, 'https://www.instagram.com/')).toBeNull();
    }
  });
});
