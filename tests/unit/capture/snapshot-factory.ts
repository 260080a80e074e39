import type { PostSnapshot } from '@/lib/platforms/snapshot';

/** A valid X snapshot with invented content; override what a test is about. */
export function xSnapshot(overrides: Partial<PostSnapshot> = {}): PostSnapshot {
  return {
    platform: 'x',
    kind: 'post',
    url: 'https://x.com/sriwahyuni_guru/status/1850000000000000001',
    postId: '1850000000000000001',
    text: 'Ayo dukung Paslon 02! #Coblos02',
    textTruncated: false,
    author: {
      handle: 'sriwahyuni_guru',
      displayName: 'Sri Wahyuni, S.Pd.',
      profileUrl: 'https://x.com/sriwahyuni_guru',
    },
    repostedBy: null,
    parent: null,
    quoted: null,
    postedAt: '2026-11-20T03:15:00.000Z',
    media: [],
    pageUrl: 'https://x.com/home',
    missing: [],
    promoted: false,
    ...overrides,
  };
}
