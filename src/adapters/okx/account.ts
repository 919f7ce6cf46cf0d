/**
 * The account panel and the header's mark price (README: Account panel, Mark price): label/value pairs outside
 * the form root, tables and dialogs; each label must occur exactly once visibly. Each pair found is a source the
 * watcher observes (only its own label and value: the header's storming `span.last` sits beside it, not in it).
 */
import type { AssetMode, Field } from '../../contracts/snapshot';
import type { VisibilityTest } from '../kit/dom';
import { readField, type NumText } from '../kit/fields';
import { keyedPairs, type AccountReading as KitAccountReading } from '../kit/pairs';
import type { PartScope } from '../kit/reader';
import { amountIn, amountWithUnit, percent, wordOf } from '../kit/values';
import { AMOUNT_WITH_UNIT_RE, HOOKS, type Labels } from './selectors';

export interface AccountValues {
  marginBalance: Field<NumText>;
  maintenanceMargin: Field<NumText>;
  marginRatio: Field<NumText>;
  markPrice: Field<NumText>;
  assetMode: Field<AssetMode>;
}

export type AccountReading = KitAccountReading<AccountValues>;

export interface AccountScope extends PartScope<Labels> {
  quoteAsset: string | null;
  formRoot: Element;
}

type AccountKey = keyof AccountValues;

export function readAccount(scope: AccountScope): AccountReading {
  const { labels } = scope;
  const a = labels.account;
  const labelOf: Record<AccountKey, string> = {
    marginBalance: a.totalEquity,
    maintenanceMargin: a.maintenanceMargin,
    marginRatio: a.marginRatio,
    assetMode: a.accountMode,
    markPrice: labels.markPrice,
  };
  const outside = (el: Element): boolean => el.closest(HOOKS.dialog) !== null || el.closest(HOOKS.table) !== null || scope.formRoot.contains(el);
  // Logged out the panel is absent: that is the whole of this part, nothing to wait for.
  const pairs = keyedPairs(scope.doc, labelOf, scope.visible, outside, scope.loading, true);
  const one = pairs.byKey;
  const amount = (key: 'marginBalance' | 'maintenanceMargin'): Field<NumText> =>
    one(key, scope.loggedIn, (text) => amountIn(key, text, amountWithUnit(AMOUNT_WITH_UNIT_RE, text), scope.quoteAsset));
  const modes: Record<string, AssetMode> = {
    [labels.accountModes.single]: 'single',
    [labels.accountModes.multi]: 'multi',
    [labels.accountModes.portfolio]: 'portfolio',
  };

  const values: AccountValues = {
    marginBalance: amount('marginBalance'),
    maintenanceMargin: amount('maintenanceMargin'),
    // OKX's own ratio (equity over maintenance plus the liquidation fee, higher is safer), read as shown.
    marginRatio: one('marginRatio', scope.loggedIn, (text) => percent('marginRatio', text)),
    assetMode: one('assetMode', scope.loggedIn, (text) => wordOf('assetMode', modes, text)),
    // The mark is not login-dependent; `--` means the page does not know it.
    markPrice: one('markPrice', readField(true), (text) => readField({ text, grouped: true }, text)),
  };
  return { values, sources: pairs.sources, complete: pairs.complete() };
}
