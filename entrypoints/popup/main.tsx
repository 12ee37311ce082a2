import { render } from 'preact';
import { PopupApp } from '@/src/ui/popup/PopupApp';
import '@/src/ui/popup/popup.css';

const root = document.getElementById('app');
if (root) render(<PopupApp search={location.search} />, root);
