import { browser } from 'wxt/browser';
import { language, t } from '@/lib/i18n';
import { formatDateTime, zoneName } from '@/lib/i18n/dates';
import { endShift, type Shift, startShift } from '@/lib/shift';

/** "08.00 WIB" for a shift that began today, the full date and time for an older one. */
export function shiftStartText(startedAt: string, now = new Date()): string {
  const start = new Date(startedAt);
  if (start.toDateString() !== now.toDateString()) return formatDateTime(startedAt);
  const time = new Intl.DateTimeFormat(language() === 'en' ? 'en-GB' : 'id-ID', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(start);
  return `${time} ${zoneName(-start.getTimezoneOffset())}`;
}

/** Ends the shift, then opens the export page, which starts exporting at once (?start). */
async function endAndExport() {
  await endShift(new Date());
  await browser.tabs.create({ url: browser.runtime.getURL('/export.html?start') });
}

/** The shift at the top of the popup: start one, or see since when it runs and end it. */
export function ShiftBar({ shift }: { shift: Shift | null }) {
  if (!shift) {
    return (
      <div class="shift-bar" data-testid="shift-bar">
        <span>{t('popup_no_shift')}</span>
        <button type="button" class="primary" onClick={() => void startShift(new Date())}>
          {t('popup_start_shift')}
        </button>
      </div>
    );
  }
  return (
    <div class="shift-bar active" data-testid="shift-bar">
      <span>{t('popup_shift_since', shiftStartText(shift.startedAt))}</span>
      <button type="button" title={t('popup_end_shift_hint')} onClick={() => void endAndExport()}>
        {t('popup_end_shift')}
      </button>
    </div>
  );
}
