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
import { DEFAULT_SETTINGS, feeRate, riskLimits } from '../../../src/shared/settings';
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

export type CrossPart = Pick<OrderScenario['account'], 'cross' | 'crossUnavailable' | 'accountEquity'>;

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

/** What every venue's case has: the form's margin mode, leverage, price and size, the mark and the account. */
export interface CaseBase {
  mode: 'cross' | 'isolated';
  lev: number;
  /** Limit price. */
  price: string;
  /** Order size in the base asset. */
  qty: string;
  mark: string;
  wallet: string;
  upnl?: string;
  mm?: string;
  positions?: PositionSpec[];
  auth?: string;
}

/**
 * The page parameters every stand-in takes alike (tests/sites/README.md: page parameters), with the size as
 * the page shows it and the venue's `si-pos` rows; the venue adds its own, the caller seed, delay and storm.
 */
export function commonParams(c: CaseBase, shownQty: string, rows: (p: readonly PositionSpec[]) => string = positionsParam): Record<string, string> {
  const params: Record<string, string> = {
    'si-mode': c.mode,
    'si-lev': String(c.lev),
    'si-qty': shownQty,
    'si-mark': c.mark,
    'si-wallet': c.wallet,
    'si-upnl': c.upnl ?? '0',
    'si-mm': c.mm ?? '0',
    'si-auth': c.auth ?? 'in',
  };
  if (c.positions?.length) params['si-pos'] = rows(c.positions);
  return params;
}

/** A stand-in URL: the venue's page address and the page parameters, the caller's last. */
export function withQuery(address: string, params: Record<string, string>, extra: Record<string, string>): string {
  return `${address}?${new URLSearchParams({ ...params, ...extra })}`;
}

/** What a venue's page decides for the scenario beyond the case itself. */
export interface ScenarioParts {
  symbol: string;
  quoteAsset: string;
  sides: OrderScenario['sides'];
  type?: 'limit' | 'market';
  loggedIn: boolean;
  cross: CrossPart;
  /** Put the size step into the market part (as the background does for the venue). */
  lotStep?: boolean;
}

/** The one-way OrderScenario the background should build from a case's page (a market order at the mark). */
export function scenarioOf(venue: Venue, c: CaseBase, parts: ScenarioParts): OrderScenario {
  const type = parts.type ?? 'limit';
  return {
    rule: venue.rule,
    symbol: parts.symbol,
    quoteAsset: parts.quoteAsset,
    positionMode: 'oneWay',
    sides: parts.sides,
    action: 'open',
    order: { type, price: type === 'market' ? c.mark : c.price, quantity: c.qty, leverage: String(c.lev) },
    market: marketOf(venue, parts.symbol, c.mark, parts.lotStep ?? true),
    account: {
      currentMode: c.mode,
      reduceOnly: false,
      existing: parts.loggedIn ? (c.positions ?? []).filter((p) => p.symbol === parts.symbol).map(existingLeg) : [],
      ...parts.cross,
    },
    limits: riskLimits(DEFAULT_SETTINGS),
  };
}
