import { describe, expect, it } from 'vitest';
import { evidenceCsv } from '@/lib/bundle/csv';
import type { BundleManifest } from '@/lib/bundle/manifest';
import { reportHtml } from '@/lib/bundle/report-html';
import { sha256Hex } from '@/lib/evidence/canonical';
import { editEntry, sealedFindings } from './fixtures';

// The verifier rebuilds evidence.csv and index.html from a bundle's findings and requires the same
// bytes. So their v1 rendering is part of the format: if this test fails, bundles officers already
// exported would stop verifying. Leave v1 as it is; a new layout is formatVersion 2, with the v1
// renderer kept for old bundles (see FORMAT.md). Update the hashes only when no v1 bundle exists yet.

const FROZEN = {
  csv: '12c32b741e0fd667dded98903f4150d998a49f2daa1e27578b5034782e1003d3',
  html: 'ec3f54090a21e66fbfe5044a75bd54a050aaf3b8570930fb2628883c6fa78be4',
};

async function fixture() {
  const { records } = await sealedFindings([
    { post: { text: 'Ayo dukung Paslon 02! #Coblos02' } },
    {
      post: { text: '=HYPERLINK("https://jahat.example","klik")\nbaris kedua', kind: 'reply' },
      note: 'catatan',
    },
  ]);
  const edit = await editEntry(records[0]!, {
    category: 'sharing',
    asn: { name: 'Sri Wahyuni', nip: '198503142009022001', agency: 'SD Negeri 3 Contoh' },
  });
  const manifest: BundleManifest = {
    format: 'netra-bundle',
    formatVersion: 1,
    createdAt: '2026-11-21T17:00:00.000+07:00',
    officer: records[0]!.officer,
    office: { name: 'Bawaslu Provinsi Contoh' },
    extensionVersion: '0.1.0',
    device: { keyFingerprint: 'ab'.repeat(32), publicKeyFile: 'officer.pub.pem' },
    shift: { from: records[0]!.capturedAt, to: records[1]!.capturedAt },
    records: { count: 2, firstSeq: 1, lastSeq: 2, firstPrevHash: null, lastHash: records[1]!.hash },
    previousBundle: null,
    tombstones: [],
    audit: { file: 'audit.json', count: 1 },
  };
  return { records, edit, manifest };
}

describe('format v1 views', () => {
  it('render exactly as they did when v1 was frozen', async () => {
    const { records, edit, manifest } = await fixture();
    expect({
      csv: await sha256Hex(evidenceCsv(records, [edit])),
      html: await sha256Hex(reportHtml(manifest, records, [edit])),
    }).toEqual(FROZEN);
  });
});
