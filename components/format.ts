export { platformName } from '@/lib/evidence/labels';

/** "21 Nov 2026 20.15" in Indonesian style, in the officer's own time zone. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
