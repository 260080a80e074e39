import { type ComponentType, render } from 'preact';
import { loadLanguage, onLanguageChange, t } from '@/lib/i18n';

/**
 * Renders an extension page once the officer's language is known (Indonesian if it cannot be read), and
 * renders it again whenever the language is changed, in this page or another. `titleKey` names the
 * message for the tab's title. Returns the unsubscriber.
 */
export async function mountPage(
  Page: ComponentType,
  root: HTMLElement,
  titleKey?: string,
): Promise<() => void> {
  await loadLanguage().catch(() => undefined);
  const show = () => {
    if (titleKey) document.title = t(titleKey);
    render(<Page />, root);
  };
  show();
  return onLanguageChange(show);
}
