/**
 * The toolbar pop-up: on a supported tab, whether the page is read (or what is missing and why), the
 * order's summary, its pictures and "Open in calculator"; on any tab, the calculator. In the theme the
 * settings choose.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Evaluation } from '../contracts/evaluation.ts';
import { isRouterError, UiToBg, type TabStatus } from '../contracts/messages.ts';
import type { Reason } from '../contracts/reasons.ts';
import type { sendToBackground } from '../shared/messaging.ts';
import type { Theme } from '../shared/settings.ts';
import { usePageTheme } from '../options/theme.ts';
import { FigureView } from '../ui/Figure.tsx';
import { SideLine } from '../ui/LimitChecks.tsx';
import { SidePictures } from '../ui/pictures/index.ts';
import { popupText, say } from '../ui/text/index.ts';
import { VENUES, venueById, type VenueId } from '../venues/registry.ts';
import { Calculator, type FrameScheduler } from './Calculator.tsx';
import { emptyForm, formFromEvaluation, type CalculatorForm } from './form.ts';

export interface PopupProps {
  activeTabId(): Promise<number | null>;
  openOptions(): void;
  send: typeof sendToBackground;
  /** One calculator request per animation frame (requestAnimationFrame unless a test injects one). */
  frame?: FrameScheduler;
}

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; status: TabStatus | null; notice: Reason | null };

const t = popupText;
const animationFrame: FrameScheduler = (callback) => void requestAnimationFrame(callback);

export function Popup({ activeTabId, openOptions, send, frame = animationFrame }: PopupProps) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [theme, setTheme] = useState<Theme>('auto');
  // A new key starts the calculator afresh with the form's values.
  const [calculator, setCalculator] = useState<{ key: number; form: CalculatorForm }>({ key: 0, form: emptyForm() });
  usePageTheme(theme);
  useEffect(() => {
    void (async () => {
      const tabId = await activeTabId();
      const answer = await send({ type: UiToBg.statusGet, tabId });
      if (isRouterError(answer)) return setLoad({ state: 'error', message: answer.error });
      setLoad({ state: 'ready', status: answer.status, notice: answer.notice });
      if (answer.status) setCalculator((c) => ({ key: c.key, form: emptyForm(answer.status!.venue) }));
    })();
    void send({ type: UiToBg.settingsGet }).then((answer) => {
      if (!isRouterError(answer)) setTheme(answer.settings.theme);
    });
  }, [activeTabId, send]);

  const openInCalculator = (venue: VenueId, evaluation: Evaluation) => {
    setCalculator((c) => ({ key: c.key + 1, form: formFromEvaluation(venue, evaluation) }));
    // After the render: take the reader to the filled calculator.
    requestAnimationFrame(() => document.getElementById('calc-heading')?.focus());
  };

  return (
    <main class="popup">
      <header>
        <h1>{t.title}</h1>
        <p class="tagline">{t.tagline}</p>
      </header>
      {load.state === 'ready' && load.notice ? (
        <p class="notice" role="alert" data-role="notice" data-reason={load.notice.code}>
          {say(load.notice)}
        </p>
      ) : null}
      <TabSection load={load} onOpenInCalculator={openInCalculator} />
      <Calculator key={calculator.key} initial={calculator.form} send={send} frame={frame} />
      <footer>
        <button type="button" class="link" onClick={openOptions}>
          {t.options}
        </button>
      </footer>
    </main>
  );
}

function TabSection({ load, onOpenInCalculator }: { load: Load; onOpenInCalculator(venue: VenueId, evaluation: Evaluation): void }) {
  if (load.state === 'loading') return <p class="status" data-status="loading">{t.checking}</p>;
  if (load.state === 'error') {
    return (
      <p class="status error" data-status="error">
        {t.askFailed(load.message)}
      </p>
    );
  }
  const { status } = load;
  if (status === null) {
    return (
      <p class="status" data-status="unsupported">
        {t.unsupported(VENUES.map((v) => v.name).join(', '))}
      </p>
    );
  }
  return (
    <section class="tab" data-status="supported" data-section="tab" aria-labelledby="tab-heading">
      <h2 id="tab-heading" class="status">
        {venueById(status.venue).name}
        {status.symbol ? <> · <strong>{status.symbol}</strong></> : null} · {t.updated(new Date(status.updatedAt).toLocaleTimeString())}
      </h2>
      {'evaluation' in status.result ? (
        <OrderSummary venue={status.venue} evaluation={status.result.evaluation} onOpenInCalculator={onOpenInCalculator} />
      ) : (
        <div class="read missing" data-read="missing">
          <p>{t.readMissing}</p>
          <ul class="unavailable" data-status="unavailable">
            {status.result.unavailable.map((why) => (
              <li data-reason={why.code}>{say(why)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function OrderSummary({ venue, evaluation, onOpenInCalculator }: { venue: VenueId; evaluation: Evaluation; onOpenInCalculator(venue: VenueId, evaluation: Evaluation): void }) {
  const input = (item: 'quantity' | 'leverage') => evaluation.inputs.find((i) => i.item === item && i.side === undefined)?.value;
  const others = evaluation.inputs.find((i) => i.item === 'otherCrossPositions')?.value;
  const modes = ['isolated', 'cross'] as const;
  return (
    <>
      <p class="read ok" data-read="ok">
        {t.readOk}
      </p>
      <table class="summary" data-role="summary">
        <tbody>
          <tr>
            <th scope="row">{t.summary.symbol}</th>
            <td data-summary="symbol">{evaluation.symbol}</td>
          </tr>
          <tr>
            <th scope="row">{t.summary.sides}</th>
            <td data-summary="sides" data-value={evaluation.sides.map((s) => s.side).join(' ')}>
              {evaluation.sides.map((s) => t.sides[s.side]).join(', ')}
            </td>
          </tr>
          <tr>
            <th scope="row">{t.summary.size}</th>
            <td data-summary="size" data-value={input('quantity')}>{input('quantity')}</td>
          </tr>
          <tr>
            <th scope="row">{t.summary.leverage}</th>
            <td data-summary="leverage" data-value={input('leverage')}>{input('leverage')}x</td>
          </tr>
          <tr>
            <th scope="row">{t.summary.mode}</th>
            <td data-summary="mode" data-value={evaluation.currentMode ?? 'none'}>
              {evaluation.currentMode ? t.modes[evaluation.currentMode] : t.modeUnknown}
            </td>
          </tr>
        </tbody>
      </table>
      <table class="liquidation">
        <thead>
          <tr>
            <th scope="col">{t.summary.liquidation}</th>
            {modes.map((mode) => (
              <th scope="col" data-mode={mode} class={mode === evaluation.currentMode ? 'current' : undefined}>{t.modes[mode]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {evaluation.sides.map((side) => (
            <tr data-side={side.side}>
              <th scope="row">{t.sides[side.side]}</th>
              {modes.map((mode) => (
                <td>
                  <FigureView field={`${side.side}.${mode}.liquidationPrice`} figure={side[mode].liquidationPrice} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {evaluation.sides.map((side) => (
        <SideLine side={side} currentMode={evaluation.currentMode} pending={false} />
      ))}
      <button type="button" class="primary" data-action="open-in-calculator" onClick={() => onOpenInCalculator(venue, evaluation)}>
        {t.openInCalculator}
      </button>
      {others && others !== '0' ? <p class="hint" data-role="others-not-carried">{t.othersNotCarried(others)}</p> : null}
      {evaluation.sides.map((side) => (
        <SidePictures evaluation={evaluation} side={side} />
      ))}
    </>
  );
}
