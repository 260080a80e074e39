import type { ComponentChildren, Ref } from 'preact';

/** What a field's control needs so its label, hint and error are announced with it. */
export interface FieldControl {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  /** Shown under the control in red, and the control is marked invalid. */
  error?: string | null;
  children: (control: FieldControl) => ComponentChildren;
}

/** A labelled form control with its hint and inline error (the control itself is the caller's). */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children({ id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true } : {}) })}
      {hint && (
        <p class="hint" id={hintId!}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={errorId!}>
          {error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  value: string;
  onValue: (value: string) => void;
  inputMode?: 'text' | 'numeric' | 'url';
  autoComplete?: string;
  maxLength?: number;
  testId?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/** The common case: a labelled text input. */
export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onValue,
  testId,
  inputRef,
  ...input
}: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...input}
          type="text"
          {...control}
          ref={inputRef}
          value={value}
          data-testid={testId}
          spellcheck={false}
          onInput={(e) => onValue(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}
