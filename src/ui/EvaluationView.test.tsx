// @vitest-environment happy-dom
import { describe, expect, it, beforeEach } from 'vitest';
import { render } from 'preact';
import type { Evaluation, Figure, ModeFigures, SideEvaluation } from '../engine/evaluation';
import { EvaluationView } from './EvaluationView';
import { unavailableEvaluation } from './placeholder';

/** A value figure as the background sends it: the exact decimal and its display string. */
const value = (v: string, display?: string): Figure => (display === undefined ? { kind: 'value', value: v } : { kind: 'value', value: v, display });

function modeFigures(overrides: Partial<ModeFigures>): ModeFigures {
  const base = unavailableEvaluation('unused', { venue: 'binance', symbol: 'X', quoteAsset: 'USDT' }).sides[0]!.isolated;
  return { ...base, ...overrides };
}

function side(s: 'long' | 'short', isolated: Partial<ModeFigures>, cross: Partial<ModeFigures>): SideEvaluation {
  return { side: s, resulting: null, isolated: modeFigures(isolated), cross: modeFigures(cross) };
}

const evaluation: Evaluation = {
  venue: 'binance',
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
        liquidationPrice: { kind: 'none', reason: 'wallet covers the whole position' },
        liquidationDistancePct: { kind: 'none', reason: 'no liquidation price' },
        initialMargin: value('305'),
        worstCaseLoss: value('10000'),
        worstCaseLossPct: value('100'),
      },
    ),
    side(
      'short',
      { liquidationPrice: value('66000.1') },
      { liquidationPrice: { kind: 'unavailable', reason: "can't read: wallet balance" } },
    ),
  ],
  inputs: [{ name: 'quantity', value: '0.1', source: 'order form' }],
  assumptions: ['taker fee 0.05%'],
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
    const notes = [...root.querySelectorAll('[data-role="missing"] li')].map((li) => li.textContent);
    expect(notes).toContain("Cross: can't read: wallet balance");
    expect(notes.filter((n) => n === "Cross: can't read: wallet balance")).toHaveLength(1);
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
    expect(row?.textContent).toContain('0.1');
    expect(row?.textContent).toContain('order form');
    expect(root.querySelector('[data-role="assumptions"]')?.textContent).toContain('taker fee 0.05%');
  });

  it("shows the reason for a placeholder evaluation (can't read)", () => {
    const placeholder = unavailableEvaluation("can't read: quantity", { venue: 'binance', symbol: 'BTCUSDT', quoteAsset: 'USDT' });
    render(<EvaluationView evaluation={placeholder} pending={false} />, root);
    expect(field(root, 'long.isolated.liquidationPrice').dataset.value).toBe('unavailable');
    expect(root.textContent).toContain("can't read: quantity");
  });
});
