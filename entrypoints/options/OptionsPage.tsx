import { useEffect, useState } from 'preact/hooks';
import { useStorage } from '@/components/use-storage';
import { loadConfig } from '@/lib/config/config-store';
import type { Language } from '@/lib/config/schema';
import { SETTINGS } from '@/lib/config/settings';
import { language, onLanguageChange, setLanguage, t } from '@/lib/i18n';
import { CategoriesSection } from './sections/CategoriesSection';
import { DeviceKeySection } from './sections/DeviceKeySection';
import { LanguageSection } from './sections/LanguageSection';
import { OfficerSection } from './sections/OfficerSection';
import { OfficeSection } from './sections/OfficeSection';
import { PackSection } from './sections/PackSection';
import { RulesSection } from './sections/RulesSection';
import { WatchlistSection } from './sections/WatchlistSection';

/** Section ids (the in-page links) and their title keys, in page order. */
const SECTIONS = [
  ['officer', 'options_officer_title'],
  ['office', 'options_office_title'],
  ['device', 'options_device_title'],
  ['language', 'options_language_title'],
  ['watchlist', 'options_watchlist_title'],
  ['rules', 'options_rules_title'],
  ['categories', 'options_categories_title'],
  ['pack', 'options_pack_title'],
] as const;

const CONFIG_KEYS = [SETTINGS.watchlist, SETTINGS.rules, SETTINGS.categories];

/** The officer's settings and the office's configuration, one section each. */
export function OptionsPage() {
  // Every t() below reads the current language; this state only makes the whole page render again.
  const [lang, setLang] = useState<Language>(language());
  useEffect(() => onLanguageChange(setLang), []);
  useEffect(() => {
    document.title = t('options_page_title');
  }, [lang]);
  const config = useStorage(CONFIG_KEYS, loadConfig);
  const changeLanguage = (next: Language) => {
    setLanguage(next);
    setLang(next);
  };

  return (
    <div class="options-layout">
      <header class="page-header">
        <h1 data-testid="options-heading">{t('options_heading')}</h1>
        <p class="subtitle">{t('options_subtitle')}</p>
      </header>
      <nav class="section-nav" aria-label={t('options_nav_label')}>
        <ul>
          {SECTIONS.map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(title)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        <OfficerSection />
        <OfficeSection />
        <DeviceKeySection />
        <LanguageSection lang={lang} onChange={changeLanguage} />
        {config ? (
          <>
            <WatchlistSection entries={config.watchlist} />
            <RulesSection rules={config.rules} categories={config.categories} />
            <CategoriesSection categories={config.categories} />
          </>
        ) : (
          <p aria-busy="true">{t('common_loading')}</p>
        )}
        <PackSection />
      </main>
    </div>
  );
}
