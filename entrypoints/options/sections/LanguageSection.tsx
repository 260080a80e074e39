import { browser } from 'wxt/browser';
import type { Language } from '@/lib/config/schema';
import { SETTINGS } from '@/lib/config/settings';
import { t } from '@/lib/i18n';
import { Section } from '../parts/Section';
import { StatusLine, useStatus } from '../parts/StatusLine';

// Each language's name in itself, so an officer who cannot read the current one still finds theirs.
const CHOICES: { lang: Language; name: string }[] = [
  { lang: 'id', name: 'Bahasa Indonesia' },
  { lang: 'en', name: 'English' },
];

interface LanguageSectionProps {
  lang: Language;
  /** Re-renders the page in `lang` at once, before storage tells the other pages. */
  onChange: (lang: Language) => void;
}

export function LanguageSection({ lang, onChange }: LanguageSectionProps) {
  const [status, setStatus] = useStatus();
  const choose = async (next: Language) => {
    onChange(next);
    await browser.storage.local.set({ [SETTINGS.language]: next });
    setStatus({ kind: 'ok', text: t('options_language_saved') });
  };
  return (
    <Section id="language" title={t('options_language_title')}>
      <fieldset>
        <legend>{t('options_language_legend')}</legend>
        {CHOICES.map((choice) => (
          <label class="radio" key={choice.lang} lang={choice.lang}>
            <input
              type="radio"
              name="language"
              value={choice.lang}
              checked={lang === choice.lang}
              data-testid={`lang-${choice.lang}`}
              onChange={() => void choose(choice.lang)}
            />{' '}
            {choice.name}
          </label>
        ))}
      </fieldset>
      <StatusLine status={status} testId="language-status" />
    </Section>
  );
}
