/**
 * The trader's own limits against one side and mode, each pass / fail / unchecked with the number that
 * decides it; and the largest size that passes every limit set.
 */
import { D, type Dec } from '../shared/decimal';
import type { Figure, LimitCheck, LimitKey, LimitStatus, Mode, NumberLimitKey } from '../contracts/evaluation';
import { reason, type Reason } from '../contracts/reasons';
import type { Parsed } from './order-input';
import type { ModeNumbers } from './order-mode';

const ZERO = new D(0);

const status = (ok: boolean): LimitStatus => (ok ? 'pass' : 'fail');

/** The limits that depend on the order's size (leverage and the stop-loss requirement do not). */
const SIZE_LIMITS: readonly Exclude<NumberLimitKey, 'maxLeverage'>[] = ['maxLoss', 'maxLossPct', 'maxStopLossPct', 'minLiquidationDistancePct', 'minStopBufferPct', 'maxCrossExposure'];

function numberCheck(p: Parsed, limit: NumberLimitKey, actual: Dec, ok: (actual: Dec, bound: Dec) => boolean): LimitCheck {
  const bound = p.limits[limit]!;
  const s = status(ok(actual, bound.at));
  return { limit, status: s, reason: reason(`limit.${limit}`, { status: s, threshold: bound.text, actual: actual.toFixed() }) };
}

const unchecked = (limit: LimitKey, cause: Reason): LimitCheck => ({ limit, status: 'unchecked', reason: reason('limit.unchecked', { limit, cause }) });
const passes = (limit: LimitKey, why: Reason): LimitCheck => ({ limit, status: 'pass', reason: why });

/** Every limit set, against a mode's numbers; `numbers` null: the mode could not be computed (`cause`). */
export function checkLimits(p: Parsed, mode: Mode, numbers: ModeNumbers | null, cause: Reason): LimitCheck[] {
  const checks: LimitCheck[] = [];
  const set = p.limits;
  if (set.maxLeverage) checks.push(numberCheck(p, 'maxLeverage', p.leverage, (a, b) => a.lte(b)));
  if (p.stopLossRequired) {
    const s = status(p.stopLoss !== undefined && !(numbers?.stopWrongSide ?? false));
    checks.push({ limit: 'stopLossRequired', status: s, reason: reason('limit.stopLossRequired', { status: s }) });
  }
  for (const limit of SIZE_LIMITS) {
    if (!set[limit]) continue;
    if (!numbers) {
      checks.push(unchecked(limit, cause));
      continue;
    }
    checks.push(sizeLimit(p, limit, mode, numbers));
  }
  return checks;
}

/** A limit that depends on the order's size, checked against one mode's numbers. */
function sizeLimit(p: Parsed, limit: Exclude<NumberLimitKey, 'maxLeverage'>, mode: Mode, n: ModeNumbers): LimitCheck {
  const le = (a: Dec, b: Dec) => a.lte(b);
  const ge = (a: Dec, b: Dec) => a.gte(b);
  const liquidatesNow = n.r.liquidatesNow;
  switch (limit) {
    case 'maxLoss':
      return numberCheck(p, limit, n.worst, le);
    case 'maxLossPct':
      return n.worstPct ? numberCheck(p, limit, n.worstPct, le) : unchecked(limit, reason('figure.accountUnknown'));
    case 'maxStopLossPct':
      if (!n.stop) return unchecked(limit, noStop(p, n));
      return n.stop.lossPct ? numberCheck(p, limit, n.stop.lossPct, le) : unchecked(limit, reason('figure.accountUnknown'));
    case 'minLiquidationDistancePct':
      if (liquidatesNow) return numberCheck(p, limit, ZERO, ge);
      return n.distance ? numberCheck(p, limit, n.distance, ge) : passes(limit, reason('limit.noLiquidation', { limit }));
    case 'minStopBufferPct':
      if (!n.stop) return unchecked(limit, noStop(p, n));
      if (liquidatesNow) return numberCheck(p, limit, ZERO, ge);
      return n.stop.bufferPct ? numberCheck(p, limit, n.stop.bufferPct, ge) : passes(limit, reason('limit.noLiquidation', { limit }));
    case 'maxCrossExposure':
      if (mode === 'isolated') return passes(limit, reason('limit.isolatedNoCrossExposure', { limit }));
      if (n.crossExposure === null || n.crossExposure === undefined) return { limit, status: 'fail', reason: reason('figure.equityNotPositive') };
      return numberCheck(p, limit, n.crossExposure, le);
  }
}

/** Why a stop-loss limit cannot be checked: no stop, or one on the wrong side of the entry. */
function noStop(p: Parsed, n: ModeNumbers): Reason {
  return n.stopWrongSide && p.stopLoss ? reason('figure.stopOnWrongSide', { stop: p.stopLoss.toFixed(), side: n.leg.side }) : reason('figure.noStopLoss');
}

const MAX_DOUBLINGS = 60;

/**
 * The largest size (a multiple of the lot step, at most the form's Max) that passes every limit set, for
 * a mode: `numbersAt(q)` gives that mode's numbers at size q ('flat' when it closes the position, null when
 * q cannot be: above its bracket).
 * Each limit gets worse as the size grows, so the sizes that pass are the ones below a boundary, found
 * by doubling then halving the interval. 0 (with the reason) when a limit no size can meet fails; none
 * when no limit set depends on size; unavailable when one cannot be checked.
 */
export function maxSizeWithinLimits(
  p: Parsed,
  mode: Mode,
  current: ModeNumbers | null,
  cause: Reason,
  numbersAt: (q: Dec) => ModeNumbers | 'flat' | null,
): Figure {
  const checks = checkLimits(p, mode, current, cause);
  const independent = checks.find((c) => (c.limit === 'maxLeverage' || c.limit === 'stopLossRequired') && c.status === 'fail');
  if (independent) return { kind: 'value', value: '0', note: reason('figure.sizeIndependentLimit', { limit: independent.limit }) };
  const bounding = SIZE_LIMITS.filter((l) => p.limits[l] && !(l === 'maxCrossExposure' && mode === 'isolated'));
  if (bounding.length === 0) return { kind: 'none', reason: reason('figure.noSizeLimit') };
  const blocked = checks.find((c) => bounding.includes(c.limit as (typeof bounding)[number]) && c.status === 'unchecked');
  if (blocked) return { kind: 'unavailable', reason: blocked.reason };
  if (!p.lotStep) return { kind: 'unavailable', reason: reason('figure.notComputable') };

  const lot = p.lotStep;
  const passesAt = (steps: Dec): boolean => {
    if (steps.isZero()) return true;
    const n = numbersAt(steps.times(lot));
    if (n === 'flat') return true; // nothing left open: nothing at risk
    if (!n) return false;
    return bounding.every((limit) => sizeLimit(p, limit, mode, n).status === 'pass');
  };
  const capSteps = p.maxQuantity ? p.maxQuantity.div(lot).floor() : null;
  if (capSteps && passesAt(capSteps)) {
    return { kind: 'value', value: capSteps.times(lot).toFixed(), note: reason('figure.cappedByMax', { max: p.maxQuantity!.toFixed() }) };
  }
  // Bracket the boundary: lo passes, hi fails.
  let lo = ZERO;
  let hi = D.max(p.quantity.div(lot).floor(), new D(1));
  if (capSteps && hi.gt(capSteps)) hi = capSteps;
  if (passesAt(hi)) {
    lo = hi;
    for (let i = 0; i < MAX_DOUBLINGS; i++) {
      const next = hi.times(2);
      if (capSteps && next.gte(capSteps)) {
        hi = capSteps; // fails: checked above
        break;
      }
      if (!passesAt(next)) {
        hi = next;
        break;
      }
      lo = next;
      hi = next;
      if (i === MAX_DOUBLINGS - 1) return { kind: 'none', reason: reason('figure.noSizeLimit') };
    }
  }
  while (hi.minus(lo).gt(1)) {
    const mid = lo.plus(hi).div(2).floor();
    if (passesAt(mid)) lo = mid;
    else hi = mid;
  }
  if (lo.isZero()) return { kind: 'value', value: '0', note: reason('figure.noSizeFits') };
  return { kind: 'value', value: lo.times(lot).toFixed() };
}
