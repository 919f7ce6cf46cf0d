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

/** How the size of one side's order can be varied: its numbers at a size, and the position it acts against. */
export interface SizeSearch {
  /** That mode's numbers at size q: 'flat' when the order closes the position, null when q cannot be (above its bracket). */
  numbersAt(q: Dec): ModeNumbers | 'flat' | null;
  /** The size of the position this side's order reduces (it closes it at that size); null when it opens or adds. */
  against: Dec | null;
  /** Past `against` the order opens the other way (one-way mode, not reduce-only); otherwise it only closes. */
  flipsBeyond: boolean;
}

/** The limits a larger size can only make worse, with the number each compares (actual ≤ threshold). */
function upperBounded(p: Parsed, mode: Mode, n: ModeNumbers): { actual: Dec; bound: Dec }[] {
  const out: { actual: Dec; bound: Dec }[] = [];
  const add = (limit: NumberLimitKey, actual: Dec | null | undefined) => {
    const bound = p.limits[limit];
    if (bound && actual && actual.gt(0)) out.push({ actual, bound: bound.at });
  };
  add('maxLoss', n.worst);
  add('maxLossPct', n.worstPct);
  add('maxStopLossPct', n.stop?.lossPct);
  if (mode === 'cross') add('maxCrossExposure', n.crossExposure);
  return out;
}

/**
 * The largest size (a multiple of the lot step, at most the form's Max) that passes every limit set, for
 * a mode. 0 (with the reason) when a limit no size can meet fails; none when no limit set depends on
 * size, or when the side can only reduce; unavailable when a limit cannot be checked.
 *
 * Sizes up to the position the side acts against only reduce it (each step makes it safer, the exact
 * close passes); past it the order opens exposure and every limit gets worse as the size grows, so the
 * sizes that pass end at one boundary. The boundary is searched from a first guess (the sizes scaled to
 * the tightest proportional limit) by galloping away from it and halving the interval: usually two or
 * three solves.
 */
export function maxSizeWithinLimits(p: Parsed, mode: Mode, current: ModeNumbers, cause: Reason, search: SizeSearch): Figure {
  const checks = checkLimits(p, mode, current, cause);
  const independent = checks.find((c) => (c.limit === 'maxLeverage' || c.limit === 'stopLossRequired') && c.status === 'fail');
  if (independent) return { kind: 'value', value: '0', note: reason('figure.sizeIndependentLimit', { limit: independent.limit }) };
  const bounding = SIZE_LIMITS.filter((l) => p.limits[l] && !(l === 'maxCrossExposure' && mode === 'isolated'));
  if (bounding.length === 0) return { kind: 'none', reason: reason('figure.noSizeLimit') };
  const blocked = checks.find((c) => bounding.includes(c.limit as (typeof bounding)[number]) && c.status === 'unchecked');
  if (blocked) return { kind: 'unavailable', reason: blocked.reason };
  if (!p.lotStep) return { kind: 'unavailable', reason: reason('figure.notComputable') };

  const lot = p.lotStep;
  const one = new D(1);
  const value = (steps: Dec, note?: Reason): Figure => (note ? { kind: 'value', value: steps.times(lot).toFixed(), note } : { kind: 'value', value: steps.times(lot).toFixed() });
  const noneFits: Figure = { kind: 'value', value: '0', note: reason('figure.noSizeFits') };
  const passesAt = (steps: Dec): boolean => {
    if (steps.isZero()) return true;
    const n = search.numbersAt(steps.times(lot));
    if (n === 'flat') return true; // nothing left open: nothing at risk
    if (!n) return false;
    return checkLimits(p, mode, n, cause).every((c) => c.status === 'pass');
  };

  const cap = p.maxQuantity ? p.maxQuantity.div(lot).floor() : null;
  if (cap && passesAt(cap)) return value(cap, reason('figure.cappedByMax', { max: p.maxQuantity!.toFixed() }));
  // Every size up to `from − 1` only reduces; `from` is the first that opens exposure.
  const from = search.against ? search.against.div(lot).floor().plus(one) : one;
  if (search.against && !search.flipsBeyond) return cap ? noneFits : { kind: 'none', reason: reason('figure.onlyReduces') };
  if (cap && cap.lt(from)) return noneFits;
  if (!passesAt(from)) {
    // No size that opens passes: the largest reducing one (the exact close, when it is a whole number of steps), if it does.
    const last = from.minus(one);
    return last.gt(0) && passesAt(last) ? value(last) : noneFits;
  }

  // `from` passes; the boundary lies above it. First guess: the proportional limits scaled to their thresholds.
  const currentSteps = p.quantity.div(lot).floor();
  let guess = from;
  if (currentSteps.gt(from)) {
    for (const { actual, bound } of upperBounded(p, mode, current)) {
      const scaled = from.plus(currentSteps.minus(from).times(bound).div(actual).floor());
      if (guess.eq(from) || scaled.lt(guess)) guess = scaled;
    }
    if (guess.lt(from)) guess = from;
  }
  if (cap && guess.gte(cap)) guess = cap.minus(one);

  let lo: Dec;
  let hi: Dec;
  if (guess.eq(from) || passesAt(guess)) {
    // Gallop up until a size fails (the cap fails: checked above).
    lo = guess;
    let step = one;
    for (let i = 0; ; i++) {
      if (i === MAX_DOUBLINGS) return { kind: 'none', reason: reason('figure.noSizeLimit') };
      const probe = lo.plus(step);
      if (cap && probe.gte(cap)) {
        hi = cap;
        break;
      }
      if (!passesAt(probe)) {
        hi = probe;
        break;
      }
      lo = probe;
      step = step.times(2);
    }
  } else {
    // Gallop down until a size passes (`from` does).
    hi = guess;
    let step = one;
    for (;;) {
      const probe = hi.minus(step);
      if (probe.lte(from)) {
        lo = from;
        break;
      }
      if (passesAt(probe)) {
        lo = probe;
        break;
      }
      hi = probe;
      step = step.times(2);
    }
  }
  while (hi.minus(lo).gt(one)) {
    const mid = lo.plus(hi).div(2).floor();
    if (passesAt(mid)) lo = mid;
    else hi = mid;
  }
  return value(lo);
}
