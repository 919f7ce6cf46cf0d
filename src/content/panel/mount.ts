/**
 * The panel's host: one element on <html> with an open shadow root (open so tests can read it),
 * styles isolated with :host{all:initial}, key events kept from the exchange's trading hotkeys.
 */
import { h, render } from 'preact';
import type { Theme } from '../../shared/settings';
import picturesCss from '../../ui/pictures/pictures.css?inline';
import confirmCss from './confirm.css?inline';
import css from './panel.css?inline';
import { limitsAttribute, Panel, type PanelView } from './Panel';
import { placeBesideForm, type Rect } from './placement';

export const PANEL_HOST_ID = 'margin-lens-panel';
const PANEL_WIDTH = 340;

const HOST_CSS = `:host{all:initial;position:fixed;z-index:2147483646;display:block;width:${PANEL_WIDTH}px;left:8px;top:8px}`;

export interface PanelHandle {
  update(state: PanelView): void;
  /**
   * The figures on screen no longer match the form: says so on the host (data-state="pending" and
   * data-limits="pending", for scripts reading the panel) at once, without re-rendering; the next
   * update() sets them again.
   */
  markPending(): void;
  /** Re-anchor beside the form's current bounding rect. */
  place(form: Rect): void;
  remove(): void;
}

const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/** The theme the panel shows: the setting, or for 'auto' the colour scheme the browser prefers (dark unless light). */
export function resolvedTheme(theme: Theme, prefersLight: boolean): 'dark' | 'light' {
  if (theme !== 'auto') return theme;
  return prefersLight ? 'light' : 'dark';
}

export function mountPanel(doc: Document, onToggleCollapsed: () => void): PanelHandle {
  doc.getElementById(PANEL_HOST_ID)?.remove(); // a copy left by an orphaned earlier instance
  const host = doc.createElement('div');
  host.id = PANEL_HOST_ID;
  host.style.display = 'none'; // shown by host.css, which the browser removes with the extension
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = HOST_CSS + css + picturesCss + confirmCss;
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

  // 'auto' follows the colour scheme as it changes (the system's or the browser's setting).
  let theme: Theme = 'auto';
  const scheme = view?.matchMedia?.('(prefers-color-scheme: light)') ?? null;
  const showTheme = () => {
    host.dataset.theme = resolvedTheme(theme, scheme?.matches ?? false);
  };
  scheme?.addEventListener('change', showTheme);
  showTheme();

  const setAttribute = (name: string, value: string | undefined) => {
    if (value === undefined) delete host.dataset[name];
    else host.dataset[name] = value;
  };

  return {
    update(state) {
      // The SPA may have replaced <html>'s children or removed foreign nodes: re-attach.
      if (!host.isConnected) doc.documentElement.appendChild(host);
      host.dataset.state = state.pending ? 'pending' : 'ready';
      setAttribute('limits', limitsAttribute(state.evaluation, state.reasons, state.pending));
      theme = state.theme ?? 'auto';
      showTheme();
      render(h(Panel, { ...state, onToggleCollapsed }), container);
    },
    markPending() {
      host.dataset.state = 'pending';
      if (host.dataset.limits !== undefined) host.dataset.limits = 'pending';
    },
    place,
    remove() {
      resized?.disconnect();
      scheme?.removeEventListener('change', showTheme);
      render(null, container);
      host.remove();
    },
  };
}
