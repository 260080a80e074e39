import { language } from './index';

// Indonesian time zones by UTC offset, as officers read them: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9).
const ZONES: Record<number, string> = { 420: 'WIB', 480: 'WITA', 540: 'WIT' };

/** "WIB", "WITA", "WIT", or "UTC+05:30" for any other offset (minutes east of UTC). */
export function zoneName(offsetMinutes: number): string {
  const named = ZONES[offsetMinutes];
  if (named) return named;
  const sign = offsetMinutes < 0 ? '−' : '+';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * "21 Nov 2026 20.15 WIB": the date and time in the device's time zone, Indonesian style (English style
 * when the UI is in English), with the zone's name. An unreadable value is returned as it is.
 */
export function formatDateTime(iso: string, lang = language()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
  return `${text.replace(/,/g, '')} ${zoneName(-date.getTimezoneOffset())}`;
}

/** "21 Nov 2026" (no time). */
export function formatDate(iso: string, lang = language()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium' }).format(date);
}
