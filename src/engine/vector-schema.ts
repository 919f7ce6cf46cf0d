import { D, type Dec } from '../shared/decimal';
import type { EngineError } from '../contracts/evaluation';
import { asEngineError, invalid, parseDecimal, type SignCheck } from './input';
import { RULES, RULE_IDS, type RuleId } from './rules';
import type { Collateral, Leg, Maintenance, OtherPosition, PositionInput, Sign } from './position';
import { normaliseTiers, TierTableError, type RawTier, type Tiers } from './tiers';

/**
 * Parsing of a golden vector (the venue-neutral position schema of tests/engine/golden-vectors.json,
 * described in docs/engine.md) into the solver's typed input. Every bad input becomes
 * { error: { field, reason } } naming the field: never an exception, never a number.
 */

export type ParsedVector =
  | { kind: 'liquidation'; rule: RuleId; position: PositionInput }
  | { kind: 'tierLookup'; rule: RuleId; tiers: Tiers; value: Dec };

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function objectAt(parent: Json, key: string, path: string, required: boolean): Json | undefined {
  const v = parent[key];
  if (v === undefined || v === null) {
    if (required) throw invalid(path, 'input.required', { field: path });
    return undefined;
  }
  if (!isObject(v)) throw invalid(path, 'input.notObject', { field: path });
  return v;
}

/** An optional decimal field of a JSON object. */
function decimalAt(parent: Json, key: string, path: string, check: SignCheck = 'any'): Dec | undefined {
  const v = parent[key];
  return v === undefined || v === null ? undefined : parseDecimal(v, path, check);
}

function positiveAt(parent: Json, key: string, path: string, required = false): Dec | undefined {
  const d = decimalAt(parent, key, path, 'positive');
  if (d === undefined && required) throw invalid(path, 'input.required', { field: path });
  return d;
}

function nonNegativeAt(parent: Json, key: string, path: string): Dec | undefined {
  return decimalAt(parent, key, path, 'nonNegative');
}

function enumAt<T extends string>(parent: Json, key: string, path: string, allowed: readonly T[], fallback?: T): T {
  const v = parent[key];
  if (v === undefined || v === null) {
    if (fallback !== undefined) return fallback;
    throw invalid(path, 'input.oneOf', { field: path, allowed: allowed.join(', ') });
  }
  if (typeof v !== 'string' || !allowed.includes(v as T)) {
    throw invalid(path, 'input.oneOf', { field: path, allowed: allowed.join(', ') });
  }
  return v as T;
}

function parseTiers(maintenance: Json, path: string, rule: RuleId): Tiers {
  const raw = maintenance.tiers;
  if (!Array.isArray(raw) || raw.length === 0) throw invalid(`${path}.tiers`, 'input.notArray', { field: `${path}.tiers` });
  const rows: RawTier[] = raw.map((t, i) => {
    if (!isObject(t)) throw invalid(`${path}.tiers[${i}]`, 'input.notObject', { field: `${path}.tiers[${i}]` });
    const text = (k: string) => {
      const v = t[k];
      if (v === undefined || v === null) return null;
      if (typeof v !== 'string') throw invalid(`${path}.tiers[${i}].${k}`, 'input.notDecimal', { field: `${path}.tiers[${i}].${k}` });
      return v;
    };
    return { tier: text('tier') ?? undefined, floor: text('floor'), cap: text('cap'), maxLeverage: text('maxLeverage'), rate: text('rate'), amount: text('amount') };
  });
  try {
    return normaliseTiers(rows, { withAmounts: RULES[rule].hasDeduction });
  } catch (err) {
    if (err instanceof TierTableError) throw invalid(`${path}.tiers`, err.reason.code, err.reason.params as never);
    throw err;
  }
}

function parseMaintenance(m: Json | undefined, path: string, rule: RuleId): Maintenance {
  if (!m) return { kind: 'none' };
  const given = ['rate', 'assetMaxLeverage', 'tiers'].filter((k) => m[k] !== undefined && m[k] !== null);
  if (given.length > 1) throw invalid(path, 'input.exactlyOne', { field: path, options: 'rate, assetMaxLeverage, tiers' });
  if (m.tiers !== undefined && m.tiers !== null) return { kind: 'table', table: parseTiers(m, path, rule) };
  const assetMax = positiveAt(m, 'assetMaxLeverage', `${path}.assetMaxLeverage`);
  if (assetMax) {
    return { kind: 'fixed', tier: { label: '', floor: null, maxLeverage: assetMax, rate: new D(1).div(assetMax.times(2)), amount: new D(0) } };
  }
  const rate = nonNegativeAt(m, 'rate', `${path}.rate`);
  if (rate === undefined) return { kind: 'none' };
  if (rate.gte(1)) throw invalid(`${path}.rate`, 'input.fraction', { field: `${path}.rate`, value: rate.toFixed() });
  const amount = RULES[rule].hasDeduction ? (decimalAt(m, 'amount', `${path}.amount`) ?? new D(0)) : new D(0);
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
  if (unit === 'usd' && !inverse) throw invalid(`${path}.quantityUnit`, 'input.oneOf', { field: `${path}.quantityUnit`, allowed: 'base, contracts' });
  if (unit === 'base' && inverse) throw invalid(`${path}.quantityUnit`, 'input.oneOf', { field: `${path}.quantityUnit`, allowed: 'usd, contracts' });
  const contractSize = positiveAt(p, 'contractSize', `${path}.contractSize`);
  if (unit === 'contracts' && !contractSize) throw invalid(`${path}.contractSize`, 'input.needs', { field: `${path}.quantityUnit`, needs: `${path}.contractSize` });
  const q = unit === 'contracts' ? quantity.times(contractSize!) : quantity;
  let contracts: Dec | null = null;
  if (unit === 'contracts') contracts = quantity;
  else if (contractSize) contracts = quantity.div(contractSize);
  else if (needContracts) throw invalid(`${path}.contractSize`, 'input.needs', { field: 'maintenance.tierUnit', needs: `${path}.contractSize` });
  const entry = positiveAt(p, 'entryPrice', `${path}.entryPrice`, entryRequired) ?? null;
  const mark = positiveAt(p, 'markPrice', `${path}.markPrice`) ?? null;
  if (!entry && !mark) throw invalid(`${path}.entryPrice`, 'input.required', { field: `${path}.entryPrice` });
  const leverage = positiveAt(p, 'leverage', `${path}.leverage`);
  return { leg: { s: (side === 'long' ? 1 : -1) as Sign, q, entry, mark, contracts }, leverage };
}

function parseOthers(v: unknown, inverse: boolean, entryRequired: boolean): OtherPosition[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw invalid('otherPositions', 'input.notArray', { field: 'otherPositions' });
  return v.map((o, i) => {
    const path = `otherPositions[${i}]`;
    if (!isObject(o)) throw invalid(path, 'input.notObject', { field: path });
    const { leg } = parseLeg(o, path, inverse, entryRequired, false);
    const mark = positiveAt(o, 'markPrice', `${path}.markPrice`, true)!;
    const rate = nonNegativeAt(o, 'maintenanceRate', `${path}.maintenanceRate`) ?? new D(0);
    const amount = decimalAt(o, 'maintenanceAmount', `${path}.maintenanceAmount`) ?? new D(0);
    return { s: leg.s, q: leg.q, entry: leg.entry, mark, inverse, rate, amount };
  });
}

function parseCollateral(c: Json, mode: 'isolated' | 'cross', rule: RuleId, position: LegInput, inverse: boolean): Collateral {
  if (mode === 'isolated') {
    let margin = nonNegativeAt(c, 'isolatedMargin', 'collateral.isolatedMargin');
    if (margin === undefined) {
      const { leg, leverage } = position;
      if (!leverage) throw invalid('position.leverage', 'input.needs', { field: 'collateral.isolatedMargin', needs: 'position.leverage' });
      if (!leg.entry) throw invalid('position.entryPrice', 'input.needs', { field: 'collateral.isolatedMargin', needs: 'position.entryPrice' });
      margin = (inverse ? leg.q.div(leg.entry) : leg.q.times(leg.entry)).div(leverage);
    }
    const extra = nonNegativeAt(c, 'extraMargin', 'collateral.extraMargin') ?? new D(0);
    return { kind: 'isolated', margin: margin.plus(extra) };
  }
  if (!RULES[rule].crossSupported) throw invalid('mode', 'input.crossNotSupported', { rule });
  const wallet = decimalAt(c, 'walletBalance', 'collateral.walletBalance');
  const accountValue = decimalAt(c, 'accountValue', 'collateral.accountValue');
  if ((wallet === undefined) === (accountValue === undefined)) {
    throw invalid('collateral', 'input.exactlyOne', { field: 'collateral', options: 'walletBalance, accountValue' });
  }
  if (wallet !== undefined) return { kind: 'wallet', balance: wallet };
  if (!position.leg.mark) throw invalid('position.markPrice', 'input.needs', { field: 'collateral.accountValue', needs: 'position.markPrice' });
  return { kind: 'accountValue', value: accountValue! };
}

function parseLiquidation(v: Json, ruleId: RuleId): PositionInput {
  const rule = RULES[ruleId];
  const inverse = enumAt(v, 'product', 'product', ['linear', 'inverse'] as const, 'linear') === 'inverse';
  const mode = enumAt(v, 'mode', 'mode', ['isolated', 'cross'] as const);
  const positionMode = enumAt(v, 'positionMode', 'positionMode', ['oneWay', 'hedge'] as const, 'oneWay');
  const collateralJson = objectAt(v, 'collateral', 'collateral', false) ?? {};
  const accountValueMode = mode === 'cross' && collateralJson.accountValue !== undefined && collateralJson.accountValue !== null;
  // Entry may be omitted only in cross with accountValue; a rule with MM on the entry value always needs it.
  const entryRequired = !accountValueMode || rule.requirementAt === 'entry';
  const maintenanceJson = objectAt(v, 'maintenance', 'maintenance', false);
  const tierUnit = enumAt(maintenanceJson ?? {}, 'tierUnit', 'maintenance.tierUnit', ['notional', 'contracts'] as const, rule.defaultTierUnit);
  const contractTiers = tierUnit === 'contracts' && !!maintenanceJson?.tiers;
  const position = parseLeg(objectAt(v, 'position', 'position', true)!, 'position', inverse, entryRequired, contractTiers);
  const maintenance = parseMaintenance(maintenanceJson, 'maintenance', ruleId);
  const legs: Leg[] = [{ ...position.leg, maintenance }];
  const oppositeJson = objectAt(v, 'hedgeOpposite', 'hedgeOpposite', false);
  if (oppositeJson && mode === 'cross' && positionMode === 'hedge') {
    const opposite = parseLeg(oppositeJson, 'hedgeOpposite', inverse, entryRequired, contractTiers);
    if (opposite.leg.s === position.leg.s) throw invalid('hedgeOpposite.side', 'input.oneOf', { field: 'hedgeOpposite.side', allowed: position.leg.s === 1 ? 'short' : 'long' });
    const own = objectAt(oppositeJson, 'maintenance', 'hedgeOpposite.maintenance', false);
    // The opposite leg shares the symbol's mark when it gives none.
    legs.push({ ...opposite.leg, mark: opposite.leg.mark ?? position.leg.mark, maintenance: own ? parseMaintenance(own, 'hedgeOpposite.maintenance', ruleId) : maintenance });
  }
  const collateral = parseCollateral(collateralJson, mode, ruleId, position, inverse);
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

/** Parse one golden vector. Its `venue` field names the rule (a key of RULES). */
export function parseVector(input: unknown): ParsedVector | EngineError {
  try {
    if (!isObject(input)) throw invalid('vector', 'input.notObject', { field: 'vector' });
    const rule = enumAt(input, 'venue', 'venue', RULE_IDS);
    const kind = enumAt(input, 'kind', 'kind', ['liquidation', 'tierLookup'] as const, 'liquidation');
    if (kind === 'tierLookup') {
      const maintenance = objectAt(input, 'maintenance', 'maintenance', true)!;
      const lookup = objectAt(input, 'lookup', 'lookup', true)!;
      const value = nonNegativeAt(lookup, 'value', 'lookup.value');
      if (value === undefined) throw invalid('lookup.value', 'input.required', { field: 'lookup.value' });
      return { kind, rule, tiers: parseTiers(maintenance, 'maintenance', rule), value };
    }
    return { kind, rule, position: parseLiquidation(input, rule) };
  } catch (err) {
    return asEngineError(err, 'vector');
  }
}
