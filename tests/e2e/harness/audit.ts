// Reading the audit log and the tombstones of deleted findings straight from the extension's IndexedDB,
// in the extension's own context (pass to evalInWorker), like ./findings.ts does for the findings.
import type { AuditEntry, Tombstone } from '@/lib/evidence/audit';

export interface StoredAudit {
  /** Oldest first. */
  audit: AuditEntry[];
  tombstones: Tombstone[];
}

/** Runs in the service worker: the whole audit log and every tombstone. */
export async function collectAudit(): Promise<StoredAudit> {
  const db: IDBDatabase = await new Promise((ok, fail) => {
    const open = indexedDB.open('netra');
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const all = <T>(store: string) =>
    new Promise<T[]>((ok, fail) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => ok(request.result as T[]);
      request.onerror = () => fail(request.error);
    });
  const audit = await all<AuditEntry>('audit');
  const tombstones = await all<Tombstone>('tombstones');
  db.close();
  return { audit: audit.sort((a, b) => a.seq - b.seq), tombstones };
}
