/** The toolbar pop-up: what Margin Lens is, whether this tab is a supported page, its last evaluation. */
import { useEffect, useState } from 'preact/hooks';
import { isRouterError, UiToBg, type TabStatus } from '../contracts/messages.ts';
import type { Reason } from '../contracts/reasons.ts';
import type { sendToBackground } from '../shared/messaging.ts';
import { EvaluationView } from '../ui/EvaluationView.tsx';
import { unavailableEvaluation } from '../ui/placeholder.ts';
import { say } from '../ui/text/index.ts';
import { VENUES, venueById } from '../venues/registry.ts';

export interface PopupProps {
  activeTabId(): Promise<number | null>;
  openOptions(): void;
  send: typeof sendToBackground;
}

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; status: TabStatus | null; notice: Reason | null };

export function Popup({ activeTabId, openOptions, send }: PopupProps) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    void (async () => {
      const tabId = await activeTabId();
      const answer = await send({ type: UiToBg.statusGet, tabId });
      if (isRouterError(answer)) return setLoad({ state: 'error', message: answer.error });
      setLoad({ state: 'ready', status: answer.status, notice: answer.notice });
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
      {load.state === 'ready' && load.notice ? (
        <p class="notice" role="alert" data-role="notice" data-reason={load.notice.code}>
          {say(load.notice)}
        </p>
      ) : null}
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
        No order form seen in this tab. Margin Lens works on the trading pages of {VENUES.map((v) => v.name).join(', ')}.
      </p>
    );
  }
  return (
    <section class="tab" data-status="supported">
      <p class="status">
        {venueById(status.venue).name}
        {status.symbol ? <> · <strong>{status.symbol}</strong></> : null} · updated {new Date(status.updatedAt).toLocaleTimeString()}
      </p>
      {'evaluation' in status.result ? (
        <EvaluationView evaluation={status.result.evaluation} pending={false} />
      ) : (
        <div class="unavailable" data-status="unavailable">
          <EvaluationView
            evaluation={unavailableEvaluation(status.result.unavailable[0]!, { symbol: status.symbol ?? '', quoteAsset: '' })}
            pending={false}
            reasons={status.result.unavailable}
          />
        </div>
      )}
    </section>
  );
}
