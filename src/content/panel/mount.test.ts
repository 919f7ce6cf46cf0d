// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountPanel, PANEL_HOST_ID } from './mount';
import { unavailableEvaluation } from '../../ui/placeholder';

const evaluation = unavailableEvaluation("can't read: quantity", { venue: 'binance', symbol: 'BTCUSDT', quoteAsset: 'USDT' });

describe('mountPanel', () => {
  afterEach(() => document.getElementById(PANEL_HOST_ID)?.remove());

  it('renders into an open shadow root with :host{all:initial} first', () => {
    const panel = mountPanel(document, () => {});
    panel.update({ evaluation, pending: false, collapsed: false });
    const host = document.getElementById(PANEL_HOST_ID);
    const shadow = host?.shadowRoot;
    expect(shadow).toBeTruthy();
    expect(shadow!.querySelector('style')!.textContent!.startsWith(':host{all:initial')).toBe(true);
    expect(shadow!.querySelectorAll('[data-field]').length).toBe(20);
    expect(document.querySelectorAll('[data-field]').length).toBe(0); // nothing leaks into the page DOM
  });

  it('keeps key events inside the panel (exchange hotkeys)', () => {
    const panel = mountPanel(document, () => {});
    panel.update({ evaluation, pending: false, collapsed: false });
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
    panel.update({ evaluation, pending: false, collapsed: false });
    const shadow = document.getElementById(PANEL_HOST_ID)!.shadowRoot!;
    shadow.querySelector<HTMLButtonElement>('button.toggle')!.click();
    expect(onToggle).toHaveBeenCalledTimes(1);
    panel.update({ evaluation, pending: false, collapsed: true });
    expect(shadow.querySelectorAll('[data-field]').length).toBe(0);
    expect(shadow.querySelector('button.toggle')!.getAttribute('aria-expanded')).toBe('false');
  });

  it('flags the host pending at once, without re-rendering the figures, until the next update', () => {
    const panel = mountPanel(document, () => {});
    panel.update({ evaluation, pending: false, collapsed: false });
    const host = document.getElementById(PANEL_HOST_ID)!;
    const figure = host.shadowRoot!.querySelector('[data-field]');
    expect(host.dataset.state).toBe('ready');
    panel.markPending();
    expect(host.dataset.state).toBe('pending');
    expect(host.shadowRoot!.querySelector('[data-field]')).toBe(figure);
    panel.update({ evaluation, pending: false, collapsed: false });
    expect(host.dataset.state).toBe('ready');
  });

  it('replaces a host left behind by an orphaned instance and removes itself', () => {
    mountPanel(document, () => {});
    const panel = mountPanel(document, () => {});
    expect(document.querySelectorAll(`#${PANEL_HOST_ID}`)).toHaveLength(1);
    panel.remove();
    expect(document.getElementById(PANEL_HOST_ID)).toBeNull();
  });
});
