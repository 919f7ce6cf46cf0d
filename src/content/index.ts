/**
 * Content-script entry (one standalone IIFE on every venue's pages): side effects only. Starts the
 * controller with the adapter for the current page, or once the SPA navigates to a supported page;
 * tells it when the settings change (a save on the options page reaches an open tab without a reload);
 * nothing may throw into the page. Knows no venue: the adapter lookup picks one.
 */
import type { VenueAdapter } from '../adapters/adapter';
import { adapterFor } from '../adapters/index';
import { CsToBg } from '../contracts/messages';
import { startController, type Controller } from './controller';
import { extensionApi, type StorageChangeListener } from '../shared/extension-api';
import { sendToBackground } from '../shared/messaging';
import { NOTICE_KEY, SETTINGS_KEY } from '../shared/settings-key';
import { extensionAlive, isContextInvalidated } from './lifecycle';
import { mountPanel } from './panel/mount';

/** How often to look for a supported route while on another page of the site (SPA navigation). */
const ROUTE_CHECK_MS = 1000;

function start(adapter: VenueAdapter): Controller {
  return startController({
    doc: document,
    source: adapter.createReader(document, () => location.href),
    evaluate: (snapshot) => sendToBackground({ type: CsToBg.evaluate, snapshot }),
    loadPanelState: () => sendToBackground({ type: CsToBg.panelGet, venue: adapter.venue }),
    saveCollapsed: (collapsed) => sendToBackground({ type: CsToBg.panelSet, venue: adapter.venue, collapsed }),
    isOrphaned: (error) => (error === undefined ? !extensionAlive() : isContextInvalidated(error)),
    mountPanel: (onToggle) => mountPanel(document, onToggle),
    timing: {
      requestFrame: (cb) => void requestAnimationFrame(cb),
      setInterval: (cb, ms) => setInterval(cb, ms),
      clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
      pollMs: 250,
      fullReadMs: 1000,
      settlePollMs: 100,
    },
    retryMs: 500,
  });
}

function run(): void {
  let running: { adapter: VenueAdapter; controller: Controller } | null = null;
  const check = () => {
    try {
      if (!extensionAlive()) {
        running?.controller.stop();
        clearInterval(routeCheck);
        storage?.onChanged.removeListener(onStorage);
        return;
      }
      const adapter = adapterFor(location.href);
      if (running && running.adapter !== adapter) {
        running.controller.stop();
        running = null;
      }
      if (adapter && !running) running = { adapter, controller: start(adapter) };
    } catch {
      // A page oddity must never surface as an error in the exchange's console.
    }
  };
  // storage.local is written by the background only (settings service); the options page's save is one write
  // of the settings, and a save that acknowledges the corrupted-store notice also removes the notice. Chromium
  // reports no change for a write of an equal value, so a save of unchanged settings is seen by the notice alone.
  const onStorage: StorageChangeListener = (changes, area) => {
    try {
      if (area === 'local' && (SETTINGS_KEY in changes || NOTICE_KEY in changes)) running?.controller.settingsChanged();
    } catch {
      // see below
    }
  };
  const storage = extensionApi()?.storage;
  storage?.onChanged.addListener(onStorage);
  const routeCheck = setInterval(check, ROUTE_CHECK_MS);
  check();
}

try {
  run();
} catch {
  // see above
}
