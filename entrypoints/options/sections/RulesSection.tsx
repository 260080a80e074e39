import { Field, TextField } from '@/components/Field';
import { saveRules } from '@/lib/config/config-store';
import { importRulesCsv } from '@/lib/config/import';
import { type Category, type Rule, RuleKind } from '@/lib/config/schema';
import { categoryLabel } from '@/lib/evidence/labels';
import { language, t } from '@/lib/i18n';
import type { Column } from '../parts/Columns';
import { ConfigList, type EditorProps } from '../parts/ConfigList';
import { CsvImport } from '../parts/CsvImport';
import { EditorForm } from '../parts/EditorForm';
import { Section } from '../parts/Section';
import { type RuleValues, ruleFromForm, ruleValues } from '../rule-form';
import { RULES_TEMPLATE } from '../templates';
import { useFormValues } from '../use-form-values';

const kindName = (kind: RuleKind) => t(`rulekind_${kind}`);

function columns(categories: Category[]): Column<Rule>[] {
  return [
    { header: t('options_rule_term'), cell: (r) => r.term, width: '22%' },
    { header: t('options_rule_label'), cell: (r) => r.label, width: '28%' },
    { header: t('options_rule_kind'), cell: (r) => kindName(r.kind), class: 'shrink' },
    {
      header: t('common_category'),
      cell: (r) => (r.category ? categoryLabel(r.category, language(), categories) : '—'),
    },
  ];
}

const searchText = (r: Rule) => [r.term, r.label, kindName(r.kind), r.category].join(' ');

/** Partisan-narrative terms: a post that uses one gets a marker (and may suggest a category). */
export function RulesSection({ rules, categories }: { rules: Rule[]; categories: Category[] }) {
  const cols = columns(categories);
  return (
    <Section id="rules" title={t('options_rules_title')} intro={t('options_rules_intro')}>
      <h3>{t('options_import_title')}</h3>
      <CsvImport
        name="rules"
        importer={importRulesCsv}
        columns={cols}
        currentCount={rules.length}
        replace={saveRules}
        template={RULES_TEMPLATE}
      />
      <h3>{t('options_rules_entries')}</h3>
      <ConfigList
        name="rules"
        items={rules}
        columns={cols}
        searchText={searchText}
        itemName={(r) => r.term}
        editor={(props) => <RuleEditor {...props} others={rules} categories={categories} />}
        save={saveRules}
        addLabel={t('options_rules_add')}
        emptyText={t('options_rules_empty')}
      />
    </Section>
  );
}

interface RuleEditorProps extends EditorProps<Rule> {
  others: Rule[];
  categories: Category[];
}

function RuleEditor({ initial, others, categories, onSubmit, onCancel }: RuleEditorProps) {
  const { values, errors, setErrors, set } = useFormValues(() => ruleValues(initial));
  return (
    <EditorForm
      id="rules-editor"
      legend={initial ? t('options_rules_edit_legend', initial.term) : t('options_rules_add')}
      check={() => ruleFromForm(values, initial?.id ?? null, others)}
      onErrors={setErrors}
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      <TextField
        id="rules-edit-term"
        testId="rules-edit-term"
        label={t('options_rule_term')}
        hint={t('options_rule_term_hint')}
        error={errors.term}
        maxLength={200}
        value={values.term}
        onValue={set('term')}
      />
      <TextField
        id="rules-edit-label"
        testId="rules-edit-label"
        label={t('options_rule_label')}
        error={errors.label}
        maxLength={200}
        value={values.label}
        onValue={set('label')}
      />
      <Field id="rules-edit-kind" label={t('options_rule_kind')}>
        {(control) => (
          <select
            {...control}
            value={values.kind}
            onChange={(e) => set('kind')(e.currentTarget.value as RuleValues['kind'])}
          >
            {RuleKind.options.map((kind) => (
              <option key={kind} value={kind}>
                {kindName(kind)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="rules-edit-category"
        label={t('options_rule_category')}
        hint={t('options_rule_category_hint')}
      >
        {(control) => (
          <select
            {...control}
            value={values.category}
            onChange={(e) => set('category')(e.currentTarget.value)}
          >
            <option value="">{t('common_none')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {categoryLabel(c.id, language(), categories)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </EditorForm>
  );
}
