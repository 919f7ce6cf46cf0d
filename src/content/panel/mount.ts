/**
 * The panel's host: one element on <html> with an open shadow root (open so tests can read it),
 * styles isolated with :host{all:initial}, key events kept from the exchange's trading hotkeys.
 */
import { h, render } from 'preact';
import css from './panel.css?inline';
import { Panel, type PanelView } from './Panel';
import { placeBesideForm, type Rect } from './placement';

export const PANEL_HOST_ID = 'margin-lens-panel';
const PANEL_WIDTH = 340;

const HOST_CSS = `:host{all:initial;position:fixed;z-index:2147483646;display:block;width:${PANEL_WIDTH}px;left:8px;top:8px}`;

export interface PanelHandle {
  update(state: PanelView): void;
  /**
   * The figures on screen no longer match the form: says so on the host (data-state="pending", for
   * scripts reading the panel) at once, without re-rendering; the next update() sets it again.
   */
  markPending(): void;
  /** Re-anchor beside the form's current bounding rect. */
  place(form: Rect): void;
  remove(): void;
}

const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

export function mountPanel(doc: Document, onToggleCollapsed: () => void): PanelHandle {
  doc.getElementById(PANEL_HOST_ID)?.remove(); // a copy left by an orphaned earlier instance
  const host = doc.createElement('div');
  host.id = PANEL_HOST_ID;
  host.style.display = 'none'; // shown by host.css, which the browser removes with the extension
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = HOST_CSS + css;
  shadow.appendChild(style);
  const container = doc.createElement('div');
  shadow.appendChild(container);
  for (const type of ISOLATED_EVENTS) shadow.addEventListener(type, (e) => e.stopPropagation());
  doc.documentElement.appendChild(host);

  let lastForm: Rect | null = null;
  const place = (form: Rect) => {
    lastForm = form;
    const view = doc.defaultView;
    if (!view) return;
    const at = placeBesideForm(
      form,
      { width: PANEL_WIDTH, height: host.offsetHeight },
      { width: view.innerWidth, height: view.innerHeight },
    );
    host.style.left = `${Math.round(at.left)}px`;
    host.style.top = `${Math.round(at.top)}px`;
    host.dataset.side = at.side;
  };

  // Re-placed when the panel's own size changes (content, collapse), once layout has run anyway: reading
  // its height right after each render would force a layout of the whole exchange page on every keystroke.
  const view = doc.defaultView;
  const resized = view ? new view.ResizeObserver(() => lastForm && place(lastForm)) : null;
  resized?.observe(host);

  return {
    update(state) {
      // The SPA may have replaced <html>'s children or removed foreign nodes: re-attach.
      if (!host.isConnected) doc.documentElement.appendChild(host);
      host.dataset.state = state.pending ? 'pending' : 'ready';
      render(h(Panel, { ...state, onToggleCollapsed }), container);
    },
    markPending() {
      host.dataset.state = 'pending';
    },
    place,
    remove() {
      resized?.disconnect();
      render(null, container);
      host.remove();
    },
  };
}
