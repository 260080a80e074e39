// Facebook has no <time> and no machine-readable date. Its timestamp link shows a relative time ("6h",
// "1 d", "28週") or a date ("2023年8月18日", "14 October 2016"); the hover tooltip, when reveal() catches it,
// a full date and time ("Jumat, 14 Februari 2024 pukul 10.15"). None carries a time zone: Facebook writes
// them in the zone of the browser that shows the page.
//
// Decision: postedAt is filled only from an absolute date WITH a time of day, read as local time of the
// browser that runs the extraction (in the extension, the browser Facebook wrote the label for, so the
// instant is exact). Relative times and dates without a time give null: turning them into an instant would
// mean guessing the hour, and evidence must not guess. Numeric dates ("3/4/2024") are refused as
// ambiguous (day or month first). The CLI reads a saved page in the machine's zone: check it there.

const MONTHS: Record<string, number> = {};
const NAMES = [
  // Indonesian, English, Spanish: full names and common short forms.
  'januari january enero jan ene',
  'februari february febrero feb',
  'maret march marzo mar',
  'april abril apr abr',
  'mei may mayo',
  'juni june junio jun',
  'juli july julio jul',
  'agustus august agosto agu agt ags aug ago',
  'september septiembre setiembre sep sept set',
  'oktober october octubre okt oct',
  'november noviembre nov',
  'desember december diciembre des dec dic',
];
// Arabic (Egypt/Gulf forms, as in the 2024-03 photo viewer fixture).
const ARABIC = 'يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر'.split(' ');
NAMES.forEach((names, month) => {
  for (const name of names.split(' ')) MONTHS[name] = month + 1;
});
ARABIC.forEach((name, month) => {
  MONTHS[name] = month + 1;
});

const CJK_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const CJK_TIME = /(上午|下午|凌晨|早上|中午|晚上)?\s*(\d{1,2})[:：](\d{2})/;
const TIME = /(?:^|[^\d])(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?!\d)\s*(a\.?\s?m\.?|p\.?\s?m\.?|ص|م)?/i;
const WORD = /[\p{L}]+\.?/gu;

/** ASCII digits for Arabic-Indic and Persian ones ("٥ أكتوبر ٢٠٢٣"). */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

interface DateParts {
  year: number;
  month: number;
  day: number;
  /** Where the date ends, so the time is searched after it. */
  end: number;
}

function readDate(text: string): DateParts | null {
  const cjk = CJK_DATE.exec(text);
  if (cjk) return { year: +cjk[1]!, month: +cjk[2]!, day: +cjk[3]!, end: cjk.index + cjk[0].length };
  for (const word of text.matchAll(WORD)) {
    const month = MONTHS[word[0].toLowerCase().replace(/\.$/, '')];
    if (!month) continue;
    // "18 Agustus 2023", "August 18, 2023", "18 de agosto de 2023", "5 أكتوبر 2023".
    const before = /(\d{1,2})\s*(?:de\s+)?$/i.exec(text.slice(0, word.index));
    const rest = text.slice(word.index + word[0].length);
    const after = /^\s*(?:de\s+)?(\d{1,2})(?!\d)/i.exec(rest);
    const year = /^[\s\d,]*?(?:de\s+)?(\d{4})(?!\d)/i.exec(after ? rest.slice(after[0].length) : rest);
    const day = before?.[1] ?? after?.[1];
    if (!day || !year?.[1]) continue;
    const consumed = (after?.[0].length ?? 0) + year.index + year[0].length;
    return { year: +year[1], month, day: +day, end: word.index + word[0].length + consumed };
  }
  return null;
}

function readTime(text: string): { hour: number; minute: number; second: number } | null {
  const cjk = CJK_TIME.exec(text);
  if (cjk?.[1]) {
    let hour = +cjk[2]!;
    if (/下午|晚上|中午/.test(cjk[1]) && hour < 12) hour += 12;
    if (/上午|凌晨|早上/.test(cjk[1]) && hour === 12) hour = 0;
    return { hour, minute: +cjk[3]!, second: 0 };
  }
  const time = TIME.exec(text) ?? (cjk ? [cjk[0], cjk[2], cjk[3]] : null);
  if (!time) return null;
  let hour = +time[1]!;
  const meridiem = (time[4] ?? '').toLowerCase().replace(/[.\s]/g, '');
  if ((meridiem === 'pm' || meridiem === 'م') && hour < 12) hour += 12;
  if ((meridiem === 'am' || meridiem === 'ص') && hour === 12) hour = 0;
  return { hour, minute: +time[2]!, second: time[3] ? +time[3] : 0 };
}

/** An absolute date and time from a Facebook label, as ISO UTC, or null (see the decision above). */
export function parseFacebookTime(label: string | null | undefined, localTime = localInstant): string | null {
  const text = asciiDigits(label?.normalize('NFC') ?? '').trim();
  if (!text) return null;
  const date = readDate(text);
  if (!date) return null;
  const time = readTime(text.slice(date.end)) ?? readTime(text.slice(0, date.end).replace(CJK_DATE, ' '));
  if (!time || time.hour > 23 || time.minute > 59 || time.second > 59) return null;
  return localTime({ ...date, ...time });
}

interface Instant {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The instant of a wall-clock reading in this runtime's zone; null when the reading does not exist. */
function localInstant(t: Instant): string | null {
  const date = new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const same =
    date.getFullYear() === t.year &&
    date.getMonth() === t.month - 1 &&
    date.getDate() === t.day &&
    date.getHours() === t.hour &&
    date.getMinutes() === t.minute;
  return same && t.year >= 2004 ? date.toISOString() : null;
}
