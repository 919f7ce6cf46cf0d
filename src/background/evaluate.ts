/**
 * FormSnapshot + Settings → OrderScenario → engine → Evaluation, for any venue: what differs between
 * venues comes from their registry entry (rule, tier tables, fees, assumed rate, lot step).
 * This is where "truth over output" is decided: a field the page did not give us clearly becomes the
 * reason a figure is unavailable, never a default that looks like a reading. An unknown position is
 * never taken for no position.
 */
import type { Field, FormSnapshot, PositionRow, SizeAmount, SnapshotKey } from '../contracts/snapshot.ts';
import type { Evaluation, ExistingLeg, InputUsed, OpenPosition, OrderScenario, Side, SideEvaluation } from '../contracts/evaluation.ts';
import type { EvaluateResult } from '../contracts/messages.ts';
import { reason, type ItemCode, type Reason } from '../contracts/reasons.ts';
import { unavailableSide } from '../contracts/figures.ts';
import { evaluateOrder, RULES, tierForNotional } from '../engine/index.ts';
import { D } from '../shared/decimal.ts';
import { feeRate, riskLimits, type Settings } from '../shared/settings.ts';
import { venueById, type Venue } from '../venues/registry.ts';
import { bundledTable } from '../venues/tiers.ts';
import { withDisplayStrings } from './display.ts';

/** Why a field is not there, as the reason a figure that needs it is unavailable. */
function cantRead(snapshot: FormSnapshot, key: SnapshotKey & ItemCode): Reason {
  const field = snapshot[key] as Field<unknown>;
  const cause = field.why ?? reason('figure.notComputable');
  return field.status === 'unsupported' ? reason('evaluate.notSupported', { item: key, cause }) : reason('evaluate.cantRead', { item: key, cause });
}

const readValue = <T>(field: Field<T>): T | undefined => (field.status === 'read' ? field.value : undefined);

/** A size in base units: as shown, or a quote notional ÷ the mark, rounded half-up to the lot step as the page does. */
function baseSize({ amount, unit }: SizeAmount, mark: string, venue: Venue): string {
  return unit === 'base' ? amount : new D(amount).div(mark).toFixed(venue.sizing.lotDecimals, D.ROUND_HALF_UP);
}

/** A positions-list row with its size in base units (a quote size converts at the row's own mark). */
type BaseRow = Omit<PositionRow, 'sizeUnit'>;

function inBase({ sizeUnit, ...row }: PositionRow, venue: Venue): BaseRow {
  return { ...row, size: baseSize({ amount: row.size, unit: sizeUnit }, row.markPrice, venue) };
}

function maintenanceFor(venue: Venue, symbol: string, assumptions: Reason[]): OrderScenario['market']['maintenance'] {
  const table = bundledTable(venue.id, symbol);
  if (table) return { table };
  assumptions.push(reason('assume.maintenanceRate', { rate: new D(venue.assumedMaintenance.rate).times(100).toFixed(), symbol }));
  return { assumedRate: venue.assumedMaintenance.rate, assumedAmount: '0' };
}

/** Rate and amount of another open position at its own notional, from its table when we ship one. */
function otherPosition(row: BaseRow, venue: Venue, assumptions: Reason[]): OpenPosition {
  const table = bundledTable(venue.id, row.symbol);
  const tier = table && tierForNotional(table, RULES[venue.rule], new D(row.size).times(row.markPrice));
  let rate = venue.assumedMaintenance.rate;
  let amount = '0';
  if (tier) {
    rate = tier.rate.toFixed();
    amount = tier.amount.toFixed();
  } else {
    const pct = new D(rate).times(100).toFixed();
    assumptions.push(reason('assume.otherMaintenance', { symbol: row.symbol, rate: pct, beyondTable: table ? 'yes' : 'no' }));
  }
  return { symbol: row.symbol, side: row.side, size: row.size, entryPrice: row.entryPrice, markPrice: row.markPrice, maintenanceRate: rate, maintenanceAmount: amount };
}

interface Account {
  existing: ExistingLeg[];
  cross?: OrderScenario['account']['cross'];
  crossUnavailable?: Reason;
  accountEquity?: string;
}

/**
 * The account around the order: this symbol's position, the cross pool and the other cross positions.
 * Returns the reason when this symbol's position cannot be known: no figure stands without it.
 */
function accountFrom(snapshot: FormSnapshot, venue: Venue, symbol: string, quote: string, assumptions: Reason[]): Account | { unknown: Reason } {
  const loggedIn = readValue(snapshot.loggedIn);
  const own = readValue(snapshot.ownPositions)?.map((row) => inBase(row, venue));
  let existing: ExistingLeg[] = [];
  if (own) {
    existing = own.map((row) => ({ side: row.side, size: row.size, entryPrice: row.entryPrice, mode: row.marginMode, isolatedMargin: row.marginMode === 'isolated' ? row.margin : undefined }));
  } else if (loggedIn === false) {
    // No account to hold a position: the figures are for a new position, and say so.
    assumptions.push(reason('assume.loggedOutNewPosition'));
  } else {
    return { unknown: reason('evaluate.positionUnknown', { symbol, cause: snapshot.ownPositions.why ?? reason('figure.notComputable') }) };
  }

  const margin = readValue(snapshot.marginBalance);
  const account: Account = { existing, accountEquity: margin && new D(margin).gt(0) ? margin : undefined };
  const others = readValue(snapshot.otherPositions)?.map((row) => inBase(row, venue));
  const wallet = readValue(snapshot.walletBalance);
  const assetMode = readValue(snapshot.assetMode);
  if (loggedIn === false) account.crossUnavailable = reason('cross.loggedOut');
  else if (loggedIn === undefined) account.crossUnavailable = reason('cross.loginUnknown', { cause: snapshot.loggedIn.why ?? reason('figure.notComputable') });
  else if (assetMode === 'multi' || assetMode === 'portfolio') account.crossUnavailable = reason('cross.assetMode', { mode: assetMode });
  else if (assetMode === undefined) account.crossUnavailable = reason('cross.assetModeUnknown');
  else if (!others) account.crossUnavailable = reason('cross.otherPositionsUnknown', { cause: snapshot.otherPositions.why ?? reason('figure.notComputable') });
  else if (wallet === undefined) account.crossUnavailable = reason('cross.walletUnknown', { cause: snapshot.walletBalance.why ?? reason('figure.notComputable') });
  else {
    // The cross pool is per margin asset: other symbols settled in the same asset, in cross mode.
    const pool = others.filter((row) => row.marginMode === 'cross' && row.quoteAsset === quote);
    account.cross = { walletBalance: wallet, otherPositions: pool.map((row) => otherPosition(row, venue, assumptions)) };
  }
  return account;
}

/** Order size in base units for each side (a percent of Max differs per side; a quote Max converts at the mark). */
function quantities(snapshot: FormSnapshot, venue: Venue, price: string, mark: string, sides: Side[]): Map<Side, string | { unavailable: Reason }> {
  const qty = readValue(snapshot.quantity)!;
  const unit = readValue(snapshot.quantityUnit)!;
  const out = new Map<Side, string | { unavailable: Reason }>();
  for (const side of sides) {
    if (unit === 'base') out.set(side, qty);
    else if (unit === 'quote') out.set(side, new D(qty).div(price).toFixed());
    else {
      // "25%" means a quarter of the Max shown under that side's button.
      const maxKey = side === 'long' ? 'maxBuy' : 'maxSell';
      const max = readValue(snapshot[maxKey]);
      out.set(side, max === undefined ? { unavailable: cantRead(snapshot, maxKey) } : new D(qty).div(100).times(baseSize(max, mark, venue)).toFixed());
    }
  }
  return out;
}

/** Page text next to each engine input, so every figure traces back to what was on screen. */
function withPageText(inputs: InputUsed[], snapshot: FormSnapshot): InputUsed[] {
  const raw: Partial<Record<ItemCode, Field<unknown>>> = {
    price: snapshot.orderType.value === 'market' ? snapshot.markPrice : snapshot.price,
    quantity: snapshot.quantity,
    leverage: snapshot.leverage,
    markPrice: snapshot.markPrice,
    crossWallet: snapshot.walletBalance,
    accountEquity: snapshot.marginBalance,
    stopLoss: snapshot.stopLoss,
  };
  return inputs.map((input) => {
    const text = raw[input.item]?.raw;
    return text ? { ...input, pageText: text } : input;
  });
}

const REQUIRED: readonly (SnapshotKey & ItemCode)[] = ['quoteAsset', 'sides', 'quantity', 'quantityUnit', 'leverage', 'markPrice', 'positionMode', 'action'];

export function evaluateSnapshot(snapshot: FormSnapshot, settings: Settings): EvaluateResult {
  const venue = venueById(snapshot.venue);
  if (snapshot.form.status !== 'read') return { unavailable: [reason('evaluate.formNotFound', { cause: snapshot.form.why ?? reason('figure.notComputable') })] };
  const symbol = readValue(snapshot.symbol);
  if (!symbol) return { unavailable: [cantRead(snapshot, 'symbol')] };
  const orderType = readValue(snapshot.orderType);
  if (!orderType) return { unavailable: [cantRead(snapshot, 'orderType')] };
  const missing = REQUIRED.filter((k) => snapshot[k].status !== 'read');
  if (orderType === 'limit' && snapshot.price.status !== 'read') missing.unshift('price');
  if (missing.length) return { unavailable: missing.map((k) => cantRead(snapshot, k)) };

  const quote = readValue(snapshot.quoteAsset)!;
  const mark = readValue(snapshot.markPrice)!;
  const price = orderType === 'market' ? mark : readValue(snapshot.price)!;
  const sides: Side[] = readValue(snapshot.sides)!;
  const assumptions: Reason[] = [];
  const fees = settings.fees[venue.id];
  if (fees.takerPct === venue.fees.takerPct) assumptions.push(reason('assume.defaultFee', { venue: venue.name, tier: venue.fees.tier, takerPct: fees.takerPct }));
  if (orderType === 'market') assumptions.push(reason('assume.marketFill'));
  const account = accountFrom(snapshot, venue, symbol, quote, assumptions);
  if ('unknown' in account) return { unavailable: [account.unknown] };

  const base: Omit<OrderScenario, 'sides' | 'order'> & { order: Omit<OrderScenario['order'], 'quantity'> } = {
    rule: venue.rule,
    symbol,
    quoteAsset: quote,
    positionMode: readValue(snapshot.positionMode)!,
    action: readValue(snapshot.action)!,
    order: { type: orderType, price, leverage: readValue(snapshot.leverage)!, stopLoss: readValue(snapshot.stopLoss), takeProfit: readValue(snapshot.takeProfit) },
    market: { markPrice: mark, maintenance: maintenanceFor(venue, symbol, assumptions), takerRate: feeRate(fees.takerPct) },
    account: { currentMode: readValue(snapshot.marginMode), ...account },
    limits: riskLimits(settings),
  };

  // One engine call per side: a percent of Max gives each side its own size.
  const perSide = quantities(snapshot, venue, price, mark, sides);
  let evaluation: Evaluation | undefined;
  const unpriced: SideEvaluation[] = [];
  for (const side of sides) {
    const quantity = perSide.get(side)!;
    if (typeof quantity !== 'string') {
      unpriced.push(unavailableSide(side, quantity.unavailable));
      continue;
    }
    if (!new D(quantity).gt(0)) {
      unpriced.push(unavailableSide(side, reason('evaluate.enterSize')));
      continue;
    }
    const result = evaluateOrder({ ...base, sides: [side], order: { ...base.order, quantity } });
    if ('error' in result) return { unavailable: [result.error.reason] };
    evaluation = evaluation ? { ...evaluation, sides: [...evaluation.sides, ...result.sides], inputs: mergeInputs(evaluation.inputs, result.inputs) } : result;
  }
  if (!evaluation) {
    const reasons = unpriced.map((s) => s.isolated.liquidationPrice).flatMap((f) => (f.kind === 'unavailable' ? [f.reason] : []));
    return { unavailable: [...new Map(reasons.map((r) => [JSON.stringify(r), r])).values()] };
  }
  const bySide = [...evaluation.sides, ...unpriced].sort((a, b) => sides.indexOf(a.side) - sides.indexOf(b.side));
  const unique = new Map([...assumptions, ...evaluation.assumptions].map((a) => [JSON.stringify(a), a]));
  return {
    evaluation: withDisplayStrings({
      ...evaluation,
      sides: bySide,
      inputs: withPageText(evaluation.inputs, snapshot),
      assumptions: [...unique.values()],
    }),
  };
}

/** Inputs of two per-side evaluations; an input that differs per side is listed per side. */
function mergeInputs(a: InputUsed[], b: InputUsed[]): InputUsed[] {
  const merged = [...a];
  for (const input of b) {
    const same = merged.find((m) => m.item === input.item);
    if (!same) merged.push(input);
    else if (same.value !== input.value) merged.push({ ...input, side: 'short' });
  }
  return merged;
}
