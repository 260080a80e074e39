import '../popup/style.css';
import '../export/style.css';
import './style.css';
import { render } from 'preact';
import { VerifyPage } from './VerifyPage';

render(<VerifyPage />, document.getElementById('app')!);
