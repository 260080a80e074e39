import type { Category, Language } from '@/lib/config/schema';
import { categoryLabel, kindLabel, platformName } from '@/lib/evidence/labels';
import { EMPTY_FILTER, type ExportedFilter, type ReviewFilter } from '@/lib/evidence/review-query';
import { t } from '@/lib/i18n';
import { Platform, PostKind } from '@/lib/platforms/snapshot';

type Option = readonly [value: string, label: string];

function FilterSelect({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
}) {
  return (
    <div class="filter">
      <label for={id}>{label}</label>
      <select id={id} data-testid={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function DayInput({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string | null;
  onChange: (day: string | null) => void;
}) {
  return (
    <div class="filter">
      <label for={id}>{label}</label>
      <input
        id={id}
        data-testid={id}
        type="date"
        value={value ?? ''}
        onChange={(e) => onChange(e.currentTarget.value || null)}
      />
    </div>
  );
}

/** Search and filters of the review list; every change is reported as a patch of the filter. */
export function ReviewFilters({
  filter,
  categories,
  lang,
  onChange,
}: {
  filter: ReviewFilter;
  categories: Category[];
  lang: Language;
  onChange: (patch: Partial<ReviewFilter>) => void;
}) {
  const all: Option = ['', t('common_all')];
  // A category from a link or an older configuration stays selectable, so the select shows what filters.
  const categoryIds = categories.map((c) => c.id);
  if (filter.category && !categoryIds.includes(filter.category)) categoryIds.push(filter.category);
  const exported: Option[] = [
    ['all', t('common_all')],
    ['pending', t('review_filter_pending')],
    ['exported', t('review_filter_exported')],
  ];
  return (
    <form class="filters" aria-label={t('review_filters')} onSubmit={(e) => e.preventDefault()}>
      <div class="filter search">
        <label for="review-search">{t('common_search')}</label>
        <input
          id="review-search"
          data-testid="review-search"
          type="search"
          value={filter.q}
          placeholder={t('review_search_placeholder')}
          onInput={(e) => onChange({ q: e.currentTarget.value })}
        />
      </div>
      <FilterSelect
        id="filter-platform"
        label={t('common_platform')}
        value={filter.platform ?? ''}
        options={[all, ...Platform.options.map((p): Option => [p, platformName(p, lang)])]}
        onChange={(v) => onChange({ platform: v ? (v as Platform) : null })}
      />
      <FilterSelect
        id="filter-category"
        label={t('common_category')}
        value={filter.category ?? ''}
        options={[all, ...categoryIds.map((id): Option => [id, categoryLabel(id, lang, categories)])]}
        onChange={(v) => onChange({ category: v || null })}
      />
      <FilterSelect
        id="filter-kind"
        label={t('review_kind')}
        value={filter.kind ?? ''}
        options={[all, ...PostKind.options.map((k): Option => [k, kindLabel(k, lang)])]}
        onChange={(v) => onChange({ kind: v ? (v as PostKind) : null })}
      />
      <FilterSelect
        id="filter-exported"
        label={t('review_filter_export_status')}
        value={filter.exported}
        options={exported}
        onChange={(v) => onChange({ exported: v as ExportedFilter })}
      />
      <DayInput
        id="filter-from"
        label={t('review_filter_from')}
        value={filter.from}
        onChange={(from) => onChange({ from })}
      />
      <DayInput
        id="filter-to"
        label={t('review_filter_to')}
        value={filter.to}
        onChange={(to) => onChange({ to })}
      />
      <button type="button" class="reset" onClick={() => onChange(EMPTY_FILTER)}>
        {t('common_reset')}
      </button>
    </form>
  );
}
