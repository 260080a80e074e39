import { type DeviceKey, loadOrCreateDeviceKey, type StoredDeviceKey } from '../crypto/device-key';
import { deleteEvidence, editEvidence } from '../evidence/audit';
import { defaultCategory } from '../evidence/categories';
import type { EvidenceDb } from '../evidence/db';
import type { Evidence, Officer } from '../evidence/schema';
import { appendEvidence, chainHead, type ScreenshotDraft } from '../evidence/store';
import type { PostKind, PostSnapshot } from '../platforms/snapshot';
import { ACCOUNTS, accentOf, isoAt, PLATFORMS, POSTS, SAMPLE_OFFICER, urlsFor } from './sample-data';
import { mockScreenshot } from './sample-png';

// A synthetic shift, stored through the device's own code (appendEvidence seals each finding into the
// chain, editEvidence and deleteEvidence write the audit log and a tombstone), so a bundle built from
// it goes through exactly the path a real export does.

export interface SampleShiftOptions {
  count: number;
  /** First capture time; the next ones follow every 7 minutes. */
  start?: Date;
  /** Minutes east of UTC of the officer's clock (WIB by default). */
  offset?: number;
  officer?: Officer;
  /** Also edit one finding (category, ASN identity) and delete another, when there are at least 3. */
  edits?: boolean;
  /** Blob maker: Node's Blob in tests (fake-indexeddb clones it), the global one elsewhere. */
  blob?: (bytes: Uint8Array) => Blob;
}

const KINDS: Record<(typeof PLATFORMS)[number], readonly PostKind[]> = {
  x: ['post', 'reply', 'repost'],
  facebook: ['post', 'comment'],
  instagram: ['post', 'comment'],
};

/** Appends `count` findings to `db` (continuing its chain) and returns them as stored. */
export async function fillSampleShift(db: EvidenceDb, options: SampleShiftOptions): Promise<Evidence[]> {
  const offset = options.offset ?? 7 * 60;
  const start = options.start ?? new Date('2026-11-21T01:00:00Z');
  const makeBlob =
    options.blob ?? ((bytes: Uint8Array) => new Blob([bytes as BlobPart], { type: 'image/png' }));
  const first = (await chainHead(db)).seq + 1;
  const added: Evidence[] = [];
  for (let i = 0; i < options.count; i++) {
    const n = first + i;
    const platform = PLATFORMS[n % PLATFORMS.length]!;
    const account = ACCOUNTS[n % ACCOUNTS.length]!;
    const kinds = KINDS[platform];
    const kind = kinds[Math.floor(n / PLATFORMS.length) % kinds.length]!;
    const urls = urlsFor(platform, account.handle, n);
    const capturedAt = isoAt(new Date(start.getTime() + i * 7 * 60_000), offset);
    const post: PostSnapshot = {
      platform,
      kind,
      url: urls.post,
      postId: urls.postId,
      text: POSTS[n % POSTS.length]!,
      textTruncated: n % 9 === 0,
      author: { handle: account.handle, displayName: account.displayName, profileUrl: urls.profile },
      repostedBy: null,
      // A comment, reply or repost belongs to the candidate's post.
      parent:
        kind === 'post'
          ? null
          : {
              url: urlsFor(platform, 'kandidat_contoh', 0).post,
              author: { handle: 'kandidat_contoh', displayName: 'Calon Bupati Contoh', profileUrl: null },
              textExcerpt: 'Terima kasih atas dukungannya!',
            },
      quoted: null,
      postedAt: new Date(start.getTime() + i * 7 * 60_000 - 3_600_000 * (1 + (n % 5))).toISOString(),
      media:
        n % 2 === 0 ? [{ type: 'image', url: `https://media.example.invalid/${platform}/${n}.jpg` }] : [],
      pageUrl: urls.page,
      missing: [],
      promoted: false,
    };
    const shots: ScreenshotDraft[] = [
      {
        role: 'post',
        blob: makeBlob(mockScreenshot(360, 220, accentOf(platform), n)),
        width: 360,
        height: 220,
        clipped: false,
        slices: 1,
      },
    ];
    if (n % 4 === 0) {
      shots.push({
        role: 'viewport',
        blob: makeBlob(mockScreenshot(480, 300, accentOf(platform), n + 1)),
        width: 480,
        height: 300,
        clipped: false,
        slices: 1,
      });
    }
    const { evidence } = await appendEvidence(
      db,
      {
        schemaVersion: 1,
        id: crypto.randomUUID(),
        clickId: crypto.randomUUID(),
        dedupeKey: urls.post,
        capturedAt,
        post,
        officer: options.officer ?? SAMPLE_OFFICER,
        category: defaultCategory(kind, false),
        note: n % 5 === 0 ? 'Akun terverifikasi sebagai ASN melalui daftar pantauan.' : '',
        missing: [],
        provenance: {
          extensionVersion: '0.1.0',
          adapterVersion: `${platform}-sample`,
          browser: 'Synthetic',
          os: 'Synthetic',
          devicePixelRatio: 1,
        },
      },
      shots,
    );
    added.push(evidence);
  }
  if ((options.edits ?? true) && added.length >= 3) await editAndDelete(db, added, start, options.count);
  return added;
}

async function editAndDelete(db: EvidenceDb, added: Evidence[], start: Date, count: number) {
  const end = new Date(start.getTime() + count * 7 * 60_000);
  const edited = added[0]!;
  const account = ACCOUNTS.find((a) => a.handle === edited.post.author.handle)!;
  await editEvidence(
    db,
    edited.id,
    { category: 'sharing', asn: account.asn },
    'Identitas ASN dari daftar pantauan',
    end,
  );
  await deleteEvidence(
    db,
    added[1]!.id,
    'Tertangkap ganda; akun ternyata bukan ASN',
    new Date(end.getTime() + 60_000),
  );
}

/** A throwaway device key: made by the device's own code, kept in memory only, gone with the process. */
export function throwawayDeviceKey(): Promise<DeviceKey> {
  let stored: StoredDeviceKey | undefined;
  return loadOrCreateDeviceKey({
    get: async () => stored,
    put: async (key) => {
      stored = key;
    },
  });
}
