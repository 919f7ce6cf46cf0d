// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountPanel, PANEL_HOST_ID } from './mount';
import { unavailableEvaluation } from '../../ui/placeholder';
import { reason } from '../../contracts/reasons';
import type { PanelView } from './Panel';

const cantRead = reason('evaluate.cantRead', { item: 'quantity', cause: reason('page.empty', { item: 'quantity' }) });
const evaluation = unavailableEvaluation(cantRead, { symbol: 'BTCUSDT', quoteAsset: 'USDT' });
const view = (over: Partial<PanelView> = {}): PanelView => ({ evaluation, reasons: null, pending: false, collapsed: false, notice: null, ...over });

describe('mountPanel', () => {
  afterEach(() => document.getElementById(PANEL_HOST_ID)?.remove());

  it('renders into an open shadow root with :host{all:initial} first', () => {
    const panel = mountPanel(document, () => {});
    panel.update(view());
    const host = document.getElementById(PANEL_HOST_ID);
    const shadow = host?.shadowRoot;
    expect(shadow).toBeTruthy();
    expect(shadow!.querySelector('style')!.textContent!.startsWith(':host{all:initial')).toBe(true);
    expect(shadow!.querySelector('[data-field="long.isolated.liquidationPrice"]')).not.toBeNull();
    expect(document.querySelectorAll('[data-field]').length).toBe(0); // nothing leaks into the page DOM
  });

  it('keeps key events inside the panel (exchange hotkeys)', () => {
    const panel = mountPanel(document, () => {});
    panel.update(view());
    const pageListener = vi.fn();
    document.addEventListener('keydown', pageListener);
    const button = document.getElementById(PANEL_HOST_ID)!.shadowRoot!.querySelector('button')!;
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'b', bubbles: true, composed: true }));
    document.removeEventListener('keydown', pageListener);
    expect(pageListener).not.toHaveBeenCalled();
  });

  it('collapses on the toggle and hides the figures', () => {
    const onToggle = vi.fn();
    const panel = mountPanel(document, onToggle);
    panel.update(view());
    const shadow = document.getElementById(PANEL_HOST_ID)!.shadowRoot!;
    shadow.querySelector<HTMLButtonElement>('button.toggle')!.click();
    expect(onToggle).toHaveBeenCalledTimes(1);
    panel.update(view({ collapsed: true }));
    expect(shadow.querySelectorAll('[data-field]').length).toBe(0);
    expect(shadow.querySelector('button.toggle')!.getAttribute('aria-expanded')).toBe('false');
  });

  it('flags the host pending at once, without re-rendering the figures, until the next update', () => {
    const panel = mountPanel(document, () => {});
    panel.update(view());
    const host = document.getElementById(PANEL_HOST_ID)!;
    const figure = host.shadowRoot!.querySelector('[data-field]');
    expect(host.dataset.state).toBe('ready');
    panel.markPending();
    expect(host.dataset.state).toBe('pending');
    expect(host.shadowRoot!.querySelector('[data-field]')).toBe(figure);
    panel.update(view());
    expect(host.dataset.state).toBe('ready');
  });

  it('shows the corrupted-settings notice, by its code, until the background stops sending it', () => {
    const panel = mountPanel(document, () => {});
    const notice = reason('settings.reset', { cause: reason('settings.notObject') });
    panel.update(view({ notice }));
    const shadow = document.getElementById(PANEL_HOST_ID)!.shadowRoot!;
    const shown = shadow.querySelector<HTMLElement>('[data-role="notice"]');
    expect(shown?.dataset.reason).toBe('settings.reset');
    expect(shown?.textContent).not.toBe('');
    panel.update(view({ notice, collapsed: true })); // shown even with the figures hidden
    expect(shadow.querySelector('[data-role="notice"]')).not.toBeNull();
    panel.update(view());
    expect(shadow.querySelector('[data-role="notice"]')).toBeNull();
  });

  it('lists the reasons there are no figures, each by its code', () => {
    const panel = mountPanel(document, () => {});
    const noLeverage = reason('evaluate.cantRead', { item: 'leverage', cause: reason('page.notFound', { item: 'leverageButton' }) });
    panel.update(view({ reasons: [cantRead, noLeverage] }));
    const shadow = document.getElementById(PANEL_HOST_ID)!.shadowRoot!;
    const notes = [...shadow.querySelectorAll<HTMLElement>('[data-role="missing"] li')].map((li) => li.dataset.reason);
    expect(notes).toEqual(['evaluate.cantRead', 'evaluate.cantRead']);
  });

  it('replaces a host left behind by an orphaned instance and removes itself', () => {
    mountPanel(document, () => {});
    const panel = mountPanel(document, () => {});
    expect(document.querySelectorAll(`#${PANEL_HOST_ID}`)).toHaveLength(1);
    panel.remove();
    expect(document.getElementById(PANEL_HOST_ID)).toBeNull();
  });
});
