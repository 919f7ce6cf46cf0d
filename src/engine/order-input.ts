/** An OrderScenario checked and parsed into decimals: every bad input a FieldError naming its field. */
import { D, type Dec } from '../shared/decimal';
import { NUMBER_LIMIT_KEYS, type ExistingLeg, type Mode, type NumberLimitKey, type OrderScenario, type RiskLimits, type Side } from '../contracts/evaluation';
import { FieldError, invalid, parseDecimal, type SignCheck } from './input';
import type { Maintenance, OtherPosition, Sign } from './position';
import { isRuleId, RULES, type VenueRule } from './rules';
import { tiersFromTable } from './tables';
import { TierTableError, type Tiers } from './tiers';

const ZERO = new D(0);
const HUNDRED = new D(100);


/** Another cross position, with its tier table where one is bundled (the account stress re-checks it). */
export type CrossPosition = OtherPosition & { tiers: Tiers | null };

export interface Parsed {
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
  /** What the symbol's tiers count: notional, or contracts (each `contractSize` base units). */
  tierUnit: 'notional' | 'contracts';
  contractSize?: Dec;
  existing: { side: Side; size: Dec; entry: Dec; mode: Mode; isolatedMargin?: Dec }[];
  cross?: { wallet: Dec; others: CrossPosition[] };
  addedMargin: Dec;
  accountEquity?: Dec;
  pctOfEquity?: Dec;
  reduceOnly: boolean;
  maxQuantity?: Dec;
  lotStep?: Dec;
  funding?: { rate: Dec; intervals: Dec };
  /** Each number limit set, with its text for the check reasons (written once per evaluation, not per mode). */
  limits: { [K in NumberLimitKey]?: { at: Dec; text: string } };
  stopLossRequired: boolean;
}

/** A required decimal from an OrderScenario string field. */
export function dec(text: string | undefined, field: string, check: SignCheck = 'positive'): Dec {
  if (text === undefined || text === '') throw invalid(field, 'input.missing', { field });
  return parseDecimal(text, field, check);
}

const optionalDec = (text: string | undefined, field: string, check: SignCheck = 'positive') =>
  text === undefined || text === '' ? undefined : dec(text, field, check);

const SYMBOL = /^[\p{L}\p{N}][\p{L}\p{N}:_-]{0,39}$/u;

function fraction(text: string, field: string, check: SignCheck): Dec {
  const d = dec(text, field, check);
  if (d.gte(1)) throw invalid(field, 'input.fraction', { field, value: d.toFixed() });
  return d;
}

function parsedTiers(table: Parameters<typeof tiersFromTable>[0], rule: VenueRule, field: string): Tiers {
  try {
    return tiersFromTable(table, rule);
  } catch (err) {
    if (err instanceof TierTableError) throw new FieldError(field, err.reason.code, err.reason.params as Record<string, string>);
    throw err;
  }
}

export function parseOrder(sc: OrderScenario): Parsed {
  if (!isRuleId(sc.rule)) throw invalid('rule', 'input.unknownRule', { rule: String(sc.rule) });
  const rule = RULES[sc.rule];
  if (typeof sc.symbol !== 'string' || !SYMBOL.test(sc.symbol)) throw invalid('symbol', 'input.unknownSymbol', { symbol: String(sc.symbol) });
  const price = dec(sc.order.price, 'order.price');
  // An unknown size is never read as a number: the sides are refused with its reason (order.ts).
  const quantity = sc.order.sizeUnknown ? ZERO : dec(sc.order.quantity, 'order.quantity');
  const leverage = dec(sc.order.leverage, 'order.leverage');
  const mark = dec(sc.market.markPrice, 'market.markPrice');
  const takerRate = fraction(sc.market.takerRate, 'market.takerRate', 'nonNegative');
  let maintenance: Maintenance;
  const m = sc.market.maintenance;
  const contractSize = optionalDec(sc.market.contractSize, 'market.contractSize');
  let tierUnit: Parsed['tierUnit'] = 'notional';
  if ('table' in m) {
    maintenance = { kind: 'table', table: parsedTiers(m.table, rule, 'market.maintenance') };
    // A table in contracts is looked up by the contract count: no count without the contract's size.
    if (m.table.unit === 'contracts') {
      if (!contractSize) throw invalid('market.contractSize', 'input.needs', { field: 'market.maintenance', needs: 'market.contractSize' });
      tierUnit = 'contracts';
    }
  } else {
    const rate = fraction(m.assumedRate, 'market.maintenance.assumedRate', 'nonNegative');
    const amount = dec(m.assumedAmount, 'market.maintenance.assumedAmount', 'any');
    // Rules without a maintenance deduction take none, whatever amount comes with the rate (as the vector schema does).
    maintenance = { kind: 'fixed', tier: { label: '', floor: null, maxLeverage: null, rate, amount: rule.hasDeduction ? amount : ZERO } };
  }
  const existing = sc.account.existing.map((leg: ExistingLeg, i) => ({
    side: leg.side,
    size: dec(leg.size, `account.existing[${i}].size`),
    entry: dec(leg.entryPrice, `account.existing[${i}].entryPrice`),
    mode: leg.mode,
    isolatedMargin: optionalDec(leg.isolatedMargin, `account.existing[${i}].isolatedMargin`, 'nonNegative'),
  }));
  let cross: Parsed['cross'];
  // A rule without cross margin has no cross figures, whatever the page shows (calc refuses cross for it too).
  if (sc.account.cross && rule.crossSupported) {
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
          // A contract count does not change with the price: only a notional table is re-checked under a move.
          tiers: o.table && o.table.unit === 'notional' ? parsedTiers(o.table, rule, `${path}.table`) : null,
        };
      }),
    };
  }
  const accountEquity = optionalDec(sc.account.accountEquity, 'account.accountEquity');
  const limits: Parsed['limits'] = {};
  for (const key of NUMBER_LIMIT_KEYS) {
    const at = optionalDec(sc.limits?.[key], `limits.${key}`);
    if (at) limits[key] = { at, text: at.toFixed() };
  }
  const f = sc.market.funding;
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
    tierUnit,
    contractSize,
    existing,
    cross,
    addedMargin: optionalDec(sc.account.addedIsolatedMargin, 'account.addedIsolatedMargin', 'nonNegative') ?? ZERO,
    accountEquity,
    pctOfEquity: accountEquity ? HUNDRED.div(accountEquity) : undefined,
    reduceOnly: sc.account.reduceOnly === true,
    maxQuantity: optionalDec(sc.order.maxQuantity, 'order.maxQuantity', 'nonNegative'),
    lotStep: optionalDec(sc.market.lotStep, 'market.lotStep'),
    funding: f
      ? {
          rate: dec(f.ratePct, 'market.funding.ratePct', 'any').div(HUNDRED),
          intervals: dec(f.holdHours, 'market.funding.holdHours').div(dec(f.intervalHours, 'market.funding.intervalHours')),
        }
      : undefined,
    limits,
    stopLossRequired: sc.limits?.stopLossRequired === true,
  };
}
