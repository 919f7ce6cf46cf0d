import { describe, expect, it } from 'vitest';
import type { Field, FormSnapshot, PositionRow } from '../../src/adapters/types';
import { formatDecimal, withDisplayStrings } from '../../src/background/display';
import { evaluateFromSnapshot } from '../../src/background/scenario';
import { evaluateOrder } from '../../src/engine/index';
import { bundledTable } from '../../src/engine/bundled-tables';
import type { Evaluation } from '../../src/engine/evaluation';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { validSnapshot } from '../shared/snapshot-fixture';

const read = <T>(value: T, raw = String(value)): Field<T> => ({ status: 'read', value, raw });
const missing = (why: string): Field<never> => ({ status: 'missing', why });

/** The shared valid snapshot, set to round numbers these expectations are written against. */
function snapshot(over: Partial<FormSnapshot> = {}): FormSnapshot {
  return {
    ...validSnapshot(),
    price: read('61000', '61000.0'),
    quantity: read('0.5', '0.500'),
    maxBuy: missing('--'),
    maxSell: missing('--'),
    walletBalance: read('10000', '10,000.00 USDT'),
    marginBalance: read('10000'),
    markPrice: read('61000', '61,000.0'),
    positions: read([] as PositionRow[]),
    ...over,
  };
}

function evaluation(result: ReturnType<typeof evaluateFromSnapshot>): Evaluation {
  if (!('evaluation' in result)) throw new Error(`unavailable: ${result.unavailable}`);
  return result.evaluation;
}

const table = bundledTable('binance', 'BTCUSDT')!;

describe('evaluateFromSnapshot', () => {
  it('evaluates both sides with the bundled brackets and the settings fee, same as the engine directly', () => {
    const e = evaluation(evaluateFromSnapshot(snapshot(), DEFAULT_SETTINGS));
    const direct = evaluateOrder({
      venue: 'binance', symbol: 'BTCUSDT', quoteAsset: 'USDT', positionMode: 'oneWay', sides: ['long'], action: 'open',
      order: { type: 'limit', price: '61000', quantity: '0.5', leverage: '20' },
      market: { markPrice: '61000', maintenance: { table }, takerRate: '0.0005' },
      account: { existing: [], cross: { walletBalance: '10000', otherPositions: [] }, accountEquity: '10000' },
    });
    if ('error' in direct) throw new Error(direct.error.message);
    expect(e.sides.map((s) => s.side)).toEqual(['long', 'short']);
    const shown = withDisplayStrings(direct);
    expect(e.sides[0]!.isolated).toEqual(shown.sides[0]!.isolated);
    expect(e.sides[0]!.cross).toEqual(shown.sides[0]!.cross);
    expect(e.currentMode).toBe('cross');
    expect(e.assumptions.some((a) => a.includes('Taker fee 0.05% assumed'))).toBe(true);
    expect(e.inputs.find((i) => i.name === 'quantity')!.source).toContain('"0.500"');
  });

  it('converts a quote size at the order price and a percent size with each side\'s Max', () => {
    const quote = evaluation(evaluateFromSnapshot(snapshot({ quantity: read('30500'), quantityUnit: read('quote' as const) }), DEFAULT_SETTINGS));
    expect(quote.sides[0]!.resulting).toMatchObject({ size: '0.5' });
    const maxBuy = read({ amount: '2', unit: 'base' as const }, '2.000 BTC');
    const pct = evaluation(evaluateFromSnapshot(snapshot({ quantity: read('25'), quantityUnit: read('percent' as const), maxBuy, maxSell: missing('--') }), DEFAULT_SETTINGS));
    expect(pct.sides[0]!.resulting).toMatchObject({ side: 'long', size: '0.5' });
    expect(pct.sides[1]!.isolated.liquidationPrice).toEqual({ kind: 'unavailable', reason: "can't read: Max (sell) (--)" });
  });

  it('converts a Max shown in the quote asset at the header mark, half-up to the lot step, before taking the percent', () => {
    // 122,030.5 USDT ÷ 61,000 = 2.0005 → 2.001 BTC (half-up, 3 decimals); 25% of it = 0.50025.
    const maxBuy = read({ amount: '122030.5', unit: 'quote' as const }, '122,030.5 USDT');
    const maxSell = read({ amount: '2.001', unit: 'base' as const }, '2.001 BTC');
    const e = evaluation(evaluateFromSnapshot(snapshot({ quantity: read('25'), quantityUnit: read('percent' as const), maxBuy, maxSell }), DEFAULT_SETTINGS));
    expect(e.sides[0]!.resulting).toMatchObject({ side: 'long', size: '0.50025' });
    expect(e.sides[1]!.resulting).toMatchObject({ side: 'short', size: '0.50025' });
  });

  it('attaches a display string, rounded for the eye, to every value figure', () => {
    const e = evaluation(evaluateFromSnapshot(snapshot(), DEFAULT_SETTINGS));
    let values = 0;
    for (const side of e.sides) {
      for (const figures of [side.isolated, side.cross]) {
        for (const figure of Object.values(figures)) {
          if (Array.isArray(figure) || figure.kind !== 'value') continue;
          values++;
          expect(figure.display).toEqual(expect.any(String));
        }
      }
    }
    expect(values).toBeGreaterThan(10);
    const liq = e.sides[0]!.isolated.liquidationPrice;
    if (liq.kind !== 'value') throw new Error('expected a liquidation price');
    expect(liq.display).toBe(formatDecimal(liq.value, 'price'));
    expect(liq.display).toMatch(/^\d{2},\d{3}\.\d$/);
  });

  it('names every missing input instead of computing', () => {
    const r = evaluateFromSnapshot(snapshot({ quantity: missing('two size inputs'), leverage: missing('no leverage button') }), DEFAULT_SETTINGS);
    expect(r).toEqual({ unavailable: "can't read: quantity (two size inputs); can't read: leverage (no leverage button)" });
    expect(evaluateFromSnapshot(snapshot({ form: missing('no form') }), DEFAULT_SETTINGS)).toEqual({ unavailable: 'order form not found: no form' });
  });

  it('shows isolated but not cross when logged out, in multi-asset mode or with positions hidden', () => {
    const cases: [Partial<FormSnapshot>, string][] = [
      [{ loggedIn: read(false), positions: missing('log in to see positions'), walletBalance: missing('--') }, 'log in to see cross'],
      [{ assetMode: read('multi' as const) }, 'cross needs single-asset mode'],
      [{ positions: missing("Hide Other Symbols is on: other symbols' positions are hidden") }, 'incomplete: other positions unknown'],
      [{ walletBalance: missing('--') }, "can't read: Wallet Balance"],
    ];
    for (const [over, reason] of cases) {
      const e = evaluation(evaluateFromSnapshot(snapshot(over), DEFAULT_SETTINGS));
      expect(e.sides[0]!.isolated.liquidationPrice.kind).toBe('value');
      const cross = e.sides[0]!.cross.liquidationPrice;
      expect(cross.kind).toBe('unavailable');
      expect(cross.kind === 'unavailable' && cross.reason).toContain(reason);
    }
  });

  it('counts other cross positions in the same margin asset only, and merges this symbol\'s position', () => {
    const rows: PositionRow[] = [
      { symbol: 'BTCUSDT', side: 'long', size: '0.2', sizeUnit: 'base', entryPrice: '60000', markPrice: '61000', marginMode: 'cross', leverage: '20' },
      { symbol: 'ETHUSDT', side: 'short', size: '3', sizeUnit: 'base', entryPrice: '3000', markPrice: '2950', marginMode: 'cross', leverage: '10' },
      { symbol: 'SOLUSDC', side: 'long', size: '10', sizeUnit: 'base', entryPrice: '150', markPrice: '150', marginMode: 'cross', leverage: '10' },
      { symbol: 'XRPUSDT', side: 'long', size: '100', sizeUnit: 'base', entryPrice: '2', markPrice: '2', marginMode: 'isolated', leverage: '10', margin: '20' },
    ];
    const e = evaluation(evaluateFromSnapshot(snapshot({ positions: read(rows) }), DEFAULT_SETTINGS));
    expect(e.sides[0]!.resulting).toMatchObject({ side: 'long', size: '0.7' });
    expect(e.inputs.find((i) => i.name === 'other cross positions')!.value).toBe('1');
    const without = evaluation(evaluateFromSnapshot(snapshot({ positions: read(rows.slice(0, 1)) }), DEFAULT_SETTINGS));
    expect(e.sides[0]!.cross.liquidationPrice).not.toEqual(without.sides[0]!.cross.liquidationPrice);
  });

  it('converts position sizes shown in the quote asset at the row\'s own mark, half-up to the lot step', () => {
    const inBase: PositionRow[] = [
      { symbol: 'BTCUSDT', side: 'long', size: '0.201', sizeUnit: 'base', entryPrice: '60000', markPrice: '61000', marginMode: 'cross', leverage: '20' },
      { symbol: 'ETHUSDT', side: 'short', size: '3', sizeUnit: 'base', entryPrice: '3000', markPrice: '2950', marginMode: 'cross', leverage: '10' },
    ];
    // 12,230.5 ÷ 61,000 = 0.2005 → 0.201; 8,850 ÷ 2,950 = 3.
    const inQuote: PositionRow[] = [
      { ...inBase[0]!, size: '12230.5', sizeUnit: 'quote' },
      { ...inBase[1]!, size: '8850', sizeUnit: 'quote' },
    ];
    const quote = evaluation(evaluateFromSnapshot(snapshot({ positions: read(inQuote) }), DEFAULT_SETTINGS));
    expect(quote.sides[0]!.resulting).toMatchObject({ side: 'long', size: '0.701' });
    expect(quote).toEqual(evaluation(evaluateFromSnapshot(snapshot({ positions: read(inBase) }), DEFAULT_SETTINGS)));
  });

  it('uses the mark for a market order and says so', () => {
    const e = evaluation(evaluateFromSnapshot(snapshot({ orderType: read('market' as const), price: missing('market order'), markPrice: read('61500') }), DEFAULT_SETTINGS));
    expect(e.inputs.find((i) => i.name === 'price')).toMatchObject({ value: '61500' });
    expect(e.assumptions.some((a) => a.startsWith('market order'))).toBe(true);
  });

  it('assumes and says so when a symbol has no bundled table', () => {
    const e = evaluation(evaluateFromSnapshot(snapshot({ symbol: read('DOGEUSDT'), price: read('0.2'), markPrice: read('0.2'), quantity: read('1000') }), DEFAULT_SETTINGS));
    expect(e.assumptions).toContain('maintenance rate assumed 0.4%: no tier table for DOGEUSDT');
  });
});
