import { describe, expect, it } from 'vitest';
import { currentViews } from '@/lib/evidence/audit';
import {
  EMPTY_FILTER,
  filterFindings,
  fold,
  indexFindings,
  parseReviewState,
  type ReviewFilter,
  reviewQuery,
  versionGroups,
} from '@/lib/evidence/review-query';
import type { Evidence } from '@/lib/evidence/schema';
import { editEntry, finding, localIso } from './factory';

const ids = (views: { id: string }[]) => views.map((v) => v.id);

function search(
  findings: Evidence[],
  filter: Partial<ReviewFilter>,
  audit = [] as Parameters<typeof currentViews>[1],
) {
  return ids(filterFindings(indexFindings(currentViews(findings, audit)), { ...EMPTY_FILTER, ...filter }));
}

describe('free-text search', () => {
  const findings = [
    finding(1, { post: { text: 'Ayo coblos Bupáti nomor 2!\nSalam dua jari' } }),
    finding(2, {
      post: { author: { handle: 'camat_sukamaju', displayName: 'Pak Camat Ñoño', profileUrl: null } },
    }),
    finding(3, { post: { url: 'https://www.facebook.com/dinas.pendidikan/posts/987' } }),
    finding(4, { note: 'Kepala sekolah SDN 3' }),
    finding(5),
  ];
  const audit = [
    editEntry(1, findings[4]!, { asn: { name: 'Bambang Hartono', nip: '198001012005012001', agency: null } }),
  ];

  it.each([
    ['bupati', ['id-1']],
    ['BUPATI', ['id-1']],
    ['Bupáti', ['id-1']],
    ['salam dua', ['id-1']],
    ['jari coblos', ['id-1']],
    ['@camat_sukamaju', ['id-2']],
    ['nono', ['id-2']],
    ['pak camat', ['id-2']],
    ['dinas.pendidikan', ['id-3']],
    ['kepala sekolah', ['id-4']],
    ['bambang hartono', ['id-5']],
    ['198001012005012001', ['id-5']],
    ['  ', ['id-5', 'id-4', 'id-3', 'id-2', 'id-1']],
    ['tidak ada yang cocok', []],
  ])('%j finds %j', (q, expected) => {
    expect(search(findings, { q }, audit)).toEqual(expected);
  });

  it('folds case and diacritics the same way on both sides', () => {
    expect(fold('ÉLÈVE Çà Ñ')).toBe('eleve ca n');
  });
});

describe('filters', () => {
  const findings = [
    finding(1, { post: { platform: 'facebook', kind: 'comment' }, category: 'commenting' }),
    finding(2, {
      post: { platform: 'instagram', kind: 'post' },
      exportedAt: '2026-11-22T08:00:00.000+07:00',
    }),
    finding(3, { post: { platform: 'x', kind: 'repost' }, category: 'sharing' }),
    finding(4, { post: { platform: 'x', kind: 'post' } }),
  ];

  it.each<[Partial<ReviewFilter>, string[]]>([
    [{ platform: 'x' }, ['id-4', 'id-3']],
    [{ platform: 'facebook' }, ['id-1']],
    [{ kind: 'post' }, ['id-4', 'id-2']],
    [{ kind: 'reaction' }, []],
    [{ category: 'sharing' }, ['id-3']],
    [{ category: 'posting' }, ['id-4', 'id-2']],
    [{ exported: 'pending' }, ['id-4', 'id-3', 'id-1']],
    [{ exported: 'exported' }, ['id-2']],
    [{ exported: 'all' }, ['id-4', 'id-3', 'id-2', 'id-1']],
    [{ platform: 'x', kind: 'post', exported: 'pending' }, ['id-4']],
  ])('%j → %j', (filter, expected) => {
    expect(search(findings, filter)).toEqual(expected);
  });

  it('filters by the category as edited, not as captured', () => {
    const audit = [editEntry(1, findings[3]!, { category: 'attributes' })];
    expect(search(findings, { category: 'attributes' }, audit)).toEqual(['id-4']);
    expect(search(findings, { category: 'posting' }, audit)).toEqual(['id-2']);
  });
});

describe('captured date range, in the officer’s local days', () => {
  const findings = [
    finding(1, { capturedAt: localIso(2026, 11, 20, 23, 59, 59, 999) }),
    finding(2, { capturedAt: localIso(2026, 11, 21, 0, 0, 0) }),
    finding(3, { capturedAt: localIso(2026, 11, 21, 23, 59, 59, 999) }),
    finding(4, { capturedAt: localIso(2026, 11, 22, 0, 0, 0) }),
  ];

  it.each<[Partial<ReviewFilter>, string[]]>([
    [{ from: '2026-11-21' }, ['id-4', 'id-3', 'id-2']],
    [{ to: '2026-11-21' }, ['id-3', 'id-2', 'id-1']],
    [{ from: '2026-11-21', to: '2026-11-21' }, ['id-3', 'id-2']],
    [{ from: '2026-11-20', to: '2026-11-20' }, ['id-1']],
    [{ from: '2026-11-22', to: '2026-11-21' }, []],
  ])('%j → %j', (filter, expected) => {
    expect(search(findings, filter)).toEqual(expected);
  });

  it('compares instants, whatever offset a record was written with', () => {
    const utc = new Date(2026, 10, 21, 0, 0, 0).toISOString(); // the same instant, written in UTC
    expect(search([finding(9, { capturedAt: utc })], { from: '2026-11-21', to: '2026-11-21' })).toEqual([
      'id-9',
    ]);
  });
});

describe('order and versions', () => {
  it('lists the newest capture first', () => {
    const findings = [
      finding(1, { capturedAt: '2026-11-21T08:00:00.000+07:00' }),
      finding(2, { capturedAt: '2026-11-21T10:00:00.000+07:00' }),
      finding(3, { capturedAt: '2026-11-21T02:30:00.000Z' }), // 09.30 WIB
    ];
    expect(search(findings, {})).toEqual(['id-2', 'id-3', 'id-1']);
  });

  it('groups the captures of one post under its first, oldest version first', () => {
    const views = currentViews(
      [
        finding(1),
        finding(3, { version: 2, versionOf: 'id-1' }),
        finding(2),
        finding(4, { version: 3, versionOf: 'id-1' }),
      ],
      [],
    );
    const groups = versionGroups(views);
    expect([...groups.keys()]).toEqual(['id-1', 'id-2']);
    expect(ids(groups.get('id-1')!)).toEqual(['id-1', 'id-3', 'id-4']);
  });

  it('applies each finding’s edits in audit order', () => {
    const [a, b] = [finding(1), finding(2)];
    const views = currentViews(
      [a!, b!],
      [
        editEntry(3, a!, { note: 'terakhir' }),
        editEntry(1, a!, { note: 'pertama', category: 'other' }),
        editEntry(2, b!, { note: 'milik temuan 2' }),
      ],
    );
    expect(views.map((v) => [v.note, v.category])).toEqual([
      ['terakhir', 'other'],
      ['milik temuan 2', 'posting'],
    ]);
  });
});

describe('the URL query', () => {
  it('round-trips every filter, the open finding and the section', () => {
    const state = {
      q: 'bupati 02',
      platform: 'facebook' as const,
      category: 'sharing',
      kind: 'comment' as const,
      from: '2026-11-01',
      to: '2026-11-30',
      exported: 'pending' as const,
      id: 'abc-123',
      section: 'findings' as const,
    };
    const query = reviewQuery(state);
    expect(parseReviewState(new URLSearchParams(query))).toEqual(state);
  });

  it('leaves defaults out, so the unfiltered page is plain review.html', () => {
    expect(reviewQuery({ ...EMPTY_FILTER, id: null, section: 'findings' })).toBe('');
    expect(reviewQuery({ ...EMPTY_FILTER, id: 'x1', section: 'findings' })).toBe('?id=x1');
  });

  it('ignores unknown or malformed values', () => {
    const state = parseReviewState(
      new URLSearchParams(
        'platform=myspace&kind=story&from=21-11-2026&to=2026-11-3&exported=maybe&section=x',
      ),
    );
    expect(state).toEqual({ ...EMPTY_FILTER, id: null, section: 'findings' });
  });
});
