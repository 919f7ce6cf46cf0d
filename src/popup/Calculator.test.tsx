// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import type { CalculatorInput, CalculatorResult, FigureKey } from '../contracts/evaluation.ts';
import { UiToBg, type Response, type RouterError } from '../contracts/messages.ts';
import { reason } from '../contracts/reasons.ts';
import { calculate, CALCULATOR_MOVES } from '../background/calculator.ts';
import { DEFAULT_SETTINGS } from '../shared/settings.ts';
import type { sendToBackground } from '../shared/messaging.ts';
import { until } from '../../tests/background/page-harness.ts';
import { Calculator, type FrameScheduler } from './Calculator.tsx';
import { emptyForm, type CalculatorForm } from './form.ts';

type Answer = Response<'ui-bg-calculate'> | RouterError;

/**
 * A fake background: records each calculate request and answers it when the test says (by default
 * with the real calculate() on the default settings); frames run only when the test runs them.
 */
function fakeBackground() {
  const requests: CalculatorInput[] = [];
  const pending: { input: CalculatorInput; answer(a: Answer): void }[] = [];
  let hold = false;
  const send = (async (request: { type: string; input: CalculatorInput }) => {
    if (request.type !== UiToBg.calculate) throw new Error(`unexpected ${request.type}`);
    requests.push(request.input);
    if (!hold) return calculate(request.input, DEFAULT_SETTINGS);
    return new Promise<Answer>((resolve) => pending.push({ input: request.input, answer: resolve }));
  }) as unknown as typeof sendToBackground;
  const frames: (() => void)[] = [];
  const frame: FrameScheduler = (callback) => void frames.push(callback);
  const runFrames = () => frames.splice(0).forEach((f) => f());
  return { send, frame, requests, pending, runFrames, holdReplies: () => (hold = true) };
}

let root: HTMLElement;
beforeEach(() => {
  render(null, document.body);
  document.body.innerHTML = '';
  root = document.body.appendChild(document.createElement('div'));
});

const FILLED: CalculatorForm = { ...emptyForm('binance-usdm'), symbol: 'BTCUSDT', entryPrice: '65000', markPrice: '65010', leverage: '20', amount: '0.3', walletBalance: '1200' };
const EXPECTED_INPUT: CalculatorInput = { venue: 'binance-usdm', symbol: 'BTCUSDT', side: 'long', entryPrice: '65000', markPrice: '65010', leverage: '20', size: '0.3', walletBalance: '1200', otherPositions: [] };

const el = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
const field = (name: string) => el<HTMLElement>(`[data-field="${name}"]`)!;
/** Lets preact's effects run (after a paint in happy-dom). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
/** Runs the frames the calculator asks for, again on every turn, until `ready` holds. */
async function whenFramed(bg: ReturnType<typeof fakeBackground>, ready: () => boolean, what: string): Promise<void> {
  await until(() => {
    bg.runFrames();
    return ready();
  }, what);
}

function type(name: string, value: string): void {
  const input = el<HTMLInputElement>(`[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function mount(form: CalculatorForm, bg = fakeBackground()) {
  render(<Calculator initial={form} send={bg.send} frame={bg.frame} />, root);
  await settle();
  return bg;
}

async function ready(bg: ReturnType<typeof fakeBackground>) {
  await whenFramed(bg, () => el('[data-calc="ready"]') !== null, 'the figures');
}

describe('calculator', () => {
  it('sends the typed order as the CalculatorInput and shows the figures the engine makes for it, exactly', async () => {
    const bg = await mount(FILLED);
    await ready(bg);
    expect(bg.requests).toEqual([EXPECTED_INPUT]);
    const expected = calculate(EXPECTED_INPUT, DEFAULT_SETTINGS) as CalculatorResult;
    const side = expected.evaluation.sides[0]!;
    const keys: FigureKey[] = ['liquidationPrice', 'bankruptcyPrice', 'liquidationDistancePct', 'initialMargin', 'maintenanceMargin', 'openFee', 'worstCaseLoss', 'worstCaseLossPct', 'marginRatio'];
    for (const mode of ['isolated', 'cross'] as const) {
      for (const key of keys) {
        const figure = side[mode][key];
        expect(field(`long.${mode}.${key}`).dataset.value, `${mode}.${key}`).toBe(figure.kind === 'value' ? figure.value : figure.kind);
      }
    }
    // At the slider's move (0 % to start), then at +10 %.
    const at = (pct: string) => expected.moves.find((m) => m.movePct === pct)!;
    const expectMove = (pct: string) => {
      for (const mode of ['isolated', 'cross'] as const) {
        const m = at(pct)[mode]!;
        expect(field(`move.${mode}.pnl`).dataset.value).toBe(m.pnl);
        expect(field(`move.${mode}.marginRatioPct`).dataset.value).toBe(m.marginRatioPct ?? 'none');
        expect(field(`move.${mode}.risk`).dataset.value).toBe(m.risk);
      }
    };
    expectMove('0');
    const slider = el<HTMLInputElement>('[name="movePct"]')!;
    expect([slider.min, slider.max]).toEqual(['0', String(CALCULATOR_MOVES.length - 1)]);
    type('movePct', String(CALCULATOR_MOVES.indexOf('10')));
    await whenFramed(bg, () => el('[data-role="moves"]')!.getAttribute('data-move') === '10', 'the move');
    await settle();
    bg.runFrames();
    expectMove('10');
    expect(el('[data-role="moves"]')!.getAttribute('data-move')).toBe('10');
    // The slider's move needs no new request: every move came with the result.
    expect(bg.requests).toHaveLength(1);
  });

  it('gathers edits into one request per animation frame', async () => {
    const bg = await mount(FILLED);
    await ready(bg);
    type('entryPrice', '6');
    type('entryPrice', '64');
    type('entryPrice', '64000');
    await whenFramed(bg, () => bg.requests.length === 2, 'the second request');
    await settle();
    bg.runFrames();
    expect(bg.requests.map((r) => r.entryPrice)).toEqual(['65000', '64000']);
  });

  it('drops a reply older than the last request', async () => {
    const bg = fakeBackground();
    bg.holdReplies();
    await mount(FILLED, bg);
    await whenFramed(bg, () => bg.pending.length === 1, 'the first request on its way');
    type('entryPrice', '64000');
    await whenFramed(bg, () => bg.pending.length === 2, 'two requests on their way');
    const [first, second] = bg.pending;
    second!.answer(calculate(second!.input, DEFAULT_SETTINGS));
    await until(() => el('[data-calc="ready"]') !== null, 'the figures');
    const shown = field('long.isolated.liquidationPrice').dataset.value;
    first!.answer(calculate(first!.input, DEFAULT_SETTINGS));
    await settle();
    await settle();
    const fresh = calculate(second!.input, DEFAULT_SETTINGS) as CalculatorResult;
    const liq = fresh.evaluation.sides[0]!.isolated.liquidationPrice;
    expect(shown).toBe(liq.kind === 'value' ? liq.value : '');
    expect(field('long.isolated.liquidationPrice').dataset.value).toBe(shown);
  });

  it('a field the guard refuses: its reason beside it, no request, no figures', async () => {
    const bg = await mount({ ...FILLED, entryPrice: '65,000', walletBalance: '1e3' });
    await whenFramed(bg, () => el('[data-calc="invalid"]') !== null, 'the invalid state');
    expect(bg.requests).toHaveLength(0);
    const errors = [...root.querySelectorAll<HTMLElement>('[data-error-for]')].map((e) => [e.dataset.errorFor, e.dataset.reason]);
    expect(errors).toEqual([
      ['entryPrice', 'input.notDecimal'],
      ['walletBalance', 'input.notDecimal'],
    ]);
    expect(el('[name="entryPrice"]')!.getAttribute('aria-invalid')).toBe('true');
    expect(el('[name="entryPrice"]')!.getAttribute('aria-describedby')).toBe(el('[data-error-for="entryPrice"]')!.id);
    expect(root.querySelectorAll('[data-field]')).toHaveLength(0);
    // Fixed: the figures come.
    type('entryPrice', '65000');
    type('walletBalance', '1200');
    await settle();
    await ready(bg);
    expect(bg.requests).toEqual([EXPECTED_INPUT]);
  });

  it('a required field left empty says so and sends nothing', async () => {
    const bg = await mount({ ...FILLED, amount: '' });
    await whenFramed(bg, () => el('[data-calc="invalid"]') !== null, 'the invalid state');
    expect(el('[data-error-for="size"]')!.dataset.reason).toBe('input.required');
    expect(bg.requests).toHaveLength(0);
  });

  it("the engine's refusal shows beside the field it concerns (a margin below one size step)", async () => {
    const bg = await mount({ ...FILLED, amountBy: 'margin', amount: '0.001' });
    await whenFramed(bg, () => el('[data-calc="invalid"]') !== null, 'the invalid state');
    expect(bg.requests).toEqual([{ ...EXPECTED_INPUT, size: undefined, margin: '0.001' }].map(({ size: _, ...rest }) => rest));
    expect(el('[data-error-for="margin"]')!.dataset.reason).toBe('input.belowStep');
    expect(root.querySelectorAll('[data-field]')).toHaveLength(0);
  });

  it('a failed request is said, not shown as figures', async () => {
    const bg = fakeBackground();
    const send = (async () => ({ error: 'could not reach the background: gone' })) as unknown as typeof sendToBackground;
    render(<Calculator initial={FILLED} send={send} frame={bg.frame} />, root);
    await settle();
    await whenFramed(bg, () => el('[data-calc="failed"]') !== null, 'the failed state');
    expect(el('[data-calc="failed"]')!.dataset.reason).toBe('background.unreachable');
  });

  it('margin instead of size; other cross positions added and removed; extra isolated margin', async () => {
    const bg = await mount({ ...FILLED, amountBy: 'margin', amount: '975' });
    await ready(bg);
    expect(bg.requests.at(-1)).toEqual({ ...EXPECTED_INPUT, size: undefined, margin: '975' } as never);
    el<HTMLButtonElement>('[data-action="add-position"]')!.click();
    await settle();
    type('otherPositions.0.symbol', 'ETHUSDT');
    type('otherPositions.0.size', '2');
    type('otherPositions.0.entryPrice', '3000');
    type('otherPositions.0.markPrice', '2900');
    type('addedIsolatedMargin', '50');
    await settle();
    await ready(bg);
    await whenFramed(bg, () => bg.requests.length === 2, 'the request with the row');
    expect(bg.requests[1]).toMatchObject({ otherPositions: [{ symbol: 'ETHUSDT', side: 'long', size: '2', entryPrice: '3000', markPrice: '2900' }], addedIsolatedMargin: '50' });
    el<HTMLButtonElement>('[data-action="remove-position"]')!.click();
    await settle();
    await whenFramed(bg, () => bg.requests.length === 3, 'the request without the row');
    expect(bg.requests[2]!.otherPositions).toEqual([]);
  });

  it('no wallet balance: isolated figures, cross unavailable with the reason', async () => {
    const bg = await mount({ ...FILLED, walletBalance: '' });
    await ready(bg);
    expect(field('long.isolated.liquidationPrice').dataset.value).toMatch(/^\d/);
    expect(field('long.cross.liquidationPrice').dataset.value).toBe('unavailable');
    expect(field('move.cross.pnl').dataset.value).toBe('unavailable');
    expect([...root.querySelectorAll<HTMLElement>('[data-role="missing"] li')].map((li) => li.dataset.reason)).toContain('cross.enterWallet');
  });

  it("the leverage slider is bounded by the tier table's maximum; a symbol without one by the typed-symbol bound", async () => {
    const bg = await mount(FILLED);
    const slider = () => el<HTMLInputElement>('[name="leverage"]')!;
    expect(slider().max).toBe('125'); // the bundled BTCUSDT table's first tier, before any result
    await ready(bg);
    expect(slider().max).toBe((calculate(EXPECTED_INPUT, DEFAULT_SETTINGS) as CalculatorResult).maxLeverage);
    const symbol = el<HTMLSelectElement>('[name="symbolChoice"]')!;
    symbol.value = '';
    symbol.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    type('symbol', 'DOGEUSDT');
    type('maintenanceRatePct', '1');
    await settle();
    await whenFramed(bg, () => bg.requests.length === 2, 'the typed-symbol request');
    expect(bg.requests[1]).toMatchObject({ symbol: 'DOGEUSDT', maintenanceRatePct: '1' });
    await settle();
    expect(slider().max).toBe('100');
    expect(slider().getAttribute('aria-valuetext')).toContain('20');
  });

  it('every input has a label', async () => {
    const bg = await mount({ ...FILLED, otherPositions: [{ symbol: 'ETHUSDT', side: 'short', size: '1', entryPrice: '3000', markPrice: '3000' }] });
    await ready(bg);
    for (const input of root.querySelectorAll<HTMLInputElement>('input:not([type="radio"]), select')) {
      expect(root.querySelector(`label[for="${input.id}"]`), input.name).not.toBeNull();
    }
    for (const radio of root.querySelectorAll('input[type="radio"]')) expect(radio.closest('label')).not.toBeNull();
  });

  it('a venue without a bundled table starts with a typed symbol', async () => {
    const bg = await mount(FILLED);
    const venue = el<HTMLSelectElement>('[name="venue"]')!;
    venue.value = 'okx';
    venue.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(el('[name="symbol"]')).not.toBeNull();
    await whenFramed(bg, () => el('[data-error-for="symbol"]') !== null, 'the symbol error');
    expect(el('[data-error-for="symbol"]')!.dataset.reason).toBe('input.required');
    void reason;
  });
});
