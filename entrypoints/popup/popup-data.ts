import { currentViews, type withEdits } from '@/lib/evidence/audit';
import { type EvidenceDb, shiftEvidence } from '@/lib/evidence/db';
import type { StoredScreenshot } from '@/lib/evidence/schema';
import { findingsInShift, type Shift } from '@/lib/shift';

/** A finding as it reads now: the capture with the officer's edits (category, ASN) applied. */
export type FindingView = ReturnType<typeof withEdits>;

export interface PopupData {
  /** The popup's list, newest first: the active shift's unexported findings, or every unexported one. */
  findings: FindingView[];
  /** Unexported findings from before the active shift started (0 when no shift is active). */
  earlier: number;
  /** The first screenshot of each of the first `latest` findings (undefined where there is none). */
  screenshots: (StoredScreenshot | undefined)[];
}

/** Everything the popup lists, read in one go so a live query re-runs it whenever the database changes. */
export async function loadPopupData(db: EvidenceDb, shift: Shift | null, latest: number): Promise<PopupData> {
  const pending = await shiftEvidence(db);
  const listed = shift ? findingsInShift(pending, shift) : pending;
  const edits = await db.audit
    .where('evidenceId')
    .anyOf(listed.map((e) => e.id))
    .toArray();
  const findings = currentViews(listed, edits);
  const screenshots = await db.screenshots.bulkGet(
    findings.slice(0, latest).map((e) => e.screenshots[0]?.id ?? ''),
  );
  return { findings, earlier: pending.length - listed.length, screenshots };
}

/** How many of `items` share each key, most first (ties keep first-seen order). */
export function countBy<T, K>(items: T[], key: (item: T) => K): [K, number][] {
  const counts = new Map<K, number>();
  for (const item of items) {
    const k = key(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}
