// @vitest-environment happy-dom
import { describe, expect, it, beforeEach } from 'vitest';
import { render } from 'preact';
import type { Evaluation, Figure, ModeFigures, SideEvaluation } from '../contracts/evaluation';
import { reason } from '../contracts/reasons';
import { EvaluationView } from './EvaluationView';
import { unavailableEvaluation } from './placeholder';
import { say, sourceLabel } from './text';

/** A value figure as the background sends it: the exact decimal and its display string. */
const value = (v: string, display?: string): Figure => (display === undefined ? { kind: 'value', value: v } : { kind: 'value', value: v, display });

function modeFigures(overrides: Partial<ModeFigures>): ModeFigures {
  const base = unavailableEvaluation(reason('figure.notComputable'), { symbol: 'X', quoteAsset: 'USDT' }).sides[0]!.isolated;
  return { ...base, ...overrides };
}

function side(s: 'long' | 'short', isolated: Partial<ModeFigures>, cross: Partial<ModeFigures>): SideEvaluation {
  return { side: s, resulting: null, effect: 'opens', axis: null, isolated: modeFigures(isolated), cross: modeFigures(cross) };
}

const walletUnknown = reason('cross.walletUnknown', { cause: reason('page.notShownYet', { item: 'walletBalance' }) });
const defaultFee = reason('assume.defaultFee', { venue: 'Binance USDⓈ-M futures', tier: 'VIP 0', takerPct: '0.05' });

const evaluation: Evaluation = {
  symbol: 'BTCUSDT',
  quoteAsset: 'USDT',
  currentMode: 'cross',
  sides: [
    side(
      'long',
      {
        liquidationPrice: value('55123.456789', '55,123.5'),
        liquidationDistancePct: value('9.63'),
        initialMargin: value('305.0000001', '305.00'),
        worstCaseLoss: value('310.1'),
        worstCaseLossPct: value('3.101', '3.10'),
      },
      {
        liquidationPrice: { kind: 'none', reason: reason('figure.noLiquidation') },
        liquidationDistancePct: { kind: 'none', reason: reason('figure.noLiquidation') },
        initialMargin: value('305'),
        worstCaseLoss: value('10000'),
        worstCaseLossPct: value('100'),
      },
    ),
    side(
      'short',
      { liquidationPrice: value('66000.1') },
      { liquidationPrice: { kind: 'unavailable', reason: walletUnknown } },
    ),
  ],
  inputs: [{ item: 'quantity', value: '0.1', source: 'orderForm', pageText: '0.100' }],
  assumptions: [defaultFee],
};

function field(root: ParentNode, name: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(`[data-field="${name}"]`);
  if (!el) throw new Error(`no element for ${name}`);
  return el;
}

describe('EvaluationView', () => {
  let root: HTMLElement;
  beforeEach(() => {
    document.body.innerHTML = '';
    root = document.createElement('div');
    document.body.appendChild(root);
  });

  it("puts the exact decimal in data-value and the background's display string on screen", () => {
    render(<EvaluationView evaluation={evaluation} pending={false} />, root);
    const liq = field(root, 'long.isolated.liquidationPrice');
    expect(liq.dataset.value).toBe('55123.456789');
    expect(liq.textContent).toBe('55,123.5');
    expect(field(root, 'long.isolated.initialMargin').dataset.value).toBe('305.0000001');
    expect(field(root, 'long.isolated.initialMargin').textContent).toBe('305.00');
    expect(field(root, 'long.isolated.initialMargin').closest('tr')?.querySelector('th')?.textContent).toContain('USDT');
    expect(field(root, 'long.isolated.worstCaseLossPct').textContent).toBe('3.10%');
  });

  it('shows the exact value when a figure has no display string', () => {
    render(<EvaluationView evaluation={evaluation} pending={false} />, root);
    expect(field(root, 'long.cross.initialMargin').textContent).toBe('305');
    expect(field(root, 'long.cross.worstCaseLossPct').textContent).toBe('100%');
  });

  it('renders none and unavailable as such, and says why once per mode', () => {
    render(<EvaluationView evaluation={evaluation} pending={false} />, root);
    expect(field(root, 'long.cross.liquidationPrice').dataset.value).toBe('none');
    const missing = field(root, 'short.cross.liquidationPrice');
    expect(missing.dataset.value).toBe('unavailable');
    expect(missing.textContent).not.toMatch(/\d/);
    const notes = [...root.querySelectorAll<HTMLElement>('[data-role="missing"] li')];
    const wallet = notes.filter((li) => li.dataset.mode === 'cross' && li.dataset.reason === 'cross.walletUnknown');
    expect(wallet).toHaveLength(1);
    expect(wallet[0]!.textContent).toContain(say(walletUnknown));
    // Every other figure is unavailable for the same placeholder reason: said once per mode, not per figure.
    const keys = notes.map((li) => `${li.dataset.mode}:${li.dataset.reason}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has one figure element per side, mode and shown figure', () => {
    render(<EvaluationView evaluation={evaluation} pending={false} />, root);
    for (const s of ['long', 'short']) {
      for (const m of ['isolated', 'cross']) {
        for (const f of ['liquidationPrice', 'liquidationDistancePct', 'initialMargin', 'worstCaseLoss', 'worstCaseLossPct']) {
          expect(root.querySelectorAll(`[data-field="${s}.${m}.${f}"]`)).toHaveLength(1);
        }
      }
    }
  });

  it('shows no old figure while an evaluation is pending', () => {
    render(<EvaluationView evaluation={evaluation} pending={true} />, root);
    const figures = [...root.querySelectorAll<HTMLElement>('[data-field]')];
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) {
      expect(f.dataset.value).toBe('unavailable');
      expect(f.textContent).not.toMatch(/\d/);
    }
  });

  it('highlights the current mode and lists inputs and assumptions', () => {
    render(<EvaluationView evaluation={evaluation} pending={false} />, root);
    const current = [...root.querySelectorAll('th.current')].map((th) => th.getAttribute('data-mode'));
    expect(new Set(current)).toEqual(new Set(['cross']));
    const row = root.querySelector('[data-input="quantity"]');
    expect(row?.querySelector('.input-value')?.textContent).toBe('0.1');
    expect(row?.querySelector('.input-source')?.textContent).toContain(sourceLabel('orderForm'));
    expect(row?.querySelector('.input-source')?.textContent).toContain('0.100');
    const assumptions = [...root.querySelectorAll<HTMLElement>('[data-role="assumptions"] li')];
    expect(assumptions.map((li) => li.dataset.reason)).toEqual(['assume.defaultFee']);
    expect(assumptions[0]!.textContent).toBe(say(defaultFee));
  });

  it("shows the reason for a placeholder evaluation (can't read)", () => {
    const cantRead = reason('evaluate.cantRead', { item: 'quantity', cause: reason('page.empty', { item: 'quantity' }) });
    const placeholder = unavailableEvaluation(cantRead, { symbol: 'BTCUSDT', quoteAsset: 'USDT' });
    render(<EvaluationView evaluation={placeholder} pending={false} />, root);
    expect(field(root, 'long.isolated.liquidationPrice').dataset.value).toBe('unavailable');
    const notes = [...root.querySelectorAll<HTMLElement>('[data-role="missing"] li')];
    expect(notes.map((li) => [li.dataset.mode, li.dataset.reason])).toEqual([
      ['isolated', 'evaluate.cantRead'],
      ['cross', 'evaluate.cantRead'],
    ]);
  });

  it('lists the reasons given for a placeholder instead of per-figure notes, each once', () => {
    const cantRead = reason('evaluate.cantRead', { item: 'quantity', cause: reason('page.empty', { item: 'quantity' }) });
    const positionUnknown = reason('evaluate.positionUnknown', { symbol: 'BTCUSDT', cause: reason('positions.tabNotSelected') });
    const placeholder = unavailableEvaluation(cantRead, { symbol: 'BTCUSDT', quoteAsset: 'USDT' });
    render(<EvaluationView evaluation={placeholder} pending={false} reasons={[cantRead, positionUnknown]} />, root);
    const notes = [...root.querySelectorAll<HTMLElement>('[data-role="missing"] li')];
    expect(notes.map((li) => [li.dataset.mode, li.dataset.reason])).toEqual([
      [undefined, 'evaluate.cantRead'],
      [undefined, 'evaluate.positionUnknown'],
    ]);
    expect(notes[1]!.textContent).toBe(say(positionUnknown));
  });
});
