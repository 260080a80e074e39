import { useEffect, useRef, useState } from 'preact/hooks';

export interface Status {
  kind: 'ok' | 'error';
  text: string;
}

export type ShowStatus = (status: Status | null) => void;

const SHOWN_MS = 6_000;

/** A short confirmation after a save, cleared after a few seconds (errors stay until the next try). */
export function useStatus(): [Status | null, ShowStatus] {
  const [status, setStatus] = useState<Status | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const show = (next: Status | null) => {
    clearTimeout(timer.current);
    setStatus(next);
    if (next?.kind === 'ok') timer.current = setTimeout(() => setStatus(null), SHOWN_MS);
  };
  return [status, show];
}

/** Always in the DOM, so screen readers hear each new message and the layout does not jump. */
export function StatusLine({ status, testId }: { status: Status | null; testId?: string }) {
  return (
    <p class={`status-line ${status?.kind ?? ''}`} role="status" data-testid={testId}>
      {status?.text}
    </p>
  );
}
