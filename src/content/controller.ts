/**
 * Ties the form watcher, the background evaluation and the panel together for one page.
 * Everything the page could trigger ends in try/catch here or in the watcher: nothing escapes into it.
 */
import type { SnapshotReader } from '../adapters/adapter';
import type { FormSnapshot } from '../contracts/snapshot';
import { isRouterError, type EvaluateResult, type PanelState, type RouterError } from '../contracts/messages';
import { reason, type Reason } from '../contracts/reasons';
import { unavailableEvaluation } from '../ui/placeholder';
import { createConfirmStep } from './confirm';
import { latestOnly } from './latest';
import type { PanelView } from './panel/Panel';
import type { PanelHandle } from './panel/mount';
import type { VerdictBasis } from './verdict';
import { watchForm, type FormWatcher, type WatchTiming } from './watch';

export interface ControllerDeps {
  doc: Document;
  source: SnapshotReader;
  evaluate(snapshot: FormSnapshot): Promise<EvaluateResult | RouterError>;
  loadPanelState(): Promise<{ panel: PanelState } | RouterError>;
  saveCollapsed(collapsed: boolean): Promise<unknown>;
  /** True when the extension was reloaded or removed under this script (orphaned). */
  isOrphaned(error?: unknown): boolean;
  mountPanel(onToggleCollapsed: () => void): PanelHandle;
  timing: WatchTiming;
  /** Delay before asking again when the background did not answer (it may be starting). */
  retryMs: number;
}

export interface Controller {
  stop(): void;
  /**
   * The settings changed (storage.onChanged, e.g. a save on the options page): fetch the panel state
   * again (theme, pre-submit check, on/off for this venue) and evaluate the last form with the new
   * limits and fees. Switched off: the panel goes and the page is no longer watched; on again: both back.
   */
  settingsChanged(): void;
}

const MAX_RETRIES = 3;

/** No figures, only reasons: every figure unavailable, every reason listed. */
function showReasons(view: PanelView, reasons: Reason[], snapshot: FormSnapshot): void {
  view.evaluation = unavailableEvaluation(reasons[0]!, { symbol: snapshot.symbol.value ?? '', quoteAsset: snapshot.quoteAsset.value ?? '' });
  view.reasons = reasons;
}

function detail(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200);
}

export function startController(deps: ControllerDeps): Controller {
  const { doc } = deps;
  const view: PanelView = { evaluation: null, reasons: null, pending: false, collapsed: false, notice: null };
  let panel: PanelHandle | null = null;
  let root: Element | null = null;
  let stopped = false;
  let retries = 0;
  let lastSnapshot: FormSnapshot | null = null;
  /** This venue switched on in the settings; null until the panel state is known (no panel before). */
  let enabled: boolean | null = null;
  let stateLoaded = false;

  const show = () => panel?.update({ ...view });

  const place = () => {
    if (panel && root?.isConnected) panel.place(root.getBoundingClientRect());
  };

  const toggleCollapsed = () => {
    view.collapsed = !view.collapsed;
    show();
    deps.saveCollapsed(view.collapsed).catch(() => {}); // remembered next time if the background is up
  };

  const evaluator = latestOnly<FormSnapshot, EvaluateResult | RouterError>(
    (snapshot) => deps.evaluate(snapshot),
    (reply, snapshot) => {
      if (isRouterError(reply)) return failed(reply.error, snapshot);
      retries = 0;
      if (!stateLoaded) loadState(); // the background was not up when the page asked
      if ('evaluation' in reply) {
        view.evaluation = reply.evaluation;
        view.reasons = null;
      } else showReasons(view, reply.unavailable, snapshot);
      view.pending = false;
      show();
    },
    (error, snapshot) => failed(error, snapshot),
  );

  /** The background refused or could not be reached (it may be starting up): say so, ask again a few times. */
  function failed(error: unknown, snapshot: FormSnapshot): void {
    if (deps.isOrphaned(error)) return stop();
    showReasons(view, [reason('background.unreachable', { detail: detail(error) })], snapshot);
    view.pending = false;
    show();
    if (retries++ < MAX_RETRIES) {
      // A newer request sent meanwhile makes this retry's reply stale, and latestOnly drops it.
      setTimeout(() => !stopped && lastSnapshot === snapshot && evaluator.request(snapshot), deps.retryMs);
    }
  }

  const onScrollOrResize = () => deps.timing.requestFrame(place);

  // The figures on screen describe lastSnapshot unless a newer form state is waiting for its own.
  const basis = (): VerdictBasis =>
    view.pending || !lastSnapshot
      ? { kind: 'pending' }
      : view.reasons !== null || !view.evaluation
        ? { kind: 'unevaluable' }
        : { kind: 'evaluated', snapshot: lastSnapshot, evaluation: view.evaluation };
  const confirm = createConfirmStep({
    doc,
    controls: () => deps.source.submitControls(),
    formRoot: () => root,
    basis,
    show(held) {
      view.confirm = held;
      show();
    },
  });

  /**
   * The old figures describe a form (or settings) that no longer exists. They must not be painted again,
   * but re-rendering them as pending here would hold up the reply (and any frame) on every keystroke:
   * flag the panel now, and render "updating" in the next frame callback, which runs before that frame
   * is painted, only if the reply has not come back by then.
   */
  function flagPending(): void {
    if (!panel) return;
    panel.markPending();
    deps.timing.requestFrame(() => view.pending && show());
  }

  function evaluate(snapshot: FormSnapshot): void {
    retries = 0;
    evaluator.request(snapshot);
    view.pending = true;
    if (panel) flagPending();
    else mountIfReady();
  }

  /** The panel appears once there is a form and the settings say this venue is on (nothing old to hide yet). */
  function mountIfReady(): void {
    if (panel || stopped || enabled !== true || lastSnapshot?.form.status !== 'read') return;
    panel = deps.mountPanel(toggleCollapsed);
    place();
    show();
  }

  const watching = (): FormWatcher => watchForm(
    doc,
    deps.source,
    {
      onChange(snapshot) {
        if (deps.isOrphaned()) return stop();
        if (lastSnapshot && snapshot.url !== lastSnapshot.url) confirm.reset(); // SPA navigation: holds belong to the old page
        lastSnapshot = snapshot;
        if (!panel && snapshot.form.status !== 'read') return; // no form yet (late hydration): nothing to show
        evaluate(snapshot);
      },
      onRoot(next) {
        root = next;
        place();
      },
      onError(error) {
        if (deps.isOrphaned(error)) return stop();
        if (!panel || !lastSnapshot) return;
        showReasons(view, [reason('page.readFailed', { detail: detail(error) })], lastSnapshot);
        view.pending = false;
        show();
      },
    },
    deps.timing,
  );
  let watcher: FormWatcher | null = watching();

  const win = doc.defaultView;
  win?.addEventListener('resize', onScrollOrResize, { passive: true });
  doc.addEventListener('scroll', onScrollOrResize, { capture: true, passive: true });

  /** Switched off in the settings: no panel, no watching, no figures kept. */
  function switchOff(): void {
    enabled = false;
    watcher?.stop();
    watcher = null;
    evaluator.cancel();
    panel?.remove();
    panel = null;
    lastSnapshot = null;
    Object.assign(view, { evaluation: null, reasons: null, pending: false });
  }

  function applyState(state: PanelState): void {
    stateLoaded = true;
    Object.assign(view, { collapsed: state.collapsed, notice: state.notice, preSubmitCheck: state.preSubmitCheck, theme: state.theme });
    confirm.follow(state.preSubmitCheck, state.enabled);
    if (!state.enabled) return switchOff();
    enabled = true;
    watcher ??= watching(); // switched on again: its first read brings the form back
    if (panel) show();
    else mountIfReady();
  }

  /** Replies to an older request are dropped, so quick saves end on the newest state. */
  const stateLoader = latestOnly<null, { panel: PanelState } | RouterError>(
    () => deps.loadPanelState(),
    (reply) => {
      if (stopped) return;
      if (!isRouterError(reply)) return applyState(reply.panel);
      // No answer (the background may be starting): show the panel with the defaults, ask again later.
      enabled ??= true;
      mountIfReady();
    },
    (error) => {
      if (deps.isOrphaned(error)) return stop();
      enabled ??= true;
      mountIfReady();
    },
  );
  const loadState = () => stateLoader.request(null);
  loadState();

  function settingsChanged(): void {
    if (stopped) return;
    if (deps.isOrphaned()) return stop();
    loadState();
    // New limits or fees change the figures: the last form again, with the settings as they are now.
    if (enabled !== false && panel && lastSnapshot) evaluate(lastSnapshot);
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    watcher?.stop();
    stateLoader.cancel();
    evaluator.cancel();
    confirm.stop();
    win?.removeEventListener('resize', onScrollOrResize);
    doc.removeEventListener('scroll', onScrollOrResize, { capture: true });
    panel?.remove();
    panel = null;
  }

  return { stop, settingsChanged };
}
