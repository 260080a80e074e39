import type { Category } from '@/lib/config/schema';
import { categoryLabel, platformName } from '@/lib/evidence/labels';
import { language, t } from '@/lib/i18n';
import { countBy, type FindingView } from './popup-data';

/** How many findings the list holds, per platform and per category (after the officer's edits). */
export function ShiftSummary({
  findings,
  categories,
}: {
  findings: FindingView[];
  categories?: readonly Category[];
}) {
  const lang = language();
  const total = findings.length;
  const perPlatform = countBy(findings, (e) => e.post.platform);
  const perCategory = countBy(findings, (e) => e.category);
  return (
    <section class="summary" aria-label={t('popup_summary')}>
      <div class="totals">
        <p class="count">
          <strong data-testid="finding-count">{total}</strong>{' '}
          {total === 1 ? t('popup_count_one') : t('popup_count_other')}
        </p>
        {total > 0 && (
          <ul class="platforms" aria-label={t('popup_per_platform')} data-testid="platform-counts">
            {perPlatform.map(([platform, count]) => (
              <li key={platform}>
                {platformName(platform, lang)} <strong>{count}</strong>
              </li>
            ))}
          </ul>
        )}
      </div>
      {total > 0 && (
        <table class="categories" data-testid="category-counts">
          <caption>{t('popup_per_category')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common_category')}</th>
              <th scope="col">{t('popup_count_header')}</th>
            </tr>
          </thead>
          <tbody>
            {perCategory.map(([id, count]) => (
              <tr key={id}>
                <th scope="row">{categoryLabel(id, lang, categories)}</th>
                <td>{count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
