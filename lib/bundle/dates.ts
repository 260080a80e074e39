import { offsetMinutes, zoneName } from './format';

// Dates in the report and CSV are written by hand, not with Intl: the verifier rebuilds index.html and
// evidence.csv and compares them byte for byte, and Intl's output changes between ICU versions (Chrome
// and Node disagree on spaces and on "pukul"). Names are fixed Indonesian ones.

const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

const pad = (n: number) => String(n).padStart(2, '0');

// Only the date-time form ECMAScript defines (with a zone) goes to Date.parse: anything else is parsed
// differently by each engine, and the report must read the same whichever browser built it.
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * "Sabtu, 21 November 2026, 20.15.03 WIB": `iso` on the wall clock of `offset` (minutes east of UTC),
 * by default its own offset. An unreadable value comes back verbatim: a report shows what it got.
 */
export function formatIndonesian(iso: string, offset: number | null = offsetMinutes(iso)): string {
  const time = ISO.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(time) || offset === null) return iso;
  const local = new Date(time + offset * 60_000);
  const day = DAYS[local.getUTCDay()];
  const month = MONTHS[local.getUTCMonth()];
  return (
    `${day}, ${local.getUTCDate()} ${month} ${local.getUTCFullYear()}, ` +
    `${pad(local.getUTCHours())}.${pad(local.getUTCMinutes())}.${pad(local.getUTCSeconds())} ${zoneName(offset)}`
  );
}

/** The zone name of an ISO timestamp's own offset ("WIB"), or '' when it carries none. */
export function zoneOf(iso: string): string {
  const offset = offsetMinutes(iso);
  return offset === null ? '' : zoneName(offset);
}

/** An 18-digit NIP as it is printed on ID cards: "19870412 201001 2 003". Anything else verbatim. */
export function formatNip(nip: string | null | undefined): string {
  if (!nip) return '';
  const match = /^(\d{8})(\d{6})(\d)(\d{3})$/.exec(nip);
  return match ? `${match[1]} ${match[2]} ${match[3]} ${match[4]}` : nip;
}
