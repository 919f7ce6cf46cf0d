/**
 * The one copy of the message-sender fixtures the background is tested against: the extension's
 * own pages, a content script on a venue's page, and the senders the router must refuse.
 * Identity comes from the fake browser (its runtime id and base URL), origins from the registry.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import type { RouterIdentity } from '../../src/background/router.ts';
import { contentMatches } from '../../src/venues/registry.ts';
import { originOfMatchPattern } from '../../src/background/identity.ts';
import { PAGE_URL } from './snapshots.ts';

export { PAGE_URL };

export const EXTENSION_ID = fakeBrowser.runtime.id;
export const EXTENSION_BASE = fakeBrowser.runtime.getURL('');
/** The registry venues' origins, as the manifest's content-script matches give them. */
export const VENUE_ORIGINS: readonly string[] = contentMatches().map((m) => originOfMatchPattern(m)!);

/** The router's identity in the fake browser; `contentOrigins` defaults to the registry's. */
export function routerIdentity(contentOrigins: readonly string[] = VENUE_ORIGINS): RouterIdentity {
  return { extensionId: EXTENSION_ID, extensionBaseUrl: EXTENSION_BASE, contentOrigins };
}

type Tab = Runtime.MessageSender['tab'];
const tab = (id: number) => ({ id }) as Tab;

/** The content script in tab `tabId`, on a venue page (the BTCUSDT trading page unless `url` says otherwise). */
export function contentScriptSender(tabId = 5, url = PAGE_URL): Runtime.MessageSender {
  return { id: EXTENSION_ID, url, tab: tab(tabId), frameId: 0 };
}

/** The pop-up: an extension page without a tab. */
export const popupSender: Runtime.MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_BASE}src/popup/index.html` };
/** The options page opened in a tab: it has sender.tab too, its URL is what identifies it. */
export const optionsSender: Runtime.MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_BASE}src/options/index.html`, tab: tab(9) };

/** Senders that are neither this extension's pages nor its content script on a venue origin. */
export const FOREIGN_SENDERS: ReadonlyArray<[string, Runtime.MessageSender]> = [
  ['another extension', { ...contentScriptSender(), id: 'other-extension' }],
  ["another extension's page", { id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' }],
  ['a sender without id', { url: PAGE_URL, tab: tab(5) }],
  ['a page on another origin', contentScriptSender(5, 'https://evil.example/futures')],
  ['a look-alike host', contentScriptSender(5, 'https://www.binance.com.evil.example/en/futures/BTCUSDT')],
  ['plain http on the exchange host', contentScriptSender(5, 'http://www.binance.com/en/futures/BTCUSDT')],
  ['an exchange URL without a tab', { id: EXTENSION_ID, url: PAGE_URL }],
  ['no URL at all', { id: EXTENSION_ID, tab: tab(5) }],
  ['a look-alike extension URL', { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}.evil/x.html` }],
];
