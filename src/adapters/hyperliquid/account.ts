/**
 * The account panel and the ticker bar's mark price (README: Account panel, Mark price). Account pairs
 * are label/value pairs outside the form root, `#accountTable` and dialogs, each label visible exactly
 * once; the mark is the `Mark` pair inside the one visible `#marketData`. Each pair found is a source the
 * watcher observes (only the pair itself: the ticker's storming last price sits beside it, not in it).
 */
import type { AssetMode, Field } from '../../contracts/snapshot';
import { reason, type ItemCode } from '../../contracts/reasons';
import { exactlyOne, labelValuePairs, visibleAll, type VisibilityTest } from '../kit/dom';
import { ambiguous, missing, readField, type NumText } from '../kit/fields';
import { keyedPairs, type AccountReading as KitAccountReading } from '../kit/pairs';
import type { PartScope } from '../kit/reader';
import { MISSING_VALUE } from '../kit/tables';
import { percent, wordOf } from '../kit/values';
import { parseUsd } from './amounts';
import { HOOKS, type Labels } from './selectors';

export interface AccountValues {
  walletBalance: Field<NumText>;
  unrealizedPnl: Field<NumText>;
  maintenanceMargin: Field<NumText>;
  marginRatio: Field<NumText>;
  assetMode: Field<AssetMode>;
  markPrice: Field<NumText>;
}

export type AccountReading = KitAccountReading<AccountValues>;

export interface AccountScope extends PartScope<Labels> {
  /** The form root: its pairs are not the account panel's. */
  formRoot: Element;
}

type PanelKey = Exclude<keyof AccountValues, 'markPrice'>;

export function readAccount(scope: AccountScope): AccountReading {
  const { labels, visible, loggedIn } = scope;
  const a = labels.account;
  const labelOf: Record<PanelKey, string> = {
    walletBalance: a.balance,
    unrealizedPnl: a.unrealizedPnl,
    maintenanceMargin: a.maintenanceMargin,
    marginRatio: a.marginRatio,
    assetMode: a.accountMode,
  };
  const outside = (el: Element): boolean =>
    scope.formRoot.contains(el) || el.closest(HOOKS.accountTable) !== null || el.closest(HOOKS.dialog) !== null;
  const pairs = keyedPairs(scope.doc, labelOf, visible, outside, scope.loading, false);
  const one = <T>(key: PanelKey, parse: (text: string) => Field<T>): Field<T> => pairs.byKey(key, loggedIn, parse);
  const usd = (key: PanelKey & ItemCode): Field<NumText> =>
    one(key, (text) => {
      const num = parseUsd(text);
      return num === null ? ambiguous(reason('page.unreadable', { item: key, text }), text) : readField(num, text);
    });
  const modes: Record<string, AssetMode> = {
    [labels.accountModes.standard]: 'single',
    [labels.accountModes.unified]: 'unified',
    [labels.accountModes.portfolio]: 'portfolio',
  };

  const values: AccountValues = {
    walletBalance: usd('walletBalance'),
    unrealizedPnl: usd('unrealizedPnl'),
    maintenanceMargin: usd('maintenanceMargin'),
    marginRatio: one('marginRatio', (text) => percent('marginRatio', text)),
    assetMode: one('assetMode', (text) => wordOf('assetMode', modes, text)),
    markPrice: readMark(scope, pairs.sources, () => pairs.notThere('markPrice')),
  };
  return { values, sources: pairs.sources, complete: pairs.complete() };
}

/** The `Mark` pair inside the one visible `#marketData` (not login-dependent: `--` means the page does not know it). */
function readMark(scope: AccountScope, sources: Element[], notFound: () => Field<never>): Field<NumText> {
  const item = 'markPrice';
  const bar = exactlyOne(visibleAll(scope.doc, HOOKS.marketData, scope.visible));
  if (bar.kind === 'many') return ambiguous(reason('page.several', { item, count: bar.count }));
  if (bar.kind === 'none') return notFound();
  const pairs = labelValuePairs(bar.item, new Set([scope.labels.mark]), scope.visible);
  for (const pair of pairs) sources.push(pair.labelEl.parentElement as Element);
  const pair = exactlyOne(pairs);
  if (pair.kind === 'many') return ambiguous(reason('page.several', { item, count: pair.count }));
  if (pair.kind === 'none') return notFound();
  const text = pair.item.value;
  if (text === MISSING_VALUE) return missing(reason('page.notShownYet', { item }), text);
  return readField({ text, grouped: true }, text);
}
