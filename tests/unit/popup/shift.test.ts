import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS } from '@/lib/config/settings';
import {
  currentShift,
  endShift,
  ensureShift,
  findingsInShift,
  onShiftChange,
  type Shift,
  startShift,
} from '@/lib/shift';

const at = (iso: string) => new Date(iso);

describe('the shift in storage', () => {
  it('has no active shift at first', async () => {
    expect(await currentShift()).toBeNull();
  });

  it('starts a shift at the given time, with the device offset', async () => {
    const shift = await startShift(at('2026-11-21T01:00:00Z'));
    expect(shift.endedAt).toBeNull();
    expect(Date.parse(shift.startedAt)).toBe(Date.parse('2026-11-21T01:00:00Z'));
    expect(shift.startedAt).toMatch(/[+-]\d{2}:\d{2}$/);
    expect(await currentShift()).toEqual(shift);
  });

  it('ends the active shift: endedAt is set, it stays stored, and none is active any more', async () => {
    const started = await startShift(at('2026-11-21T01:00:00Z'));
    const ended = await endShift(at('2026-11-21T09:30:00Z'));
    expect(ended?.startedAt).toBe(started.startedAt);
    expect(Date.parse(ended?.endedAt ?? '')).toBe(Date.parse('2026-11-21T09:30:00Z'));
    expect(await currentShift()).toBeNull();
    const stored = await fakeBrowser.storage.local.get(SETTINGS.shift);
    expect(stored[SETTINGS.shift]).toEqual(ended);
  });

  it('ending when no shift is active changes nothing', async () => {
    expect(await endShift(at('2026-11-21T09:30:00Z'))).toBeNull();
    expect(await fakeBrowser.storage.local.get(SETTINGS.shift)).toEqual({});
  });

  it('ensureShift starts one only when none is active', async () => {
    const first = await ensureShift(at('2026-11-21T01:00:00Z'));
    const again = await ensureShift(at('2026-11-21T02:00:00Z'));
    expect(again).toEqual(first);
    await endShift(at('2026-11-21T03:00:00Z'));
    const next = await ensureShift(at('2026-11-21T04:00:00Z'));
    expect(Date.parse(next.startedAt)).toBe(Date.parse('2026-11-21T04:00:00Z'));
  });

  it('overlapping ensureShift calls (a burst of captures) start one shift, not several', async () => {
    const shifts = await Promise.all([
      ensureShift(at('2026-11-21T01:00:00Z')),
      ensureShift(at('2026-11-21T01:00:01Z')),
      ensureShift(at('2026-11-21T01:00:02Z')),
    ]);
    expect(new Set(shifts.map((s) => s.startedAt)).size).toBe(1);
    expect(await currentShift()).toEqual(shifts[0]);
  });

  it('a stored value that does not parse counts as no shift', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS.shift]: { startedAt: 'kemarin', endedAt: null } });
    expect(await currentShift()).toBeNull();
  });

  it('tells listeners when a shift starts and ends', async () => {
    const seen: (Shift | null)[] = [];
    const stop = onShiftChange((shift) => seen.push(shift));
    const started = await startShift(at('2026-11-21T01:00:00Z'));
    await endShift(at('2026-11-21T02:00:00Z'));
    stop();
    await startShift(at('2026-11-21T03:00:00Z'));
    expect(seen).toEqual([started, null]);
  });
});

describe('findingsInShift', () => {
  const findings = [
    { id: 'before', capturedAt: '2026-11-21T07:59:59.999+07:00' },
    { id: 'start', capturedAt: '2026-11-21T08:00:00.000+07:00' },
    // The same instant written in another zone (a laptop that travelled) still counts by time, not text.
    { id: 'utc', capturedAt: '2026-11-21T03:00:00.000Z' },
    { id: 'end', capturedAt: '2026-11-21T16:00:00.000+07:00' },
    { id: 'after', capturedAt: '2026-11-21T16:00:00.001+07:00' },
  ];

  it('keeps the findings from the start to the end of an ended shift, both included', () => {
    const shift = { startedAt: '2026-11-21T08:00:00.000+07:00', endedAt: '2026-11-21T16:00:00.000+07:00' };
    expect(findingsInShift(findings, shift).map((f) => f.id)).toEqual(['start', 'utc', 'end']);
  });

  it('keeps everything since the start while the shift is active', () => {
    const shift = { startedAt: '2026-11-21T08:00:00.000+07:00', endedAt: null };
    expect(findingsInShift(findings, shift).map((f) => f.id)).toEqual(['start', 'utc', 'end', 'after']);
  });
});
