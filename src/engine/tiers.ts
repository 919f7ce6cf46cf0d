import { D, type Dec } from '../shared/decimal';
import { reason, type Reason } from '../contracts/reasons';
import { ENGINE_DECIMAL } from './input';

/** One maintenance tier, parsed. `amount` is the maintenance deduction (MM = notional × rate − amount). */
export interface Tier {
  label: string;
  floor: Dec | null;
  maxLeverage: Dec | null;
  rate: Dec;
  amount: Dec;
}

/** A normalised table: sorted by floor, every rate and amount filled in (docs/engine.md, tier tables). */
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
 * Sort, default the rate to 1/(2·maxLeverage) (half the initial margin at the tier's maximum leverage) and rebuild missing amounts with the
 * continuity recurrence amount_n = amount_{n−1} + floor_n·(rate_n − rate_{n−1}). Venues without a
 * deduction pass withAmounts = false and get 0 everywhere.
 * Throws a TierTableError naming the bad row; callers turn it into a typed engine error.
 */
export function normaliseTiers(
  raw: readonly RawTier[],
  opts: { withAmounts: boolean; upperInclusive?: boolean; partial?: boolean },
): Tiers {
  if (raw.length === 0) throw new TierTableError(reason('tiers.empty'));
  const parsed = raw.map((row, i) => {
    const label = row.tier ?? String(i + 1);
    const num = (field: 'floor' | 'cap' | 'maxLeverage' | 'rate' | 'amount', check: (d: Dec) => boolean): Dec | null => {
      const text = row[field];
      if (text == null) return null;
      if (!ENGINE_DECIMAL.test(text) || !check(new D(text))) throw new TierTableError(reason('tiers.badNumber', { tier: label, field }));
      return new D(text);
    };
    const nonNegative = (d: Dec) => !d.isNeg();
    const floor = num('floor', nonNegative);
    if (floor === null && i !== 0) throw new TierTableError(reason('tiers.noFloor', { tier: label }));
    const maxLeverage = num('maxLeverage', (d) => d.gt(0));
    let rate = num('rate', (d) => !d.isNeg() && d.lt(1));
    if (rate === null && maxLeverage) rate = new D(1).div(maxLeverage.times(TWO));
    if (rate === null) throw new TierTableError(reason('tiers.noRate', { tier: label }));
    const amount = num('amount', () => true);
    const cap = num('cap', nonNegative);
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

/** A tier table the engine cannot use; callers turn it into a FieldError naming the table. */
export class TierTableError extends Error {
  constructor(readonly reason: Reason) {
    super(reason.code);
  }
}
