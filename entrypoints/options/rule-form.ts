import { hash53 } from '@/lib/config/csv-table';
import { normalizeText } from '@/lib/config/normalize';
import { Rule, type RuleKind } from '@/lib/config/schema';
import { t } from '@/lib/i18n';
import { type FormErrors, type FormResult, issueErrors } from './form-result';

/** The rule editor's fields, as typed; category '' = none. */
export interface RuleValues {
  term: string;
  label: string;
  kind: RuleKind;
  category: string;
}

export function ruleValues(rule: Rule | null): RuleValues {
  return {
    term: rule?.term ?? '',
    label: rule?.label ?? '',
    kind: rule?.kind ?? 'other',
    category: rule?.category ?? '',
  };
}

/**
 * The rule the officer typed, or why it cannot be saved (the same term and label twice is refused).
 * `id` is kept when editing (null: a new rule, id as the CSV import makes it).
 */
export function ruleFromForm(
  values: RuleValues,
  id: string | null,
  others: readonly Rule[],
): FormResult<Rule, RuleValues> {
  const errors: FormErrors<RuleValues> = {};
  const term = normalizeText(values.term);
  if (!term) errors.term = t('options_rule_term_empty');
  if (!values.label.trim()) errors.label = t('options_required');
  const twin = others.find(
    (r) => r.id !== id && normalizeText(r.term) === term && r.label === values.label.trim(),
  );
  if (twin && term) errors.term = t('options_rule_duplicate');
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const parsed = Rule.safeParse({
    id: id ?? `rule-${hash53(`${term}\n${values.label.trim()}`)}`,
    term: values.term.trim(),
    label: values.label.trim(),
    kind: values.kind,
    category: values.category || null,
  });
  if (parsed.success) return { ok: true, item: parsed.data };
  return { ok: false, errors: issueErrors(parsed.error.issues) };
}
