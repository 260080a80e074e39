import { kindLabel } from '@/lib/evidence/labels';
import type { Evidence, StoredScreenshot } from '@/lib/evidence/schema';
import { BlobImage } from './BlobImage';
import { formatDateTime, platformName } from './format';

const CHANGE_NAMES: Record<string, string> = {
  text: 'teks',
  textTruncated: 'teks terpotong',
  media: 'media',
  author: 'akun',
  coAuthors: 'akun kolaborasi',
  repostedBy: 'pembagi ulang',
  quoted: 'kutipan',
  postedAt: 'waktu unggah',
  url: 'tautan',
};

/** One finding: thumbnail, who, what, when. Post text is rendered as text, never as HTML. */
export function EvidenceCard({
  evidence,
  screenshot,
}: {
  evidence: Evidence;
  screenshot?: StoredScreenshot;
}) {
  const { post } = evidence;
  const who = post.author.displayName ?? post.author.handle ?? 'Akun tidak terbaca';
  const handle = post.author.handle ? `@${post.author.handle}` : '';
  return (
    <li class="evidence-card">
      <BlobImage class="thumb" blob={screenshot?.blob} alt={`Tangkapan layar unggahan ${who}`} />
      <div class="body">
        <div class="who">
          <span class="name">{who}</span> <span class="handle">{handle}</span>
        </div>
        {post.repostedBy && (
          <div class="meta">
            Dibagikan ulang oleh @{post.repostedBy.handle ?? post.repostedBy.displayName}
          </div>
        )}
        <p class="text">{post.text || '(tanpa teks)'}</p>
        {evidence.changed.length > 0 && (
          <div class="meta changed">
            Berubah sejak versi sebelumnya: {evidence.changed.map((f) => CHANGE_NAMES[f] ?? f).join(', ')}
          </div>
        )}
        {evidence.missing.includes('screenshot') && (
          <div class="meta changed">Tanpa tangkapan layar (tab ditutup sebelum sempat diambil)</div>
        )}
        <div class="meta">
          {platformName(post.platform)} · {kindLabel(post.kind)} · #{evidence.seq}
          {evidence.version > 1 && ` · versi ${evidence.version}`} · {formatDateTime(evidence.capturedAt)}
          {post.url && (
            <>
              {' · '}
              <a href={post.url} target="_blank" rel="noopener noreferrer">
                tautan
              </a>
            </>
          )}
        </div>
      </div>
    </li>
  );
}
