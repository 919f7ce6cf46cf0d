// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { Popup } from './Popup.tsx';
import { CsToBg, type EvaluateResult } from '../shared/protocol.ts';
import { backgroundFor, until } from '../../tests/background/page-harness.ts';
import { validSnapshot } from '../../tests/shared/snapshot-fixture.ts';
import { unavailableEvaluation } from '../ui/placeholder.ts';

import type { sendToBackground } from '../shared/messaging.ts';

let root: HTMLElement;
const status = () => root.querySelector('[data-status]')?.getAttribute('data-status');

async function openPopup(tabId: number | null, send: typeof sendToBackground): Promise<void> {
  render(<Popup activeTabId={async () => tabId} openOptions={() => {}} send={send} />, root);
  await until(() => status() !== 'loading', 'the tab status');
}

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '';
  root = document.body.appendChild(document.createElement('div'));
});

describe('pop-up', () => {
  it('a tab that never reported is described as unsupported', async () => {
    await openPopup(4, backgroundFor().send);
    expect(status()).toBe('unsupported');
    expect(root.textContent).toContain('Binance USDⓈ-M futures');
  });

  it('a supported tab shows its symbol and why there are no figures', async () => {
    const result: EvaluateResult = { unavailable: 'enter a quantity' };
    const bg = backgroundFor(() => result);
    await bg.fromTab(4, { type: CsToBg.evaluate, snapshot: validSnapshot() });
    await openPopup(4, bg.send);
    expect(root.querySelector('[data-status="supported"]')!.textContent).toContain('BTCUSDT');
    expect(root.querySelector('[data-status="unavailable"]')!.textContent).toContain('enter a quantity');
  });

  it('a tab with an evaluation shows its figures table', async () => {
    const evaluation = unavailableEvaluation('log in to see cross', { venue: 'binance', symbol: 'BTCUSDT', quoteAsset: 'USDT' });
    const bg = backgroundFor(() => ({ evaluation }));
    await bg.fromTab(4, { type: CsToBg.evaluate, snapshot: validSnapshot() });
    await openPopup(4, bg.send);
    expect(root.querySelector('[data-field="long.cross.liquidationPrice"]')).not.toBeNull();
    expect(root.textContent).toContain('log in to see cross');
  });

  it('a refused request is shown as an error, not as a blank pop-up', async () => {
    await openPopup(4, async () => ({ error: 'refused: test' }));
    expect(status()).toBe('error');
    expect(root.textContent).toContain('refused: test');
  });
});
