import '../popup/style.css';
import './style.css';
import { mountPage } from '@/components/mount-page';
import { ExportPage } from './ExportPage';

void mountPage(ExportPage, document.getElementById('app')!, 'export_title');
