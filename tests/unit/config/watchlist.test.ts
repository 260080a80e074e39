import { describe, expect, it } from 'vitest';
import { buildMatcher, suggestCategory } from '@/lib/config/matcher';
import type { PostMatch, WatchlistEntry } from '@/lib/config/schema';
import type { MatchAccount, MatchInput } from '@/lib/feed-messages';
import type { Platform } from '@/lib/platforms/snapshot';

// Invented people only.
const entry = (id: string, fields: Partial<WatchlistEntry>): WatchlistEntry => ({
  id,
  name: 'Pegawai Contoh',
  nip: null,
  agency: null,
  position: null,
  platform: 'x',
  handle: null,
  profileUrl: null,
  ...fields,
});

const watchlist = [
  entry('x:budi_s', {
    name: 'Budi Santoso',
    platform: 'x',
    handle: 'budi_s',
    nip: '198703152010011002',
    agency: 'Dinas Pendidikan Kabupaten Fiktif',
  }),
  entry('ig:budi.s', { name: 'Budi Santoso', platform: 'instagram', handle: 'budi.s' }),
  entry('fb:budi.santoso', {
    name: 'Budi Santoso',
    platform: 'facebook',
    profileUrl: 'https://www.facebook.com/Budi.Santoso',
  }),
  entry('fb:100012345', { name: 'Siti Rahayu', platform: 'facebook', handle: 'profile.php?id=100012345' }),
  entry('x:@Dewi', { name: 'Dewi Lestari', platform: 'x', handle: '@Dewi_L' }),
  entry('web:forum', { name: 'Joko Susilo', platform: 'web', profileUrl: 'https://forum.contoh.id/u/joko' }),
];
const matcher = buildMatcher([], watchlist);

const account = (
  handle: string | null,
  profileUrl: string | null = null,
  role: MatchAccount['role'] = 'author',
) => ({
  role,
  handle,
  profileUrl,
});
const input = (platform: Platform, accounts: MatchAccount[]): MatchInput => ({
  platform,
  kind: 'post',
  accounts,
  text: '',
});
const ids = (match: PostMatch) => match.asn.map((m) => `${m.role}:${m.entry.id}`);

describe('watchlist lookup', () => {
  it.each<[Platform, string | null, string | null, string[]]>([
    ['x', 'budi_s', null, ['author:x:budi_s']],
    ['x', '@Budi_S', null, ['author:x:budi_s']],
    ['x', null, 'https://x.com/Budi_S?s=20', ['author:x:budi_s']],
    ['x', null, 'https://twitter.com/budi_s', ['author:x:budi_s']],
    ['instagram', 'budi.s', 'https://www.instagram.com/budi.s/', ['author:ig:budi.s']],
    ['instagram', 'budi_s', null, []],
    ['facebook', 'budi.santoso', 'https://www.facebook.com/budi.santoso', ['author:fb:budi.santoso']],
    ['facebook', 'profile.php?id=100012345', null, ['author:fb:100012345']],
    ['facebook', null, 'https://m.facebook.com/profile.php?id=100012345', ['author:fb:100012345']],
    ['x', 'dewi_l', null, ['author:x:@Dewi']],
    ['x', 'budi_s2', null, []],
    ['facebook', 'budi_s', null, []],
    ['web', null, 'http://forum.contoh.id/u/joko/', ['author:web:forum']],
    ['x', null, null, []],
  ])('%s handle %j url %j → %j', (platform, handle, url, expected) => {
    expect(ids(matcher.match(input(platform, [account(handle, url)])))).toEqual(expected);
  });

  it('lists the author first, then the other accounts in order, one match per role and entry', () => {
    const match = matcher.match(
      input('x', [
        account('dewi_l', null, 'reposter'),
        account('budi_s', null, 'coauthor'),
        account('budi_s', null, 'author'),
        account('Budi_S', null, 'coauthor'),
        account('nobody', null, 'commenter'),
      ]),
    );
    expect(ids(match)).toEqual(['author:x:budi_s', 'reposter:x:@Dewi', 'coauthor:x:budi_s']);
    expect(match.asn[0]!.entry).toBe(watchlist[0]);
  });

  it('finds every entry filed under the same account', () => {
    const twice = buildMatcher([], [watchlist[0]!, { ...watchlist[0]!, id: 'x:budi_s-2', name: 'Budi S.' }]);
    expect(ids(twice.match(input('x', [account('budi_s')])))).toEqual([
      'author:x:budi_s',
      'author:x:budi_s-2',
    ]);
  });

  it('says when there is nothing to match', () => {
    expect(buildMatcher([], []).empty).toBe(true);
    expect(matcher.empty).toBe(false);
    expect(
      buildMatcher([{ id: 'r', term: 'amin', label: 'x', kind: 'other', category: null }], []).empty,
    ).toBe(false);
  });
});

describe('searchWatchlist', () => {
  const people = [
    entry('1', {
      name: 'Budi Santoso',
      handle: 'budi_s',
      nip: '198703152010011002',
      agency: 'Dinas Pendidikan',
    }),
    entry('2', { name: 'Ahmad Budiman', handle: 'ahmad_b', agency: 'Kecamatan Sukamaju' }),
    entry('3', { name: 'Siti Budiarti', handle: 'siti.b', platform: 'instagram' }),
    entry('4', {
      name: 'Dewi Lestari',
      handle: 'bu_dewi',
      nip: '199001012015032001',
      agency: 'Puskesmas Budi Luhur',
    }),
    entry('5', { name: 'Élok Ñurhayati', handle: 'elok_n', agency: 'Dinas Kesehatan' }),
    entry('6', { name: 'Andi Subudi', handle: 'andi_x' }),
  ];
  const search = buildMatcher([], people).searchWatchlist;
  const names = (query: string, limit?: number) => search(query, limit).map((e) => e.name);

  it('puts name and handle prefixes first, then word prefixes (by name), then matches inside words', () => {
    expect(names('budi')).toEqual([
      'Budi Santoso',
      'Ahmad Budiman',
      'Dewi Lestari',
      'Siti Budiarti',
      'Andi Subudi',
    ]);
  });

  it('ignores case and accents, and matches several words in any order', () => {
    expect(names('ELOK')).toEqual(['Élok Ñurhayati']);
    expect(names('nurhayati')).toEqual(['Élok Ñurhayati']);
    expect(names('santoso budi')).toEqual(['Budi Santoso']);
    expect(names('dinas kes')).toEqual(['Élok Ñurhayati']);
  });

  it('finds by handle, with or without @, exact handle first', () => {
    expect(names('@bu_dewi')).toEqual(['Dewi Lestari']);
    expect(names('siti.b')).toEqual(['Siti Budiarti']);
  });

  it('finds by NIP prefix, typed whole or in groups', () => {
    expect(names('19870315')).toEqual(['Budi Santoso']);
    expect(names('1987 0315 2010')).toEqual(['Budi Santoso']);
    expect(names('198703152010011002')).toEqual(['Budi Santoso']);
    expect(names('1990.0101')).toEqual(['Dewi Lestari']);
    expect(names('19')).toEqual(['Budi Santoso', 'Dewi Lestari']);
  });

  it('keeps to the limit and answers nothing for an empty query', () => {
    expect(names('budi', 2)).toEqual(['Budi Santoso', 'Ahmad Budiman']);
    expect(search('budi')).toHaveLength(5);
    expect(names('   ')).toEqual([]);
    expect(names('zzz')).toEqual([]);
  });

  it('defaults to 8 results', () => {
    const many = buildMatcher(
      [],
      Array.from({ length: 20 }, (_, i) => entry(`e${i}`, { name: `Pegawai ${i}` })),
    );
    expect(many.searchWatchlist('pegawai')).toHaveLength(8);
  });
});

describe('suggestCategory', () => {
  const ruleMatch = (category: string | null) => ({
    ruleId: 'r',
    term: 't',
    label: 'l',
    kind: 'gesture' as const,
    category,
  });
  const match = (...categories: (string | null)[]): PostMatch => ({
    asn: [],
    rules: categories.map(ruleMatch),
  });
  const known = ['posting', 'commenting', 'sharing', 'liking', 'attributes', 'other'];

  it('follows the kind of what was flagged when no rule names a category', () => {
    expect(suggestCategory('post', false, match(), known)).toBe('posting');
    expect(suggestCategory('post', true, match(null), known)).toBe('sharing');
    expect(suggestCategory('comment', false, match(), known)).toBe('commenting');
    expect(suggestCategory('reaction', false, match(), known)).toBe('liking');
  });

  it("takes the first matched rule's category the office still has", () => {
    expect(suggestCategory('post', false, match(null, 'gone', 'attributes', 'sharing'), known)).toBe(
      'attributes',
    );
    expect(suggestCategory('comment', false, match('gone'), known)).toBe('commenting');
  });
});
