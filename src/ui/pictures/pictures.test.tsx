// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import type { Evaluation, SideEvaluation } from '../../contracts/evaluation';
import { reason } from '../../contracts/reasons';
import { evaluateSnapshot } from '../../background/evaluate';
import { D } from '../../shared/decimal';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { buildSnapshot, read } from '../../../tests/support/snapshots';
import { unavailableEvaluation } from '../placeholder';
import { PnlChart, PriceLadder } from './index';
import { LADDER_PRICES } from './ladder';
import { nudge } from './labels';
import { linearScale } from './scale';

/** The engine's evaluation of the stand-in's order at 0.3 BTC (long and short, both modes liquidate), with a stop-loss if given. */
function engineEvaluation(stopLoss?: string): Evaluation {
  const snapshot = buildSnapshot({ quantity: read('0.300') }, stopLoss ? { stopLoss: read(stopLoss) } : {});
  const result = evaluateSnapshot(snapshot, DEFAULT_SETTINGS);
  if (!('evaluation' in result)) throw new Error(`no evaluation: ${JSON.stringify(result)}`);
  return result.evaluation;
}

const sideOf = (evaluation: Evaluation, side: 'long' | 'short') => evaluation.sides.find((s) => s.side === side)!;

let root: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '';
  root = document.body.appendChild(document.createElement('div'));
});

const ticks = (picture: Element) =>
  [...picture.querySelectorAll<SVGGElement>('[data-price]')].map((g) => ({ key: g.dataset.price!, value: g.dataset.value!, y: Number(g.dataset.y) }));
const facts = () => [...root.querySelectorAll<HTMLElement>('[data-role="picture-text"] li')];

describe('scale and labels', () => {
  it('maps decimals exactly before the pixel: 1/3 of a 40-digit span lands on a third of the pixels', () => {
    const y = linearScale({ low: '0.0000000000000000000000000000000000000001', high: '0.0000000000000000000000000000000000000004' }, 0, 300);
    expect(y('0.0000000000000000000000000000000000000002')).toBe(100);
    expect(linearScale({ low: '65000', high: '65000' }, 10, 20)('1')).toBe(15);
  });

  it('moves labels apart in their order, keeping them inside the room', () => {
    const placed = nudge([50, 50, 51, 200], 10, 0, 100);
    expect(placed[0]! < placed[1]! && placed[1]! < placed[2]!).toBe(true);
    expect(placed[1]! - placed[0]!).toBeGreaterThanOrEqual(10);
    expect(placed[3]).toBe(100);
    expect(nudge([99, 99, 99], 10, 0, 100)).toEqual([80, 90, 100]);
  });
});

describe('PriceLadder', () => {
  it.each(['long', 'short'] as const)('%s: every price on one axis in price order, higher prices higher up, the loss zone from the entry to liquidation', (sideName) => {
    const evaluation = engineEvaluation(sideName === 'long' ? '62000' : '68000');
    const side = sideOf(evaluation, sideName);
    render(<PriceLadder evaluation={evaluation} side={side} />, root);
    const svg = root.querySelector(`svg[data-picture="price-ladder"][data-side="${sideName}"]`)!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toContain('BTCUSDT');
    const drawn = ticks(svg);
    expect(drawn.map((d) => d.key)).toEqual(expect.arrayContaining(['mark', 'entry', 'stopLoss', 'isolated.liquidationPrice', 'isolated.bankruptcyPrice', 'cross.liquidationPrice']));
    // Ordered by price, the ticks are ordered by height (SVG y grows downwards).
    const byPrice = [...drawn].sort((a, b) => new D(a.value).comparedTo(b.value));
    for (let i = 1; i < byPrice.length; i++) expect(byPrice[i]!.y).toBeLessThanOrEqual(byPrice[i - 1]!.y);
    for (const d of drawn) expect(d.y >= 0 && d.y <= 240).toBe(true);
    // The exact values are the engine's.
    const iso = side.isolated.liquidationPrice;
    expect(iso.kind).toBe('value');
    expect(drawn.find((d) => d.key === 'isolated.liquidationPrice')!.value).toBe(iso.kind === 'value' ? iso.value : '');
    const zone = svg.querySelector<SVGRectElement>('[data-zone="isolated"]')!;
    const entryY = drawn.find((d) => d.key === 'entry')!.y;
    const liqY = drawn.find((d) => d.key === 'isolated.liquidationPrice')!.y;
    expect(Number(zone.getAttribute('y'))).toBe(Math.min(entryY, liqY));
    expect(Number(zone.getAttribute('height'))).toBeCloseTo(Math.abs(liqY - entryY), 5);
    // A long loses below its entry, a short above.
    expect(sideName === 'long' ? liqY > entryY : liqY < entryY).toBe(true);
  });

  it('labels never overlap, even when prices nearly coincide', () => {
    const evaluation = engineEvaluation('64990');
    render(<PriceLadder evaluation={evaluation} side={sideOf(evaluation, 'long')} />, root);
    const ys = [...root.querySelectorAll('[data-price] text')].map((t) => Number(t.getAttribute('y'))).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(13);
  });

  it('the text alternative names every drawn price with its value, the loss zones, and what is not drawn and why', () => {
    const evaluation = engineEvaluation('62000');
    const side = sideOf(evaluation, 'long');
    render(<PriceLadder evaluation={evaluation} side={side} />, root);
    const drawn = ticks(root.querySelector('svg')!);
    const prices = facts().filter((li) => li.dataset.price);
    expect(prices.map((li) => [li.dataset.price, li.dataset.value]).sort()).toEqual(drawn.map((d) => [d.key, d.value]).sort());
    // Highest first, as on the picture.
    const values = prices.map((li) => new D(li.dataset.value!));
    for (let i = 1; i < values.length; i++) expect(values[i]!.lte(values[i - 1]!)).toBe(true);
    expect(facts().filter((li) => li.dataset.zone).map((li) => li.dataset.zone)).toEqual(['isolated', 'cross']);
    // No take-profit on the form: not drawn, and said.
    expect(facts().filter((li) => li.dataset.missing).map((li) => [li.dataset.missing, li.dataset.reason])).toEqual(
      [...LADDER_PRICES].filter((k) => !drawn.some((d) => d.key === k)).map((k) => [k, expect.any(String)]),
    );
    expect(root.querySelector('[data-missing="takeProfit"]')!.getAttribute('data-reason')).toBe('notSet');
    // Every fact is also in the accessible name.
    const label = root.querySelector('svg')!.getAttribute('aria-label')!;
    for (const li of facts()) expect(label).toContain(li.textContent!);
  });

  it('an unavailable price is not drawn, and the text says which and why', () => {
    const evaluation = engineEvaluation();
    const long = sideOf(evaluation, 'long');
    const walletUnknown = reason('cross.walletUnknown', { cause: reason('page.empty', { item: 'walletBalance' }) });
    const side: SideEvaluation = { ...long, cross: { ...long.cross, liquidationPrice: { kind: 'unavailable', reason: walletUnknown }, bankruptcyPrice: { kind: 'unavailable', reason: walletUnknown } } };
    render(<PriceLadder evaluation={evaluation} side={side} />, root);
    const drawn = ticks(root.querySelector('svg')!).map((d) => d.key);
    expect(drawn).not.toContain('cross.liquidationPrice');
    expect(drawn).not.toContain('cross.bankruptcyPrice');
    expect(drawn).toContain('isolated.liquidationPrice');
    expect(root.querySelector('[data-zone="cross"]')).toBeNull();
    expect(root.querySelector('[data-missing="cross.liquidationPrice"]')!.getAttribute('data-reason')).toBe('cross.walletUnknown');
    expect(root.querySelector('[data-missing="stopLoss"]')!.getAttribute('data-reason')).toBe('notSet');
  });

  it('a side without figures draws nothing and says why', () => {
    const why = reason('evaluate.enterSize');
    const evaluation = unavailableEvaluation(why, { symbol: 'BTCUSDT', quoteAsset: 'USDT' });
    render(<PriceLadder evaluation={evaluation} side={evaluation.sides[0]!} />, root);
    const svg = root.querySelector('svg[data-picture="price-ladder"][data-side="long"]')!;
    expect(svg.querySelectorAll('[data-price]')).toHaveLength(0);
    expect(facts().map((li) => li.dataset.reason)).toEqual(['evaluate.enterSize']);
  });
});

describe('PnlChart', () => {
  it.each(['long', 'short'] as const)('%s: both lines on one chart, each floor at minus its worst-case loss, the cross floor deeper', (sideName) => {
    const evaluation = engineEvaluation();
    const side = sideOf(evaluation, sideName);
    render(<PnlChart evaluation={evaluation} side={side} />, root);
    const svg = root.querySelector(`svg[data-picture="pnl-chart"][data-side="${sideName}"]`)!;
    expect(svg.getAttribute('role')).toBe('img');
    expect([...svg.querySelectorAll<SVGElement>('[data-line]')].map((l) => l.dataset.line)).toEqual(['isolated', 'cross']);
    const floors = Object.fromEntries([...svg.querySelectorAll<SVGGElement>('[data-floor]')].map((g) => [g.dataset.floor, { value: g.dataset.value!, y: Number(g.dataset.y) }]));
    for (const mode of ['isolated', 'cross'] as const) {
      const worst = side[mode].worstCaseLoss;
      if (worst.kind !== 'value') throw new Error('expected a worst-case loss');
      expect(floors[mode]!.value).toBe(new D(worst.value).neg().toFixed());
      // The floor is the line's lowest point.
      const lowest = side[mode].pnl.reduce((m, p) => D.min(m, p.pnl), new D(side[mode].pnl[0]!.pnl));
      expect(lowest.gte(floors[mode]!.value)).toBe(true);
    }
    expect(floors.cross!.y).toBeGreaterThan(floors.isolated!.y);
    const labels = [...svg.querySelectorAll('[data-floor] text')].map((t) => Number(t.getAttribute('y')));
    expect(Math.abs(labels[0]! - labels[1]!)).toBeGreaterThanOrEqual(12);
    // The text alternative states both floors, and each line.
    expect(facts().filter((li) => li.dataset.floor).map((li) => [li.dataset.floor, li.dataset.value])).toEqual([
      ['isolated', floors.isolated!.value],
      ['cross', floors.cross!.value],
    ]);
    expect(facts()).toHaveLength(4);
    const label = svg.getAttribute('aria-label')!;
    for (const li of facts()) expect(label).toContain(li.textContent!);
  });

  it('a mode without figures is not drawn, and the text says which and why', () => {
    const evaluation = engineEvaluation();
    const long = sideOf(evaluation, 'long');
    const walletUnknown = reason('cross.walletUnknown', { cause: reason('page.empty', { item: 'walletBalance' }) });
    const u = { kind: 'unavailable', reason: walletUnknown } as const;
    const side: SideEvaluation = { ...long, cross: { ...long.cross, worstCaseLoss: u, liquidationPrice: u, pnl: [] } };
    render(<PnlChart evaluation={evaluation} side={side} />, root);
    expect([...root.querySelectorAll<SVGElement>('[data-line]')].map((l) => l.dataset.line)).toEqual(['isolated']);
    expect(root.querySelectorAll('[data-floor="cross"]')).toHaveLength(0);
    expect(facts().filter((li) => li.dataset.missing).map((li) => [li.dataset.missing, li.dataset.reason])).toEqual([['cross', 'cross.walletUnknown']]);
  });
});
