import '../popup/style.css';
import './style.css';
import { render } from 'preact';
import { ExportPage } from './ExportPage';

render(<ExportPage />, document.getElementById('app')!);
