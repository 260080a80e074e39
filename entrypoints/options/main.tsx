import './style.css';
import { render } from 'preact';
import { loadLanguage } from '@/lib/i18n';
import { OptionsPage } from './OptionsPage';

// The officer's language first, so the page never flashes in the other one.
void loadLanguage().then(() => render(<OptionsPage />, document.getElementById('app')!));
