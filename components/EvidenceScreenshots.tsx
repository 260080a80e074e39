import { useEffect, useState } from 'preact/hooks';
import type { EvidenceDb } from '@/lib/evidence/db';
import type { Evidence, StoredScreenshot } from '@/lib/evidence/schema';
import { t } from '@/lib/i18n';
import { BlobImage } from './BlobImage';
import { Modal } from './Modal';

/** A finding's screenshots; each opens at full size in a dialog. */
export function EvidenceScreenshots({
  db,
  evidence,
  who,
}: {
  db: EvidenceDb;
  evidence: Evidence;
  who: string;
}) {
  const [shots, setShots] = useState<(StoredScreenshot | undefined)[]>([]);
  const [open, setOpen] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    void db.screenshots
      .bulkGet(evidence.screenshots.map((s) => s.id))
      .then((found) => live && setShots(found));
    return () => {
      live = false;
    };
  }, [db, evidence.id]);

  if (evidence.screenshots.length === 0) return <p class="meta">{t('review_no_screenshot')}</p>;
  const alt = (i: number) => t('review_screenshot_n', i + 1, evidence.screenshots.length, who);
  const full = open === null ? null : evidence.screenshots[open];
  return (
    <div class="screenshots">
      {evidence.screenshots.map((ref, i) => (
        <figure key={ref.id}>
          <button
            type="button"
            class="shot"
            onClick={() => setOpen(i)}
            aria-label={t('review_screenshot_open', alt(i))}
          >
            <BlobImage class="shot-image" blob={shots[i]?.blob} alt={alt(i)} />
          </button>
          <figcaption class="meta">
            {ref.role === 'viewport' ? t('review_shot_viewport') : t('review_shot_post')} · {ref.width}×
            {ref.height}
            {ref.clipped && ` · ${t('review_shot_clipped')}`}
          </figcaption>
        </figure>
      ))}
      {full && open !== null && (
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
