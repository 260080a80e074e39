import { browser } from 'wxt/browser';
import { SETTINGS } from './config/settings';
import { type Evidence, IsoWithOffset } from './evidence/schema';
import { isoWithOffset } from './evidence/time';
import { z } from './zod';

// The officer's shift (giliran jaga), kept in storage.local so the popup, the background and the export
// page agree on it. A shift is active while endedAt is null; ending it keeps it stored until the next one.

export const Shift = z.object({
  startedAt: IsoWithOffset,
  endedAt: z.nullable(IsoWithOffset),
});
export type Shift = z.infer<typeof Shift>;

/** The stored shift, active or ended; null when there was never one (or it does not parse). */
async function storedShift(): Promise<Shift | null> {
  const stored = await browser.storage.local.get(SETTINGS.shift);
  const parsed = Shift.safeParse(stored[SETTINGS.shift]);
  return parsed.success ? parsed.data : null;
}

async function saveShift(shift: Shift): Promise<Shift> {
  await browser.storage.local.set({ [SETTINGS.shift]: shift });
  return shift;
}

/** The active shift, or null when none is. */
export async function currentShift(): Promise<Shift | null> {
  const shift = await storedShift();
  return shift && shift.endedAt === null ? shift : null;
}

/** Starts a new shift at `now` (a shift still active is replaced). */
export function startShift(now = new Date()): Promise<Shift> {
  return saveShift({ startedAt: isoWithOffset(now), endedAt: null });
}

/** Ends the active shift at `now` and returns it; null when none was active. */
export async function endShift(now = new Date()): Promise<Shift | null> {
  const shift = await currentShift();
  return shift ? saveShift({ ...shift, endedAt: isoWithOffset(now) }) : null;
}

let ensuring: Promise<Shift> | null = null;

/**
 * The active shift, started at `now` when none is: the background calls it at each capture, so flagging
 * never waits for a forgotten "start". Calls that overlap share one start instead of racing.
 */
export function ensureShift(now = new Date()): Promise<Shift> {
  ensuring ??= currentShift()
    .then((shift) => shift ?? startShift(now))
    .finally(() => {
      ensuring = null;
    });
  return ensuring;
}

/** The findings captured during `shift` (from its start to its end, or to now while it is active). */
export function findingsInShift<T extends Pick<Evidence, 'capturedAt'>>(evidence: T[], shift: Shift): T[] {
  const from = Date.parse(shift.startedAt);
  const to = shift.endedAt === null ? Number.POSITIVE_INFINITY : Date.parse(shift.endedAt);
  return evidence.filter((e) => {
    const at = Date.parse(e.capturedAt);
    return at >= from && at <= to;
  });
}

/** Calls `listener` with the active shift (or null) whenever it starts or ends, in any extension context. */
export function onShiftChange(listener: (shift: Shift | null) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS.shift in changes)) return;
    const parsed = Shift.safeParse(changes[SETTINGS.shift]?.newValue);
    listener(parsed.success && parsed.data.endedAt === null ? parsed.data : null);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
