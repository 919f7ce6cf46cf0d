/**
 * The pop-up's calculator: an order typed by hand → the same OrderScenario path as a page's order
 * (the venue's rule, tier table or maintenance rate, the user's fees and limits) → the engine's
 * Evaluation and the position under price moves from −50 % to +50 %.
 */
import type { CalculatorFieldError, CalculatorInput, CalculatorResult, ModeAtMove, OpenPosition, OrderScenario, PriceMove } from '../contracts/evaluation.ts';
import { reason, type Reason } from '../contracts/reasons.ts';
import { evaluateOrder, RULES, tierForNotional } from '../engine/index.ts';
import { priceMoves } from '../engine/price-moves.ts';
import { D } from '../shared/decimal.ts';
import { feeRate, riskLimits, type FigureDecimals, type Settings } from '../shared/settings.ts';
import { isVenueId, venueById, type Venue } from '../venues/registry.ts';
import { bundledTable } from '../venues/tiers.ts';
import { formatDecimal } from '../shared/plain-decimal.ts';
import { withDisplayStrings } from './display.ts';

/** The moves the slider offers, in %. */
export const CALCULATOR_MOVES = Array.from({ length: 21 }, (_, i) => String(i * 5 - 50));

/** The symbol's bundled table, else the rate typed in the calculator, the options' rate, or the registry's assumption. */
function maintenance(venue: Venue, symbol: string, ratePct: string | undefined, settings: Settings): OrderScenario['market']['maintenance'] {
  const table = bundledTable(venue.id, symbol);
  if (table) return { table };
  const pct = ratePct ?? settings.maintenance[venue.id].ratePct;
  return { assumedRate: pct === null ? venue.assumedMaintenance.rate : new D(pct).div(100).toFixed(), assumedAmount: '0' };
}

function otherPosition(venue: Venue, o: CalculatorInput['otherPositions'][number], settings: Settings): OpenPosition {
  const table = bundledTable(venue.id, o.symbol);
  const tier = table && tierForNotional(table, RULES[venue.rule], new D(o.size).times(o.markPrice));
  const assumed = settings.maintenance[venue.id].ratePct;
  const rate = tier ? tier.rate.toFixed() : assumed === null ? venue.assumedMaintenance.rate : new D(assumed).div(100).toFixed();
  const position: OpenPosition = { ...o, maintenanceRate: rate, maintenanceAmount: tier ? tier.amount.toFixed() : '0' };
  if (tier && table) position.table = table;
  return position;
}

/** The calculator field an engine error names (the scenario path the calculator filled from it). */
export function calculatorField(enginePath: string, input: CalculatorInput): string {
  const other = /^account\.cross\.otherPositions\[(\d+)\]\.(size|entryPrice|markPrice)$/.exec(enginePath);
  if (other) return `otherPositions.${other[1]}.${other[2]}`;
  const fields: Record<string, string> = {
    'order.price': 'entryPrice',
    'order.quantity': input.size !== undefined ? 'size' : 'margin',
    'order.leverage': 'leverage',
    'market.markPrice': input.markPrice !== undefined ? 'markPrice' : 'entryPrice',
    'market.maintenance.assumedRate': 'maintenanceRatePct',
    'account.cross.walletBalance': 'walletBalance',
    // The account equity is the wallet plus the other positions' PnL.
    'account.accountEquity': 'walletBalance',
    'account.addedIsolatedMargin': 'addedIsolatedMargin',
    symbol: 'symbol',
  };
  return fields[enginePath] ?? 'calculator';
}

/** The slider's figures rounded for the eye, as the Evaluation's are (display.ts). */
function movesWithDisplay(move: PriceMove, decimals: FigureDecimals): PriceMove {
  const at = (m: ModeAtMove | null): ModeAtMove | null =>
    m && { ...m, display: { pnl: formatDecimal(m.pnl, 'money', decimals), marginRatioPct: m.marginRatioPct === null ? null : formatDecimal(m.marginRatioPct, 'percent') } };
  return { ...move, isolated: at(move.isolated), cross: at(move.cross) };
}

const invalid = (field: string, why: Reason) => ({ invalid: [{ field, reason: why }] });

export function calculate(input: CalculatorInput, settings: Settings): CalculatorResult | { invalid: CalculatorFieldError[] } {
  if (!isVenueId(input.venue)) return invalid('venue', reason('evaluate.venueNotSupported', { venue: input.venue }));
  const venue = venueById(input.venue);
  if ((input.size === undefined) === (input.margin === undefined)) return invalid(input.size === undefined ? 'size' : 'margin', reason('input.exactlyOne', { field: 'size', options: 'size, margin' }));
  for (const field of ['entryPrice', 'leverage'] as const) {
    if (!new D(input[field]).gt(0)) return invalid(field, reason('input.notPositive', { field, value: input[field] }));
  }
  const lotStep = new D(1).div(new D(10).pow(venue.sizing.lotDecimals));
  // A margin buys margin × leverage ÷ entry, down to the size step (the venue's pages size in steps).
  const quantity = input.size ?? new D(input.margin!).times(input.leverage).div(input.entryPrice).toDecimalPlaces(venue.sizing.lotDecimals, D.ROUND_DOWN);
  if (input.margin !== undefined && !new D(quantity).gt(0)) return invalid('margin', reason('input.belowStep', { field: 'margin', step: lotStep.toFixed() }));
  const m = maintenance(venue, input.symbol, input.maintenanceRatePct, settings);
  const quote = venue.quoteAssets[0]!;
  const others = input.otherPositions.map((o) => otherPosition(venue, o, settings));
  const otherPnl = input.otherPositions.reduce((sum, o) => sum.plus(new D(o.size).times(new D(o.markPrice).minus(o.entryPrice)).times(o.side === 'long' ? 1 : -1)), new D(0));
  const scenario: OrderScenario = {
    rule: venue.rule,
    symbol: input.symbol,
    quoteAsset: quote,
    positionMode: 'oneWay',
    sides: [input.side],
    action: 'open',
    order: { type: 'limit', price: input.entryPrice, quantity: new D(quantity).toFixed(), leverage: input.leverage },
    market: {
      markPrice: input.markPrice ?? input.entryPrice,
      maintenance: m,
      takerRate: feeRate(settings.fees[venue.id].takerPct),
      lotStep: lotStep.toFixed(),
    },
    account: {
      existing: [],
      addedIsolatedMargin: input.addedIsolatedMargin,
      ...(input.walletBalance !== undefined
        ? { cross: { walletBalance: input.walletBalance, otherPositions: others }, accountEquity: new D(input.walletBalance).plus(otherPnl).toFixed() }
        : { crossUnavailable: reason('cross.enterWallet') }),
    },
    limits: riskLimits(settings),
  };
  const evaluation = evaluateOrder(scenario);
  if ('error' in evaluation) return invalid(calculatorField(evaluation.error.field, input), evaluation.error.reason);
  const moves = priceMoves(scenario, input.side, CALCULATOR_MOVES);
  if ('error' in moves) return invalid(calculatorField(moves.error.field, input), moves.error.reason);
  const table = 'table' in m ? m.table : null;
  const first = table?.tiers[0];
  return { evaluation: withDisplayStrings(evaluation, settings.figureDecimals), maxLeverage: first?.maxLeverage ?? null, moves: moves.map((move) => movesWithDisplay(move, settings.figureDecimals)) };
}
