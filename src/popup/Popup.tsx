/** The toolbar pop-up: what Margin Lens is, whether this tab is a supported page, its last evaluation. */
import { useEffect, useState } from 'preact/hooks';
import { isRouterError, UiToBg, type TabStatus } from '../shared/protocol.ts';
import type { sendToBackground } from '../shared/messaging.ts';
import { EvaluationView } from '../ui/EvaluationView.tsx';

export interface PopupProps {
  activeTabId(): Promise<number | null>;
  openOptions(): void;
  send: typeof sendToBackground;
}

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; status: TabStatus | null };

export function Popup({ activeTabId, openOptions, send }: PopupProps) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    void (async () => {
      const tabId = await activeTabId();
      if (tabId === null) return setLoad({ state: 'ready', status: null });
      const answer = await send({ type: UiToBg.statusGet, tabId });
      setLoad(isRouterError(answer) ? { state: 'error', message: answer.error } : { state: 'ready', status: answer.status });
    })();
  }, [activeTabId, send]);

  return (
    <main class="popup">
      <header>
        <h1>Margin Lens</h1>
        <p class="tagline">
          Before you submit a futures order: liquidation price, margin and worst-case loss, isolated and cross side by
          side. Reads the order form only; never trades, never sends data anywhere.
        </p>
      </header>
      <TabSection load={load} />
      <footer>
        <button type="button" class="link" onClick={openOptions}>
          Risk limits and fees…
        </button>
      </footer>
    </main>
  );
}

function TabSection({ load }: { load: Load }) {
  if (load.state === 'loading') return <p class="status" data-status="loading">Checking this tab…</p>;
  if (load.state === 'error') {
    return (
      <p class="status error" data-status="error">
        Could not ask the extension about this tab: {load.message}
      </p>
    );
  }
  const { status } = load;
  if (status === null) {
    return (
      <p class="status" data-status="unsupported">
        No order form seen in this tab. Margin Lens works on Binance USDⓈ-M futures trading pages
        (www.binance.com/…/futures/…).
      </p>
    );
  }
  return (
    <section class="tab" data-status="supported">
      <p class="status">
        Supported page{status.symbol ? <> · <strong>{status.symbol}</strong></> : null} · updated{' '}
        {new Date(status.updatedAt).toLocaleTimeString()}
      </p>
      {'evaluation' in status.result ? (
        <EvaluationView evaluation={status.result.evaluation} pending={false} />
      ) : (
        <p class="unavailable" data-status="unavailable">
          No figures: {status.result.unavailable}
        </p>
      )}
    </section>
  );
}
