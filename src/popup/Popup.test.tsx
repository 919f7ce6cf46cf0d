// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { Popup } from './Popup.tsx';
import { CsToBg, UiToBg, type EvaluateResult, type Response, type RouterError } from '../contracts/messages.ts';
import { reason } from '../contracts/reasons.ts';
import { evaluateSnapshot } from '../background/evaluate.ts';
import { applyPatch, DEFAULT_SETTINGS, SETTINGS_KEY } from '../shared/settings.ts';
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

/** A sender that answers the tab-status request with `answer` and every other request as the real background does. */
const answering = (answer: Response<'ui-bg-status-get'> | RouterError): typeof sendToBackground => {
  const { send } = backgroundFor();
  return (async (request: { type: string }) => (request.type === UiToBg.statusGet ? answer : send(request as never))) as typeof sendToBackground;
};

const NOTICE = reason('settings.reset', { cause: reason('settings.notObject') });

beforeEach(() => {
  fakeBrowser.reset();
  render(null, document.body);
  document.body.innerHTML = '';
  delete document.documentElement.dataset.theme;
  root = document.body.appendChild(document.createElement('div'));
});

afterEach(() => vi.restoreAllMocks());

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

  it('a read page: the read state, the order summary, its liquidation prices, both sides\' pictures', async () => {
    const bg = backgroundFor(() => evaluateSnapshot(validSnapshot(), DEFAULT_SETTINGS));
    await bg.fromTab(4, { type: CsToBg.evaluate, snapshot: validSnapshot() });
    await openPopup(4, bg.send);
    const tab = root.querySelector('[data-section="tab"]')!;
    expect(tab.querySelector('[data-read="ok"]')).not.toBeNull();
    const summary = (key: string) => tab.querySelector<HTMLElement>(`[data-summary="${key}"]`)!;
    expect(summary('symbol').textContent).toBe('BTCUSDT');
    expect(summary('sides').dataset.value).toBe('long short');
    expect(summary('size').dataset.value).toBe('0.01');
    expect(summary('leverage').dataset.value).toBe('20');
    expect(summary('mode').dataset.value).toBe('cross');
    for (const side of ['long', 'short']) {
      for (const mode of ['isolated', 'cross']) expect(tab.querySelectorAll(`[data-field="${side}.${mode}.liquidationPrice"]`)).toHaveLength(1);
      expect(tab.querySelector(`svg[data-picture="price-ladder"][data-side="${side}"]`)).not.toBeNull();
      expect(tab.querySelector(`svg[data-picture="pnl-chart"][data-side="${side}"]`)).not.toBeNull();
    }
    // No limit set: no limit line.
    expect(tab.querySelector('[data-role="limit-summary"]')).toBeNull();
  });

  it('the failing limit is in the summary, by its code and status', async () => {
    const patched = applyPatch(DEFAULT_SETTINGS, { 'limits.maxLeverage': '10' });
    if (!patched.ok) throw new Error('patch refused');
    const bg = backgroundFor(() => evaluateSnapshot(validSnapshot(), patched.settings));
    await bg.fromTab(4, { type: CsToBg.evaluate, snapshot: validSnapshot() });
    await openPopup(4, bg.send);
    const lines = [...root.querySelectorAll<HTMLElement>('[data-section="tab"] [data-role="limit-summary"]')];
    expect(lines.map((l) => [l.dataset.side, l.dataset.value, l.dataset.reason])).toEqual([
      ['long', 'fail', 'limit.maxLeverage'],
      ['short', 'fail', 'limit.maxLeverage'],
    ]);
  });

  it('"Open in calculator" fills the calculator with the values the evaluation used', async () => {
    const bg = backgroundFor(() => evaluateSnapshot(validSnapshot(), DEFAULT_SETTINGS));
    await bg.fromTab(4, { type: CsToBg.evaluate, snapshot: validSnapshot() });
    await openPopup(4, bg.send);
    root.querySelector<HTMLButtonElement>('[data-action="open-in-calculator"]')!.click();
    const calc = () => root.querySelector('[data-section="calculator"]')!;
    const value = (name: string) => calc().querySelector<HTMLInputElement>(`[name="${name}"]`)!.value;
    await until(() => value('entryPrice') !== '', 'the filled calculator');
    expect(value('venue')).toBe('binance-usdm');
    expect(value('symbolChoice')).toBe('BTCUSDT');
    expect(calc().querySelector<HTMLInputElement>('[name="side"][value="long"]')!.checked).toBe(true);
    expect(value('entryPrice')).toBe('65000.5');
    expect(value('markPrice')).toBe('65010.1');
    expect(value('leverage')).toBe('20');
    expect(value('size')).toBe('0.01');
    expect(value('walletBalance')).toBe('1200.25');
    // The page's other cross position is not in the evaluation: said, not guessed.
    expect(root.querySelector('[data-role="others-not-carried"]')).not.toBeNull();
    await until(() => calc().querySelector('[data-calc="ready"]') !== null, 'the calculator figures');
    expect(calc().querySelector('[data-field="long.isolated.liquidationPrice"]')!.getAttribute('data-value')).toMatch(/^\d+(\.\d+)?$/);
  });

  it('the calculator is there on an unsupported tab too', async () => {
    await openPopup(null, backgroundFor().send);
    expect(status()).toBe('unsupported');
    expect(root.querySelector('[data-section="calculator"] [name="entryPrice"]')).not.toBeNull();
  });

  it.each(['light', 'dark'] as const)('applies the %s theme from the settings, whatever the system prefers', async (theme) => {
    // The system prefers the other theme: only the setting can make it `theme`.
    const prefersDark = theme === 'light';
    vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => ({ matches: query.includes('dark') === prefersDark, addEventListener() {}, removeEventListener() {} }) as unknown as MediaQueryList);
    const bg = backgroundFor();
    await bg.send({ type: UiToBg.settingsSet, patch: { theme } });
    await openPopup(null, bg.send);
    await until(() => document.documentElement.dataset.theme === theme, `the ${theme} theme`);
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
