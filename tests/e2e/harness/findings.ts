// Reading what the extension stored, straight from its IndexedDB, in the extension's own context.
import type { Evidence } from '@/lib/evidence/schema';

export interface StoredFinding extends Evidence {
  /** The bytes of each screenshot, by screenshot id (numbers: a Blob cannot leave the worker). */
  pngs: Record<string, number[]>;
}

/** Runs in the service worker (Chromium) or an extension page (Firefox): every finding, oldest first. */
export async function collectFindings(): Promise<StoredFinding[]> {
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
  const evidence = await all<Evidence>('evidence');
  const shots = await all<{ id: string; blob: Blob }>('screenshots');
  db.close();
  const pngs: Record<string, number[]> = {};
  for (const shot of shots) pngs[shot.id] = [...new Uint8Array(await shot.blob.arrayBuffer())];
  return evidence
    .sort((a, b) => a.seq - b.seq)
    .map((e) => ({ ...e, pngs: Object.fromEntries(e.screenshots.map((s) => [s.id, pngs[s.id] ?? []])) }));
}
