import { useEffect, useMemo, useState } from 'preact/hooks';
import { ReviewFilters } from '@/components/ReviewFilters';
import { ReviewTable } from '@/components/ReviewTable';
import { useStorage } from '@/components/use-storage';
import { categoriesOrDefault } from '@/lib/config/config-store';
import type { Language } from '@/lib/config/schema';
import { SETTINGS } from '@/lib/config/settings';
import type { EvidenceDb } from '@/lib/evidence/db';
import {
  filterFindings,
  parseReviewState,
  type ReviewSection,
  type ReviewState,
  reviewQuery,
} from '@/lib/evidence/review-query';
import { t } from '@/lib/i18n';
import { DeletedList } from './DeletedList';
import { DetailPane } from './DetailPane';
import { ExportHistory } from './ExportHistory';
import type { Status } from './requests';
import { useReviewData } from './use-review-data';

/** Rows rendered at a time: enough to scan, few enough to stay quick with thousands of findings. */
const PAGE = 100;

const SECTIONS: [ReviewSection, string][] = [
  ['findings', 'review_section_findings'],
  ['exports', 'review_section_exports'],
  ['deleted', 'review_section_deleted'],
];

const pageUrl = (state: ReviewState) => `${location.pathname}${reviewQuery(state)}`;

export function ReviewPage({ db, lang }: { db: EvidenceDb; lang: Language }) {
  const [state, setState] = useState(() => parseReviewState(new URLSearchParams(location.search)));
  const [limit, setLimit] = useState(PAGE);
  const [status, setStatus] = useState<Status | null>(null);
  const [justDeleted, setJustDeleted] = useState<string | null>(null);
  const data = useReviewData(db);
  const categories = useStorage([SETTINGS.categories], categoriesOrDefault) ?? [];
  const update = (patch: Partial<ReviewState>) => setState((s) => ({ ...s, ...patch }));

  // The URL always says what is shown, so a copied link opens the same filtered view and finding.
  useEffect(() => history.replaceState(history.state, '', pageUrl(state)), [state]);

  const { id, section, ...filter } = state;
  const filterKey = JSON.stringify(filter);
  useEffect(() => setLimit(PAGE), [filterKey]);
  const results = useMemo(() => (data ? filterFindings(data.index, filter) : []), [data, filterKey]);
  const number = (n: number) => n.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID');

  return (
    <main class="review-page">
      <header class="page-header">
        <h1>Netra</h1>
        <p class="subtitle">{t('review_page_title')}</p>
        <nav aria-label={t('review_sections')}>
          {SECTIONS.map(([key, label]) => (
            <a
              key={key}
              href={pageUrl({ ...state, section: key })}
              aria-current={section === key ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                update({ section: key });
              }}
            >
              {t(label)}
            </a>
          ))}
        </nav>
      </header>
      <p role="status" class={`status ${status?.tone ?? ''}`} data-testid="review-status">
        {status?.text}
      </p>
      {!data ? (
        <p aria-busy="true">{t('common_loading')}</p>
      ) : section === 'findings' ? (
        <div class="panes">
          <section class="list-pane" aria-labelledby="list-title">
            <h2 id="list-title" class="sr-only">
              {t('review_table_caption')}
            </h2>
            <ReviewFilters filter={filter} categories={categories} lang={lang} onChange={update} />
            <p class="result-count" aria-live="polite" data-testid="review-count">
              {results.length > limit
                ? t('review_count_shown', number(limit), number(results.length))
                : t('common_findings_count', number(results.length))}
            </p>
            {results.length > 0 && (
              <ReviewTable
                findings={results.slice(0, limit)}
                versionTotals={data.versionTotals}
                selectedId={id}
                onSelect={(next) => update({ id: next })}
                db={db}
                lang={lang}
                categories={categories}
              />
            )}
            {results.length > limit && (
              <button type="button" class="more" onClick={() => setLimit((n) => n + PAGE)}>
                {t('review_show_more')}
              </button>
            )}
          </section>
          <section class="detail-pane" aria-label={t('review_detail_region')}>
            <DetailPane
              id={id}
              data={data}
              db={db}
              lang={lang}
              categories={categories}
              announce={setStatus}
              onSelect={(next) => update({ id: next })}
              justDeleted={justDeleted}
              onDeleted={setJustDeleted}
            />
          </section>
        </div>
      ) : (
        <section class="single-pane" aria-labelledby="section-title">
          <h2 id="section-title">
            {t(section === 'exports' ? 'review_exports_title' : 'review_deleted_title')}
          </h2>
          {section === 'exports' ? (
            <ExportHistory lang={lang} />
          ) : (
            <DeletedList tombstones={data.tombstones} lang={lang} />
          )}
        </section>
      )}
    </main>
  );
}
