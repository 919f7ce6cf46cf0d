/**
 * Background entry (Chrome service worker / Firefox event page). Listeners are registered
 * synchronously at top level, so the event that woke a stopped worker is not missed; handlers
 * wait for the settings to load (the init promise inside the settings service).
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { evaluateSnapshot } from './evaluate.ts';
import { createHandlers } from './handlers.ts';
import { identityOf } from './identity.ts';
import { createRouter } from './router.ts';
import { createSettingsService } from './settings-service.ts';
import { createTabStatusStore } from './tab-status.ts';

const tabStatus = createTabStatusStore(browser.storage.session);
const route = createRouter(
  identityOf(browser.runtime),
  createHandlers({
    settings: createSettingsService(browser.storage.local),
    tabStatus,
    evaluate: evaluateSnapshot,
    now: Date.now,
  }),
);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));
// A failed forget only leaves a stale entry that storage.session drops with the browser session.
const forget = (tabId: number) => tabStatus.forget(tabId).catch(() => {});
browser.tabs.onRemoved.addListener((tabId) => forget(tabId));
// A full page load in a tab ends whatever that tab showed before; its content script reports anew.
browser.tabs.onUpdated.addListener((tabId, change) => (change.status === 'loading' ? forget(tabId) : undefined));
