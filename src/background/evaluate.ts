/**
 * FormSnapshot + Settings → OrderScenario → engine → Evaluation, for any venue: what differs between
 * venues comes from their registry entry (rule, tier tables, fees, assumed rate, sizing, funding).
 * This is where "truth over output" is decided: a field the page did not give us clearly becomes the
 * reason a figure is unavailable, never a default that looks like a reading. An unknown position is
 * never taken for no position.
 */
import type { Field, FormSnapshot, PositionRow, SizeAmount, SnapshotKey } from '../contracts/snapshot.ts';
import type { Evaluation, ExistingLeg, InputUsed, OpenPosition, OrderScenario, Side, SideEvaluation } from '../contracts/evaluation.ts';
import type { EvaluateResult } from '../contracts/messages.ts';
import { reason, type ItemCode, type Reason } from '../contracts/reasons.ts';
import { evaluateOrder, RULES, tierForNotional } from '../engine/index.ts';
import { D } from '../shared/decimal.ts';
import { feeRate, riskLimits, type Settings } from '../shared/settings.ts';
import { venueById, type Venue } from '../venues/registry.ts';
import { bundledTable } from '../venues/tiers.ts';
import { withDisplayStrings } from './display.ts';

/**
 * Why a field is not there, as the reason a figure that needs it is unavailable. A hook the adapter
 * relies on that is gone from a loaded page means the page changed: figures are disabled, not guessed.
 */
function cantRead(snapshot: FormSnapshot, key: SnapshotKey & ItemCode): Reason {
  const field = snapshot[key] as Field<unknown>;
  const cause = field.why ?? reason('figure.notComputable');
  if (cause.code === 'page.selectorBroke') return reason('evaluate.pageChanged', { item: key, cause });
  return field.status === 'unsupported' ? reason('evaluate.notSupported', { item: key, cause }) : reason('evaluate.cantRead', { item: key, cause });
}

const readValue = <T>(field: Field<T>): T | undefined => (field.status === 'read' ? field.value : undefined);

/** Turns the page's sizes into base units, for one venue and symbol. */
interface Sizes {
  venue: Venue;
  /** undefined: a contract count with no known contract value. */
  toBase(amount: SizeAmount, mark: string, symbol: string): string | undefined;
}

function sizesFor(venue: Venue): Sizes {
  return {
    venue,
    toBase({ amount, unit }, mark, symbol) {
      if (unit === 'base') return amount;
      // A quote notional ÷ the mark, rounded half-up to the size step as the page does.
      if (unit === 'quote') return new D(amount).div(mark).toFixed(venue.sizing.lotDecimals, D.ROUND_HALF_UP);
      const perContract = venue.sizing.contractValues?.[symbol];
      return perContract === undefined ? undefined : new D(amount).times(perContract).toFixed();
    },
  };
}

/** A positions-list row with its size in base units (a quote size converts at the row's own mark). */
type BaseRow = Omit<PositionRow, 'sizeUnit'>;

function rowsInBase(rows: readonly PositionRow[], sizes: Sizes): BaseRow[] | Reason {
  const out: BaseRow[] = [];
  for (const { sizeUnit, ...row } of rows) {
    const size = sizes.toBase({ amount: row.size, unit: sizeUnit }, row.markPrice, row.symbol);
    if (size === undefined) return reason('evaluate.noContractValue', { symbol: row.symbol });
    out.push({ ...row, size });
  }
  return out;
}

/** The maintenance for a symbol without a bundled table: the user's rate from the options, else the registry's assumption. */
function assumedRate(venue: Venue, settings: Settings): { rate: string; fromSettings: boolean } {
  const pct = settings.maintenance[venue.id].ratePct;
  return pct === null ? { rate: venue.assumedMaintenance.rate, fromSettings: false } : { rate: new D(pct).div(100).toFixed(), fromSettings: true };
}

function maintenanceFor(venue: Venue, settings: Settings, symbol: string, assumptions: Reason[]): OrderScenario['market']['maintenance'] {
  const table = bundledTable(venue.id, symbol);
  if (table) return { table };
  const { rate, fromSettings } = assumedRate(venue, settings);
  const pct = new D(rate).times(100).toFixed();
  assumptions.push(fromSettings ? reason('assume.settingsMaintenance', { rate: pct, symbol }) : reason('assume.maintenanceRate', { rate: pct, symbol }));
  return { assumedRate: rate, assumedAmount: '0' };
}

/** Rate and amount of another open position at its own notional, from its table when we ship one. */
function otherPosition(row: BaseRow, venue: Venue, settings: Settings, assumptions: Reason[]): OpenPosition {
  const table = bundledTable(venue.id, row.symbol);
  const tier = table && tierForNotional(table, RULES[venue.rule], new D(row.size).times(row.markPrice));
  let rate = assumedRate(venue, settings).rate;
  let amount = '0';
  if (tier) {
    rate = tier.rate.toFixed();
    amount = tier.amount.toFixed();
  } else {
    const pct = new D(rate).times(100).toFixed();
    assumptions.push(reason('assume.otherMaintenance', { symbol: row.symbol, rate: pct, beyondTable: table ? 'yes' : 'no' }));
  }
  const position: OpenPosition = { symbol: row.symbol, side: row.side, size: row.size, entryPrice: row.entryPrice, markPrice: row.markPrice, maintenanceRate: rate, maintenanceAmount: amount };
  if (tier && table) position.table = table;
  return position;
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
function accountFrom(snapshot: FormSnapshot, sizes: Sizes, settings: Settings, symbol: string, quote: string, assumptions: Reason[]): Account | { unknown: Reason } {
  const loggedIn = readValue(snapshot.loggedIn);
  const ownRows = readValue(snapshot.ownPositions);
  let existing: ExistingLeg[] = [];
  if (ownRows) {
    const own = rowsInBase(ownRows, sizes);
    if (!Array.isArray(own)) return { unknown: own };
    existing = own.map((row) => ({ side: row.side, size: row.size, entryPrice: row.entryPrice, mode: row.marginMode, isolatedMargin: row.marginMode === 'isolated' ? row.margin : undefined }));
  } else if (loggedIn === false) {
    // No account to hold a position: the figures are for a new position, and say so.
    assumptions.push(reason('assume.loggedOutNewPosition'));
  } else {
    const cause = snapshot.ownPositions.why ?? reason('figure.notComputable');
    if (cause.code === 'page.selectorBroke') return { unknown: reason('evaluate.pageChanged', { item: 'positions', cause }) };
    return { unknown: reason('evaluate.positionUnknown', { symbol, cause }) };
  }

  const margin = readValue(snapshot.marginBalance);
  const account: Account = { existing, accountEquity: margin && new D(margin).gt(0) ? margin : undefined };
  const otherRows = readValue(snapshot.otherPositions);
  const others = otherRows ? rowsInBase(otherRows, sizes) : undefined;
  const wallet = readValue(snapshot.walletBalance);
  if (loggedIn === false) account.crossUnavailable = reason('cross.loggedOut');
  else if (loggedIn === undefined) account.crossUnavailable = reason('cross.loginUnknown', { cause: snapshot.loggedIn.why ?? reason('figure.notComputable') });
  else if (others === undefined) account.crossUnavailable = reason('cross.otherPositionsUnknown', { cause: snapshot.otherPositions.why ?? reason('figure.notComputable') });
  else if (!Array.isArray(others)) account.crossUnavailable = reason('cross.otherPositionsUnknown', { cause: others });
  else if (wallet === undefined) account.crossUnavailable = reason('cross.walletUnknown', { cause: snapshot.walletBalance.why ?? reason('figure.notComputable') });
  else {
    // The cross pool is per margin asset: other symbols settled in the same asset, in cross mode.
    const pool = others.filter((row) => row.marginMode === 'cross' && row.quoteAsset === quote);
    account.cross = { walletBalance: wallet, otherPositions: pool.map((row) => otherPosition(row, sizes.venue, settings, assumptions)) };
  }
  return account;
}

type Size = string | { unavailable: Reason };

/** The form's Max for a side, in base units, when the page shows it. */
function maxOf(snapshot: FormSnapshot, sizes: Sizes, side: Side, mark: string, symbol: string): string | undefined {
  const max = readValue(snapshot[side === 'long' ? 'maxBuy' : 'maxSell']);
  return max && sizes.toBase(max, mark, symbol);
}

/**
 * Order size in base units for a side: as typed, a quote notional at the order price, contracts × the
 * contract value, a percent of that side's Max, or a cost (margin + fee to open + fee to close at the
 * bankruptcy price) at the user's own taker fee.
 */
function quantityFor(snapshot: FormSnapshot, sizes: Sizes, side: Side, ctx: { price: string; mark: string; leverage: string; symbol: string; takerRate: string | null }): Size {
  const qty = readValue(snapshot.quantity)!;
  const unit = readValue(snapshot.quantityUnit)!;
  switch (unit) {
    case 'base':
      return qty;
    case 'quote':
      return new D(qty).div(ctx.price).toFixed();
    case 'contracts':
      return sizes.toBase({ amount: qty, unit: 'contracts' }, ctx.mark, ctx.symbol) ?? { unavailable: reason('evaluate.noContractValue', { symbol: ctx.symbol }) };
    case 'percent': {
      const maxKey = side === 'long' ? 'maxBuy' : 'maxSell';
      const max = maxOf(snapshot, sizes, side, ctx.mark, ctx.symbol);
      return max === undefined ? { unavailable: cantRead(snapshot, maxKey) } : new D(qty).div(100).times(max).toFixed();
    }
    case 'cost': {
      if (ctx.takerRate === null) return { unavailable: reason('evaluate.costNeedsFee') };
      const p = new D(ctx.price);
      const f = new D(ctx.takerRate);
      const inverseLeverage = new D(1).div(ctx.leverage);
      // Per unit: the margin, the fee to open, and the fee to close at the bankruptcy price p·(1 ∓ 1/leverage).
      const bankruptcy = side === 'long' ? new D(1).minus(inverseLeverage) : new D(1).plus(inverseLeverage);
      const perUnit = p.times(inverseLeverage.plus(f).plus(bankruptcy.times(f)));
      return new D(qty).div(perUnit).toFixed();
    }
  }
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
    reduceOnly: snapshot.reduceOnly,
  };
  return inputs.map((input) => {
    const text = raw[input.item]?.raw;
    return text ? { ...input, pageText: text } : input;
  });
}

const REQUIRED: readonly (SnapshotKey & ItemCode)[] = ['quoteAsset', 'sides', 'quantity', 'quantityUnit', 'leverage', 'markPrice', 'positionMode', 'action'];

export function evaluateSnapshot(snapshot: FormSnapshot, settings: Settings): EvaluateResult {
  const venue = venueById(snapshot.venue);
  if (!settings.venues[venue.id].enabled) return { unavailable: [reason('evaluate.venueOff', { venue: venue.name })] };
  if (snapshot.form.status !== 'read') return { unavailable: [reason('evaluate.formNotFound', { cause: snapshot.form.why ?? reason('figure.notComputable') })] };
  const symbol = readValue(snapshot.symbol);
  if (!symbol) return { unavailable: [cantRead(snapshot, 'symbol')] };
  const orderType = readValue(snapshot.orderType);
  if (!orderType) return { unavailable: [cantRead(snapshot, 'orderType')] };
  const missing = REQUIRED.filter((k) => snapshot[k].status !== 'read');
  if (orderType === 'limit' && snapshot.price.status !== 'read') missing.unshift('price');
  // Logged in, the account mode decides what can be priced; logged out there is no account to share collateral.
  const loggedOut = readValue(snapshot.loggedIn) === false;
  if (!loggedOut && snapshot.assetMode.status !== 'read') missing.push('assetMode');
  if (missing.length) return { unavailable: missing.map((k) => cantRead(snapshot, k)) };
  // Accounts that share collateral across assets are not priced yet: no figure rather than a wrong one.
  const assetMode = readValue(snapshot.assetMode);
  if (assetMode && assetMode !== 'single') return { unavailable: [reason('evaluate.accountModeNotSupported', { mode: assetMode })] };

  const sizes = sizesFor(venue);
  const quote = readValue(snapshot.quoteAsset)!;
  const mark = readValue(snapshot.markPrice)!;
  const price = orderType === 'market' ? mark : readValue(snapshot.price)!;
  const leverage = readValue(snapshot.leverage)!;
  const sides: Side[] = readValue(snapshot.sides)!;
  const assumptions: Reason[] = [];
  const fees = settings.fees[venue.id];
  const defaultFee = fees.takerPct === venue.fees.takerPct;
  if (defaultFee) assumptions.push(reason('assume.defaultFee', { venue: venue.name, tier: venue.fees.tier, takerPct: fees.takerPct }));
  if (orderType === 'market') assumptions.push(reason('assume.marketFill'));
  if (readValue(snapshot.quantityUnit) === 'cost' && !defaultFee) assumptions.push(reason('assume.costUnit', { takerPct: fees.takerPct }));
  const reduceOnly = readValue(snapshot.reduceOnly);
  if (reduceOnly === undefined) assumptions.push(reason('assume.reduceOnlyUnread', { cause: snapshot.reduceOnly.why ?? reason('figure.notComputable') }));
  const account = accountFrom(snapshot, sizes, settings, symbol, quote, assumptions);
  if ('unknown' in account) return { unavailable: [account.unknown] };

  const fundingRate = readValue(snapshot.fundingRate);
  const base: Omit<OrderScenario, 'sides' | 'order'> & { order: Omit<OrderScenario['order'], 'quantity'> } = {
    rule: venue.rule,
    symbol,
    quoteAsset: quote,
    positionMode: readValue(snapshot.positionMode)!,
    action: readValue(snapshot.action)!,
    order: { type: orderType, price, leverage, stopLoss: readValue(snapshot.stopLoss), takeProfit: readValue(snapshot.takeProfit) },
    market: {
      markPrice: mark,
      maintenance: maintenanceFor(venue, settings, symbol, assumptions),
      takerRate: feeRate(fees.takerPct),
      lotStep: new D(1).div(new D(10).pow(venue.sizing.lotDecimals)).toFixed(),
      funding: fundingRate === undefined ? undefined : { ratePct: fundingRate, intervalHours: String(venue.fundingIntervalHours), holdHours: settings.fundingHoldHours },
    },
    account: { currentMode: readValue(snapshot.marginMode), reduceOnly: reduceOnly === true, ...account },
    limits: riskLimits(settings),
  };

  // One engine call per side: a percent of Max, a cost or the side's own Max give each side its own size.
  const ctx = { price, mark, leverage, symbol, takerRate: defaultFee ? null : feeRate(fees.takerPct) };
  let evaluation: Evaluation | undefined;
  const unpriced: { side: Side; why: Reason }[] = [];
  // Each call's sides, inputs and assumptions (an assumption can be one side's, e.g. a limit that crosses the mark).
  const merge = (result: Evaluation) => {
    evaluation = evaluation
      ? { ...evaluation, sides: [...evaluation.sides, ...result.sides], inputs: mergeInputs(evaluation.inputs, result.inputs), assumptions: [...evaluation.assumptions, ...result.assumptions] }
      : result;
  };
  for (const side of sides) {
    const quantity = quantityFor(snapshot, sizes, side, ctx);
    if (typeof quantity !== 'string') {
      unpriced.push({ side, why: quantity.unavailable });
      continue;
    }
    if (!new D(quantity).gt(0)) {
      unpriced.push({ side, why: reason('evaluate.enterSize') });
      continue;
    }
    const maxQuantity = maxOf(snapshot, sizes, side, mark, symbol);
    const result = evaluateOrder({ ...base, sides: [side], order: { ...base.order, quantity, maxQuantity } });
    if ('error' in result) return { unavailable: [result.error.reason] };
    merge(result);
  }
  if (!evaluation) return { unavailable: [...new Map(unpriced.map(({ why }) => [JSON.stringify(why), why])).values()] };
  // A side whose size cannot be known still lists every limit set (the engine checks them, unchecked for this reason).
  for (const { side, why } of unpriced) {
    const result = evaluateOrder({ ...base, sides: [side], order: { ...base.order, quantity: '', sizeUnknown: why } });
    if ('error' in result) return { unavailable: [result.error.reason] };
    merge(result);
  }
  const priced: Evaluation = evaluation;
  const bySide = [...priced.sides].sort((a, b) => sides.indexOf(a.side) - sides.indexOf(b.side));
  const unique = new Map([...assumptions, ...priced.assumptions].map((a) => [JSON.stringify(a), a]));
  return {
    evaluation: withDisplayStrings(
      {
        ...priced,
        sides: bySide,
        inputs: withPageText(priced.inputs, snapshot),
        assumptions: [...unique.values()],
      },
      settings.figureDecimals,
    ),
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

