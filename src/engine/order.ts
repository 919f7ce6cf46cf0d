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
} from './evaluation';
import { mergeOrder, type LegState, type MergedLeg } from './merge';
import { notionalAt, solvePosition, type Leg, type Maintenance, type OtherPosition, type PositionScenario, type Sign } from './position';
import { VENUE_RULES, VENUES } from './rules';
import { FieldError, fieldError, parseDecimal, type SignCheck } from './input';
import { tiersFromTable } from './tables';
import { tierIndexFor, TierTableError } from './tiers';

/**
 * The one entry point for an order typed on a form: both sides the form can submit, each under isolated
 * and cross, side by side, with every input used and every assumption made (OrderScenario → Evaluation).
 */

const ZERO = new D(0);
const HUNDRED = new D(100);
const YES: Figure = { kind: 'value', value: '1' };
const NO_STOP: Figure = { kind: 'none', reason: 'no stop-loss set' };
const NO: Figure = { kind: 'value', value: '0' };

const value = (d: Dec): Figure => ({ kind: 'value', value: d.toFixed() });
const none = (reason: string): Figure => ({ kind: 'none', reason });
const unavailable = (reason: string): Figure => ({ kind: 'unavailable', reason });

/** A required decimal from an OrderScenario string field. */
function dec(text: string | undefined, field: string, check: SignCheck = 'positive'): Dec {
  if (typeof text !== 'string' || text.trim() === '') throw new FieldError(field, `${field} is missing`);
  return parseDecimal(text, field, check);
}

const optionalDec = (text: string | undefined, field: string, check: SignCheck = 'positive') =>
  text === undefined || text === '' ? undefined : dec(text, field, check);

const SYMBOL = /^[A-Z0-9][A-Z0-9:_-]{1,39}$/;

interface Parsed {
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
  /** Each limit set, with its text for the check messages (written once per evaluation, not per mode). */
  limits: { [K in keyof RiskLimits]?: { at: Dec; text: string } };
}

function parse(sc: OrderScenario): Parsed {
  if (!VENUES.includes(sc.venue)) throw new FieldError('venue', `unknown venue ${JSON.stringify(sc.venue)}`);
  if (typeof sc.symbol !== 'string' || !SYMBOL.test(sc.symbol)) throw new FieldError('symbol', `unknown symbol ${JSON.stringify(sc.symbol)}`);
  const price = dec(sc.order.price, 'order.price');
  const quantity = dec(sc.order.quantity, 'order.quantity');
  const leverage = dec(sc.order.leverage, 'order.leverage');
  const mark = dec(sc.market.markPrice, 'market.markPrice');
  const takerRate = dec(sc.market.takerRate, 'market.takerRate', 'nonNegative');
  if (takerRate.gte(1)) throw new FieldError('market.takerRate', 'market.takerRate is a fraction and must be below 1');
  let maintenance: Maintenance;
  const m = sc.market.maintenance;
  if ('table' in m) {
    try {
      maintenance = { kind: 'table', table: tiersFromTable(m.table, sc.venue) };
    } catch (err) {
      if (err instanceof TierTableError) throw new FieldError('market.maintenance', err.message);
      throw err;
    }
  } else {
    const rate = dec(m.assumedRate, 'market.maintenance.assumedRate', 'nonNegative');
    const amount = dec(m.assumedAmount, 'market.maintenance.assumedAmount', 'any');
    maintenance = { kind: 'fixed', tier: { label: 'assumed', floor: null, maxLeverage: null, rate, amount } };
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
  for (const key of ['maxLoss', 'maxLossPct', 'minLiquidationDistancePct', 'maxLeverage'] as const) {
    const at = optionalDec(sc.limits?.[key], `limits.${key}`);
    if (at) limits[key] = { at, text: at.toFixed() };
  }
  return {
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

/** Leverage must not exceed the tier's maximum for the notional the position will have. */
function checkLeverage(p: Parsed, notional: Dec): void {
  if (p.maintenance.kind !== 'table') return;
  const index = tierIndexFor(p.maintenance.table, notional);
  if (index === 'beyond-table') return;
  const tier = p.maintenance.table.tiers[index]!;
  if (tier.maxLeverage && p.leverage.gt(tier.maxLeverage)) {
    throw new FieldError(
      'order.leverage',
      `leverage ${p.leverage.toFixed()}x is above the maximum ${tier.maxLeverage.toFixed()}x for a position of ${notional.toDecimalPlaces(2).toFixed()} (tier ${tier.label})`,
    );
  }
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
   * (as Hyperliquid's reference estimator does); anything marketable fills around the current mark.
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
    const reason = none(`the stop-loss ${p.stopLoss.toFixed()} is ${long ? 'above' : 'below'} the entry: it is no stop for a ${leg.side}`);
    return { loss: reason, beyond: reason };
  }
  const priceLoss = leg.size.times(long ? leg.entry.minus(p.stopLoss) : p.stopLoss.minus(leg.entry));
  const closeAtStop = leg.size.times(p.stopLoss).times(p.takerRate);
  return { at: p.stopLoss, loss: value(priceLoss.plus(openFee).plus(closeAtStop)), beyond: NO };
}

function modeFigures(sc: OrderScenario, p: Parsed, merged: MergedLeg, mode: Mode, shared: Shared): ModeFigures {
  const { openFee } = shared;
  const rule = VENUE_RULES[sc.venue];
  const leg = merged.leg!;
  const legs: Leg[] = [toLeg(leg, shared.fillMark, p.maintenance)];
  let position: PositionScenario;
  let margin: Dec | undefined;
  if (mode === 'isolated') {
    margin = merged.isolatedMargin.plus(p.addedMargin);
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

  const liq = r.liquidationPrice;
  const liquidationPrice = liq ? value(liq) : none('no liquidation price: the collateral covers any price move');
  const distance = liq ? (s === 1 ? p.mark.minus(liq) : liq.minus(p.mark)).times(p.pctOfMark) : undefined;
  const closeNotional = notionalAt(leg.size, liq ?? p.mark, false);
  const closeFee = closeNotional.times(p.takerRate);
  let liquidationFee = none('no liquidation price');
  if (!p.liquidationFeeRate) liquidationFee = none('no liquidation fee rate given for this market');
  else if (liq) liquidationFee = value(closeNotional.times(p.liquidationFeeRate));
  // Isolated: at most the margin put in (less what a price → 0 leaves); cross: all cross equity now.
  const atRisk = mode === 'isolated' ? margin!.minus(r.equityFloor) : r.equity.minus(r.equityFloor);
  const worst = atRisk.plus(openFee);
  const worstPct = p.pctOfEquity ? worst.times(p.pctOfEquity) : undefined;

  let stopLossLoss: Figure = shared.stop.loss;
  let stopBeyond: Figure = shared.stop.beyond;
  if (shared.stop.at && liq && (s === 1 ? shared.stop.at.lte(liq) : shared.stop.at.gte(liq))) {
    // Liquidation comes first: the stop never fills, the loss is the worst case.
    stopBeyond = YES;
    stopLossLoss = value(worst);
  }

  // ×100 before the division: a short multiplication instead of one with the 40-digit quotient.
  const marginRatio = r.requirement && r.equity.gt(0) ? value(r.requirement.times(HUNDRED).div(r.equity)) : unavailable('equity is not positive');
  return {
    liquidationPrice,
    bankruptcyPrice: r.bankruptcyPrice ? value(r.bankruptcyPrice) : none('no bankruptcy price'),
    liquidationDistancePct: distance ? value(distance) : none('no liquidation price'),
    initialMargin: shared.initialMargin,
    maintenanceMargin: r.maintenanceMargin ? value(r.maintenanceMargin) : unavailable(r.unavailable.maintenanceMargin ?? 'not computable'),
    maintenanceRate: r.maintenanceRate ? value(r.maintenanceRate) : unavailable('not computable'),
    tier: r.tier ? { kind: 'value', value: r.tier } : unavailable('not computable'),
    openFee: shared.openFeeFigure,
    closeFee: value(closeFee),
    liquidationFee,
    worstCaseLoss: value(worst),
    worstCaseLossPct: worstPct ? value(worstPct) : unavailable("can't read: account balance"),
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
  if (maxLoss) {
    const ok = worst.lte(maxLoss.at);
    checks.push({ limit: 'maxLoss', ok, message: `worst-case loss ${ok ? 'within' : 'above'} your ${maxLoss.text} limit` });
  }
  if (maxLossPct && worstPct) {
    const ok = worstPct.lte(maxLossPct.at);
    checks.push({ limit: 'maxLossPct', ok, message: `worst-case loss ${ok ? 'within' : 'above'} your ${maxLossPct.text}% of the account` });
  }
  if (minDistance && distance) {
    const ok = distance.gte(minDistance.at);
    const message = ok ? `liquidation at least ${minDistance.text}% from mark` : `liquidation closer than your ${minDistance.text}% minimum`;
    checks.push({ limit: 'minLiquidationDistancePct', ok, message });
  }
  if (maxLeverage) {
    const ok = p.leverage.lte(maxLeverage.at);
    checks.push({ limit: 'maxLeverage', ok, message: `leverage ${ok ? 'within' : 'above'} your ${maxLeverage.text}x limit` });
  }
  return checks;
}

function flatFigures(reason: string, openFee: Dec): ModeFigures {
  const n = none(reason);
  return {
    liquidationPrice: n, bankruptcyPrice: n, liquidationDistancePct: n, initialMargin: value(ZERO), maintenanceMargin: value(ZERO),
    maintenanceRate: n, tier: n, openFee: value(openFee), closeFee: value(ZERO), liquidationFee: n, worstCaseLoss: value(openFee),
    worstCaseLossPct: n, stopLossLoss: n, stopBeyondLiquidation: n, marginRatio: n, limitChecks: [],
  };
}

export function unavailableFigures(reason: string): ModeFigures {
  const u = unavailable(reason);
  return {
    liquidationPrice: u, bankruptcyPrice: u, liquidationDistancePct: u, initialMargin: u, maintenanceMargin: u, maintenanceRate: u,
    tier: u, openFee: u, closeFee: u, liquidationFee: u, worstCaseLoss: u, worstCaseLossPct: u, stopLossLoss: u, stopBeyondLiquidation: u, marginRatio: u,
    limitChecks: [],
  };
}

/** A side the form can submit but that cannot be priced (e.g. its Max is unreadable for a % size). */
export function unavailableSide(side: Side, reason: string): SideEvaluation {
  return { side, resulting: null, isolated: unavailableFigures(reason), cross: unavailableFigures(reason) };
}

function inputsUsed(sc: OrderScenario, p: Parsed): { inputs: InputUsed[]; assumptions: string[] } {
  const q = sc.quoteAsset;
  const inputs: InputUsed[] = [
    { name: 'price', value: p.price.toFixed(), source: sc.order.type === 'market' ? 'mark price (market order)' : 'limit price' },
    { name: 'quantity', value: p.quantity.toFixed(), source: 'order size, base units' },
    { name: 'leverage', value: `${p.leverage.toFixed()}x`, source: 'leverage' },
    { name: 'mark price', value: p.mark.toFixed(), source: 'mark price' },
    { name: 'taker fee', value: `${p.takerRate.times(HUNDRED).toFixed()}%`, source: 'settings' },
  ];
  const assumptions: string[] = [];
  const m = sc.market.maintenance;
  if ('table' in m) {
    inputs.push({ name: 'maintenance tiers', value: `${m.table.venue} ${m.table.symbol}`, source: `bundled table as of ${m.table.asOf ?? 'an unknown date'}: ${m.table.source}` });
    if (m.table.partial) assumptions.push(`the ${m.table.symbol} tier table is partial: no figures above its last tier`);
  } else {
    assumptions.push(`maintenance rate assumed ${new D(m.assumedRate).times(HUNDRED).toFixed()}%: ${m.why}`);
  }
  if (p.cross) {
    inputs.push({ name: 'cross wallet balance', value: `${p.cross.wallet.toFixed()} ${q}`, source: 'account' });
    inputs.push({ name: 'other cross positions', value: String(p.cross.others.length), source: 'positions list' });
  }
  for (const leg of p.existing) {
    inputs.push({ name: `existing ${leg.side}`, value: `${leg.size.toFixed()} @ ${leg.entry.toFixed()} (${leg.mode})`, source: 'positions list' });
  }
  if (p.addedMargin.gt(0)) inputs.push({ name: 'added isolated margin', value: `${p.addedMargin.toFixed()} ${q}`, source: 'user' });
  if (p.stopLoss) inputs.push({ name: 'stop-loss', value: p.stopLoss.toFixed(), source: 'TP/SL' });
  if (p.accountEquity) inputs.push({ name: 'account equity', value: `${p.accountEquity.toFixed()} ${q}`, source: 'account' });
  return { inputs, assumptions };
}

export function evaluateOrder(sc: OrderScenario): Evaluation | EngineError {
  try {
    const p = parse(sc);
    const { inputs, assumptions } = inputsUsed(sc, p);
    const openFee = p.quantity.times(p.price).times(p.takerRate);
    const openFeeFigure = value(openFee);
    const crossUnavailable = sc.account.crossUnavailable ?? "can't read: cross account";
    const sides: SideEvaluation[] = sc.sides.map((side) => {
      const merged = mergeOrder({ existing: p.existing, side, action: sc.action, positionMode: sc.positionMode, quantity: p.quantity, price: p.price, leverage: p.leverage, assumptions });
      const leg = merged.leg;
      if (!leg) {
        const flat = flatFigures('the order closes the position: nothing left to liquidate', openFee);
        return { side, resulting: null, isolated: flat, cross: p.cross ? flat : unavailableFigures(crossUnavailable) };
      }
      checkLeverage(p, leg.size.times(leg.entry));
      const buying = (side === 'long') === (sc.action === 'open');
      const passive = sc.order.type === 'limit' && (buying ? p.price.lt(p.mark) : p.price.gt(p.mark));
      if (sc.order.type === 'limit' && !passive && !p.price.eq(p.mark)) {
        assumptions.push(`the ${side} order's limit crosses the mark: assumed filled at the limit price (the worst fill it allows)`);
      }
      const shared: Shared = {
        openFee,
        openFeeFigure,
        initialMargin: value(merged.openedQuantity.times(p.price).div(p.leverage)),
        fillMark: passive ? p.price : p.mark,
        stop: stopOutcome(p, leg, openFee),
      };
      return {
        side,
        resulting: { side: leg.side, size: leg.size.toFixed(), entryPrice: leg.entry.toFixed() },
        isolated: modeFigures(sc, p, merged, 'isolated', shared),
        cross: p.cross ? modeFigures(sc, p, merged, 'cross', shared) : unavailableFigures(crossUnavailable),
      };
    });
    return { venue: sc.venue, symbol: sc.symbol, quoteAsset: sc.quoteAsset, currentMode: sc.account.currentMode, sides, inputs, assumptions: [...new Set(assumptions)] };
  } catch (err) {
    if (err instanceof FieldError) return fieldError(err.field, err.message);
    return fieldError('scenario', `unreadable order scenario: ${err instanceof Error ? err.message : String(err)}`);
  }
}
