import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '@/lib/evidence/canonical';
import { type ChainRecord, chainHash, sealRecord, verifyChain } from '@/lib/evidence/chain';

interface Finding extends ChainRecord {
  id: string;
  text: string;
  tags: string[];
  meta: { platform: string; likes: number };
}

async function buildChain(count: number, prevHash: string | null = null, firstSeq = 1): Promise<Finding[]> {
  const records: Finding[] = [];
  let prev = prevHash;
  for (let i = 0; i < count; i++) {
    const seq = firstSeq + i;
    const sealed = await sealRecord(
      {
        seq,
        id: `ev-${seq}`,
        text: `post ${seq} — ünïcode`,
        tags: ['asn', `t${seq}`],
        meta: { platform: 'x', likes: seq },
      },
      prev,
    );
    records.push(sealed);
    prev = sealed.hash;
  }
  return records;
}

const clone = <T>(value: T): T => structuredClone(value);
const checks = (problems: Array<{ check: string }>) => new Set(problems.map((p) => p.check));

describe('chainHash and sealRecord', () => {
  it('hashes the canonical JSON of the record without its hash, prevHash included', async () => {
    const body = { seq: 1, b: 2, a: 1, prevHash: null };
    expect(await chainHash(body)).toBe(await sha256Hex('{"a":1,"b":2,"prevHash":null,"seq":1}'));
    expect(await chainHash({ ...body, hash: 'whatever' })).toBe(await chainHash(body));
  });

  it('refuses a body without prevHash', async () => {
    await expect(chainHash({ seq: 1 })).rejects.toThrow(/prevHash/);
  });

  it('seals a record with its prevHash and a 64-hex hash of the rest', async () => {
    const sealed = await sealRecord({ seq: 2, text: 'x' }, 'a'.repeat(64));
    expect(sealed).toEqual({
      seq: 2,
      text: 'x',
      prevHash: 'a'.repeat(64),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(sealed.hash).toBe(await sha256Hex(canonicalJson({ seq: 2, text: 'x', prevHash: 'a'.repeat(64) })));
  });

  it('gives the same hash after a JSON round trip, so an exported record verifies', async () => {
    const [record] = await buildChain(1);
    const reparsed = JSON.parse(JSON.stringify(record)) as Finding;
    expect(await chainHash(reparsed)).toBe(record!.hash);
  });
});

describe('verifyChain', () => {
  it('accepts a valid chain of 5, and an empty one', async () => {
    expect(await verifyChain(await buildChain(5))).toEqual([]);
    expect(await verifyChain([])).toEqual([]);
  });

  it('detects a change to any field of any record as a hash problem on that record', async () => {
    const chain = await buildChain(5);
    const edits: Array<[string, (r: Finding) => void]> = [
      ['seq', (r) => (r.seq += 100)],
      ['id', (r) => (r.id = 'forged')],
      ['text', (r) => (r.text += ' ')],
      ['tags', (r) => r.tags.push('extra')],
      ['meta', (r) => (r.meta.likes += 1)],
      ['prevHash', (r) => (r.prevHash = 'f'.repeat(64))],
      ['hash', (r) => (r.hash = `0${r.hash.slice(1)}`)],
      ['added field', (r) => Object.assign(r, { note: 'x' })],
      ['removed field', (r) => Reflect.deleteProperty(r, 'text')],
    ];
    for (const [index] of chain.entries()) {
      for (const [field, edit] of edits) {
        const tampered = clone(chain);
        edit(tampered[index]!);
        const problems = await verifyChain(tampered);
        const onRecord = problems.filter((p) => p.check === 'hash');
        expect(onRecord.length, `${field} of record ${index + 1}`).toBe(1);
        expect(onRecord[0]!.seq).toBe(tampered[index]!.seq);
        expect(onRecord[0]!.message).toMatch(new RegExp(`^Record ${tampered[index]!.seq} has been altered`));
      }
    }
  });

  it('detects a removed record as a broken link and a sequence gap', async () => {
    const chain = await buildChain(5);
    const problems = await verifyChain([...chain.slice(0, 2), ...chain.slice(3)]);
    expect(problems).toEqual([
      {
        seq: 4,
        check: 'link',
        message: expect.stringMatching(/^Record 4 does not link to its predecessor.*record 2/),
      },
      { seq: 3, check: 'sequence', message: 'Record 3 is missing, and no deletion is recorded for it.' },
    ]);
  });

  it('reports a run of missing records once', async () => {
    const chain = await buildChain(5);
    const problems = await verifyChain([chain[0]!, chain[4]!]);
    expect(problems.filter((p) => p.check === 'sequence')).toEqual([
      {
        seq: 2,
        check: 'sequence',
        message: 'Records 2 to 4 are missing, and no deletion is recorded for them.',
      },
    ]);
  });

  it('detects two swapped records', async () => {
    const chain = await buildChain(5);
    const swapped = [chain[0]!, chain[2]!, chain[1]!, chain[3]!, chain[4]!];
    const problems = await verifyChain(swapped);
    expect(problems.filter((p) => p.check === 'link').map((p) => p.seq)).toEqual([3, 2, 4]);
    expect(problems).toContainEqual({
      seq: 2,
      check: 'sequence',
      message: 'Record 2 is out of order: it comes after 3.',
    });
    expect(checks(problems).has('hash')).toBe(false);
  });

  it('detects swapped contents under unchanged sequence numbers', async () => {
    const chain = clone(await buildChain(5));
    [chain[1]!.seq, chain[2]!.seq] = [chain[2]!.seq, chain[1]!.seq];
    chain.sort((a, b) => a.seq - b.seq);
    expect(checks(await verifyChain(chain))).toEqual(new Set(['hash', 'link']));
  });

  it('detects a forged record with a correct self-hash but a wrong link', async () => {
    const chain = await buildChain(5);
    const forged = await sealRecord(
      { seq: 3, id: 'ev-3', text: 'innocent', tags: [], meta: { platform: 'x', likes: 0 } },
      'e'.repeat(64),
    );
    const problems = await verifyChain([chain[0]!, chain[1]!, forged as Finding, chain[3]!, chain[4]!]);
    expect(problems.map((p) => [p.seq, p.check])).toEqual([
      [3, 'link'],
      [4, 'link'],
    ]);
  });

  it('detects a duplicated record', async () => {
    const chain = await buildChain(3);
    const problems = await verifyChain([chain[0]!, chain[1]!, chain[1]!, chain[2]!]);
    expect(problems).toContainEqual({
      seq: 2,
      check: 'sequence',
      message: 'Record 2 appears more than once.',
    });
  });

  it('accepts a gap where a tombstone records the deletion, and only there', async () => {
    const chain = await buildChain(6);
    // The surviving records are re-linked over the deletion by whoever deletes; here: a chain 1,2,4,5,6.
    const relinked = [chain[0]!, chain[1]!];
    for (const source of chain.slice(3)) {
      const { hash: _hash, prevHash: _prev, ...body } = source;
      relinked.push(await sealRecord(body, relinked.at(-1)!.hash));
    }
    expect(await verifyChain(relinked, { tombstones: [3] })).toEqual([]);
    expect(await verifyChain(relinked, { tombstones: [4] })).toEqual([
      { seq: 3, check: 'sequence', message: 'Record 3 is missing, and no deletion is recorded for it.' },
    ]);
    const wide = [relinked[0]!, ...(await buildChain(1, relinked[0]!.hash, 9))];
    expect((await verifyChain(wide, { tombstones: [2, 5, 8] })).map((p) => p.message)).toEqual([
      'Records 3 to 4 are missing, and no deletion is recorded for them.',
      'Records 6 to 7 are missing, and no deletion is recorded for them.',
    ]);
  });

  it('checks the first prevHash against null by default, or against the previous bundle', async () => {
    const first = await buildChain(3);
    const second = await buildChain(3, first[2]!.hash, 4);
    expect(await verifyChain(second, { firstPrevHash: first[2]!.hash })).toEqual([]);
    expect(await verifyChain([...first, ...second])).toEqual([]);
    expect(await verifyChain(second)).toEqual([
      {
        seq: 4,
        check: 'link',
        message: expect.stringMatching(/it is the first record, so it should have none/),
      },
    ]);
    expect(await verifyChain(second, { firstPrevHash: first[1]!.hash })).toEqual([
      {
        seq: 4,
        check: 'link',
        message: expect.stringContaining(`the previous bundle ended with ${first[1]!.hash}`),
      },
    ]);
  });

  it('reports rather than throws on records that cannot be hashed or numbered', async () => {
    const [record] = clone(await buildChain(1));
    Object.assign(record!, { bad: Number.NaN, seq: 1.5 });
    const problems = await verifyChain([record!]);
    expect(problems).toEqual([
      { seq: 1.5, check: 'hash', message: expect.stringMatching(/^Record 1.5 cannot be hashed: .*NaN/) },
      { seq: 1.5, check: 'sequence', message: 'Record 1.5 has an invalid sequence number.' },
    ]);
  });
});
