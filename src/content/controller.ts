/**
 * Ties the form watcher, the background evaluation and the panel together for one page.
 * Everything the page could trigger ends in try/catch here or in the watcher: nothing escapes into it.
 */
import type { FormSnapshot } from '../contracts/snapshot';
import { isRouterError, type EvaluateResult, type PanelState, type RouterError } from '../contracts/messages';
import { reason, type Reason } from '../contracts/reasons';
import { unavailableEvaluation } from '../ui/placeholder';
import { latestOnly } from './latest';
import type { PanelView } from './panel/Panel';
import type { PanelHandle } from './panel/mount';
import { watchForm, type FormSource, type WatchTiming } from './watch';

export interface ControllerDeps {
  doc: Document;
  source: FormSource<FormSnapshot>;
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

  const watcher = watchForm(
    doc,
    deps.source,
    {
      onChange(snapshot) {
        if (deps.isOrphaned()) return stop();
        lastSnapshot = snapshot;
        if (!panel) {
          if (snapshot.form.status !== 'read') return; // no form yet (late hydration): nothing to show
          panel = deps.mountPanel(toggleCollapsed);
          place();
        }
        retries = 0;
        evaluator.request(snapshot);
        // The old figures describe a form that no longer exists. They must not be painted again, but
        // re-rendering them as pending here would hold up the reply (and any frame) on every keystroke:
        // flag the panel now, and render "updating" in the next frame callback, which runs before that
        // frame is painted, only if the reply has not come back by then.
        view.pending = true;
        panel.markPending();
        deps.timing.requestFrame(() => view.pending && show());
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

  const win = doc.defaultView;
  win?.addEventListener('resize', onScrollOrResize, { passive: true });
  doc.addEventListener('scroll', onScrollOrResize, { capture: true, passive: true });

  deps
    .loadPanelState()
    .then((reply) => {
      if (stopped || isRouterError(reply)) return;
      view.collapsed = reply.panel.collapsed;
      view.notice = reply.panel.notice;
      show();
    })
    .catch((error: unknown) => {
      if (deps.isOrphaned(error)) stop();
    });

  function stop(): void {
    if (stopped) return;
    stopped = true;
    watcher.stop();
    evaluator.cancel();
    win?.removeEventListener('resize', onScrollOrResize);
    doc.removeEventListener('scroll', onScrollOrResize, { capture: true });
    panel?.remove();
    panel = null;
  }

  return { stop };
}
