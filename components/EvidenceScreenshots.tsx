import { useEffect, useState } from 'preact/hooks';
import type { EvidenceDb } from '@/lib/evidence/db';
import type { Evidence, ScreenshotRef, StoredScreenshot } from '@/lib/evidence/schema';
import { t } from '@/lib/i18n';
import { BlobImage } from './BlobImage';
import { Modal } from './Modal';

/** The stored screenshots of one finding, tagged with it so another finding's never show under this one. */
interface Loaded {
  evidenceId: string;
  shots: (StoredScreenshot | undefined)[];
}

function caption(ref: ScreenshotRef): string {
  const role = ref.role === 'viewport' ? t('review_shot_viewport') : t('review_shot_post');
  const clipped = ref.clipped ? ` · ${t('review_shot_clipped')}` : '';
  return `${role} · ${ref.width}×${ref.height}${clipped}`;
}

/**
 * A finding's screenshots: the first (the post) as wide as the pane, the others (the whole window) smaller
 * below; each opens at full size in a dialog.
 */
export function EvidenceScreenshots({
  db,
  evidence,
  who,
}: {
  db: EvidenceDb;
  evidence: Evidence;
  who: string;
}) {
  const [loaded, setLoaded] = useState<Loaded>();
  const [open, setOpen] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    void db.screenshots
      .bulkGet(evidence.screenshots.map((s) => s.id))
      .then((shots) => live && setLoaded({ evidenceId: evidence.id, shots }));
    return () => {
      live = false;
    };
  }, [db, evidence.id]);

  if (evidence.screenshots.length === 0) return <p class="meta">{t('review_no_screenshot')}</p>;
  const shots = loaded?.evidenceId === evidence.id ? loaded.shots : [];
  const alt = (i: number) => t('review_screenshot_n', i + 1, evidence.screenshots.length, who);
  return (
    <div class="screenshots">
      {evidence.screenshots.map((ref, i) => (
        <figure key={ref.id}>
          <button
            type="button"
            class="shot"
            // The placeholder keeps the screenshot's proportions while the blob loads.
            style={`--shot-ratio: ${ref.width} / ${ref.height}`}
            onClick={() => setOpen(i)}
            aria-label={t('review_screenshot_open', alt(i))}
          >
            <BlobImage class="shot-image" blob={shots[i]?.blob} alt={alt(i)} />
          </button>
          <figcaption class="meta">{caption(ref)}</figcaption>
        </figure>
      ))}
      {open !== null && evidence.screenshots[open] && (
        <Modal labelledBy="shot-title" class="shot-dialog" onClose={() => setOpen(null)}>
          <div class="dialog-head">
            <h2 id="shot-title" class="dialog-title">
              {alt(open)}
            </h2>
            <button type="button" data-autofocus onClick={() => setOpen(null)}>
              {t('common_close')}
            </button>
          </div>
          <BlobImage class="shot-full" blob={shots[open]?.blob} alt={alt(open)} />
        </Modal>
      )}
    </div>
  );
}
