// Reads what the extension stored (findings, screenshots, pending capture jobs) straight from its
// IndexedDB, inside the service worker, for the custody tests, the soak and the capture benchmark.
import type { ChromiumSession } from '../harness/chromium';

export interface StoredShot {
  role: string;
  width: number;
  height: number;
  /** As recorded in the finding. */
  size: number;
  clipped: boolean;
  slices: number;
  /** Size of the Blob actually stored (-1 when it is missing). */
  blobSize: number;
  /** The PNG, base64, for the roles asked for. */
  base64?: string;
}

export interface StoredRecord {
  id: string;
  seq: number;
  clickId: string;
  version: number;
  url: string | null;
  pageUrl: string;
  capturedAt: string;
  missing: string[];
  screenshots: StoredShot[];
}

export interface StoreContents {
  records: StoredRecord[];
  /** Capture jobs still pending: the post URL of each (null for a post without a permalink), its page's. */
  jobs: { clickId: string; url: string | null; pageUrl: string; createdAt: string }[];
}

/** Everything stored, oldest first; PNG bytes (base64) only for the screenshots of `pngRoles`. */
export function readStore(session: ChromiumSession, pngRoles: string[] = []): Promise<StoreContents> {
  return session.evalInWorker(async (roles) => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const open = indexedDB.open('netra');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    try {
      const names = [...db.objectStoreNames];
      const all = <T>(store: string) =>
        names.includes(store)
          ? new Promise<T[]>((ok, fail) => {
              const request = db.transaction(store).objectStore(store).getAll();
              request.onsuccess = () => ok(request.result as T[]);
              request.onerror = () => fail(request.error);
            })
          : Promise.resolve([] as T[]);
      type Row = {
        id: string;
        seq: number;
        clickId: string;
        version: number;
        capturedAt: string;
        missing: string[];
        post: { url: string | null; pageUrl: string };
        screenshots: {
          id: string;
          role: string;
          width: number;
          height: number;
          size: number;
          clipped: boolean;
          slices: number;
        }[];
      };
      type Job = { clickId: string; createdAt: string; snapshot: { url: string | null; pageUrl: string } };
      const [evidence, shots, jobs] = await Promise.all([
        all<Row>('evidence'),
        all<{ id: string; blob: Blob }>('screenshots'),
        all<Job>('jobs'),
      ]);
      const blobs = new Map(shots.map((s) => [s.id, s.blob]));
      const base64 = async (blob: Blob) => {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) {
          binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        }
        return btoa(binary);
      };
      const records = await Promise.all(
        evidence
          .sort((a, b) => a.seq - b.seq)
          .map(async (e) => ({
            id: e.id,
            seq: e.seq,
            clickId: e.clickId,
            version: e.version,
            url: e.post.url,
            pageUrl: e.post.pageUrl,
            capturedAt: e.capturedAt,
            missing: e.missing,
            screenshots: await Promise.all(
              e.screenshots.map(async (s) => {
                const blob = blobs.get(s.id);
                return {
                  role: s.role,
                  width: s.width,
                  height: s.height,
                  size: s.size,
                  clipped: s.clipped,
                  slices: s.slices,
                  blobSize: blob ? blob.size : -1,
                  base64: blob && roles.includes(s.role) ? await base64(blob) : undefined,
                };
              }),
            ),
          })),
      );
      return {
        records,
        jobs: jobs.map((j) => ({
          clickId: j.clickId,
          url: j.snapshot.url,
          pageUrl: j.snapshot.pageUrl,
          createdAt: j.createdAt,
        })),
      };
    } finally {
      db.close();
    }
  }, pngRoles);
}

/** Records per post URL. */
export function countByUrl(records: readonly StoredRecord[]): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const r of records) counts.set(r.url, (counts.get(r.url) ?? 0) + 1);
  return counts;
}
