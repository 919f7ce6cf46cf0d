/**
 * What every venue's content script does (src/adapters/<venue>/content.ts is one standalone IIFE per
 * venue, run by the manifest on that venue's origins only, so an exchange page parses one adapter, not
 * all of them). Starts the controller with the venue's adapter on a supported page, or once the SPA
 * navigates to one; tells it when the settings change (a save on the options page reaches an open tab
 * without a reload); nothing may throw into the page. Knows no venue.
 */
import type { VenueAdapter } from '../adapters/adapter';
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

function run(adapter: VenueAdapter): void {
  let running: Controller | null = null;
  const check = () => {
    try {
      if (!extensionAlive()) {
        running?.stop();
        clearInterval(routeCheck);
        storage?.onChanged.removeListener(onStorage);
        return;
      }
      const supported = adapter.detect(location.href) !== null;
      if (running && !supported) {
        running.stop();
        running = null;
      }
      if (supported && !running) running = start(adapter);
    } catch {
      // A page oddity must never surface as an error in the exchange's console.
    }
  };
  // storage.local is written by the background only (settings service); the options page's save is one write
  // of the settings, and a save that acknowledges the corrupted-store notice also removes the notice. Chromium
  // reports no change for a write of an equal value, so a save of unchanged settings is seen by the notice alone.
  const onStorage: StorageChangeListener = (changes, area) => {
    try {
      if (area === 'local' && (SETTINGS_KEY in changes || NOTICE_KEY in changes)) running?.settingsChanged();
    } catch {
      // see below
    }
  };
  const storage = extensionApi()?.storage;
  storage?.onChanged.addListener(onStorage);
  const routeCheck = setInterval(check, ROUTE_CHECK_MS);
  check();
}

/** Runs the content script for `adapter`'s venue; never throws. */
export function runContentScript(adapter: VenueAdapter): void {
  try {
    run(adapter);
  } catch {
    // see above
  }
}
