import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EvidenceCard } from '@/components/EvidenceCard';
import { useLiveQuery } from '@/components/use-live-query';
import { categoriesOrDefault } from '@/lib/config/config-store';
import type { Category } from '@/lib/config/schema';
import { EvidenceDb } from '@/lib/evidence/db';
import { t } from '@/lib/i18n';
import { OriginalsToggle } from './OriginalsToggle';
import { loadPopupData } from './popup-data';
import { ShiftBar } from './ShiftBar';
import { ShiftSummary } from './ShiftSummary';
import { useShift } from './use-shift';

const db = new EvidenceDb();
const LATEST = 20;

/** The shift at a glance: start or end it, its counts, the latest findings, export, the other pages. */
export function App() {
  const shift = useShift();
  const [categories, setCategories] = useState<Category[]>();
  useEffect(() => void categoriesOrDefault().then(setCategories), []);
  const data = useLiveQuery(
    async () => (shift === undefined ? undefined : loadPopupData(db, shift, LATEST)),
    [shift],
  );

  if (shift === undefined || !data) return <main aria-busy="true" />;
  const { findings, earlier, screenshots } = data;
  const pending = findings.length + earlier;

  return (
    <main>
      <header>
        <h1>Netra</h1>
        <p class="subtitle">{shift ? t('popup_title_shift') : t('popup_title_pending')}</p>
      </header>
      <ShiftBar shift={shift} />
      <ShiftSummary findings={findings} categories={categories} />
      {earlier > 0 && (
        <p class="earlier" data-testid="earlier-pending">
          {t('popup_earlier_pending', earlier)}
        </p>
      )}
      {findings.length === 0 ? (
        <p class="empty">{t('popup_empty')}</p>
      ) : (
        <ol class="findings" aria-label={t('popup_latest')}>
          {findings.slice(0, LATEST).map((evidence, i) => (
            <EvidenceCard
              key={evidence.id}
              evidence={evidence}
              screenshot={screenshots[i]}
              categories={categories}
            />
          ))}
        </ol>
      )}
      {findings.length > LATEST && <p class="more">{t('popup_more', findings.length - LATEST)}</p>}
      <div class="actions">
        <button
          type="button"
          class="primary"
          data-testid="export"
          title={t('popup_export_hint')}
          disabled={pending === 0}
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/export.html?start') })}
        >
          {t('common_export')}
        </button>
        <nav class="links" aria-label={t('popup_other_pages')}>
          <a href={browser.runtime.getURL('/review.html')} target="_blank" rel="noopener">
            {t('popup_review_all')}
          </a>
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('popup_settings')}
          </button>
          <a href={browser.runtime.getURL('/verify.html')} target="_blank" rel="noopener">
            {t('popup_verify')}
          </a>
        </nav>
      </div>
      <OriginalsToggle />
    </main>
  );
}
