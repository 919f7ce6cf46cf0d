/**
 * The account panel and the ticker bar's mark price (README: Account panel, Mark price). Account pairs
 * are label/value pairs outside the form root, `#accountTable` and dialogs, each label visible exactly
 * once; the mark is the `Mark` pair inside the one visible `#marketData`. Each pair found is a source the
 * watcher observes (only the pair itself: the ticker's storming last price sits beside it, not in it).
 */
import type { AssetMode, Field } from '../../contracts/snapshot';
import { reason, type ItemCode } from '../../contracts/reasons';
import { exactlyOne, labelValuePairs, visibleAll, type LabelValuePair, type VisibilityTest } from '../kit/dom';
import { ambiguous, missing, readField, type NumText } from '../kit/fields';
import { MISSING_VALUE } from '../kit/tables';
import { parseUsd } from './amounts';
import { notShownWhy } from './form';
import { HOOKS, type Labels } from './selectors';

export interface AccountValues {
  walletBalance: Field<NumText>;
  unrealizedPnl: Field<NumText>;
  maintenanceMargin: Field<NumText>;
  marginRatio: Field<NumText>;
  assetMode: Field<AssetMode>;
  markPrice: Field<NumText>;
}

export interface AccountReading {
  values: AccountValues;
  /** The parent of every pair found. */
  sources: Element[];
  /** Every pair found once (a `--` value counts as found). */
  complete: boolean;
}

export interface AccountScope {
  doc: Document;
  visible: VisibilityTest;
  labels: Labels;
  /** The form root: its pairs are not the account panel's. */
  formRoot: Element;
  loggedIn: Field<boolean>;
  loading: boolean;
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
  const pairs = labelValuePairs(scope.doc, new Set(Object.values(labelOf)), visible, outside);
  const sources: Element[] = [];
  let complete = true;

  const notFound = (item: ItemCode): Field<never> => {
    complete = false;
    return missing(reason(scope.loading ? 'page.notLoadedYet' : 'page.notFound', { item }));
  };
  /** The one pair with this label; `--` is "not shown yet" (or "log in"). */
  const one = <T>(key: PanelKey, item: ItemCode, parse: (text: string) => Field<T>): Field<T> => {
    const found = pairs.filter((p) => p.label === labelOf[key]);
    for (const pair of found) sources.push(pair.labelEl.parentElement as Element);
    if (found.length > 1) return ambiguous(reason('page.several', { item, count: found.length }));
    const pair: LabelValuePair | undefined = found[0];
    if (pair === undefined) return notFound(item);
    if (pair.value === MISSING_VALUE) return missing(notShownWhy(item, loggedIn), pair.value);
    return parse(pair.value);
  };
  const usd = (key: PanelKey & ItemCode): Field<NumText> =>
    one(key, key, (text) => {
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
    marginRatio: one('marginRatio', 'marginRatio', (text) =>
      text.endsWith('%')
        ? readField({ text: text.slice(0, -1), grouped: true }, text)
        : ambiguous(reason('page.unreadable', { item: 'marginRatio', text }), text),
    ),
    assetMode: one('assetMode', 'assetMode', (text) => {
      const mode = modes[text];
      return mode === undefined ? ambiguous(reason('page.unreadable', { item: 'assetMode', text }), text) : readField(mode, text);
    }),
    markPrice: readMark(scope, sources, () => notFound('markPrice')),
  };
  return { values, sources, complete };
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
