import './style.css';
import { App } from './App';
import { mountPage } from './mount';

void mountPage(App, document.getElementById('app')!);
