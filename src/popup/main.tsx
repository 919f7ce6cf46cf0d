import { render } from 'preact';
import browser from 'webextension-polyfill';
import { Popup } from './Popup.tsx';
import { sendToBackground } from '../shared/messaging.ts';
import '../ui/pictures/pictures.css';
import './popup.css';

async function activeTabId(): Promise<number | null> {
  // No "tabs" permission needed: the id of the active tab is always visible to the extension.
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

render(
  <Popup
    activeTabId={activeTabId}
    openOptions={() => void browser.runtime.openOptionsPage()}
    send={sendToBackground}
  />,
  document.getElementById('popup-root')!,
);
