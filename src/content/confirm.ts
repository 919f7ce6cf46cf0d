/**
 * The confirm step (README: Pre-submit check): when the trader activates one of the form's own submit
 * buttons (a click, or Enter in the form) and the order breaks a limit for the side that button submits,
 * that one activation is held back before the page sees it, and the panel says why. The next activation
 * of that side within CONFIRM_WINDOW_MS passes untouched.
 *
 * What it does to the page: capture-phase listeners on the window, so they run before the page's own;
 * preventDefault + stopImmediatePropagation on the held activation only. It never clicks, never types,
 * never dispatches an event. Everything it adds is removed through one AbortSignal (the pattern of
 * refined-github's features: `init(signal)`, each listener added with `{signal}`).
 */
import type { SubmitControls } from '../adapters/adapter';
import type { Side } from '../contracts/reasons';
import type { PreSubmitCheck } from '../shared/settings';
import { judgeActivation, type ModeFailure, type VerdictBasis } from './verdict';

/** How long after a held activation the next one of the same side passes. */
export const CONFIRM_WINDOW_MS = 5000;

const SIDES: readonly Side[] = ['long', 'short'];

/** One side whose activation is held: what fails, in which mode. */
export interface HeldSide {
  side: Side;
  failures: ModeFailure[];
}

/** What the panel shows while an activation is held (ConfirmDialog). */
export interface ConfirmView {
  held: HeldSide[];
  windowMs: number;
  /** Forget the held activations: the next one is judged afresh. */
  onCancel(): void;
  /** Focus back on the page's button (or the field Enter was pressed in), to activate it again. Never clicks. */
  onReturn(): void;
}

export interface ConfirmDeps {
  doc: Document;
  /** The form's submit buttons per side, as the last read found them. */
  controls(): SubmitControls;
  /** The form root the last read found (Enter inside it may submit). */
  formRoot(): Element | null;
  /** The figures the panel holds for the form now. */
  basis(): VerdictBasis;
  /** Show the held state on the panel; null: nothing held. */
  show(view: ConfirmView | null): void;
}

interface Hold {
  failures: ModeFailure[];
  until: number;
  timer: ReturnType<typeof setTimeout>;
}

/** Elements whose Enter the browser turns into a click of their own (judged as that click). */
const CLICKS_ON_ENTER = 'button, input[type="submit"], input[type="button"], input[type="image"], a[href]';

/** The confirm step on one page until `signal` aborts. */
export function startConfirm(deps: ConfirmDeps, signal: AbortSignal): void {
  const { doc } = deps;
  const view = doc.defaultView;
  if (!view || signal.aborted) return;
  const holds = new Map<Side, Hold>();
  /** Sides just let through by the window: the click the browser makes of that same Enter passes too. */
  const passing = new Set<Side>();
  let returnTo: Element | null = null;

  const sideOf = (target: Element): { side: Side; control: Element } | null => {
    const controls = deps.controls();
    for (const side of SIDES) {
      const control = controls[side].find((el) => el === target || el.contains(target));
      if (control) return { side, control };
    }
    return null;
  };

  const release = (side: Side) => {
    const hold = holds.get(side);
    if (!hold) return;
    clearTimeout(hold.timer);
    holds.delete(side);
  };

  const render = () => {
    if (holds.size === 0) {
      deps.show(null);
      return;
    }
    const held = SIDES.flatMap((side) => {
      const hold = holds.get(side);
      return hold ? [{ side, failures: hold.failures }] : [];
    });
    deps.show({ held, windowMs: CONFIRM_WINDOW_MS, onCancel: cancel, onReturn: returnFocus });
  };

  function cancel(): void {
    for (const side of SIDES) release(side);
    render();
  }

  function returnFocus(): void {
    const side = SIDES.find((s) => holds.has(s));
    const target = returnTo?.isConnected ? returnTo : side ? deps.controls()[side][0] : undefined;
    if (target && 'focus' in target) (target as HTMLElement).focus();
  }

  const expire = (now: number) => {
    for (const [side, hold] of holds) if (hold.until <= now) release(side);
  };

  const hold = (side: Side, failures: ModeFailure[], now: number) => {
    release(side);
    const timer = setTimeout(() => {
      release(side);
      render();
    }, CONFIRM_WINDOW_MS);
    holds.set(side, { failures, until: now + CONFIRM_WINDOW_MS, timer });
  };

  /** One activation that may submit any of `sides`: let it through, or hold it back. */
  const activate = (event: Event, sides: readonly Side[], focusTarget: Element): void => {
    const now = Date.now();
    expire(now);
    if (sides.some((side) => passing.has(side))) return;
    const inWindow = sides.filter((side) => holds.has(side));
    if (inWindow.length > 0) {
      // The second activation: it passes untouched, and that side's window closes.
      for (const side of inWindow) {
        release(side);
        passing.add(side);
      }
      setTimeout(() => passing.clear(), 0);
      render();
      return;
    }
    const verdict = judgeActivation(deps.basis(), sides);
    if (verdict.kind === 'pass') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    for (const failing of verdict.sides) hold(failing.side, failing.failures, now);
    returnTo = focusTarget;
    render();
  };

  const onClick = (event: MouseEvent) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const found = sideOf(target);
    if (found) activate(event, [found.side], found.control);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.isComposing) return;
    const target = event.target;
    if (!(target instanceof Element)) return;
    const found = sideOf(target);
    const inForm = found !== null || deps.formRoot()?.contains(target) === true;
    if (!inForm) return;
    // A key held down repeats: while its first press is held back, so are its repeats (one activation).
    if (event.repeat) {
      if (holds.size > 0) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
      return;
    }
    if (found) {
      // A native button clicks itself on Enter: that click is judged. Other controls act on the key.
      if (!target.closest(CLICKS_ON_ENTER)) activate(event, [found.side], found.control);
      return;
    }
    if (target.closest('textarea, [contenteditable="true"]')) return;
    // Enter in a field: the form decides which side it submits; the sides it can submit are judged together.
    const basis = deps.basis();
    const sides = basis.kind === 'evaluated' && basis.snapshot.sides.status === 'read' ? (basis.snapshot.sides.value ?? []) : [];
    activate(event, sides, target);
  };

  view.addEventListener('click', onClick, { capture: true, signal });
  view.addEventListener('keydown', onKeyDown, { capture: true, signal });
  signal.addEventListener(
    'abort',
    () => {
      for (const side of SIDES) release(side);
      passing.clear();
      deps.show(null);
    },
    { once: true },
  );
}

/** Runs the confirm step while the settings ask for it (preSubmitCheck 'confirm', the venue on). */
export interface ConfirmStep {
  follow(check: PreSubmitCheck, enabled: boolean): void;
  /** Drop every hold and listener and start afresh (the page navigated). */
  reset(): void;
  stop(): void;
}

export function createConfirmStep(deps: ConfirmDeps): ConfirmStep {
  let running: AbortController | null = null;
  const on = () => {
    if (running) return;
    running = new AbortController();
    startConfirm(deps, running.signal);
  };
  const off = () => {
    running?.abort();
    running = null;
  };
  return {
    follow(check, enabled) {
      if (check === 'confirm' && enabled) on();
      else off();
    },
    reset() {
      if (!running) return;
      off();
      on();
    },
    stop: off,
  };
}
