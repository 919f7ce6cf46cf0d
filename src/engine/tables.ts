import type { TierTable } from '../contracts/evaluation';
import type { VenueRule } from './rules';
import type { Dec } from '../shared/decimal';
import { normaliseTiers, tierIndexFor, type Tier, type Tiers } from './tiers';

const parsedTables = new WeakMap<TierTable, Map<boolean, Tiers>>();

/**
 * A table file parsed for the solver (bounds and partial flag as the file states them; amounts kept
 * only where the rule has a deduction). Parsed once per table object: a table does not change while
 * the extension runs.
 */
export function tiersFromTable(table: TierTable, rule: VenueRule): Tiers {
  let byDeduction = parsedTables.get(table);
  if (!byDeduction) parsedTables.set(table, (byDeduction = new Map()));
  let tiers = byDeduction.get(rule.hasDeduction);
  if (!tiers) {
    tiers = normaliseTiers(table.tiers, {
      withAmounts: rule.hasDeduction,
      upperInclusive: table.bounds === '(floor, cap]',
      partial: table.partial,
    });
    byDeduction.set(rule.hasDeduction, tiers);
  }
  return tiers;
}

/** The tier of a table that holds a notional (bounds as the file states); undefined past the end of a partial table. */
export function tierForNotional(table: TierTable, rule: VenueRule, notional: Dec): Tier | undefined {
  const tiers = tiersFromTable(table, rule);
  const index = tierIndexFor(tiers, notional);
  return index === 'beyond-table' ? undefined : tiers.tiers[index];
}
