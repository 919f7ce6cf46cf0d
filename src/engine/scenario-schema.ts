import { D, type Dec } from '../shared/decimal';
import type { EngineError, VenueId } from './evaluation';
import { FieldError, fieldError, parseDecimal, type SignCheck } from './input';
import { VENUE_RULES } from './rules';
import type { Collateral, Leg, Maintenance, OtherPosition, PositionScenario, Sign } from './position';
import { normaliseTiers, TierTableError, type RawTier, type Tiers } from './tiers';

/**
 * Parsing of the canonical scenario schema (golden-vectors.md §3) into the solver's typed input.
 * Every bad input becomes { error: { field, message } } naming the field: never an exception, never a number.
 */

export type ParsedScenario =
  | { kind: 'liquidation'; venue: VenueId; scenario: PositionScenario }
  | { kind: 'tierLookup'; venue: VenueId; tiers: Tiers; value: Dec };

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function objectAt(parent: Json, key: string, path: string, required: boolean): Json | undefined {
  const v = parent[key];
  if (v === undefined || v === null) {
    if (required) throw new FieldError(path, `${path} is required`);
    return undefined;
  }
  if (!isObject(v)) throw new FieldError(path, `${path} must be an object`);
  return v;
}

/** An optional decimal field of a JSON object. */
function decimalAt(parent: Json, key: string, path: string, check: SignCheck = 'any'): Dec | undefined {
  const v = parent[key];
  return v === undefined || v === null ? undefined : parseDecimal(v, path, check);
}

function positiveAt(parent: Json, key: string, path: string, required = false): Dec | undefined {
  const d = decimalAt(parent, key, path, 'positive');
  if (d === undefined && required) throw new FieldError(path, `${path} is required`);
  return d;
}

function nonNegativeAt(parent: Json, key: string, path: string): Dec | undefined {
  return decimalAt(parent, key, path, 'nonNegative');
}

function enumAt<T extends string>(parent: Json, key: string, path: string, allowed: readonly T[], fallback?: T): T {
  const v = parent[key];
  if (v === undefined || v === null) {
    if (fallback !== undefined) return fallback;
    throw new FieldError(path, `${path} is required (one of ${allowed.join(', ')})`);
  }
  if (typeof v !== 'string' || !allowed.includes(v as T)) {
    throw new FieldError(path, `${path} must be one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
  }
  return v as T;
}

const VENUE_IDS = Object.keys(VENUE_RULES) as VenueId[];

function parseTiers(maintenance: Json, path: string, venue: VenueId): Tiers {
  const raw = maintenance.tiers;
  if (!Array.isArray(raw) || raw.length === 0) throw new FieldError(`${path}.tiers`, `${path}.tiers must be a non-empty array`);
  const rows: RawTier[] = raw.map((t, i) => {
    if (!isObject(t)) throw new FieldError(`${path}.tiers[${i}]`, `${path}.tiers[${i}] must be an object`);
    const text = (k: string) => {
      const v = t[k];
      if (v === undefined || v === null) return null;
      if (typeof v !== 'string' && typeof v !== 'number') throw new FieldError(`${path}.tiers[${i}].${k}`, `must be a decimal string`);
      return String(v);
    };
    return { tier: text('tier') ?? undefined, floor: text('floor'), cap: text('cap'), maxLeverage: text('maxLeverage'), rate: text('rate'), amount: text('amount') };
  });
  try {
    return normaliseTiers(rows, { withAmounts: VENUE_RULES[venue].hasDeduction });
  } catch (err) {
    if (err instanceof TierTableError) throw new FieldError(`${path}.tiers`, err.message);
    throw err;
  }
}

function parseMaintenance(m: Json | undefined, path: string, venue: VenueId): Maintenance {
  if (!m) return { kind: 'none' };
  const given = ['rate', 'assetMaxLeverage', 'tiers'].filter((k) => m[k] !== undefined && m[k] !== null);
  if (given.length > 1) throw new FieldError(path, `${path} must give exactly one of rate, assetMaxLeverage, tiers`);
  if (m.tiers !== undefined && m.tiers !== null) return { kind: 'table', table: parseTiers(m, path, venue) };
  const assetMax = positiveAt(m, 'assetMaxLeverage', `${path}.assetMaxLeverage`);
  if (assetMax) {
    return { kind: 'fixed', tier: { label: '', floor: null, maxLeverage: assetMax, rate: new D(1).div(assetMax.times(2)), amount: new D(0) } };
  }
  const rate = nonNegativeAt(m, 'rate', `${path}.rate`);
  if (rate === undefined) return { kind: 'none' };
  if (rate.gte(1)) throw new FieldError(`${path}.rate`, `${path}.rate is a fraction and must be below 1, got ${rate.toFixed()}`);
  const amount = VENUE_RULES[venue].hasDeduction ? (decimalAt(m, 'amount', `${path}.amount`) ?? new D(0)) : new D(0);
  return { kind: 'fixed', tier: { label: '', floor: null, maxLeverage: null, rate, amount } };
}

interface LegInput {
  leg: Omit<Leg, 'maintenance'>;
  leverage: Dec | undefined;
}

function parseLeg(p: Json, path: string, inverse: boolean, entryRequired: boolean, needContracts: boolean): LegInput {
  const side = enumAt(p, 'side', `${path}.side`, ['long', 'short'] as const);
  const quantity = positiveAt(p, 'quantity', `${path}.quantity`, true)!;
  const unit = enumAt(p, 'quantityUnit', `${path}.quantityUnit`, ['base', 'usd', 'contracts'] as const, inverse ? 'usd' : 'base');
  if (unit === 'usd' && !inverse) throw new FieldError(`${path}.quantityUnit`, `${path}.quantityUnit 'usd' is for inverse contracts`);
  if (unit === 'base' && inverse) throw new FieldError(`${path}.quantityUnit`, `${path}.quantityUnit 'base' is for linear contracts`);
  const contractSize = positiveAt(p, 'contractSize', `${path}.contractSize`);
  if (unit === 'contracts' && !contractSize) throw new FieldError(`${path}.contractSize`, `${path}.contractSize is required with quantityUnit 'contracts'`);
  const q = unit === 'contracts' ? quantity.times(contractSize!) : quantity;
  let contracts: Dec | null = null;
  if (unit === 'contracts') contracts = quantity;
  else if (contractSize) contracts = quantity.div(contractSize);
  else if (needContracts) throw new FieldError(`${path}.contractSize`, `${path}.contractSize is required with contract-count tiers`);
  const entry = positiveAt(p, 'entryPrice', `${path}.entryPrice`, entryRequired) ?? null;
  const mark = positiveAt(p, 'markPrice', `${path}.markPrice`) ?? null;
  if (!entry && !mark) throw new FieldError(`${path}.entryPrice`, `${path}.entryPrice is required`);
  const leverage = positiveAt(p, 'leverage', `${path}.leverage`);
  return { leg: { s: (side === 'long' ? 1 : -1) as Sign, q, entry, mark, contracts }, leverage };
}

function parseOthers(v: unknown, inverse: boolean, entryRequired: boolean): OtherPosition[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new FieldError('otherPositions', 'otherPositions must be an array');
  return v.map((o, i) => {
    const path = `otherPositions[${i}]`;
    if (!isObject(o)) throw new FieldError(path, `${path} must be an object`);
    const { leg } = parseLeg(o, path, inverse, entryRequired, false);
    const mark = positiveAt(o, 'markPrice', `${path}.markPrice`, true)!;
    const rate = nonNegativeAt(o, 'maintenanceRate', `${path}.maintenanceRate`) ?? new D(0);
    const amount = decimalAt(o, 'maintenanceAmount', `${path}.maintenanceAmount`) ?? new D(0);
    return { s: leg.s, q: leg.q, entry: leg.entry, mark, inverse, rate, amount };
  });
}

function parseCollateral(c: Json, mode: 'isolated' | 'cross', venue: VenueId, position: LegInput, inverse: boolean): Collateral {
  if (mode === 'isolated') {
    let margin = nonNegativeAt(c, 'isolatedMargin', 'collateral.isolatedMargin');
    if (margin === undefined) {
      const { leg, leverage } = position;
      if (!leverage) throw new FieldError('position.leverage', 'isolated mode needs collateral.isolatedMargin or position.leverage');
      if (!leg.entry) throw new FieldError('position.entryPrice', 'the default isolated margin needs position.entryPrice');
      margin = (inverse ? leg.q.div(leg.entry) : leg.q.times(leg.entry)).div(leverage);
    }
    const extra = nonNegativeAt(c, 'extraMargin', 'collateral.extraMargin') ?? new D(0);
    return { kind: 'isolated', margin: margin.plus(extra) };
  }
  if (!VENUE_RULES[venue].crossSupported) throw new FieldError('mode', `cross margin is not supported for ${venue}`);
  const wallet = decimalAt(c, 'walletBalance', 'collateral.walletBalance');
  const accountValue = decimalAt(c, 'accountValue', 'collateral.accountValue');
  if ((wallet === undefined) === (accountValue === undefined)) {
    throw new FieldError('collateral', 'cross mode needs exactly one of collateral.walletBalance and collateral.accountValue');
  }
  if (wallet !== undefined) return { kind: 'wallet', balance: wallet };
  if (!position.leg.mark) throw new FieldError('position.markPrice', 'collateral.accountValue needs position.markPrice');
  return { kind: 'accountValue', value: accountValue! };
}

function parseLiquidation(v: Json, venue: VenueId): PositionScenario {
  const rule = VENUE_RULES[venue];
  const inverse = enumAt(v, 'product', 'product', ['linear', 'inverse'] as const, 'linear') === 'inverse';
  const mode = enumAt(v, 'mode', 'mode', ['isolated', 'cross'] as const);
  const positionMode = enumAt(v, 'positionMode', 'positionMode', ['oneWay', 'hedge'] as const, 'oneWay');
  const collateralJson = objectAt(v, 'collateral', 'collateral', false) ?? {};
  const accountValueMode = mode === 'cross' && collateralJson.accountValue !== undefined && collateralJson.accountValue !== null;
  // Entry may be omitted only in cross with accountValue (Hyperliquid style); Bybit always needs it.
  const entryRequired = !accountValueMode || rule.requirementAt === 'entry';
  const maintenanceJson = objectAt(v, 'maintenance', 'maintenance', false);
  const tierUnit = enumAt(maintenanceJson ?? {}, 'tierUnit', 'maintenance.tierUnit', ['notional', 'contracts'] as const, rule.defaultTierUnit);
  const contractTiers = tierUnit === 'contracts' && !!maintenanceJson?.tiers;
  const position = parseLeg(objectAt(v, 'position', 'position', true)!, 'position', inverse, entryRequired, contractTiers);
  const maintenance = parseMaintenance(maintenanceJson, 'maintenance', venue);
  const legs: Leg[] = [{ ...position.leg, maintenance }];
  const oppositeJson = objectAt(v, 'hedgeOpposite', 'hedgeOpposite', false);
  if (oppositeJson && mode === 'cross' && positionMode === 'hedge') {
    const opposite = parseLeg(oppositeJson, 'hedgeOpposite', inverse, entryRequired, contractTiers);
    if (opposite.leg.s === position.leg.s) throw new FieldError('hedgeOpposite.side', 'hedgeOpposite must be on the other side');
    const own = objectAt(oppositeJson, 'maintenance', 'hedgeOpposite.maintenance', false);
    // The opposite leg shares the symbol's mark when it gives none.
    legs.push({ ...opposite.leg, mark: opposite.leg.mark ?? position.leg.mark, maintenance: own ? parseMaintenance(own, 'hedgeOpposite.maintenance', venue) : maintenance });
  }
  const collateral = parseCollateral(collateralJson, mode, venue, position, inverse);
  const orderMargin = nonNegativeAt(collateralJson, 'orderMargin', 'collateral.orderMargin') ?? new D(0);
  const fees = objectAt(v, 'fees', 'fees', false) ?? {};
  const takerRate = nonNegativeAt(fees, 'takerRate', 'fees.takerRate') ?? null;
  const others = mode === 'cross' ? parseOthers(v.otherPositions, inverse, !accountValueMode) : [];
  return {
    rule,
    inverse,
    legs,
    leverage: position.leverage ?? null,
    collateral,
    orderMargin,
    takerRate: takerRate && takerRate.gt(0) ? takerRate : null,
    others,
    tierUnit,
  };
}

/** Parse one scenario object of the canonical schema. */
export function parseScenario(input: unknown): ParsedScenario | EngineError {
  try {
    if (!isObject(input)) throw new FieldError('scenario', 'a scenario must be a JSON object');
    const venue = enumAt(input, 'venue', 'venue', VENUE_IDS);
    const kind = enumAt(input, 'kind', 'kind', ['liquidation', 'tierLookup'] as const, 'liquidation');
    if (kind === 'tierLookup') {
      const maintenance = objectAt(input, 'maintenance', 'maintenance', true)!;
      const lookup = objectAt(input, 'lookup', 'lookup', true)!;
      const value = nonNegativeAt(lookup, 'value', 'lookup.value');
      if (value === undefined) throw new FieldError('lookup.value', 'lookup.value is required');
      return { kind, venue, tiers: parseTiers(maintenance, 'maintenance', venue), value };
    }
    return { kind, venue, scenario: parseLiquidation(input, venue) };
  } catch (err) {
    if (err instanceof FieldError) return fieldError(err.field, err.message);
    return fieldError('scenario', `unreadable scenario: ${err instanceof Error ? err.message : String(err)}`);
  }
}
