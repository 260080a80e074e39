import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { FormErrors, FormResult } from '../form-result';

interface EditorFormProps<T, V> {
  /** Element id prefix and data-testid of the form. */
  id: string;
  legend: string;
  /** Builds the item from the values, or the errors to show. */
  check: () => FormResult<T, V>;
  onErrors: (errors: FormErrors<V>) => void;
  onSubmit: (item: T) => void;
  onCancel: () => void;
  children: ComponentChildren;
}

/** An add/edit form: focused when it opens, focused on the first bad field when refused, Esc cancels. */
export function EditorForm<T, V>({
  id,
  legend,
  check,
  onErrors,
  onSubmit,
  onCancel,
  children,
}: EditorFormProps<T, V>) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector<HTMLElement>('input, select')?.focus(), []);
  const submit = (e: Event) => {
    e.preventDefault();
    const result = check();
    if (result.ok) return onSubmit(result.item);
    onErrors(result.errors);
    // After the re-render that marks the fields invalid.
    setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };
  return (
    <form
      ref={form}
      class="editor"
      id={id}
      data-testid={id}
      noValidate
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <fieldset>
        <legend>{legend}</legend>
        <div class="editor-fields">{children}</div>
        <div class="buttons">
          <button type="submit" class="primary" data-testid={`${id}-save`}>
            {t('common_save')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('common_cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
