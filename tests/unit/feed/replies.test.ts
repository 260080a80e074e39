import { describe, expect, it } from 'vitest';
import {
  readAssessment,
  readCaptureReply,
  readContentRequest,
  readDone,
  readMatchResults,
} from '@/lib/feed/replies';

// The content script checks the background's messages with the zod schemas of lib/page-messages.ts and
// lib/feed-messages.ts, then narrows them to what the feed shows.
describe('reading the background', () => {
  it('accepts only well-formed capture requests', () => {
    const clickId = '0b7c1a52-3f0e-4a47-9d8e-2f6f1c7c9b10';
    expect(readContentRequest({ type: 'capture.prepare', clickId })).toEqual({
      type: 'capture.prepare',
      clickId,
    });
    expect(readContentRequest({ type: 'capture.scroll', clickId, offset: 800 })).toEqual({
      type: 'capture.scroll',
      clickId,
      offset: 800,
    });
    expect(readContentRequest({ type: 'fallback.flag' })).toEqual({ type: 'fallback.flag' });
    expect(readContentRequest({ type: 'capture.prepare', clickId: 'x' })).toBeNull();
    expect(readContentRequest({ type: 'capture.scroll', clickId, offset: -1 })).toBeNull();
    expect(readContentRequest({ type: 'capture.delete', clickId })).toBeNull();
    expect(readContentRequest(null)).toBeNull();
  });

  it('tells a capture answer from no answer', () => {
    expect(
      readCaptureReply({ ok: true, status: 'saved', evidenceId: 'e1', notice: 'tanpa gambar' }),
    ).toMatchObject({
      ok: true,
      status: 'saved',
      notice: 'tanpa gambar',
    });
    expect(readCaptureReply({ ok: false, error: { code: 'internal', message: 'Gagal' } })).toEqual({
      ok: false,
      message: 'Gagal',
    });
    expect(readCaptureReply(undefined)).toBeNull();
    expect(readCaptureReply({ ok: true, status: 'lost', evidenceId: 'e1' })).toBeNull();
  });

  it('reads an assessment and match results, ignoring what it does not show', () => {
    const entry = {
      id: 'w1',
      name: 'Budi',
      nip: null,
      agency: 'Dinas',
      position: null,
      platform: 'x',
      handle: 'budi',
      profileUrl: null,
    };
    const match = { asn: [{ role: 'author', entry }], rules: [] };
    // A malformed entry makes the whole message invalid: nothing of it is shown.
    expect(
      readAssessment({
        category: 'posting',
        asn: null,
        match: { asn: [{ role: 'author', entry: { id: 'bad' } }], rules: [] },
      }),
    ).toBeNull();
    expect(readAssessment({ category: 'posting', asn: null, match })).toEqual({
      category: 'posting',
      asn: null,
      match: { asn: [{ name: 'Budi', nip: null, agency: 'Dinas' }], terms: [] },
    });
    expect(readAssessment({ category: 'posting' })).toBeNull();
    expect(readMatchResults({ ok: true, results: [{ key: '1', match }] })).toHaveLength(1);
    expect(readMatchResults({ ok: false, error: { code: 'internal', message: 'x' } })).toBeNull();
    expect(readMatchResults(null)).toBeNull();
    expect(readDone({ ok: true })).toEqual({ ok: true });
    expect(readDone(undefined).ok).toBe(false);
  });
});
