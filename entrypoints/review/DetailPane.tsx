import { useEffect, useRef } from 'preact/hooks';
import { EvidenceDetail } from '@/components/EvidenceDetail';
import type { Category, Language } from '@/lib/config/schema';
import type { EvidenceDb } from '@/lib/evidence/db';
import { versionRoot } from '@/lib/evidence/review-query';
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';
import { DeleteFinding } from './DeleteFinding';
import { EditForm } from './EditForm';
import type { Announce } from './requests';
import type { ReviewData } from './use-review-data';

/** What stays of a deleted finding on the page: that it was deleted, when and why. */
function DeletedNotice({ text, focus }: { text: string; focus: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div ref={ref} class="notice deleted" tabIndex={-1} data-testid="deleted-notice">
      <h2>{t('review_deleted_notice_title')}</h2>
      <p class="verbatim">{text}</p>
    </div>
  );
}

export function DetailPane({
  id,
  data,
  db,
  lang,
  categories,
  announce,
  onSelect,
  justDeleted,
  onDeleted,
}: {
  id: string | null;
  data: ReviewData;
  db: EvidenceDb;
  lang: Language;
  categories: Category[];
  announce: Announce;
  onSelect: (id: string) => void;
  /** The finding this page has just deleted: its notice takes the focus the delete button had. */
  justDeleted: string | null;
  onDeleted: (id: string) => void;
}) {
  if (!id) return <p class="meta placeholder-text">{t('review_pick')}</p>;
  const view = data.byId.get(id);
  if (!view) {
    const tombstone = data.tombstones.find((ts) => ts.evidenceId === id);
    if (!tombstone) return <p class="notice">{t('review_not_found')}</p>;
    const text = t(
      'review_deleted_notice',
      tombstone.seq,
      formatDateTime(tombstone.deletedAt, lang),
      tombstone.reason,
    );
    return <DeletedNotice text={text} focus={justDeleted === id} />;
  }
  const history = data.audit.filter((entry) => entry.evidenceId === id);
  const copyHash = (hash: string) =>
    void Promise.resolve()
      .then(() => navigator.clipboard.writeText(hash))
      .then(() => announce({ tone: 'ok', text: t('review_hash_copied') }))
      .catch(() => announce({ tone: 'error', text: t('review_copy_failed') }));
  return (
    <EvidenceDetail
      view={view}
      versions={data.versions.get(versionRoot(view)) ?? [view]}
      history={history}
      db={db}
      lang={lang}
      categories={categories}
      onSelect={onSelect}
      onCopyHash={copyHash}
    >
      <EditForm
        view={view}
        revision={history.length}
        categories={categories}
        lang={lang}
        announce={announce}
      />
      <DeleteFinding view={view} announce={announce} onDeleted={() => onDeleted(view.id)} />
    </EvidenceDetail>
  );
}
