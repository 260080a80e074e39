import type { PostKind } from '../platforms/snapshot';

/** Default violation categories (the office's configuration pack may replace them). */
export const DEFAULT_CATEGORIES = [
  { id: 'posting', label: 'Mengunggah atau memposting dukungan' },
  { id: 'commenting', label: 'Berkomentar mendukung' },
  { id: 'sharing', label: 'Membagikan / memposting ulang konten kampanye' },
  { id: 'liking', label: 'Menyukai / memberi reaksi pada konten kampanye' },
  { id: 'following', label: 'Mengikuti atau bergabung dengan akun/grup kampanye' },
  { id: 'attributes', label: 'Foto, gestur, atau atribut yang menunjukkan keberpihakan' },
  { id: 'other', label: 'Lainnya' },
] as const;

/** The category pre-filled from what was flagged; the officer can change it afterwards. */
export function defaultCategory(kind: PostKind, reposted: boolean): string {
  if (reposted || kind === 'repost') return 'sharing';
  if (kind === 'reaction') return 'liking';
  if (kind === 'comment' || kind === 'reply') return 'commenting';
  return 'posting';
}
