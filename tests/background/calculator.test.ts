import { describe, expect, it } from 'vitest';
import type { CalculatorInput, CalculatorResult } from '../../src/contracts/evaluation';
import { calculate, CALCULATOR_MOVES } from '../../src/background/calculator';
import { D } from '../../src/shared/decimal';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

const ORDER: CalculatorInput = { venue: 'binance-usdm', symbol: 'BTCUSDT', side: 'long', entryPrice: '65000', leverage: '10', size: '0.3', walletBalance: '5000', otherPositions: [] };

function result(input: CalculatorInput): CalculatorResult {
  const r = calculate(input, DEFAULT_SETTINGS);
  if ('invalid' in r) throw new Error(JSON.stringify(r.invalid));
  return r;
}

const invalid = (input: CalculatorInput) => {
  const r = calculate(input, DEFAULT_SETTINGS);
  return 'invalid' in r ? r.invalid.map((e) => [e.field, e.reason.code]) : null;
};

describe('calculate', () => {
  it('a margin buys margin × leverage ÷ entry, rounded down to the size step: the same figures as that size', () => {
    const { size: _, ...bySize } = ORDER;
    // 100 × 10 ÷ 65000 = 0.0153846…: 0.015 at Binance's 0.001 step (not a 40-digit size the engine refuses).
    const byMargin = result({ ...bySize, margin: '100' });
    const sized = result({ ...ORDER, size: '0.015' });
    expect(byMargin.evaluation).toEqual(sized.evaluation);
    expect(invalid({ ...bySize, margin: '1' })).toEqual([['margin', 'input.belowStep']]);
  });

  it('names the calculator field an engine refusal concerns', () => {
    expect(invalid({ ...ORDER, entryPrice: '0' })).toEqual([['entryPrice', 'input.notPositive']]);
    expect(invalid({ ...ORDER, symbol: 'DOGEUSDT', maintenanceRatePct: '150' })).toEqual([['maintenanceRatePct', 'input.fraction']]);
    expect(invalid({ ...ORDER, otherPositions: [{ symbol: 'ETHUSDT', side: 'short', size: '0', entryPrice: '3000', markPrice: '3000' }] })).toEqual([
      ['otherPositions.0.size', 'input.notPositive'],
    ]);
    expect(invalid({ ...ORDER, margin: '100' })).toEqual([['margin', 'input.exactlyOne']]);
  });

  it('without a wallet balance: isolated figures, cross unavailable with the reason', () => {
    const { walletBalance: _, ...noWallet } = ORDER;
    const r = result(noWallet);
    expect(r.evaluation.sides[0]!.isolated.liquidationPrice.kind).toBe('value');
    expect(r.evaluation.sides[0]!.cross.liquidationPrice).toEqual({ kind: 'unavailable', reason: { code: 'cross.enterWallet', params: {} } });
    expect(r.moves.every((m) => m.cross === null)).toBe(true);
  });

  it('the slider: every move from -50 % to +50 %, at the moved price, with display strings; the bound from the first tier', () => {
    const r = result(ORDER);
    expect(r.moves.map((m) => m.movePct)).toEqual(CALCULATOR_MOVES);
    for (const m of r.moves) expect(m.price).toBe(new D('65000').times(new D(100).plus(m.movePct)).div(100).toFixed());
    const up = r.moves.find((m) => m.movePct === '10')!;
    expect(up.isolated!.pnl).toBe('1950');
    expect(up.isolated!.display).toEqual({ pnl: '1,950.00', marginRatioPct: expect.stringMatching(/^\d+\.\d\d$/) });
    expect(r.maxLeverage).toBe('125');
    expect(result({ ...ORDER, symbol: 'DOGEUSDT' }).maxLeverage).toBeNull();
  });
});
