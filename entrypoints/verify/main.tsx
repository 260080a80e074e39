import '../popup/style.css';
import '../export/style.css';
import './style.css';
import { mountPage } from '@/components/mount-page';
import { VerifyPage } from './VerifyPage';

void mountPage(VerifyPage, document.getElementById('app')!, 'verify_title');
