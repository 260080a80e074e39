import { useEffect, useRef, useState } from 'preact/hooks';
import type { EvidenceDb } from '@/lib/evidence/db';
import { BlobImage } from './BlobImage';

/** A screenshot thumbnail read from IndexedDB only once its row scrolls near the viewport. */
export function LazyThumb({ db, screenshotId, alt }: { db: EvidenceDb; screenshotId?: string; alt: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [near, setNear] = useState(false);
  const [blob, setBlob] = useState<Blob>();

  useEffect(() => {
    const slot = ref.current;
    if (!slot || !screenshotId) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        setNear(true);
        observer.disconnect();
      },
      { rootMargin: '300px' },
    );
    observer.observe(slot);
    return () => observer.disconnect();
  }, [screenshotId]);

  useEffect(() => {
    if (!near || !screenshotId) return;
    let live = true;
    void db.screenshots.get(screenshotId).then((shot) => live && setBlob(shot?.blob));
    return () => {
      live = false;
    };
  }, [db, near, screenshotId]);

  return (
    <span ref={ref} class="thumb-slot">
      <BlobImage class="thumb" blob={blob} alt={alt} />
    </span>
  );
}
