import { describe, expect, it } from 'vitest';
import { matchInputFromSnapshot } from '@/lib/config/match-input';
import { MatchInput } from '@/lib/feed-messages';
import type { Account } from '@/lib/platforms/snapshot';
import { xSnapshot } from '../capture/snapshot-factory';

const person = (handle: string): Account => ({
  handle,
  displayName: null,
  profileUrl: `https://x.com/${handle}`,
});

describe('matchInputFromSnapshot', () => {
  it('takes the author, co-authors and reposter with their roles, and the text', () => {
    const input = matchInputFromSnapshot(
      xSnapshot({ author: person('penulis'), coAuthors: [person('rekan')], repostedBy: person('pembagi') }),
    );
    expect(input).toEqual({
      platform: 'x',
      kind: 'post',
      accounts: [
        { role: 'author', handle: 'penulis', profileUrl: 'https://x.com/penulis' },
        { role: 'coauthor', handle: 'rekan', profileUrl: 'https://x.com/rekan' },
        { role: 'reposter', handle: 'pembagi', profileUrl: 'https://x.com/pembagi' },
      ],
      text: 'Ayo dukung Paslon 02! #Coblos02',
    });
    expect(MatchInput.safeParse(input).success).toBe(true);
  });

  it.each([
    ['post', 'author'],
    ['reply', 'commenter'],
    ['comment', 'commenter'],
    ['reaction', 'reactor'],
    ['repost', 'reposter'],
  ] as const)('a %s’s own account is its %s', (kind, role) => {
    expect(matchInputFromSnapshot(xSnapshot({ kind })).accounts[0]?.role).toBe(role);
  });

  it('leaves out accounts the page showed nothing of', () => {
    const nobody: Account = { handle: null, displayName: 'Tanpa Nama', profileUrl: null };
    expect(matchInputFromSnapshot(xSnapshot({ author: nobody })).accounts).toEqual([]);
  });

  it('adds the quoted post’s text on its own line', () => {
    const quoted = xSnapshot({ text: 'Salam dua jari' });
    expect(matchInputFromSnapshot(xSnapshot({ text: 'Setuju!', quoted })).text).toBe(
      'Setuju!\nSalam dua jari',
    );
  });

  it('cuts the text to 20,000 characters without splitting a surrogate pair', () => {
    expect(matchInputFromSnapshot(xSnapshot({ text: 'a'.repeat(30_000) })).text).toHaveLength(20_000);
    const cut = matchInputFromSnapshot(xSnapshot({ text: `${'a'.repeat(19_999)}😀` })).text;
    expect(cut).toBe('a'.repeat(19_999));
    expect(
      MatchInput.safeParse(matchInputFromSnapshot(xSnapshot({ text: 'b'.repeat(50_000) }))).success,
    ).toBe(true);
  });
});
