import type { AuditEntry } from '@/lib/evidence/audit';
import type { Evidence } from '@/lib/evidence/schema';
import { isoWithOffset } from '@/lib/evidence/time';
import type { PostSnapshot } from '@/lib/platforms/snapshot';
import { xSnapshot } from '../capture/snapshot-factory';

/** A sealed-looking finding with invented content; override what a test is about. */
export function finding(
  n: number,
  overrides: Partial<Omit<Evidence, 'post'>> & { post?: Partial<PostSnapshot> } = {},
): Evidence {
  const { post, ...rest } = overrides;
  return {
    schemaVersion: 1,
    id: `id-${n}`,
    seq: n,
    clickId: `click-${n}`,
    dedupeKey: `https://x.com/a/status/${n}`,
    capturedAt: `2026-11-21T10:${String(n % 60).padStart(2, '0')}:00.000+07:00`,
    post: xSnapshot({ url: `https://x.com/a/status/${n}`, text: `temuan ${n}`, ...post }),
    officer: { name: null, nip: null, unit: null },
    category: 'posting',
    note: '',
    screenshots: [],
    missing: [],
    version: 1,
    versionOf: null,
    changed: [],
    provenance: {
      extensionVersion: '0.1.0',
      adapterVersion: 'x-1',
      browser: 'test',
      os: 'test',
      devicePixelRatio: 1,
    },
    prevHash: null,
    hash: String(n).padStart(64, 'a'),
    exportedAt: null,
    ...rest,
  };
}

export function editEntry(
  seq: number,
  evidence: Evidence,
  changes: AuditEntry['changes'],
  reason = 'koreksi',
): AuditEntry {
  return {
    seq,
    at: `2026-11-21T12:00:0${seq % 10}.000+07:00`,
    action: 'edit',
    evidenceId: evidence.id,
    evidenceSeq: evidence.seq,
    reason,
    changes,
    prevHash: null,
    hash: String(seq).padStart(64, 'b'),
  };
}

/** An ISO time with the device's own offset, from local wall-clock parts (month 1-12). */
export function localIso(y: number, month: number, d: number, h = 0, min = 0, s = 0, ms = 0): string {
  return isoWithOffset(new Date(y, month - 1, d, h, min, s, ms));
}
