import { language } from '@/lib/i18n';

/** "10.000" in Indonesian, "10,000" in English. */
export function formatCount(n: number): string {
  return n.toLocaleString(language() === 'en' ? 'en-GB' : 'id-ID');
}

/** The message of something thrown, for a status line. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
