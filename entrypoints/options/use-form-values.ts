import { useEffect, useState } from 'preact/hooks';
import type { FormErrors } from './form-result';

/**
 * A form's values, their errors after the last try, and a setter per field. When `source` changes (the
 * stored settings were read again: a pack applied, another page saved) the form starts over from it,
 * without remounting, so keyboard focus stays where it was.
 */
export function useFormValues<V extends object>(initial: () => V, source?: unknown) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors<V>>({});
  // Only a new source resets the form (initial is a fresh closure on every render).
  useEffect(() => {
    setValues(initial());
    setErrors({});
  }, [source]);
  const set =
    <K extends keyof V>(key: K) =>
    (value: V[K]) =>
      setValues((current) => ({ ...current, [key]: value }));
  return { values, errors, setErrors, set };
}
