import type { Category, Language } from '@/lib/config/schema';
import type { EvidenceDb } from '@/lib/evidence/db';
import { categoryLabel, kindLabel, platformName } from '@/lib/evidence/labels';
import { type EvidenceView, versionRoot } from '@/lib/evidence/review-query';
import { t } from '@/lib/i18n';
import { formatDate, formatDateTime } from '@/lib/i18n/dates';
import { accountName } from './account-name';
import { LazyThumb } from './LazyThumb';

/** "versi 2 dari 3" when a post was captured more than once. */
function VersionBadge({ view, total }: { view: EvidenceView; total: number }) {
  if (total < 2 && view.version < 2) return null;
  return (
    <span class="badge version">{t('review_version_of', view.version, Math.max(total, view.version))}</span>
  );
}

/** "22 Nov 2026" over "09.45 WIB", so the column stays narrow and each part reads whole. */
function CapturedAt({ iso, lang }: { iso: string; lang: Language }) {
  const full = formatDateTime(iso, lang);
  const day = formatDate(iso, lang);
  if (!full.startsWith(day)) return <>{full}</>;
  return (
    <time dateTime={iso}>
      <span class="line">{day}</span> <span class="line">{full.slice(day.length).trim()}</span>
    </time>
  );
}

/**
 * The findings as a table, one row each; the author's name is the row's button (the whole row is its
 * click target), so the list works from the keyboard and reads well in a screen reader. The export status
 * sits under the name, not in a column of its own, so the table fits a half-width pane.
 */
export function ReviewTable({
  findings,
  versionTotals,
  selectedId,
  onSelect,
  db,
  lang,
  categories,
}: {
  findings: EvidenceView[];
  /** The highest version of each post on the device, by versionRoot. */
  versionTotals: Map<string, number>;
  selectedId: string | null;
  onSelect: (id: string) => void;
  db: EvidenceDb;
  lang: Language;
  categories: Category[];
}) {
  return (
    <table class="findings-table">
      <caption class="sr-only">{t('review_table_caption')}</caption>
      <thead>
        <tr>
          <th scope="col">
            <span class="sr-only">{t('review_col_screenshot')}</span>
          </th>
          <th scope="col">{t('review_col_finding')}</th>
          <th scope="col">{t('review_col_captured')}</th>
          <th scope="col">{t('common_category')}</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((view) => {
          const selected = view.id === selectedId;
          const who = accountName(view.post.author);
          return (
            <tr
              key={view.id}
              class={selected ? 'review-row selected' : 'review-row'}
              data-testid="review-row"
              data-evidence-id={view.id}
            >
              <td>
                <LazyThumb
                  db={db}
                  screenshotId={view.screenshots[0]?.id}
                  alt={t('review_screenshot_alt', who)}
                />
              </td>
              <td class="finding">
                <button
                  type="button"
                  class="row-open"
                  aria-current={selected ? 'true' : undefined}
                  onClick={() => onSelect(view.id)}
                >
                  {who}
                </button>
                <div class="meta">
                  #{view.seq} · {platformName(view.post.platform, lang)} · {kindLabel(view.post.kind, lang)}
                </div>
                {view.asn?.name && <div class="row-asn">{t('review_asn_short', view.asn.name)}</div>}
                <div class="badges">
                  {view.exportedAt ? (
                    <span class="badge exported">{t('review_badge_exported')}</span>
                  ) : (
                    <span class="badge pending">{t('review_badge_pending')}</span>
                  )}
                  <VersionBadge view={view} total={versionTotals.get(versionRoot(view)) ?? 1} />
                </div>
              </td>
              <td class="when">
                <CapturedAt iso={view.capturedAt} lang={lang} />
              </td>
              <td class="category-cell">{categoryLabel(view.category, lang, categories)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
