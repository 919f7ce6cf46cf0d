/**
 * Watches the exchange's order form and reports a new snapshot whenever what the adapter reads changes.
 *
 * Cost model (trading pages mutate hundreds of times a second outside the form):
 * - a MutationObserver on the form root's subtree only, plus childList (no subtree) on its parent to see
 *   the root being replaced; the order book is never observed;
 * - capture-phase input/change/focus listeners on the document, filtered to form controls;
 * - a light poll of the root's input values and of location.href (page writes may fire no event and no
 *   mutation; SPA navigation uses history.pushState, which an isolated world cannot hook), only while the
 *   page is visible;
 * - a low-rate full re-read that re-finds the root (re-renders leave the old root in place, hidden) and
 *   picks up the account panel, header mark price and positions list, which live outside the form.
 * Form triggers (events, form mutations, value polls) ask for a 'form' read: the source may reuse its last
 * reading of what lies outside the form (at most fullReadMs old, as between keystrokes anyway), which
 * keeps a keystroke off the page-wide scans. Start, navigation, a lost root and the low-rate re-read ask
 * for a 'full' read; a frame that has both kinds does one full read.
 * All triggers coalesce into at most one read per animation frame: the first trigger in a frame reads at
 * once (in a microtask, so a keystroke reaches the panel without waiting for the next frame), later ones in
 * the same frame are folded into one read when the next frame starts.
 */
import type { ReadScope } from '../adapters/types';

export interface FormSource<S> {
  /** The one visible order-form root, or null. */
  findRoot(): Element | null;
  /** Reads the page (form, account panel, positions) into a snapshot. Never throws (the caller guards anyway). */
  read(scope: ReadScope): S;
}

export interface WatchCallbacks<S> {
  /** A snapshot that differs from the last one reported. */
  onChange(snapshot: S): void;
  /** The root was found, replaced or lost. */
  onRoot(root: Element | null): void;
  /** A read threw: reported, never rethrown into the page. */
  onError(error: unknown): void;
}

export interface WatchTiming {
  requestFrame(callback: () => void): void;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  pollMs: number;
  fullReadMs: number;
}

export interface FormWatcher {
  stop(): void;
}

const FORM_CONTROL = 'input, textarea, select, button, [role="tab"], [role="checkbox"], [role="radio"]';
const WATCHED_EVENTS = ['input', 'change', 'focusin', 'focusout'] as const;

export function watchForm<S>(
  doc: Document,
  source: FormSource<S>,
  callbacks: WatchCallbacks<S>,
  timing: WatchTiming,
): FormWatcher {
  const view = doc.defaultView;
  let stopped = false;
  let root: Element | null = null;
  let lastKey: string | null = null;
  let lastHref = doc.location?.href ?? '';
  let inputValues: string[] = [];

  // --- frame-coalesced reads -------------------------------------------------------------
  let readThisFrame = false;
  let trailing: ReadScope | null = null;
  let scopeNow: ReadScope = 'form';
  const widest = (a: ReadScope | null, b: ReadScope): ReadScope => (a === 'full' || b === 'full' ? 'full' : 'form');
  const onFrame = () => {
    readThisFrame = false;
    if (trailing !== null) {
      const scope = trailing;
      trailing = null;
      trigger(scope);
    }
  };
  function trigger(scope: ReadScope): void {
    if (stopped) return;
    if (readThisFrame) {
      trailing = widest(trailing, scope);
      return;
    }
    readThisFrame = true;
    scopeNow = scope;
    queueMicrotask(readNow);
    timing.requestFrame(onFrame);
  }
  const formTrigger = () => trigger('form');
  const fullTrigger = () => trigger('full');

  function readNow(): void {
    if (stopped) return;
    try {
      attach(source.findRoot());
      inputValues = currentInputValues();
      lastHref = doc.location?.href ?? '';
      const snapshot = source.read(scopeNow);
      const key = JSON.stringify(snapshot);
      if (key === lastKey) return;
      lastKey = key;
      callbacks.onChange(snapshot);
    } catch (error) {
      callbacks.onError(error);
    }
  }

  // --- observers on the root -------------------------------------------------------------
  const rootObserver = view ? new view.MutationObserver(formTrigger) : null;
  function attach(next: Element | null): void {
    if (next === root) return;
    root = next;
    rootObserver?.disconnect();
    if (root && rootObserver) {
      rootObserver.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
      if (root.parentNode) rootObserver.observe(root.parentNode, { childList: true });
    }
    callbacks.onRoot(root);
  }

  function currentInputValues(): string[] {
    if (!root) return [];
    return Array.from(root.querySelectorAll('input'), (input) => (input as HTMLInputElement).value);
  }

  function sameValues(a: readonly string[], b: readonly string[]): boolean {
    return a.length === b.length && a.every((v, i) => v === b[i]);
  }

  // --- events ----------------------------------------------------------------------------
  const onEvent = (event: Event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    // In the root, or a form control in a root that replaced ours (re-found by the read).
    if ((root && root.contains(target)) || target.matches(FORM_CONTROL)) formTrigger();
  };
  for (const type of WATCHED_EVENTS) doc.addEventListener(type, onEvent, true);
  view?.addEventListener('popstate', fullTrigger);

  // --- polls -----------------------------------------------------------------------------
  const poll = timing.setInterval(() => {
    if (doc.visibilityState !== 'visible') return;
    const rootGone = root !== null && !root.isConnected;
    const hrefChanged = (doc.location?.href ?? '') !== lastHref;
    if (rootGone || hrefChanged) fullTrigger();
    else if (!sameValues(currentInputValues(), inputValues)) formTrigger();
  }, timing.pollMs);
  const fullRead = timing.setInterval(() => {
    if (doc.visibilityState === 'visible') fullTrigger();
  }, timing.fullReadMs);

  fullTrigger();

  return {
    stop() {
      stopped = true;
      rootObserver?.disconnect();
      for (const type of WATCHED_EVENTS) doc.removeEventListener(type, onEvent, true);
      view?.removeEventListener('popstate', fullTrigger);
      timing.clearInterval(poll);
      timing.clearInterval(fullRead);
    },
  };
}
