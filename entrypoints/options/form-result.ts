import { t } from '@/lib/i18n';

/** A message per field of the form `V` that cannot be saved as typed. */
export type FormErrors<V> = Partial<Record<keyof V, string>>;
export type FormResult<T, V> = { ok: true; item: T } | { ok: false; errors: FormErrors<V> };

/** What the schema still refuses (over-long text), on the field it concerns. */
export function issueErrors<V>(issues: readonly { path: PropertyKey[] }[]): FormErrors<V> {
  const errors: FormErrors<V> = {};
  for (const issue of issues) errors[issue.path[0] as keyof V] = t('options_invalid_value');
  return errors;
}
