/**
 * The account panel and the header's mark price (README: Account panel, Mark price): label/value
 * pairs outside the form root, the positions panel and dialogs; each label must occur exactly once
 * visibly. Each pair found is a source the watcher observes (only its own label and value: the
 * header's storming last price sits beside it, not in it).
 */
import type { Field } from '../../contracts/snapshot';
import type { ItemCode } from '../../contracts/reasons';
import type { VisibilityTest } from '../kit/dom';
import { readField, type NumText } from '../kit/fields';
import { keyedPairs, type AccountReading as KitAccountReading } from '../kit/pairs';
import type { PartScope } from '../kit/reader';
import { amountIn, percent } from '../kit/values';
import { parseAmount } from './form';
import { HOOKS, type Labels } from './selectors';

export interface AccountValues {
  walletBalance: Field<NumText>;
  marginBalance: Field<NumText>;
  maintenanceMargin: Field<NumText>;
  unrealizedPnl: Field<NumText>;
  marginRatio: Field<NumText>;
  markPrice: Field<NumText>;
}

export type AccountReading = KitAccountReading<AccountValues>;

export interface AccountScope extends PartScope<Labels> {
  quoteAsset: string | null;
  /** Subtrees whose pairs are not the account panel's (the form root, the positions panel). */
  excluded: readonly Element[];
}

type AccountKey = keyof AccountValues;

export function readAccount(scope: AccountScope): AccountReading {
  const { labels } = scope;
  const a = labels.account;
  const labelOf: Record<AccountKey, string> = {
    walletBalance: a.walletBalance,
    marginBalance: a.marginBalance,
    maintenanceMargin: a.maintenanceMargin,
    unrealizedPnl: a.unrealizedPnl,
    marginRatio: a.marginRatio,
    markPrice: labels.mark,
  };
  const outside = (el: Element): boolean =>
    el.closest(HOOKS.dialog) !== null || el.closest('table') !== null || scope.excluded.some((x) => x.contains(el));
  // Logged out, the panel is a login prompt: that is the whole of this part, nothing to wait for.
  const pairs = keyedPairs(scope.doc, labelOf, scope.visible, outside, scope.loading, true);
  const one = pairs.byKey;
  const amount = (item: ItemCode & AccountKey): Field<NumText> => one(item, scope.loggedIn, (text) => amountIn(item, text, parseAmount(text), scope.quoteAsset));

  const values: AccountValues = {
    walletBalance: amount('walletBalance'),
    marginBalance: amount('marginBalance'),
    maintenanceMargin: amount('maintenanceMargin'),
    unrealizedPnl: amount('unrealizedPnl'),
    marginRatio: one('marginRatio', scope.loggedIn, (text) => percent('marginRatio', text)),
    // The mark is not login-dependent; `--` means the page does not know it.
    markPrice: one('markPrice', readField(true), (text) => readField({ text, grouped: true }, text)),
  };
  return { values, sources: pairs.sources, complete: pairs.complete() };
}
