/**
 * What every venue's e2e cases share: the position rows a case lists, the legs and other positions the
 * background builds from them, the cross part of the account, and the engine's figures for a scenario.
 * Each venue's file (tests/e2e/cases/<venue>.ts) keeps only what its page and rule differ in. Venue data
 * (rule, tier tables, the assumed maintenance rate, fees, the size step) comes from the registry entry.
 */
import type { Evaluation, ExistingLeg, OpenPosition, OrderScenario, Side } from '../../../src/contracts/evaluation';
import { reason, type Reason } from '../../../src/contracts/reasons';
import { evaluateOrder, RULES, tierForNotional } from '../../../src/engine/index';
import { D } from '../../../src/shared/decimal';
import { DEFAULT_SETTINGS, feeRate } from '../../../src/shared/settings';
import type { Venue } from '../../../src/venues/registry';
import { bundledTable } from '../../../src/venues/tiers';
import { figuresOf, noteCodesOf } from '../expect';
import type { Figures } from '../panel';

export type Locale = 'en' | 'zh-CN' | 'pt-BR';

/** One row of the stand-in's positions list (`si-pos`): sizes in the base asset, always positive. */
export interface PositionSpec {
  /** The venue's symbol (Hyperliquid: the coin). */
  symbol: string;
  side: Side;
  size: string;
  entry: string;
  mark: string;
  mode: 'cross' | 'isolated';
  lev: number;
  /** The position's margin (an isolated position's isolated margin). */
  margin?: string;
}

/** What the page hides from the extension in a case (the engine then gets no cross inputs). */
export interface Hidden {
  /** Cross is unavailable with this reason (other positions unknown, a size that cannot be converted, …). */
  crossUnavailable?: Reason;
}

/** The stand-in's `si-pos` encoding; `extra` appends a venue's further columns to each row. */
export function positionsParam(positions: readonly PositionSpec[], extra: (p: PositionSpec) => string[] = () => []): string {
  return positions.map((p) => [p.symbol, p.side, p.size, p.entry, p.mark, p.mode, p.lev, p.margin ?? '-', ...extra(p)].join(',')).join(';');
}

/** The position on the order's own symbol, as the engine takes it. */
export function existingLeg(p: PositionSpec): ExistingLeg {
  return { side: p.side, size: p.size, entryPrice: p.entry, mode: p.mode, ...(p.mode === 'isolated' && p.margin ? { isolatedMargin: p.margin } : {}) };
}

/** The symbol's maintenance as the background takes it: its bundled table, else the registry's assumed rate. */
export function maintenanceOf(venue: Venue, symbol: string): OrderScenario['market']['maintenance'] {
  const table = bundledTable(venue.id, symbol);
  return table ? { table } : { assumedRate: venue.assumedMaintenance.rate, assumedAmount: '0' };
}

/** Another cross position at its mark: its bundled table's tier (the table kept for the stress), else the assumed rate. */
export function otherPosition(venue: Venue, p: PositionSpec): OpenPosition {
  const base = { symbol: p.symbol, side: p.side, size: p.size, entryPrice: p.entry, markPrice: p.mark };
  const table = bundledTable(venue.id, p.symbol);
  if (!table) return { ...base, maintenanceRate: venue.assumedMaintenance.rate, maintenanceAmount: '0' };
  const tier = tierForNotional(table, RULES[venue.rule], new D(p.size).times(p.mark));
  if (!tier) throw new Error(`${p.symbol} position beyond its tier table`);
  return { ...base, maintenanceRate: tier.rate.toFixed(), maintenanceAmount: tier.amount.toFixed(), table };
}

/** The venue's default taker fee and size step, as the background puts them into the market part. */
export function marketOf(venue: Venue, symbol: string, markPrice: string, lotStep = true): OrderScenario['market'] {
  return {
    markPrice,
    maintenance: maintenanceOf(venue, symbol),
    takerRate: feeRate(DEFAULT_SETTINGS.fees[venue.id].takerPct),
    ...(lotStep ? { lotStep: new D(1).div(new D(10).pow(venue.sizing.lotDecimals)).toFixed() } : {}),
  };
}

type CrossPart = Pick<OrderScenario['account'], 'cross' | 'crossUnavailable' | 'accountEquity'>;

/** The cross part of the account: logged out, hidden from the extension, or the wallet and the other cross positions. */
export function crossPart(loggedIn: boolean, hidden: Hidden, wallet: string, equity: string, others: readonly OpenPosition[]): CrossPart {
  if (!loggedIn) return { crossUnavailable: reason('cross.loggedOut') };
  if (hidden.crossUnavailable) return { crossUnavailable: hidden.crossUnavailable, accountEquity: equity };
  return { cross: { walletBalance: wallet, otherPositions: [...others] }, accountEquity: equity };
}

/** The engine's Evaluation for a scenario (a refused scenario is a broken case). */
export function evaluated(scenario: OrderScenario): Evaluation {
  const result = evaluateOrder(scenario);
  if ('error' in result) throw new Error(`engine refused the case: ${result.error.field}: ${result.error.reason.code}`);
  return result;
}

/** A venue's case functions from its scenario builder: the Evaluation, the figures and the note codes. */
export function expectations<C, H = Hidden>(scenarioOf: (c: C, hidden?: H) => OrderScenario) {
  const evaluationOf = (c: C, hidden?: H): Evaluation => evaluated(scenarioOf(c, hidden));
  return {
    evaluationOf,
    expectedFigures: (c: C, hidden?: H): Figures => figuresOf(evaluationOf(c, hidden)),
    expectedNoteCodes: (c: C, hidden?: H): string[] => noteCodesOf(evaluationOf(c, hidden)),
  };
}
