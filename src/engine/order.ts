/**
 * The one entry point for an order typed on a form: both sides the form can submit, each under isolated
 * and cross, side by side, with every input used, every assumption made and the trader's limits
 * (OrderScenario → Evaluation). The numbers come from order-mode.ts, the limits from limits.ts, the
 * account stress from stress.ts.
 */
import { D, type Dec } from '../shared/decimal';
import type {
  EngineError,
  Evaluation,
  Figure,
  InputUsed,
  Mode,
  ModeFigures,
  OrderScenario,
  PnlPoint,
  Side,
  SideEvaluation,
  StressPoint,
} from '../contracts/evaluation';
import { unavailableFigures } from '../contracts/figures';
import { reason, type Reason } from '../contracts/reasons';
import { asEngineError } from './input';
import { checkLimits, maxSizeWithinLimits } from './limits';
import { reducibleSize } from './merge';
import { parseOrder, type Parsed } from './order-input';
import { modeNumbers, setupSide, sizeSide, tierValue, type ModeNumbers, type SideSetup, type SizedSide } from './order-mode';
import { notionalAt, type Leg } from './position';
import { accountLiquidationMove, stressAt, type StressInput, type StressPosition } from './stress';
import { tierIndexFor } from './tiers';

const ZERO = new D(0);
const HUNDRED = new D(100);
const YES: Figure = { kind: 'value', value: '1' };
const NO: Figure = { kind: 'value', value: '0' };
/** The moves the stress picture shows, in %. */
const STRESS_MOVES = Array.from({ length: 21 }, (_, i) => new D(i * 5 - 50));

const value = (d: Dec, note?: Reason): Figure => (note ? { kind: 'value', value: d.toFixed(), note } : { kind: 'value', value: d.toFixed() });
const none = (why: Reason): Figure => ({ kind: 'none', reason: why });
const unavailable = (why: Reason): Figure => ({ kind: 'unavailable', reason: why });

/** The cross account of a mode's numbers, for the uniform-move stress: each position with its own maintenance. */
function stressInput(p: Parsed, n: ModeNumbers): StressInput {
  const rule = p.rule;
  const fromLeg = (leg: Leg): StressPosition => {
    const m = leg.maintenance;
    let rate = ZERO;
    let amount = ZERO;
    if (m.kind === 'fixed') ({ rate, amount } = m.tier);
    if (m.kind === 'table') {
      // The tier the solver starts from: at the entry value or at the mark, as the rule's `tierBasis` says.
      const index = tierIndexFor(m.table, tierValue(p, leg.q, rule.tierBasis === 'entry' ? leg.entry! : leg.mark!));
      ({ rate, amount } = m.table.tiers[index === 'beyond-table' ? m.table.tiers.length - 1 : index]!);
    }
    return {
      s: leg.s, q: leg.q, mark: leg.mark!, rate, amount,
      // A contract count does not change with the price: only a table by notional can be re-checked.
      tiers: m.kind === 'table' && p.tierUnit === 'notional' ? m.table : null,
      entryValue: rule.requirementAt === 'entry' ? leg.q.times(leg.entry!) : null,
      own: true,
    };
  };
  const others: StressPosition[] = p.cross!.others.map((o) => ({ s: o.s, q: o.q, mark: o.mark, rate: o.rate, amount: o.amount, tiers: o.tiers, entryValue: null, own: false }));
  return { rule, takerRate: p.takerRate, equity: n.r.equity, positions: [...n.input.legs.map(fromLeg), ...others] };
}

function stressFigures(p: Parsed, n: ModeNumbers): { move: Figure; points: StressPoint[] } {
  // No maintenance for the position (e.g. past the end of a partial table): no account requirement either.
  const noMaintenance = n.r.unavailable.maintenanceMargin;
  if (noMaintenance) return { move: unavailable(noMaintenance), points: [] };
  const input = stressInput(p, n);
  const move = accountLiquidationMove(input);
  const points = STRESS_MOVES.map((pct): StressPoint => {
    const at = stressAt(input, pct.div(HUNDRED));
    return {
      movePct: pct.toFixed(),
      equity: at.equity.toFixed(),
      requirement: at.requirement.toFixed(),
      marginRatioPct: at.equity.gt(0) ? at.requirement.times(HUNDRED).div(at.equity).toFixed() : null,
    };
  });
  if (move === null) return { move: none(reason('figure.noAccountLiquidation')), points };
  const now = stressAt(input, ZERO);
  const note = move.isZero() ? reason('figure.liquidatesNow', { equity: now.equity.toFixed(), requirement: now.requirement.toFixed() }) : undefined;
  return { move: value(move.times(HUNDRED), note), points };
}

/** PnL against price for the position a side leaves, net of the fee to open, down to its loss floor. */
function pnlLine(n: ModeNumbers, openFee: Dec, axis: { low: Dec; high: Dec }): PnlPoint[] {
  const { leg, liq, worst } = n;
  const long = leg.side === 'long';
  const at = (price: Dec) => leg.size.times(long ? price.minus(leg.entry) : leg.entry.minus(price)).minus(openFee);
  const floor = worst.neg();
  const point = (price: Dec, pnl: Dec): PnlPoint => ({ price: price.toFixed(), pnl: pnl.toFixed() });
  const line = (from: Dec, to: Dec) => [point(from, D.max(at(from), floor)), point(to, D.max(at(to), floor))];
  if (!liq || liq.lte(axis.low) || liq.gte(axis.high)) return line(axis.low, axis.high);
  // Past the liquidation price the loss is the floor: the position is gone.
  return long
    ? [point(axis.low, floor), point(liq, floor), point(liq, at(liq)), point(axis.high, at(axis.high))]
    : [point(axis.low, at(axis.low)), point(liq, at(liq)), point(liq, floor), point(axis.high, floor)];
}

/** The margin ratio as the venue states it (rules.ts): the requirement's share of the equity, or the equity's cover of the requirement. */
function marginRatioOf(p: Parsed, r: ModeNumbers['r']): Figure {
  if (!r.requirement) return unavailable(reason('figure.notComputable'));
  if (!r.equity.gt(0)) return unavailable(reason('figure.equityNotPositive'));
  // ×100 before the division: a short multiplication instead of one with the 40-digit quotient.
  if (p.rule.marginRatio === 'requirementShare') return value(r.requirement.times(HUNDRED).div(r.equity));
  return r.requirement.gt(0) ? value(r.equity.times(HUNDRED).div(r.requirement), reason('figure.marginRatioEquityCover')) : unavailable(reason('figure.notComputable'));
}

function modeFigures(p: Parsed, setup: SideSetup, sized: Extract<SizedSide, { kind: 'position' }>, n: ModeNumbers, mode: Mode): ModeFigures {
  const { r, leg, liq } = n;
  const openFeeFigure = value(sized.openFee);
  const initialMargin = value(sized.merged.openedQuantity.times(p.price).div(p.leverage));
  const worstCaseLoss = value(n.worst);
  const worstCaseLossPct = n.worstPct ? value(n.worstPct) : unavailable(reason('figure.accountUnknown'));
  const closeFeeAt = (price: Dec) => notionalAt(leg.size, price, false).times(p.takerRate);
  const noLiquidation = reason('figure.noLiquidation');
  const cause = reason('figure.notComputable');
  const maxSize = maxSizeWithinLimits(p, mode, n, cause, {
    numbersAt: (q: Dec) => {
      const s = sizeSide(p, setup, q, []);
      return s.kind === 'position' ? modeNumbers(p, setup, s, mode) : s.kind === 'flat' ? 'flat' : null;
    },
    against: reducibleSize({ existing: p.existing, side: setup.side, action: setup.action, positionMode: setup.positionMode }),
    flipsBeyond: setup.positionMode === 'oneWay' && !p.reduceOnly,
  });
  const stress = mode === 'cross' ? stressFigures(p, n) : { move: none(reason('figure.isolatedNoStress')), points: [] };
  const carry = p.funding
    ? value(notionalAt(leg.size, setup.fillMark, false).times(p.funding.rate).times(p.funding.intervals).times(leg.side === 'long' ? 1 : -1))
    : unavailable(reason('figure.noFundingRate'));
  const noStop = n.stopWrongSide && p.stopLoss ? none(reason('figure.stopOnWrongSide', { stop: p.stopLoss.toFixed(), side: leg.side })) : none(reason('figure.noStopLoss'));
  let stopWarning: Reason | null = null;
  if (n.stop && liq) {
    const buffer = p.limits.minStopBufferPct;
    if (n.stop.beyond) stopWarning = reason('stop.beyondLiquidation', { stop: n.stop.at.toFixed(), liquidation: liq.toFixed() });
    else if (buffer && n.stop.bufferPct && n.stop.bufferPct.lt(buffer.at)) stopWarning = reason('stop.insideBuffer', { buffer: n.stop.bufferPct.toFixed(), threshold: buffer.text });
  }
  const common = {
    initialMargin,
    openFee: openFeeFigure,
    worstCaseLoss,
    worstCaseLossPct,
    maxSizeWithinLimits: maxSize,
    fundingCarry: carry,
    accountLiquidationMovePct: stress.move,
    stress: stress.points,
    limits: checkLimits(p, mode, n, cause),
    pnl: [] as PnlPoint[],
  };
  const maintenanceMargin = r.maintenanceMargin ? value(r.maintenanceMargin) : unavailable(r.unavailable.maintenanceMargin ?? cause);
  const maintenanceRate = r.maintenanceRate ? value(r.maintenanceRate) : unavailable(cause);
  const tier: Figure = r.tier ? { kind: 'value', value: r.tier } : none(reason('figure.assumedRate'));
  if (r.liquidatesNow) {
    // Equity at the marks is already at or below the requirement: no price to move to, it liquidates now.
    const now = unavailable(reason('figure.liquidatesNow', { equity: r.equity.toFixed(), requirement: (r.requirement ?? ZERO).toFixed() }));
    return {
      ...common,
      liquidationPrice: now, bankruptcyPrice: now, liquidationDistancePct: now, maintenanceMargin, maintenanceRate, tier,
      closeFee: value(closeFeeAt(p.mark)), liquidationFee: now, stopLossLoss: worstCaseLoss, stopBeyondLiquidation: YES, marginRatio: now,
      stopBufferPct: now, stopWarning,
    };
  }
  let liquidationFee = none(noLiquidation);
  if (!p.liquidationFeeRate) liquidationFee = none(reason('figure.noLiquidationFeeRate'));
  else if (liq) liquidationFee = value(notionalAt(leg.size, liq, false).times(p.liquidationFeeRate));
  const marginRatio = marginRatioOf(p, r);
  return {
    ...common,
    liquidationPrice: liq ? value(liq) : none(noLiquidation),
    bankruptcyPrice: r.bankruptcyPrice ? value(r.bankruptcyPrice) : none(reason('figure.noBankruptcy')),
    liquidationDistancePct: n.distance ? value(n.distance) : none(noLiquidation),
    maintenanceMargin,
    maintenanceRate,
    tier,
    closeFee: value(closeFeeAt(liq ?? p.mark)),
    liquidationFee,
    stopLossLoss: n.stop ? value(n.stop.loss) : noStop,
    stopBeyondLiquidation: n.stop ? (n.stop.beyond ? YES : NO) : noStop,
    stopBufferPct: !n.stop ? noStop : n.stop.bufferPct ? value(n.stop.bufferPct) : none(noLiquidation),
    marginRatio,
    stopWarning,
  };
}

function flatFigures(openFee: Dec, why: Reason): ModeFigures {
  const n = none(why);
  return {
    liquidationPrice: n, bankruptcyPrice: n, liquidationDistancePct: n, initialMargin: value(ZERO), maintenanceMargin: value(ZERO),
    maintenanceRate: n, tier: n, openFee: value(openFee), closeFee: value(ZERO), liquidationFee: n, worstCaseLoss: value(openFee),
    worstCaseLossPct: n, stopLossLoss: n, stopBeyondLiquidation: n, marginRatio: n, maxSizeWithinLimits: n, stopBufferPct: n,
    fundingCarry: n, accountLiquidationMovePct: n, stopWarning: null, limits: [], stress: [], pnl: [],
  };
}

/** Every price the figures of a side name, with 10 % of room on each side: the pictures' axis. */
function axisOf(p: Parsed, setup: SideSetup, entry: Dec, modes: ModeFigures[]): { low: Dec; high: Dec } {
  const prices: Dec[] = [p.mark, setup.fillMark, entry];
  if (p.stopLoss) prices.push(p.stopLoss);
  for (const m of modes) {
    for (const f of [m.liquidationPrice, m.bankruptcyPrice]) if (f.kind === 'value') prices.push(new D(f.value));
  }
  const low = D.min(...prices).times('0.9');
  const high = D.max(...prices).times('1.1');
  return { low: low.toSignificantDigits(8, D.ROUND_DOWN), high: high.toSignificantDigits(8, D.ROUND_UP) };
}

function evaluateSide(sc: OrderScenario, p: Parsed, side: Side, assumptions: Reason[]): SideEvaluation {
  const crossUnavailable = !p.rule.crossSupported
    ? reason('input.crossNotSupported', { rule: sc.rule })
    : (sc.account.crossUnavailable ?? reason('figure.crossUnavailable'));
  const setup = setupSide(sc, p, side);
  const sized: SizedSide = sc.order.sizeUnknown ? { kind: 'refused', why: sc.order.sizeUnknown } : sizeSide(p, setup, p.quantity, assumptions);
  // A mode without figures still lists every limit set: unchecked with the cause (the leverage and the stop requirement need no figure).
  const unpriced = (mode: Mode, why: Reason): ModeFigures => ({ ...unavailableFigures(why), limits: checkLimits(p, mode, null, why) });
  if (sized.kind === 'refused') {
    const cross = unpriced('cross', p.cross ? sized.why : crossUnavailable);
    return { side, effect: p.reduceOnly ? 'reduces' : null, resulting: null, axis: null, isolated: unpriced('isolated', sized.why), cross };
  }
  if (sized.kind === 'flat') {
    const flat = flatFigures(sized.openFee, sized.why);
    return { side, effect: sized.merged.effect, resulting: null, axis: null, isolated: flat, cross: p.cross ? flat : unavailableFigures(crossUnavailable) };
  }
  if (setup.crossesMark) assumptions.push(reason('assume.limitCrossesMark', { side }));
  const isolatedNumbers = modeNumbers(p, setup, sized, 'isolated');
  const crossNumbers = p.cross ? modeNumbers(p, setup, sized, 'cross') : null;
  const isolated = modeFigures(p, setup, sized, isolatedNumbers, 'isolated');
  const cross = crossNumbers ? modeFigures(p, setup, sized, crossNumbers, 'cross') : unpriced('cross', crossUnavailable);
  const leg = sized.merged.leg;
  const axis = axisOf(p, setup, leg.entry, crossNumbers ? [isolated, cross] : [isolated]);
  isolated.pnl = pnlLine(isolatedNumbers, sized.openFee, axis);
  if (crossNumbers) cross.pnl = pnlLine(crossNumbers, sized.openFee, axis);
  return {
    side,
    effect: sized.merged.effect,
    resulting: { side: leg.side, size: leg.size.toFixed(), entryPrice: leg.entry.toFixed() },
    axis: { low: axis.low.toFixed(), high: axis.high.toFixed() },
    isolated,
    cross,
  };
}

function inputsUsed(sc: OrderScenario, p: Parsed): { inputs: InputUsed[]; assumptions: Reason[] } {
  const q = sc.quoteAsset;
  const inputs: InputUsed[] = [
    { item: 'price', value: p.price.toFixed(), source: sc.order.type === 'market' ? 'markForMarketOrder' : 'limitPrice' },
    { item: 'leverage', value: p.leverage.toFixed(), unit: 'x', source: 'orderForm' },
    { item: 'markPrice', value: p.mark.toFixed(), source: 'pageHeader' },
    { item: 'takerFee', value: p.takerRate.times(HUNDRED).toFixed(), unit: '%', source: 'settings' },
  ];
  if (!sc.order.sizeUnknown) inputs.splice(1, 0, { item: 'quantity', value: p.quantity.toFixed(), source: 'orderForm' });
  const assumptions: Reason[] = [];
  const m = sc.market.maintenance;
  if ('table' in m) {
    inputs.push({ item: 'maintenanceTiers', value: m.table.symbol, source: 'bundledTable', provenance: `${m.table.asOf ?? 'undated'}: ${m.table.source}` });
    if (m.table.partial) assumptions.push(reason('assume.partialTierTable', { symbol: m.table.symbol }));
  } else {
    inputs.push({ item: 'maintenanceTiers', value: new D(m.assumedRate).times(HUNDRED).toFixed(), unit: '%', source: 'assumption' });
  }
  if (p.cross) {
    inputs.push({ item: 'crossWallet', value: p.cross.wallet.toFixed(), unit: q, source: 'accountPanel' });
    inputs.push({ item: 'otherCrossPositions', value: String(p.cross.others.length), source: 'positionsList' });
  }
  for (const leg of p.existing) {
    inputs.push({ item: 'existingPosition', value: `${leg.side} ${leg.size.toFixed()} @ ${leg.entry.toFixed()} (${leg.mode})`, source: 'positionsList' });
  }
  if (p.addedMargin.gt(0)) inputs.push({ item: 'addedIsolatedMargin', value: p.addedMargin.toFixed(), unit: q, source: 'user' });
  if (p.stopLoss) inputs.push({ item: 'stopLoss', value: p.stopLoss.toFixed(), source: 'orderForm' });
  if (p.accountEquity) inputs.push({ item: 'accountEquity', value: p.accountEquity.toFixed(), unit: q, source: 'accountPanel' });
  if (p.reduceOnly) inputs.push({ item: 'reduceOnly', value: 'on', source: 'orderForm' });
  return { inputs, assumptions };
}

export function evaluateOrder(sc: OrderScenario): Evaluation | EngineError {
  try {
    const p = parseOrder(sc);
    const { inputs, assumptions } = inputsUsed(sc, p);
    const sides = sc.sides.map((side) => evaluateSide(sc, p, side, assumptions));
    const unique = new Map(assumptions.map((a) => [JSON.stringify(a), a]));
    return { symbol: sc.symbol, quoteAsset: sc.quoteAsset, currentMode: sc.account.currentMode, sides, inputs, assumptions: [...unique.values()] };
  } catch (err) {
    return asEngineError(err, 'order');
  }
}
