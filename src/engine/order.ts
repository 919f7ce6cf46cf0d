import { D, type Dec } from '../shared/decimal';
import type {
  EngineError,
  Evaluation,
  ExistingLeg,
  Figure,
  InputUsed,
  LimitCheck,
  Mode,
  ModeFigures,
  OrderScenario,
  RiskLimits,
  Side,
  SideEvaluation,
} from '../contracts/evaluation';
import { reason, type Reason } from '../contracts/reasons';
import { unavailableFigures, unavailableSide } from '../contracts/figures';
import { mergeOrder, type LegState, type MergedLeg } from './merge';
import { notionalAt, solvePosition, type Leg, type Maintenance, type OtherPosition, type PositionInput, type Sign } from './position';
import { isRuleId, RULES, type VenueRule } from './rules';
import { asEngineError, FieldError, invalid, parseDecimal, type SignCheck } from './input';
import { tiersFromTable } from './tables';
import { tierIndexFor, TierTableError } from './tiers';

/**
 * The one entry point for an order typed on a form: both sides the form can submit, each under isolated
 * and cross, side by side, with every input used and every assumption made (OrderScenario → Evaluation).
 */

const ZERO = new D(0);
const HUNDRED = new D(100);
const YES: Figure = { kind: 'value', value: '1' };
const NO: Figure = { kind: 'value', value: '0' };

const value = (d: Dec): Figure => ({ kind: 'value', value: d.toFixed() });
const none = (why: Reason): Figure => ({ kind: 'none', reason: why });
const unavailable = (why: Reason): Figure => ({ kind: 'unavailable', reason: why });
const NO_STOP = none(reason('figure.noStopLoss'));

/** A required decimal from an OrderScenario string field. */
function dec(text: string | undefined, field: string, check: SignCheck = 'positive'): Dec {
  if (text === undefined || text === '') throw invalid(field, 'input.missing', { field });
  return parseDecimal(text, field, check);
}

const optionalDec = (text: string | undefined, field: string, check: SignCheck = 'positive') =>
  text === undefined || text === '' ? undefined : dec(text, field, check);

const SYMBOL = /^[\p{L}\p{N}][\p{L}\p{N}:_-]{0,39}$/u;
const LIMIT_KEYS = ['maxLoss', 'maxLossPct', 'minLiquidationDistancePct', 'maxLeverage'] as const satisfies readonly (keyof RiskLimits)[];

interface Parsed {
  rule: VenueRule;
  price: Dec;
  quantity: Dec;
  leverage: Dec;
  mark: Dec;
  /** 100/mark and 100/accountEquity: each percentage is then one multiplication. */
  pctOfMark: Dec;
  takerRate: Dec;
  liquidationFeeRate?: Dec;
  stopLoss?: Dec;
  maintenance: Maintenance;
  existing: { side: Side; size: Dec; entry: Dec; mode: Mode; isolatedMargin?: Dec }[];
  cross?: { wallet: Dec; others: OtherPosition[] };
  addedMargin: Dec;
  accountEquity?: Dec;
  pctOfEquity?: Dec;
  /** Each limit set, with its text for the check reasons (written once per evaluation, not per mode). */
  limits: { [K in keyof RiskLimits]?: { at: Dec; text: string } };
}

function parse(sc: OrderScenario): Parsed {
  if (!isRuleId(sc.rule)) throw invalid('rule', 'input.unknownRule', { rule: String(sc.rule) });
  const rule = RULES[sc.rule];
  if (typeof sc.symbol !== 'string' || !SYMBOL.test(sc.symbol)) throw invalid('symbol', 'input.unknownSymbol', { symbol: String(sc.symbol) });
  const price = dec(sc.order.price, 'order.price');
  const quantity = dec(sc.order.quantity, 'order.quantity');
  const leverage = dec(sc.order.leverage, 'order.leverage');
  const mark = dec(sc.market.markPrice, 'market.markPrice');
  const takerRate = dec(sc.market.takerRate, 'market.takerRate', 'nonNegative');
  if (takerRate.gte(1)) throw invalid('market.takerRate', 'input.fraction', { field: 'market.takerRate', value: takerRate.toFixed() });
  let maintenance: Maintenance;
  const m = sc.market.maintenance;
  if ('table' in m) {
    try {
      maintenance = { kind: 'table', table: tiersFromTable(m.table, rule) };
    } catch (err) {
      if (err instanceof TierTableError) throw new FieldError('market.maintenance', err.reason.code, err.reason.params as Record<string, string>);
      throw err;
    }
  } else {
    const rate = dec(m.assumedRate, 'market.maintenance.assumedRate', 'nonNegative');
    if (rate.gte(1)) throw invalid('market.maintenance.assumedRate', 'input.fraction', { field: 'market.maintenance.assumedRate', value: rate.toFixed() });
    const amount = dec(m.assumedAmount, 'market.maintenance.assumedAmount', 'any');
    maintenance = { kind: 'fixed', tier: { label: '', floor: null, maxLeverage: null, rate, amount } };
  }
  const existing = sc.account.existing.map((leg: ExistingLeg, i) => ({
    side: leg.side,
    size: dec(leg.size, `account.existing[${i}].size`),
    entry: dec(leg.entryPrice, `account.existing[${i}].entryPrice`),
    mode: leg.mode,
    isolatedMargin: optionalDec(leg.isolatedMargin, `account.existing[${i}].isolatedMargin`, 'nonNegative'),
  }));
  let cross: Parsed['cross'];
  if (sc.account.cross) {
    cross = {
      wallet: dec(sc.account.cross.walletBalance, 'account.cross.walletBalance', 'any'),
      others: sc.account.cross.otherPositions.map((o, i) => {
        const path = `account.cross.otherPositions[${i}]`;
        return {
          s: (o.side === 'long' ? 1 : -1) as Sign,
          q: dec(o.size, `${path}.size`),
          entry: dec(o.entryPrice, `${path}.entryPrice`),
          mark: dec(o.markPrice, `${path}.markPrice`),
          inverse: false,
          rate: dec(o.maintenanceRate, `${path}.maintenanceRate`, 'nonNegative'),
          amount: dec(o.maintenanceAmount, `${path}.maintenanceAmount`, 'any'),
        };
      }),
    };
  }
  const accountEquity = optionalDec(sc.account.accountEquity, 'account.accountEquity');
  const limits: Parsed['limits'] = {};
  for (const key of LIMIT_KEYS) {
    const at = optionalDec(sc.limits?.[key], `limits.${key}`);
    if (at) limits[key] = { at, text: at.toFixed() };
  }
  return {
    rule,
    price,
    quantity,
    leverage,
    mark,
    pctOfMark: HUNDRED.div(mark),
    takerRate,
    liquidationFeeRate: optionalDec(sc.market.liquidationFeeRate, 'market.liquidationFeeRate', 'nonNegative'),
    stopLoss: optionalDec(sc.order.stopLoss, 'order.stopLoss'),
    maintenance,
    existing,
    cross,
    addedMargin: optionalDec(sc.account.addedIsolatedMargin, 'account.addedIsolatedMargin', 'nonNegative') ?? ZERO,
    accountEquity,
    pctOfEquity: accountEquity ? HUNDRED.div(accountEquity) : undefined,
    limits,
  };
}

/** The bracket's maximum leverage when the position this side leaves is above it; undefined when allowed. */
function leverageAboveBracket(p: Parsed, notional: Dec): Reason | undefined {
  if (p.maintenance.kind !== 'table') return undefined;
  const index = tierIndexFor(p.maintenance.table, notional);
  if (index === 'beyond-table') return undefined;
  const tier = p.maintenance.table.tiers[index]!;
  if (!tier.maxLeverage || !p.leverage.gt(tier.maxLeverage)) return undefined;
  return reason('figure.aboveBracketLeverage', {
    leverage: p.leverage.toFixed(),
    max: tier.maxLeverage.toFixed(),
    tier: tier.label,
    notional: notional.toDecimalPlaces(2).toFixed(),
  });
}

function toLeg(m: { side: Side; size: Dec; entry: Dec }, mark: Dec, maintenance: Maintenance): Leg {
  return { s: m.side === 'long' ? 1 : -1, q: m.size, entry: m.entry, mark, contracts: null, maintenance };
}

/** Figures both modes share for one side: the fee to open and the margin the order needs. */
interface Shared {
  openFee: Dec;
  openFeeFigure: Figure;
  initialMargin: Figure;
  /**
   * The symbol's mark when the order fills: a limit resting on the passive side (buy below the mark,
   * sell above) fills only once the price has come to it, so it is valued at its own price then
   * (as one venue's published reference estimator does, docs/engine.md); anything marketable fills around the current mark.
   */
  fillMark: Dec;
  /** The stop-loss outcome if it fills; `at` is set only for a stop on the losing side. */
  stop: { at?: Dec; loss: Figure; beyond: Figure };
}

/** What a stop-loss costs if it fills: price loss from the entry, the fee to open and the fee to close at the stop. */
function stopOutcome(p: Parsed, leg: LegState, openFee: Dec): Shared['stop'] {
  if (!p.stopLoss) return { loss: NO_STOP, beyond: NO_STOP };
  const long = leg.side === 'long';
  if (long ? !p.stopLoss.lt(leg.entry) : !p.stopLoss.gt(leg.entry)) {
    const wrong = none(reason('figure.stopOnWrongSide', { stop: p.stopLoss.toFixed(), side: leg.side }));
    return { loss: wrong, beyond: wrong };
  }
  const priceLoss = leg.size.times(long ? leg.entry.minus(p.stopLoss) : p.stopLoss.minus(leg.entry));
  const closeAtStop = leg.size.times(p.stopLoss).times(p.takerRate);
  return { at: p.stopLoss, loss: value(priceLoss.plus(openFee).plus(closeAtStop)), beyond: NO };
}

function modeFigures(p: Parsed, merged: MergedLeg, mode: Mode, shared: Shared): ModeFigures {
  const { openFee } = shared;
  const rule = p.rule;
  const leg = merged.leg!;
  const legs: Leg[] = [toLeg(leg, shared.fillMark, p.maintenance)];
  let position: PositionInput;
  if (mode === 'isolated') {
    const margin = merged.isolatedMargin.plus(p.addedMargin);
    position = { rule, inverse: false, legs, leverage: p.leverage, collateral: { kind: 'isolated', margin }, orderMargin: ZERO, takerRate: p.takerRate, others: [], tierUnit: 'notional' };
  } else {
    const cross = p.cross!;
    if (merged.opposite) legs.push(toLeg(merged.opposite, shared.fillMark, p.maintenance));
    // The fill pays its fee from the wallet; the closed part's realised PnL lands there too.
    const balance = cross.wallet.plus(merged.realizedPnl).minus(openFee);
    position = { rule, inverse: false, legs, leverage: p.leverage, collateral: { kind: 'wallet', balance }, orderMargin: ZERO, takerRate: p.takerRate, others: cross.others, tierUnit: 'notional' };
  }
  const r = solvePosition(position);
  const s = leg.side === 'long' ? 1 : -1;

  // The worst case, defined once for both modes and for `calc` (position.ts), plus the fee to open.
  const worst = r.worstCaseLoss.plus(openFee);
  const worstPct = p.pctOfEquity ? worst.times(p.pctOfEquity) : undefined;
  const worstCaseLoss = value(worst);
  const worstCaseLossPct = worstPct ? value(worstPct) : unavailable(reason('figure.accountUnknown'));

  const closeFeeAt = (price: Dec) => notionalAt(leg.size, price, false).times(p.takerRate);
  if (r.liquidatesNow) {
    // Equity at the marks is already at or below the requirement: no price to move to, it liquidates now.
    const now = unavailable(reason('figure.liquidatesNow', { equity: r.equity.toFixed(), requirement: (r.requirement ?? ZERO).toFixed() }));
    return {
      liquidationPrice: now, bankruptcyPrice: now, liquidationDistancePct: now, initialMargin: shared.initialMargin,
      maintenanceMargin: r.maintenanceMargin ? value(r.maintenanceMargin) : now, maintenanceRate: r.maintenanceRate ? value(r.maintenanceRate) : now,
      tier: r.tier ? { kind: 'value', value: r.tier } : none(reason('figure.assumedRate')), openFee: shared.openFeeFigure, closeFee: value(closeFeeAt(p.mark)),
      liquidationFee: now, worstCaseLoss, worstCaseLossPct, stopLossLoss: worstCaseLoss, stopBeyondLiquidation: YES, marginRatio: now,
      limitChecks: limitChecks(p, worst, worstPct, ZERO),
    };
  }

  const liq = r.liquidationPrice;
  const noLiquidation = reason('figure.noLiquidation');
  const liquidationPrice = liq ? value(liq) : none(noLiquidation);
  const distance = liq ? (s === 1 ? p.mark.minus(liq) : liq.minus(p.mark)).times(p.pctOfMark) : undefined;
  const closeFee = closeFeeAt(liq ?? p.mark);
  let liquidationFee = none(noLiquidation);
  if (!p.liquidationFeeRate) liquidationFee = none(reason('figure.noLiquidationFeeRate'));
  else if (liq) liquidationFee = value(notionalAt(leg.size, liq, false).times(p.liquidationFeeRate));

  let stopLossLoss: Figure = shared.stop.loss;
  let stopBeyond: Figure = shared.stop.beyond;
  if (shared.stop.at && liq && (s === 1 ? shared.stop.at.lte(liq) : shared.stop.at.gte(liq))) {
    // Liquidation comes first: the stop never fills, the loss is the worst case.
    stopBeyond = YES;
    stopLossLoss = worstCaseLoss;
  }

  // ×100 before the division: a short multiplication instead of one with the 40-digit quotient.
  const marginRatio = r.requirement && r.equity.gt(0) ? value(r.requirement.times(HUNDRED).div(r.equity)) : unavailable(reason('figure.equityNotPositive'));
  const notComputable = unavailable(reason('figure.notComputable'));
  return {
    liquidationPrice,
    bankruptcyPrice: r.bankruptcyPrice ? value(r.bankruptcyPrice) : none(reason('figure.noBankruptcy')),
    liquidationDistancePct: distance ? value(distance) : none(noLiquidation),
    initialMargin: shared.initialMargin,
    maintenanceMargin: r.maintenanceMargin ? value(r.maintenanceMargin) : unavailable(r.unavailable.maintenanceMargin ?? reason('figure.notComputable')),
    maintenanceRate: r.maintenanceRate ? value(r.maintenanceRate) : notComputable,
    tier: r.tier ? { kind: 'value', value: r.tier } : none(reason('figure.assumedRate')),
    openFee: shared.openFeeFigure,
    closeFee: value(closeFee),
    liquidationFee,
    worstCaseLoss,
    worstCaseLossPct,
    stopLossLoss,
    stopBeyondLiquidation: stopBeyond,
    marginRatio,
    limitChecks: limitChecks(p, worst, worstPct, distance),
  };
}

/** The trader's limits against this mode's figures (the figures themselves stand next to the check). */
function limitChecks(p: Parsed, worst: Dec, worstPct: Dec | undefined, distance: Dec | undefined): LimitCheck[] {
  const checks: LimitCheck[] = [];
  const { maxLoss, maxLossPct, minLiquidationDistancePct: minDistance, maxLeverage } = p.limits;
  const check = (limit: LimitCheck['limit'], ok: boolean, bound: { text: string }, actual: Dec) =>
    checks.push({ limit, ok, reason: reason(`limit.${limit}`, { ok: ok ? 'yes' : 'no', limit: bound.text, actual: actual.toFixed() }) });
  if (maxLoss) check('maxLoss', worst.lte(maxLoss.at), maxLoss, worst);
  if (maxLossPct && worstPct) check('maxLossPct', worstPct.lte(maxLossPct.at), maxLossPct, worstPct);
  if (minDistance && distance) check('minLiquidationDistancePct', distance.gte(minDistance.at), minDistance, distance);
  if (maxLeverage) check('maxLeverage', p.leverage.lte(maxLeverage.at), maxLeverage, p.leverage);
  return checks;
}

function flatFigures(openFee: Dec): ModeFigures {
  const n = none(reason('figure.closesPosition'));
  return {
    liquidationPrice: n, bankruptcyPrice: n, liquidationDistancePct: n, initialMargin: value(ZERO), maintenanceMargin: value(ZERO),
    maintenanceRate: n, tier: n, openFee: value(openFee), closeFee: value(ZERO), liquidationFee: n, worstCaseLoss: value(openFee),
    worstCaseLossPct: n, stopLossLoss: n, stopBeyondLiquidation: n, marginRatio: n, limitChecks: [],
  };
}

function inputsUsed(sc: OrderScenario, p: Parsed): { inputs: InputUsed[]; assumptions: Reason[] } {
  const q = sc.quoteAsset;
  const inputs: InputUsed[] = [
    { item: 'price', value: p.price.toFixed(), source: sc.order.type === 'market' ? 'markForMarketOrder' : 'limitPrice' },
    { item: 'quantity', value: p.quantity.toFixed(), source: 'orderForm' },
    { item: 'leverage', value: p.leverage.toFixed(), unit: 'x', source: 'orderForm' },
    { item: 'markPrice', value: p.mark.toFixed(), source: 'pageHeader' },
    { item: 'takerFee', value: p.takerRate.times(HUNDRED).toFixed(), unit: '%', source: 'settings' },
  ];
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
  return { inputs, assumptions };
}

function evaluateSide(sc: OrderScenario, p: Parsed, side: Side, openFee: Dec, assumptions: Reason[]): SideEvaluation {
  const crossUnavailable = sc.account.crossUnavailable ?? reason('figure.crossUnavailable');
  const merged = mergeOrder({ existing: p.existing, side, action: sc.action, positionMode: sc.positionMode, quantity: p.quantity, price: p.price, leverage: p.leverage, assumptions });
  const leg = merged.leg;
  if (!leg) {
    const flat = flatFigures(openFee);
    return { side, resulting: null, isolated: flat, cross: p.cross ? flat : unavailableFigures(crossUnavailable) };
  }
  // Over its bracket's leverage, this side cannot be opened; the other side stands on its own.
  const tooHigh = leverageAboveBracket(p, leg.size.times(leg.entry));
  if (tooHigh) return unavailableSide(side, tooHigh);
  const buying = (side === 'long') === (sc.action === 'open');
  const passive = sc.order.type === 'limit' && (buying ? p.price.lt(p.mark) : p.price.gt(p.mark));
  if (sc.order.type === 'limit' && !passive && !p.price.eq(p.mark)) assumptions.push(reason('assume.limitCrossesMark', { side }));
  const shared: Shared = {
    openFee,
    openFeeFigure: value(openFee),
    initialMargin: value(merged.openedQuantity.times(p.price).div(p.leverage)),
    fillMark: passive ? p.price : p.mark,
    stop: stopOutcome(p, leg, openFee),
  };
  return {
    side,
    resulting: { side: leg.side, size: leg.size.toFixed(), entryPrice: leg.entry.toFixed() },
    isolated: modeFigures(p, merged, 'isolated', shared),
    cross: p.cross ? modeFigures(p, merged, 'cross', shared) : unavailableFigures(crossUnavailable),
  };
}

export function evaluateOrder(sc: OrderScenario): Evaluation | EngineError {
  try {
    const p = parse(sc);
    const { inputs, assumptions } = inputsUsed(sc, p);
    const openFee = p.quantity.times(p.price).times(p.takerRate);
    const sides = sc.sides.map((side) => evaluateSide(sc, p, side, openFee, assumptions));
    const unique = new Map(assumptions.map((a) => [JSON.stringify(a), a]));
    return { symbol: sc.symbol, quoteAsset: sc.quoteAsset, currentMode: sc.account.currentMode, sides, inputs, assumptions: [...unique.values()] };
  } catch (err) {
    return asEngineError(err, 'order');
  }
}
