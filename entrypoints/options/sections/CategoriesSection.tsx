import type { Category } from '@/lib/config/schema';
import { categoryLabel } from '@/lib/evidence/labels';
import { language, t } from '@/lib/i18n';
import { Section } from '../parts/Section';

/** Read-only: the office decides the categories, so every officer's findings sort the same way. */
export function CategoriesSection({ categories }: { categories: Category[] }) {
  return (
    <Section id="categories" title={t('options_categories_title')} intro={t('options_categories_intro')}>
      <ul class="categories" data-testid="categories">
        {categories.map((c) => (
          <li key={c.id}>
            {categoryLabel(c.id, language(), categories)} <span class="category-id">{c.id}</span>
          </li>
        ))}
      </ul>
      <p class="hint">{t('options_categories_code_hint')}</p>
    </Section>
  );
}
