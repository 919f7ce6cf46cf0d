/**
 * Watches the exchange's order form, and the parts of the page outside it that the adapter reads,
 * and reports a new snapshot whenever what the adapter reads changes.
 *
 * Cost model (trading pages mutate hundreds of times a second outside the form):
 * - a MutationObserver on the form root's subtree only, plus childList (no subtree) on its parent to see
 *   the root being replaced; the order book is never observed;
 * - a second MutationObserver on the elements the last read took its outside-the-form values from
 *   (the account panel's label/value pairs, the positions tab group) and on the child lists of their
 *   ancestors: a change in them, or their replacement, asks for a full read at once, so no figure rests
 *   on a reading those parts no longer show;
 * - while some outside part was not on the page at all (still hydrating, or a broken selector), a
 *   full re-read every settlePollMs until it is;
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
import type { OutsideParts } from '../adapters/adapter';
import type { ReadScope } from '../contracts/snapshot';

export interface FormSource<S> {
  /** The one visible order-form root, or null. */
  findRoot(): Element | null;
  /** Reads the page (form, account panel, positions) into a snapshot. Never throws (the caller guards anyway). */
  read(scope: ReadScope): S;
  /** Where the last read found the parts outside the form. */
  outsideParts(): OutsideParts;
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
  /** Re-read interval while an outside part is missing from the page. */
  settlePollMs: number;
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
      watchOutside(source.outsideParts());
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

  // --- observers outside the form --------------------------------------------------------
  const outsideObserver = view ? new view.MutationObserver(fullTrigger) : null;
  let watched: readonly Element[] = [];
  let settlePoll: unknown = null;
  function watchOutside(parts: OutsideParts): void {
    const same = parts.watch.length === watched.length && parts.watch.every((el, i) => el === watched[i]);
    if (!same) {
      watched = parts.watch;
      outsideObserver?.disconnect();
      // The page may replace a part (or an ancestor of it) rather than change it: watch the child lists up
      // the ancestor chain (childList only, no subtree: the order book's mutations stay unseen), then each
      // part's whole subtree (a later observe() of the same node replaces the options).
      for (const el of watched) for (let a = el.parentNode; a !== null; a = a.parentNode) outsideObserver?.observe(a, { childList: true });
      for (const el of watched) outsideObserver?.observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
    }
    if (!parts.settled && settlePoll === null) {
      settlePoll = timing.setInterval(() => doc.visibilityState === 'visible' && fullTrigger(), timing.settlePollMs);
    } else if (parts.settled && settlePoll !== null) {
      timing.clearInterval(settlePoll);
      settlePoll = null;
    }
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
      outsideObserver?.disconnect();
      if (settlePoll !== null) timing.clearInterval(settlePoll);
      for (const type of WATCHED_EVENTS) doc.removeEventListener(type, onEvent, true);
      view?.removeEventListener('popstate', fullTrigger);
      timing.clearInterval(poll);
      timing.clearInterval(fullRead);
    },
  };
}
