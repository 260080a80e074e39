import { useMemo } from 'preact/hooks';
import { useLiveQuery } from '@/components/use-live-query';
import { type AuditEntry, currentViews, type Tombstone } from '@/lib/evidence/audit';
import type { EvidenceDb } from '@/lib/evidence/db';
import {
  type EvidenceView,
  type IndexedFinding,
  indexFindings,
  versionGroups,
} from '@/lib/evidence/review-query';

export interface ReviewData {
  byId: Map<string, EvidenceView>;
  /** Newest capture first, ready for filterFindings. */
  index: IndexedFinding[];
  /** Every capture of each post, oldest first, by versionRoot. */
  versions: Map<string, EvidenceView[]>;
  /** The highest version of each post on the device, by versionRoot. */
  versionTotals: Map<string, number>;
  audit: AuditEntry[];
  tombstones: Tombstone[];
}

/**
 * Every finding (records only, no screenshots) with its audit entries and the tombstones, read straight
 * from IndexedDB and read again whenever the background writes.
 */
export function useReviewData(db: EvidenceDb): ReviewData | undefined {
  const raw = useLiveQuery(
    () => Promise.all([db.evidence.toArray(), db.audit.orderBy('seq').toArray(), db.tombstones.toArray()]),
    [db],
  );
  return useMemo(() => {
    if (!raw) return undefined;
    const [evidence, audit, tombstones] = raw;
    const views = currentViews(evidence, audit);
    const versions = versionGroups(views);
    return {
      byId: new Map(views.map((v) => [v.id, v])),
      index: indexFindings(views),
      versions,
      versionTotals: new Map([...versions].map(([root, group]) => [root, group.at(-1)?.version ?? 1])),
      audit,
      tombstones,
    };
  }, [raw]);
}
