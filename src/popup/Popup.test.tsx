// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { Popup } from './Popup.tsx';
import { CsToBg, type EvaluateResult, type Response, type RouterError } from '../contracts/messages.ts';
import { reason } from '../contracts/reasons.ts';
import { evaluateSnapshot } from '../background/evaluate.ts';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../shared/settings.ts';
import { venueById } from '../venues/registry.ts';
import { backgroundFor, until } from '../../tests/background/page-harness.ts';
import { buildSnapshot, missing, validSnapshot } from '../../tests/support/snapshots.ts';
import type { sendToBackground } from '../shared/messaging.ts';

let root: HTMLElement;
const status = () => root.querySelector('[data-status]')?.getAttribute('data-status');
const reasonsIn = (selector: string) => [...root.querySelectorAll<HTMLElement>(`${selector} [data-reason]`)].map((el) => el.dataset.reason);

async function openPopup(tabId: number | null, send: typeof sendToBackground): Promise<void> {
  render(<Popup activeTabId={async () => tabId} openOptions={() => {}} send={send} />, root);
  await until(() => status() !== 'loading', 'the tab status');
}

/** A sender that answers every request with `answer`, as the router would. */
const answering = (answer: Response<'ui-bg-status-get'> | RouterError) => (async () => answer) as unknown as typeof sendToBackground;

const NOTICE = reason('settings.reset', { cause: reason('settings.notObject') });

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '';
  root = document.body.appendChild(document.createElement('div'));
});

describe('pop-up', () => {
  it('a tab that never reported is described as unsupported', async () => {
    await openPopup(4, backgroundFor().send);
    expect(status()).toBe('unsupported');
    expect(root.textContent).toContain(venueById('binance-usdm').name);
    expect(root.querySelector('[data-role="notice"]')).toBeNull();
  });

  it('a supported tab shows its symbol and why there are no figures', async () => {
    const positionUnknown = reason('evaluate.positionUnknown', { symbol: 'BTCUSDT', cause: reason('positions.tabNotSelected') });
    const bg = backgroundFor(() => evaluateSnapshot(buildSnapshot({ ownPositions: missing(reason('positions.tabNotSelected')) }), DEFAULT_SETTINGS));
    expect(await bg.fromTab(4, { type: CsToBg.evaluate, snapshot: validSnapshot() })).toEqual({ unavailable: [positionUnknown] });
    await openPopup(4, bg.send);
    expect(root.querySelector('[data-status="supported"]')!.textContent).toContain('BTCUSDT');
    expect(reasonsIn('[data-status="unavailable"]')).toEqual(['evaluate.positionUnknown']);
  });

  it('a tab with an evaluation shows its figures table (the figures the engine made, through storage.session)', async () => {
    const bg = backgroundFor(() => evaluateSnapshot(validSnapshot(), DEFAULT_SETTINGS));
    const answer = await bg.fromTab(4, { type: CsToBg.evaluate, snapshot: validSnapshot() });
    if (!('evaluation' in answer)) throw new Error('expected figures');
    await openPopup(4, bg.send);
    expect(status()).toBe('supported');
    const liq = answer.evaluation.sides[0]!.isolated.liquidationPrice;
    if (liq.kind !== 'value') throw new Error('expected a liquidation price');
    expect(root.querySelector<HTMLElement>('[data-field="long.isolated.liquidationPrice"]')!.dataset.value).toBe(liq.value);
    expect(root.querySelector('[data-status="unavailable"]')).toBeNull();
  });

  it('a refused request is shown as an error, not as a blank pop-up', async () => {
    await openPopup(4, async () => ({ error: 'refused: test' }));
    expect(status()).toBe('error');
    expect(root.textContent).toContain('refused: test');
  });

  it('a corrupted settings store: the notice is shown, by its code, with or without a tab', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: 'garbage' });
    await openPopup(4, backgroundFor().send);
    expect(root.querySelector<HTMLElement>('[data-role="notice"]')!.dataset.reason).toBe('settings.reset');
    render(null, root);
    await openPopup(null, backgroundFor().send);
    expect(status()).toBe('unsupported');
    expect(root.querySelector<HTMLElement>('[data-role="notice"]')!.dataset.reason).toBe('settings.reset');
  });

  it('an entry another version left in storage.session is shown as no status, not rendered', async () => {
    await fakeBrowser.storage.session.set({ 'tab:4': { url: 'https://www.binance.com/en/futures/BTCUSDT', symbol: 'BTCUSDT', updatedAt: 1, result: { unavailable: 'text' } } });
    await openPopup(4, backgroundFor().send);
    expect(status()).toBe('unsupported');
  });

  describe('renders, without throwing, every answer the router can give', () => {
    const evaluated = evaluateSnapshot(validSnapshot(), DEFAULT_SETTINGS);
    const tabStatus = (result: EvaluateResult, symbol: string | null = 'BTCUSDT') => ({
      url: 'https://www.binance.com/en/futures/BTCUSDT',
      venue: 'binance-usdm' as const,
      symbol,
      updatedAt: 1_700_000_000_000,
      result,
    });
    const several: EvaluateResult = {
      unavailable: [
        reason('evaluate.cantRead', { item: 'quantity', cause: reason('page.empty', { item: 'quantity' }) }),
        reason('evaluate.cantRead', { item: 'leverage', cause: reason('page.notFound', { item: 'leverageButton' }) }),
      ],
    };
    it.each<[string, Response<'ui-bg-status-get'> | RouterError, string]>([
      ['no status, no notice', { status: null, notice: null }, 'unsupported'],
      ['no status, a notice', { status: null, notice: NOTICE }, 'unsupported'],
      ['figures', { status: tabStatus(evaluated), notice: null }, 'supported'],
      ['figures and a notice', { status: tabStatus(evaluated), notice: NOTICE }, 'supported'],
      ['several reasons', { status: tabStatus(several), notice: null }, 'supported'],
      ['reasons without a symbol', { status: tabStatus({ unavailable: [reason('evaluate.formNotFound', { cause: reason('page.notFound', { item: 'orderForm' }) })] }, null), notice: null }, 'supported'],
      ['an error', { error: 'failed: storage busy' }, 'error'],
    ])('%s', async (_name, answer, expected) => {
      await openPopup(4, answering(answer));
      expect(status()).toBe(expected);
      const notice = 'notice' in answer && answer.notice ? answer.notice.code : undefined;
      expect(root.querySelector<HTMLElement>('[data-role="notice"]')?.dataset.reason).toBe(notice);
      if ('status' in answer && answer.status && 'unavailable' in answer.status.result) {
        expect(reasonsIn('[data-status="unavailable"]')).toEqual(answer.status.result.unavailable.map((r) => r.code));
      }
    });
  });
});
