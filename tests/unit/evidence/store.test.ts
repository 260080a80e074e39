import { Blob as NodeBlob } from 'node:buffer';
import { createHash } from 'node:crypto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { AuditError, deleteEvidence, editEvidence, withEdits } from '@/lib/evidence/audit';
import { EvidenceDb } from '@/lib/evidence/db';
import { Evidence } from '@/lib/evidence/schema';
import { appendEvidence, type EvidenceDraft, sealPending } from '@/lib/evidence/store';
import { verifyStoredChains } from '@/lib/evidence/verify-chain';
import { xSnapshot } from '../capture/snapshot-factory';

const png = (label: string) => new NodeBlob([label], { type: 'image/png' }) as unknown as Blob;

function draft(n: number): EvidenceDraft {
  return {
    schemaVersion: 1,
    id: `id-${n}`,
    clickId: `click-${n}`,
    dedupeKey: `https://x.com/a/status/${n}`,
    capturedAt: '2026-11-21T17:00:00.000+07:00',
    post: xSnapshot({ url: `https://x.com/a/status/${n}`, text: `temuan ${n}` }),
    officer: { name: null, nip: null, unit: null },
    category: 'posting',
    note: '',
    missing: [],
    provenance: {
      extensionVersion: '0.1.0',
      adapterVersion: 'x-1',
      browser: 'test',
      os: 'test',
      devicePixelRatio: 1,
    },
  };
}

async function filled(count: number) {
  const db = new EvidenceDb(`netra-store-${crypto.randomUUID()}`);
  for (let n = 1; n <= count; n++) {
    await appendEvidence(db, draft(n), [
      { role: 'post', blob: png(`shot ${n}`), width: 1, height: 1, clipped: false, slices: 1 },
    ]);
  }
  return db;
}

describe('the evidence chain on the device', () => {
  it('hashes each screenshot and links each record to the one before', async () => {
    const db = await filled(3);
    const [a, b, c] = await db.evidence.orderBy('seq').toArray();
    expect(a!.screenshots[0]!.sha256).toBe(createHash('sha256').update('shot 1').digest('hex'));
    expect([a!.prevHash, b!.prevHash, c!.prevHash]).toEqual([null, a!.hash, b!.hash]);
    expect(await verifyStoredChains(db)).toEqual({ evidence: [], audit: [] });
  });

  it('detects a record changed in place', async () => {
    const db = await filled(3);
    await db.evidence.update('id-2', { note: 'diubah diam-diam' });
    const { evidence } = await verifyStoredChains(db);
    expect(evidence).toEqual([expect.objectContaining({ seq: 2, check: 'hash' })]);
  });

  it('detects a record removed without a tombstone', async () => {
    const db = await filled(3);
    await db.evidence.delete('id-2');
    const checks = (await verifyStoredChains(db)).evidence.map((p) => p.check).sort();
    expect(checks).toEqual(['link', 'sequence']);
  });
});

describe('audit log', () => {
  it('records edits without touching the sealed finding; the view applies them in order', async () => {
    const db = await filled(2);
    const sealed = await db.evidence.get('id-1');
    await editEvidence(db, 'id-1', { category: 'sharing' }, 'salah kategori');
    await editEvidence(
      db,
      'id-1',
      { note: 'akun guru SD', asn: { name: 'Sri Wahyuni', nip: null, agency: 'Dinas Pendidikan' } },
      'identifikasi',
    );
    expect(await db.evidence.get('id-1')).toEqual(sealed);
    const entries = await db.audit.orderBy('seq').toArray();
    expect(entries.map((e) => [e.seq, e.action, e.reason])).toEqual([
      [1, 'edit', 'salah kategori'],
      [2, 'edit', 'identifikasi'],
    ]);
    expect(withEdits(sealed!, entries)).toMatchObject({
      category: 'sharing',
      note: 'akun guru SD',
      asn: { name: 'Sri Wahyuni', agency: 'Dinas Pendidikan' },
    });
    expect(await verifyStoredChains(db)).toEqual({ evidence: [], audit: [] });
  });

  it('refuses an edit outside what may change (the captured post) and an unknown finding', async () => {
    const db = await filled(1);
    await expect(editEvidence(db, 'id-1', { text: 'lain' } as never, 'x')).resolves.toBeDefined();
    // zod strips unknown keys: the entry records nothing but what may change.
    const [entry] = await db.audit.toArray();
    expect(entry?.changes).toEqual({});
    await expect(editEvidence(db, 'nope', { note: 'a' }, 'b')).rejects.toThrow(AuditError);
  });

  it('deletes with a reason, keeps a tombstone, and the chain still verifies across the gap', async () => {
    const db = await filled(3);
    await expect(deleteEvidence(db, 'id-2', '')).rejects.toThrow('Alasan penghapusan wajib diisi.');
    const tombstone = await deleteEvidence(db, 'id-2', 'bukan akun ASN');
    expect(tombstone).toMatchObject({ seq: 2, evidenceId: 'id-2', reason: 'bukan akun ASN', auditSeq: 1 });
    expect(await db.evidence.get('id-2')).toBeUndefined();
    expect(await db.screenshots.where('evidenceId').equals('id-2').count()).toBe(0);
    expect(await verifyStoredChains(db)).toEqual({ evidence: [], audit: [] });
    // The next finding continues after the tombstone.
    await appendEvidence(db, draft(4), []);
    expect((await db.evidence.get('id-4'))?.seq).toBe(4);
    expect(await verifyStoredChains(db)).toEqual({ evidence: [], audit: [] });
  });

  it('detects an audit entry rewritten afterwards', async () => {
    const db = await filled(1);
    await editEvidence(db, 'id-1', { note: 'a' }, 'pertama');
    await editEvidence(db, 'id-1', { note: 'b' }, 'kedua');
    await db.audit.update(1, { reason: 'diganti' });
    expect((await verifyStoredChains(db)).audit).toEqual([
      expect.objectContaining({ seq: 1, check: 'hash' }),
    ]);
  });
});

describe('database upgrade', () => {
  it('a v1 database opened by v2 keeps every record and seals it into the chain', async () => {
    const name = `netra-upgrade-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      evidence: 'id, &seq, &clickId, dedupeKey, capturedAt',
      screenshots: 'id, evidenceId',
    });
    const old = (n: number) => ({
      schemaVersion: 1,
      id: `old-${n}`,
      seq: n,
      clickId: `c-${n}`,
      dedupeKey: `https://x.com/a/status/${n}`,
      capturedAt: '2026-11-20T09:00:00.000+07:00',
      post: (({ parent: _parent, ...post }) => post)(
        xSnapshot({ url: `https://x.com/a/status/${n}`, kind: n === 2 ? 'reply' : 'post' }),
      ),
      screenshots: [
        {
          id: `old-${n}-post`,
          role: 'post',
          mime: 'image/png',
          width: 10,
          height: 10,
          size: 5,
          clipped: false,
        },
      ],
      devicePixelRatio: 2,
      extensionVersion: '0.1.0',
      exportedAt: null,
    });
    await v1.table('evidence').bulkAdd([old(1), old(2)]);
    await v1.table('screenshots').bulkAdd([
      { id: 'old-1-post', evidenceId: 'old-1', blob: png('one') },
      { id: 'old-2-post', evidenceId: 'old-2', blob: png('two') },
    ]);
    v1.close();

    const db = new EvidenceDb(name);
    expect(await db.evidence.count()).toBe(2);
    expect(await sealPending(db)).toBe(2);
    const records = await db.evidence.orderBy('seq').toArray();
    for (const record of records) expect(Evidence.safeParse(record).success).toBe(true);
    expect(records.map((r) => [r.id, r.category, r.provenance.devicePixelRatio, r.post.parent])).toEqual([
      ['old-1', 'posting', 2, null],
      ['old-2', 'commenting', 2, null],
    ]);
    expect(records[1]!.prevHash).toBe(records[0]!.hash);
    expect(await verifyStoredChains(db)).toEqual({ evidence: [], audit: [] });
    expect(await sealPending(db)).toBe(0);
    // New findings continue the old chain.
    await appendEvidence(db, draft(3), []);
    expect((await db.evidence.get('id-3'))?.prevHash).toBe(records[1]!.hash);
  });
});
