import { describe, expect, it } from 'vitest';
import type { LimitCheck, LimitKey, LimitStatus, Mode } from '../contracts/evaluation';
import { reason } from '../contracts/reasons';
import { buildSnapshot, missing, read } from '../../tests/support/snapshots';
import { evaluatedBasis } from '../../tests/support/verdict-basis';
import { judgeActivation, type VerdictBasis } from './verdict';

const check = (limit: LimitKey, status: LimitStatus): LimitCheck => ({
  limit,
  status,
  reason:
    status === 'unchecked'
      ? reason('limit.unchecked', { limit, cause: reason('figure.crossUnavailable') })
      : reason('limit.maxLeverage', { status, threshold: '10', actual: '20' }),
});

/** An engine evaluation whose limit checks are replaced per mode (both sides alike). */
/** currentMode null: the exchange's margin mode is not known. */
function withChecks(checks: Partial<Record<Mode, LimitCheck[]>>, currentMode: Mode | null = 'cross'): VerdictBasis {
  const basis = evaluatedBasis();
  const evaluation = structuredClone(basis.evaluation);
  if (currentMode) evaluation.currentMode = currentMode;
  else delete evaluation.currentMode;
  for (const side of evaluation.sides) for (const mode of ['isolated', 'cross'] as const) side[mode].limits = checks[mode] ?? [];
  return { ...basis, evaluation };
}

describe('judgeActivation', () => {
  it('stops an order that fails a limit in the current mode, naming the failing checks of that mode', () => {
    const verdict = judgeActivation(evaluatedBasis(), ['long']);
    expect(verdict.kind).toBe('stop');
    if (verdict.kind !== 'stop') return;
    expect(verdict.sides).toHaveLength(1);
    expect(verdict.sides[0]!.side).toBe('long');
    expect(verdict.sides[0]!.failures.map((f) => f.mode)).toEqual(['cross']);
    expect(verdict.sides[0]!.failures[0]!.checks.map((c) => [c.limit, c.status, c.reason.code])).toEqual([['maxLeverage', 'fail', 'limit.maxLeverage']]);
    expect(verdict.sides[0]!.failures[0]!.checks[0]!.reason.params).toEqual({ status: 'fail', threshold: '10', actual: '20' });
  });

  it('passes an order within every limit', () => {
    expect(judgeActivation(evaluatedBasis({ order: { leverage: '5' } }), ['long'])).toEqual({ kind: 'pass', cause: 'withinLimits' });
  });

  it('some limits unchecked and one failing counts as failing', () => {
    const basis = withChecks({ cross: [check('maxLossPct', 'unchecked'), check('maxLeverage', 'fail'), check('maxLoss', 'unchecked')] });
    expect(judgeActivation(basis, ['short']).kind).toBe('stop');
  });

  it('never stops on unchecked limits alone: they are stated, not blocking', () => {
    expect(judgeActivation(withChecks({ cross: [check('maxLossPct', 'unchecked'), check('maxLeverage', 'pass')] }), ['long'])).toEqual({ kind: 'pass', cause: 'unchecked' });
  });

  it('judges only the current mode: a fail in the other mode does not stop', () => {
    const basis = withChecks({ isolated: [check('maxLeverage', 'fail')], cross: [check('maxLeverage', 'pass')] }, 'cross');
    expect(judgeActivation(basis, ['long'])).toEqual({ kind: 'pass', cause: 'withinLimits' });
    const isolatedNow = withChecks({ isolated: [check('maxLeverage', 'fail')], cross: [check('maxLeverage', 'pass')] }, 'isolated');
    expect(judgeActivation(isolatedNow, ['long']).kind).toBe('stop');
  });

  it('mode unknown: stops only when the order fails in both modes, naming both', () => {
    const one = withChecks({ isolated: [check('maxLeverage', 'fail')], cross: [check('maxLeverage', 'pass')] }, null);
    expect(judgeActivation(one, ['long'])).toEqual({ kind: 'pass', cause: 'withinLimits' });
    const both = withChecks({ isolated: [check('maxLeverage', 'fail')], cross: [check('maxLoss', 'fail')] }, null);
    const verdict = judgeActivation(both, ['long']);
    expect(verdict.kind === 'stop' && verdict.sides[0]!.failures.map((f) => [f.mode, f.checks[0]!.limit])).toEqual([
      ['isolated', 'maxLeverage'],
      ['cross', 'maxLoss'],
    ]);
  });

  it('never stops a reduce-only order', () => {
    const ticked = buildSnapshot({ reduceOnly: read(true) });
    expect(judgeActivation(evaluatedBasis({ account: { reduceOnly: true } }, ticked), ['long'])).toEqual({ kind: 'pass', cause: 'reducesOnly' });
    // The page says reduce-only even where the figures were made without it.
    expect(judgeActivation(evaluatedBasis({}, ticked), ['short'])).toEqual({ kind: 'pass', cause: 'reducesOnly' });
  });

  it('never stops in the hedge Close tab', () => {
    const closeTab = buildSnapshot({ positionMode: read('hedge' as const), action: read('close' as const) });
    expect(judgeActivation(evaluatedBasis({ top: { positionMode: 'hedge', action: 'close' } }, closeTab), ['long'])).toEqual({ kind: 'pass', cause: 'reducesOnly' });
  });

  it('never stops an order that reduces or closes the existing position, but stops one that adds to it or flips it', () => {
    const long = (quantity: string) =>
      evaluatedBasis({ order: { quantity }, account: { existing: [{ side: 'long', size: '0.5', entryPrice: '60000', mode: 'cross' }] } });
    // The engine's effect for the short button against a 0.5 long: 0.1 reduces, 0.5 closes, 0.8 flips.
    const effect = (basis: ReturnType<typeof evaluatedBasis>) => basis.evaluation.sides.find((s) => s.side === 'short')!.effect;
    expect([effect(long('0.1')), effect(long('0.5')), effect(long('0.8'))]).toEqual(['reduces', 'closes', 'flips']);
    expect(judgeActivation(long('0.1'), ['short'])).toEqual({ kind: 'pass', cause: 'reducesOnly' });
    expect(judgeActivation(long('0.5'), ['short'])).toEqual({ kind: 'pass', cause: 'reducesOnly' });
    expect(judgeActivation(long('0.8'), ['short']).kind).toBe('stop');
    expect(judgeActivation(long('0.1'), ['long']).kind).toBe('stop'); // adds
  });

  it('never stops while the figures for the latest form state are not back', () => {
    expect(judgeActivation({ kind: 'pending' }, ['long'])).toEqual({ kind: 'pass', cause: 'pending' });
  });

  it('never stops an unevaluable form', () => {
    expect(judgeActivation({ kind: 'unevaluable' }, ['long'])).toEqual({ kind: 'pass', cause: 'unevaluable' });
    // A side without figures, or whose effect the engine could not work out.
    const basis = evaluatedBasis();
    const noEffect = structuredClone(basis.evaluation);
    noEffect.sides.forEach((s) => (s.effect = null));
    expect(judgeActivation({ ...basis, evaluation: noEffect }, ['long'])).toEqual({ kind: 'pass', cause: 'unevaluable' });
    expect(judgeActivation({ ...basis, evaluation: { ...basis.evaluation, sides: [] } }, ['long'])).toEqual({ kind: 'pass', cause: 'unevaluable' });
  });

  it('reduce-only unread: stops an order that opens or adds (a ticked box would have it rejected), never one that could only close', () => {
    const unread = buildSnapshot({ reduceOnly: missing(reason('page.notFound', { item: 'reduceOnly' })) });
    const long = (quantity: string) =>
      evaluatedBasis({ order: { quantity }, account: { existing: [{ side: 'long', size: '0.5', entryPrice: '60000', mode: 'cross' }] } }, unread);
    const effect = (basis: ReturnType<typeof evaluatedBasis>, side: 'long' | 'short') => basis.evaluation.sides.find((s) => s.side === side)!.effect;
    expect([effect(evaluatedBasis({}, unread), 'long'), effect(long('0.1'), 'long'), effect(long('0.8'), 'short'), effect(long('0.1'), 'short')]).toEqual(['opens', 'adds', 'flips', 'reduces']);
    expect(judgeActivation(evaluatedBasis({}, unread), ['long']).kind).toBe('stop');
    expect(judgeActivation(long('0.1'), ['long']).kind).toBe('stop');
    expect(judgeActivation(long('0.8'), ['short'])).toEqual({ kind: 'pass', cause: 'unevaluable' });
    expect(judgeActivation(long('0.1'), ['short'])).toEqual({ kind: 'pass', cause: 'reducesOnly' });
  });

  it('never stops when the page does not say which tab is open', () => {
    const tabUnknown = buildSnapshot({ action: missing(reason('page.openCloseUnknown'), 'ambiguous') });
    expect(judgeActivation(evaluatedBasis({}, tabUnknown), ['long'])).toEqual({ kind: 'pass', cause: 'unevaluable' });
  });

  it('an activation that may submit either side is stopped only when both fail', () => {
    const both = judgeActivation(evaluatedBasis(), ['long', 'short']);
    expect(both.kind === 'stop' && both.sides.map((s) => s.side)).toEqual(['long', 'short']);
    const shortReduces = evaluatedBasis({ order: { quantity: '0.1' }, account: { existing: [{ side: 'long', size: '0.5', entryPrice: '60000', mode: 'cross' }] } });
    expect(judgeActivation(shortReduces, ['long', 'short'])).toEqual({ kind: 'pass', cause: 'reducesOnly' });
    expect(judgeActivation(evaluatedBasis(), [])).toEqual({ kind: 'pass', cause: 'unevaluable' });
  });
});
