import { type ComponentType, render } from 'preact';
import { loadLanguage, onLanguageChange } from '@/lib/i18n';

/**
 * Renders an extension page once the officer's language is known (Indonesian if it cannot be read), and
 * renders it again whenever the language is changed, in this page or another. Returns the unsubscriber.
 */
export async function mountPage(Page: ComponentType, root: HTMLElement): Promise<() => void> {
  await loadLanguage().catch(() => undefined);
  const show = () => render(<Page />, root);
  show();
  return onLanguageChange(show);
}
