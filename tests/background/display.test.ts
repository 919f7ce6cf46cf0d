import { describe, expect, it } from 'vitest';
import { withDisplayStrings } from '../../src/background/display';
import type { Evaluation, Figure, LimitCheck } from '../../src/contracts/evaluation';
import { reason } from '../../src/contracts/reasons';
import { unavailableEvaluation } from '../../src/ui/placeholder';

describe('withDisplayStrings', () => {
  const value = (v: string): Figure => ({ kind: 'value', value: v });

  it('adds a display string to every value figure by its kind and leaves the rest unchanged', () => {
    const base = unavailableEvaluation(reason('figure.notComputable'), { symbol: 'BTCUSDT', quoteAsset: 'USDT' });
    const long = base.sides[0]!;
    const evaluation: Evaluation = {
      ...base,
      sides: [
        {
          ...long,
          isolated: {
            ...long.isolated,
            liquidationPrice: value('55123.456789'),
            worstCaseLossPct: value('3.105'),
            initialMargin: value('1305.0000001'),
            maintenanceRate: value('0.004'),
            tier: value('2'),
          },
          cross: { ...long.cross, liquidationPrice: { kind: 'none', reason: reason('figure.noLiquidation') } },
        },
        base.sides[1]!,
      ],
    };
    const shown = withDisplayStrings(evaluation);
    const iso = shown.sides[0]!.isolated;
    expect(iso.liquidationPrice).toEqual({ kind: 'value', value: '55123.456789', display: '55,123.5' });
    expect(iso.worstCaseLossPct).toEqual({ kind: 'value', value: '3.105', display: '3.11' });
    expect(iso.initialMargin).toEqual({ kind: 'value', value: '1305.0000001', display: '1,305.00' });
    expect(iso.maintenanceRate).toEqual({ kind: 'value', value: '0.004', display: '0.004' });
    expect(iso.tier).toEqual({ kind: 'value', value: '2', display: '2' });
    expect(iso.bankruptcyPrice).toEqual(long.isolated.bankruptcyPrice);
    expect(shown.sides[0]!.cross.liquidationPrice).toEqual({ kind: 'none', reason: reason('figure.noLiquidation') });
    expect(shown.sides[1]).toEqual(base.sides[1]);
    // The input is not modified.
    expect(evaluation.sides[0]!.isolated.liquidationPrice).toEqual(value('55123.456789'));
  });

  it('rounds the cross stress points for the eye and keeps their exact values', () => {
    const base = unavailableEvaluation(reason('figure.notComputable'), { symbol: 'BTCUSDT', quoteAsset: 'USDT' });
    const long = base.sides[0]!;
    const point = { movePct: '-10', equity: '9876.54321', requirement: '1234.5', marginRatioPct: '12.49937501562460938476538086547836304092' };
    const broke = { movePct: '-50', equity: '-20.005', requirement: '1300', marginRatioPct: null };
    const evaluation: Evaluation = { ...base, sides: [{ ...long, cross: { ...long.cross, stress: [broke, point] } }] };
    const [shownBroke, shownPoint] = withDisplayStrings(evaluation).sides[0]!.cross.stress;
    expect(shownPoint).toEqual({ ...point, display: { equity: '9,876.54', requirement: '1,234.50', marginRatioPct: '12.50' } });
    expect(shownBroke).toEqual({ ...broke, display: { equity: '-20.01', requirement: '1,300.00', marginRatioPct: null } });
  });

  it('rounds the number a limit check names, with more decimals when rounding would put it on the wrong side of the threshold', () => {
    const base = unavailableEvaluation(reason('figure.notComputable'), { symbol: 'BTCUSDT', quoteAsset: 'USDT' });
    const long = base.sides[0]!;
    const limits: LimitCheck[] = [
      { limit: 'maxStopLossPct', status: 'fail', reason: reason('limit.maxStopLossPct', { status: 'fail', threshold: '2', actual: '3.898125' }) },
      { limit: 'maxStopLossPct', status: 'fail', reason: reason('limit.maxStopLossPct', { status: 'fail', threshold: '2', actual: '2.0004' }) },
      { limit: 'minLiquidationDistancePct', status: 'fail', reason: reason('limit.minLiquidationDistancePct', { status: 'fail', threshold: '3', actual: '2.99951' }) },
      { limit: 'minStopBufferPct', status: 'pass', reason: reason('limit.minStopBufferPct', { status: 'pass', threshold: '1', actual: '64.09243531503061426031996839818289551653' }) },
      { limit: 'maxLoss', status: 'pass', reason: reason('limit.maxLoss', { status: 'pass', threshold: '1000', actual: '757.5049' }) },
      { limit: 'maxLeverage', status: 'fail', reason: reason('limit.maxLeverage', { status: 'fail', threshold: '10', actual: '20' }) },
      { limit: 'maxLoss', status: 'unchecked', reason: reason('limit.unchecked', { limit: 'maxLoss', cause: reason('figure.accountUnknown') }) },
    ];
    const evaluation: Evaluation = { ...base, sides: [{ ...long, isolated: { ...long.isolated, limits } }] };
    const shown = withDisplayStrings(evaluation, 'auto').sides[0]!.isolated.limits;
    expect(shown.map((c) => (c.reason.params as { actual?: string }).actual)).toEqual(['3.90', '2.0004', '2.9995', '64.09', '757.50', '20', undefined]);
    // Only the number changes: the code, the status and the threshold stay the engine's.
    expect(shown.map((c) => [c.limit, c.status, c.reason.code])).toEqual(limits.map((c) => [c.limit, c.status, c.reason.code]));
    expect(evaluation.sides[0]!.isolated.limits).toBe(limits);
  });
});
