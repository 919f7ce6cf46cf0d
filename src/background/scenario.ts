/**
 * FormSnapshot + Settings → OrderScenario → engine → Evaluation.
 * This is where "truth over output" is decided: a field the page did not give us clearly becomes the
 * reason a figure is unavailable, never a default that looks like a reading.
 */
import type { Field, FormSnapshot, PositionRow, SizeAmount } from '../adapters/types.ts';
import { bundledTable, evaluateOrder, tierForNotional, unavailableSide } from '../engine/index.ts';
import type { Evaluation, ExistingLeg, InputUsed, OpenPosition, OrderScenario, Side, SideEvaluation } from '../engine/evaluation.ts';
import { D } from '../shared/decimal.ts';
import { withDisplayStrings } from './display.ts';
import type { EvaluateResult } from '../shared/protocol.ts';
import { riskLimits, takerFeeAssumption, takerRate, type Settings } from '../shared/settings.ts';

/** Binance's lowest published first-bracket rate; used, and said, when a symbol has no bundled table. */
const ASSUMED_RATE = '0.004';

/** Binance USDⓈ-M sizes step by 3 decimals on every symbol (stand-in spec §3). */
const LOT_DECIMALS = 3;

/** Trader-facing names of the snapshot's fields, for "can't read: …". */
const FIELD_NAMES: Partial<Record<keyof FormSnapshot, string>> = {
  symbol: 'symbol',
  orderType: 'order type',
  price: 'price',
  quantity: 'quantity',
  quantityUnit: 'quantity unit',
  leverage: 'leverage',
  markPrice: 'mark price',
  positionMode: 'position mode',
  action: 'Open/Close tab',
  walletBalance: 'Wallet Balance',
  maxBuy: 'Max (buy)',
  maxSell: 'Max (sell)',
};

function cantRead(snapshot: FormSnapshot, key: keyof FormSnapshot): string {
  const field = snapshot[key] as Field<unknown>;
  const name = FIELD_NAMES[key] ?? key;
  const what = field.status === 'unsupported' ? 'not supported' : "can't read";
  return `${what}: ${name}${field.why ? ` (${field.why})` : ''}`;
}

const readValue = <T>(field: Field<T>): T | undefined => (field.status === 'read' ? field.value : undefined);

/** A size in base units: as shown, or a quote notional ÷ the mark, rounded half-up to the lot step as the page does. */
function baseSize({ amount, unit }: SizeAmount, mark: string): string {
  return unit === 'base' ? amount : new D(amount).div(mark).toFixed(LOT_DECIMALS, D.ROUND_HALF_UP);
}

/** A positions-list row with its size in base units (a quote size converts at the row's own mark). */
type BaseRow = Omit<PositionRow, 'sizeUnit'>;

function inBase({ sizeUnit, ...row }: PositionRow): BaseRow {
  return { ...row, size: baseSize({ amount: row.size, unit: sizeUnit }, row.markPrice) };
}

function maintenanceFor(symbol: string): OrderScenario['market']['maintenance'] {
  const table = bundledTable('binance', symbol);
  if (table) return { table };
  return { assumedRate: ASSUMED_RATE, assumedAmount: '0', why: `no tier table for ${symbol}` };
}

/** Rate and amount of another open position at its own notional, from its table when we ship one. */
function otherPosition(row: BaseRow, assumptions: string[]): OpenPosition {
  const table = bundledTable('binance', row.symbol);
  const tier = table && tierForNotional(table, 'binance', new D(row.size).times(row.markPrice));
  let rate = ASSUMED_RATE;
  let amount = '0';
  if (tier) {
    rate = tier.rate.toFixed();
    amount = tier.amount.toFixed();
  } else {
    const why = table ? 'beyond its tier table' : 'no tier table for it';
    assumptions.push(`maintenance of ${row.symbol} assumed ${new D(ASSUMED_RATE).times(100).toFixed()}%: ${why}`);
  }
  return { symbol: row.symbol, side: row.side, size: row.size, entryPrice: row.entryPrice, markPrice: row.markPrice, maintenanceRate: rate, maintenanceAmount: amount };
}

interface Account {
  existing: ExistingLeg[];
  cross?: OrderScenario['account']['cross'];
  crossUnavailable?: string;
  accountEquity?: string;
}

/** The account around the order: this symbol's position, the cross pool and the other cross positions. */
function accountFrom(snapshot: FormSnapshot, symbol: string, quote: string, assumptions: string[]): Account {
  const positions = readValue(snapshot.positions)?.map(inBase);
  const loggedIn = readValue(snapshot.loggedIn);
  const existing: ExistingLeg[] = (positions ?? [])
    .filter((row) => row.symbol === symbol)
    .map((row) => ({ side: row.side, size: row.size, entryPrice: row.entryPrice, mode: row.marginMode, isolatedMargin: row.marginMode === 'isolated' ? row.margin : undefined }));
  if (!positions && loggedIn !== false) assumptions.push(`no open ${symbol} position assumed: ${snapshot.positions.why ?? "the positions list can't be read"}`);

  const margin = readValue(snapshot.marginBalance);
  const account: Account = { existing, accountEquity: margin && new D(margin).gt(0) ? margin : undefined };
  const wallet = readValue(snapshot.walletBalance);
  const assetMode = readValue(snapshot.assetMode);
  if (loggedIn === false) account.crossUnavailable = 'log in to see cross';
  else if (loggedIn === undefined) account.crossUnavailable = `can't read: login state${snapshot.loggedIn.why ? ` (${snapshot.loggedIn.why})` : ''}`;
  else if (assetMode !== 'single') {
    account.crossUnavailable = assetMode
      ? `cross needs single-asset mode: ${assetMode === 'multi' ? 'Multi-Assets' : 'Portfolio Margin'} shares collateral across assets with haircuts`
      : "can't read: asset mode";
  } else if (!positions) account.crossUnavailable = `incomplete: other positions unknown (${snapshot.positions.why ?? "can't read the positions list"})`;
  else if (wallet === undefined) account.crossUnavailable = cantRead(snapshot, 'walletBalance');
  else {
    // The cross pool is per margin asset: other symbols settled in the same quote, in cross mode.
    const others = positions.filter((row) => row.symbol !== symbol && row.marginMode === 'cross' && row.symbol.endsWith(quote));
    account.cross = { walletBalance: wallet, otherPositions: others.map((row) => otherPosition(row, assumptions)) };
  }
  return account;
}

/** Order size in base units for each side (a percent of Max differs per side; a quote Max converts at the mark). */
function quantities(snapshot: FormSnapshot, price: string, mark: string, sides: Side[]): Map<Side, string | { unavailable: string }> {
  const qty = readValue(snapshot.quantity)!;
  const unit = readValue(snapshot.quantityUnit)!;
  const out = new Map<Side, string | { unavailable: string }>();
  for (const side of sides) {
    if (unit === 'base') out.set(side, qty);
    else if (unit === 'quote') out.set(side, new D(qty).div(price).toFixed());
    else {
      // "25%" means a quarter of the Max shown under that side's button.
      const maxKey = side === 'long' ? 'maxBuy' : 'maxSell';
      const max = readValue(snapshot[maxKey]);
      out.set(side, max === undefined ? { unavailable: cantRead(snapshot, maxKey) } : new D(qty).div(100).times(baseSize(max, mark)).toFixed());
    }
  }
  return out;
}

/** Page text next to each engine input, so every figure traces back to what was on screen. */
function withPageText(inputs: InputUsed[], snapshot: FormSnapshot): InputUsed[] {
  const raw: Record<string, Field<unknown> | undefined> = {
    price: snapshot.orderType.value === 'market' ? snapshot.markPrice : snapshot.price,
    quantity: snapshot.quantity,
    leverage: snapshot.leverage,
    'mark price': snapshot.markPrice,
    'cross wallet balance': snapshot.walletBalance,
    'account equity': snapshot.marginBalance,
    'stop-loss': snapshot.stopLoss,
  };
  return inputs.map((input) => {
    const field = raw[input.name];
    return field?.raw ? { ...input, source: `${input.source}: page shows "${field.raw}"` } : input;
  });
}

export function evaluateFromSnapshot(snapshot: FormSnapshot, settings: Settings): EvaluateResult {
  if (snapshot.form.status !== 'read') return { unavailable: `order form not found${snapshot.form.why ? `: ${snapshot.form.why}` : ''}` };
  const symbol = readValue(snapshot.symbol);
  if (!symbol) return { unavailable: cantRead(snapshot, 'symbol') };
  const orderType = readValue(snapshot.orderType);
  if (!orderType) return { unavailable: cantRead(snapshot, 'orderType') };
  const missing: (keyof FormSnapshot)[] = (['quantity', 'quantityUnit', 'leverage', 'markPrice', 'positionMode', 'action'] as const).filter((k) => snapshot[k].status !== 'read');
  if (orderType === 'limit' && snapshot.price.status !== 'read') missing.unshift('price');
  if (missing.length) return { unavailable: missing.map((k) => cantRead(snapshot, k)).join('; ') };

  const quote = readValue(snapshot.quoteAsset) ?? 'USDT';
  const mark = readValue(snapshot.markPrice)!;
  const price = orderType === 'market' ? mark : readValue(snapshot.price)!;
  const positionMode = readValue(snapshot.positionMode)!;
  const action = readValue(snapshot.action)!;
  const sides: Side[] = ['long', 'short'];
  const assumptions: string[] = [];
  const feeAssumption = takerFeeAssumption(settings, 'binance');
  if (feeAssumption) assumptions.push(feeAssumption);
  if (orderType === 'market') assumptions.push('market order: filled at the mark price (slippage not included)');
  const account = accountFrom(snapshot, symbol, quote, assumptions);

  const base: Omit<OrderScenario, 'sides' | 'order'> & { order: Omit<OrderScenario['order'], 'quantity'> } = {
    venue: 'binance',
    symbol,
    quoteAsset: quote,
    positionMode,
    action,
    order: { type: orderType, price, leverage: readValue(snapshot.leverage)!, stopLoss: readValue(snapshot.stopLoss), takeProfit: readValue(snapshot.takeProfit) },
    market: { markPrice: mark, maintenance: maintenanceFor(symbol), takerRate: takerRate(settings, 'binance') },
    account: { currentMode: readValue(snapshot.marginMode), ...account },
    limits: riskLimits(settings),
  };

  // One engine call per side: a percent of Max gives each side its own size.
  const perSide = quantities(snapshot, price, mark, sides);
  let evaluation: Evaluation | undefined;
  const unpriced: SideEvaluation[] = [];
  for (const side of sides) {
    const quantity = perSide.get(side)!;
    if (typeof quantity !== 'string') {
      unpriced.push(unavailableSide(side, quantity.unavailable));
      continue;
    }
    if (!new D(quantity).gt(0)) {
      unpriced.push(unavailableSide(side, 'enter a size to see figures'));
      continue;
    }
    const result = evaluateOrder({ ...base, sides: [side], order: { ...base.order, quantity } });
    if ('error' in result) return { unavailable: result.error.message };
    evaluation = evaluation ? { ...evaluation, sides: [...evaluation.sides, ...result.sides], inputs: mergeInputs(evaluation.inputs, result.inputs) } : result;
  }
  if (!evaluation) return { unavailable: [...new Set(unpriced.map((s) => (s.isolated.liquidationPrice as { reason: string }).reason))].join('; ') };
  const bySide = [...evaluation.sides, ...unpriced].sort((a, b) => sides.indexOf(a.side) - sides.indexOf(b.side));
  return {
    evaluation: withDisplayStrings({
      ...evaluation,
      sides: bySide,
      inputs: withPageText(evaluation.inputs, snapshot),
      assumptions: [...new Set([...assumptions, ...evaluation.assumptions])],
    }),
  };
}

/** Inputs of two per-side evaluations; a size that differs per side is listed per side. */
function mergeInputs(a: InputUsed[], b: InputUsed[]): InputUsed[] {
  const merged = [...a];
  for (const input of b) {
    const same = merged.find((m) => m.name === input.name);
    if (!same) merged.push(input);
    else if (same.value !== input.value) merged.push({ ...input, name: `${input.name} (short)` });
  }
  return merged;
}
