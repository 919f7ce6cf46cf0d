import { D, type Dec } from '../shared/decimal';

/** One maintenance tier, parsed. `amount` is the deduction (Binance cum, Bybit mmDeduction, HL deduction). */
export interface Tier {
  label: string;
  floor: Dec | null;
  maxLeverage: Dec | null;
  rate: Dec;
  amount: Dec;
}

/** A normalised table: sorted by floor, every rate and amount filled in (golden-vectors.md §5). */
export interface Tiers {
  tiers: Tier[];
  /** '[floor, cap)': highest tier whose floor ≤ value. '(floor, cap]': highest tier whose floor < value. */
  upperInclusive: boolean;
  /** A partial table has no answer above its last cap. */
  lastCap: Dec | null;
  partial: boolean;
}

export interface RawTier {
  tier?: string;
  floor?: string | null;
  cap?: string | null;
  maxLeverage?: string | null;
  rate?: string | null;
  amount?: string | null;
}

const TWO = new D(2);

/**
 * Sort, default the rate to 1/(2·maxLeverage) (Hyperliquid rule) and rebuild missing amounts with the
 * continuity recurrence amount_n = amount_{n−1} + floor_n·(rate_n − rate_{n−1}). Venues without a
 * deduction (OKX, Gate) pass withAmounts = false and get 0 everywhere.
 * Throws a TierTableError naming the bad row; callers turn it into a typed engine error.
 */
export function normaliseTiers(
  raw: readonly RawTier[],
  opts: { withAmounts: boolean; upperInclusive?: boolean; partial?: boolean },
): Tiers {
  if (raw.length === 0) throw new TierTableError('the tier table is empty');
  const parsed = raw.map((row, i) => {
    const label = row.tier ?? String(i + 1);
    const floor = row.floor == null ? null : parseNonNegative(row.floor, `tier ${label} floor`);
    if (floor === null && i !== 0) throw new TierTableError(`tier ${label} has no floor (only the first tier may omit it)`);
    const maxLeverage = row.maxLeverage == null ? null : parsePositive(row.maxLeverage, `tier ${label} maxLeverage`);
    let rate: Dec;
    if (row.rate != null) rate = parseNonNegative(row.rate, `tier ${label} rate`);
    else if (maxLeverage) rate = new D(1).div(maxLeverage.times(TWO));
    else throw new TierTableError(`tier ${label} has neither a rate nor a maxLeverage`);
    const amount = row.amount == null ? null : parseFinite(row.amount, `tier ${label} amount`);
    const cap = row.cap == null ? null : parseNonNegative(row.cap, `tier ${label} cap`);
    return { label, floor, maxLeverage, rate, amount, cap };
  });
  parsed.sort((a, b) => (a.floor === null ? -1 : b.floor === null ? 1 : a.floor.cmp(b.floor)));
  const tiers: Tier[] = [];
  let previous: Tier | undefined;
  for (const row of parsed) {
    let amount: Dec;
    if (!opts.withAmounts) amount = new D(0);
    else if (row.amount) amount = row.amount;
    else if (previous && row.floor) amount = previous.amount.plus(row.floor.times(row.rate.minus(previous.rate)));
    else amount = new D(0);
    const tier = { label: row.label, floor: row.floor, maxLeverage: row.maxLeverage, rate: row.rate, amount };
    tiers.push(tier);
    previous = tier;
  }
  const last = parsed[parsed.length - 1];
  return {
    tiers,
    upperInclusive: opts.upperInclusive ?? false,
    lastCap: last?.cap ?? null,
    partial: opts.partial ?? false,
  };
}

/** Index of the tier that holds `value`; above the last cap the last tier (unless the table is partial). */
export function tierIndexFor(table: Tiers, value: Dec): number | 'beyond-table' {
  if (table.partial && table.lastCap && value.gt(table.lastCap)) return 'beyond-table';
  const list = table.tiers;
  // Ascending: most positions sit in the first tiers, so this usually stops after a comparison or two.
  let index = 0;
  for (let i = 1; i < list.length; i++) {
    const floor = list[i]!.floor!;
    if (table.upperInclusive ? value.lte(floor) : value.lt(floor)) break;
    index = i;
  }
  return index;
}

export class TierTableError extends Error {}

function parseFinite(text: string, what: string): Dec {
  let d: Dec;
  try {
    d = new D(text);
  } catch {
    throw new TierTableError(`${what} is not a number: ${JSON.stringify(text)}`);
  }
  if (!d.isFinite()) throw new TierTableError(`${what} is not finite`);
  return d;
}
function parseNonNegative(text: string, what: string): Dec {
  const d = parseFinite(text, what);
  if (d.isNeg()) throw new TierTableError(`${what} is negative`);
  return d;
}
function parsePositive(text: string, what: string): Dec {
  const d = parseFinite(text, what);
  if (!d.gt(0)) throw new TierTableError(`${what} must be positive`);
  return d;
}
