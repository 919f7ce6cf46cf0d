/**
 * Content-script entry (standalone IIFE on www.binance.com): side effects only. Starts the controller
 * on a USDⓈ-M futures page, or once the SPA navigates to one; nothing may throw into the page.
 */
import { detectBinanceFutures } from '../adapters/binance/route';
import { createBinanceReader } from '../adapters/binance/read';
import { CsToBg } from '../shared/protocol';
import { startController, type Controller } from './controller';
import { sendToBackground } from '../shared/messaging';
import { extensionAlive, isContextInvalidated } from './lifecycle';
import { mountPanel } from './panel/mount';

/** How often to look for a futures route while on another Binance page (SPA navigation). */
const ROUTE_CHECK_MS = 1000;

function start(): Controller {
  return startController({
    doc: document,
    source: createBinanceReader(document, () => location.href),
    evaluate: (snapshot) => sendToBackground({ type: CsToBg.evaluate, snapshot }),
    loadPanelState: () => sendToBackground({ type: CsToBg.panelGet }),
    saveCollapsed: (collapsed) => sendToBackground({ type: CsToBg.panelSet, collapsed }),
    isOrphaned: (error) => (error === undefined ? !extensionAlive() : isContextInvalidated(error)),
    mountPanel: (onToggle) => mountPanel(document, onToggle),
    timing: {
      requestFrame: (cb) => void requestAnimationFrame(cb),
      setInterval: (cb, ms) => setInterval(cb, ms),
      clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
      pollMs: 250,
      fullReadMs: 1000,
    },
    retryMs: 500,
  });
}

function run(): void {
  let controller: Controller | null = null;
  const check = () => {
    try {
      if (!extensionAlive()) {
        controller?.stop();
        clearInterval(routeCheck);
        return;
      }
      const onFutures = detectBinanceFutures(location.href) !== null;
      if (onFutures && !controller) controller = start();
      else if (!onFutures && controller) {
        controller.stop();
        controller = null;
      }
    } catch {
      // A page oddity must never surface as an error in the exchange's console.
    }
  };
  const routeCheck = setInterval(check, ROUTE_CHECK_MS);
  check();
}

try {
  run();
} catch {
  // see above
}
