import './style.css';
import { mountPage } from '@/components/mount-page';
import { App } from './App';

void mountPage(App, document.getElementById('app')!);
