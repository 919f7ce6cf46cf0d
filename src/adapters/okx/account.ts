/**
 * The account panel and the header's mark price (README: Account panel, Mark price): label/value pairs outside
 * the form root, tables and dialogs; each label must occur exactly once visibly. Each pair found is a source the
 * watcher observes (only its own label and value: the header's storming `span.last` sits beside it, not in it).
 */
import type { AssetMode, Field } from '../../contracts/snapshot';
import { reason, type ItemCode } from '../../contracts/reasons';
import { labelValuePairs, type LabelValuePair, type VisibilityTest } from '../kit/dom';
import { ambiguous, missing, readField, type NumText } from '../kit/fields';
import { MISSING_VALUE } from '../kit/tables';
import { notShownWhy } from './form';
import { AMOUNT_WITH_UNIT_RE, HOOKS, type Labels } from './selectors';

export interface AccountValues {
  marginBalance: Field<NumText>;
  maintenanceMargin: Field<NumText>;
  marginRatio: Field<NumText>;
  markPrice: Field<NumText>;
  assetMode: Field<AssetMode>;
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
  quoteAsset: string | null;
  formRoot: Element;
  loggedIn: Field<boolean>;
  loading: boolean;
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
  const pairs = labelValuePairs(scope.doc, new Set(Object.values(labelOf)), scope.visible, outside);
  const sources: Element[] = [];
  let complete = true;

  const one = <T>(key: AccountKey, item: ItemCode, loggedIn: Field<boolean>, parse: (text: string) => Field<T>): Field<T> => {
    const found = pairs.filter((p) => p.label === labelOf[key]);
    for (const pair of found) sources.push(pair.labelEl.parentElement as Element);
    if (found.length > 1) return ambiguous(reason('page.several', { item, count: found.length }));
    const pair: LabelValuePair | undefined = found[0];
    if (pair === undefined) {
      // Logged out the panel is absent: that is the whole of this part, nothing to wait for.
      if (loggedIn.status === 'read' && loggedIn.value === false) return missing(reason('page.loginToSee', { item }));
      complete = false;
      return missing(reason(scope.loading ? 'page.notLoadedYet' : 'page.notFound', { item }));
    }
    if (pair.value === MISSING_VALUE) return missing(notShownWhy(item, loggedIn), pair.value);
    return parse(pair.value);
  };
  const amount = (key: 'marginBalance' | 'maintenanceMargin'): Field<NumText> =>
    one(key, key, scope.loggedIn, (text) => {
      const m = AMOUNT_WITH_UNIT_RE.exec(text);
      if (m === null) return ambiguous(reason('page.unreadable', { item: key, text }), text);
      if (m[2] !== scope.quoteAsset) return ambiguous(reason('page.wrongUnit', { item: key, unit: m[2] as string, expected: scope.quoteAsset ?? '' }), text);
      return readField({ text: m[1] as string, grouped: true }, text);
    });
  const modes: Record<string, AssetMode> = {
    [labels.accountModes.single]: 'single',
    [labels.accountModes.multi]: 'multi',
    [labels.accountModes.portfolio]: 'portfolio',
  };

  const values: AccountValues = {
    marginBalance: amount('marginBalance'),
    maintenanceMargin: amount('maintenanceMargin'),
    // OKX's own ratio (equity over maintenance plus the liquidation fee, higher is safer), read as shown.
    marginRatio: one('marginRatio', 'marginRatio', scope.loggedIn, (text) =>
      text.endsWith('%') ? readField({ text: text.slice(0, -1), grouped: true }, text) : ambiguous(reason('page.unreadable', { item: 'marginRatio', text }), text),
    ),
    assetMode: one('assetMode', 'assetMode', scope.loggedIn, (text) => {
      const mode = modes[text];
      return mode === undefined ? ambiguous(reason('page.unreadable', { item: 'assetMode', text }), text) : readField(mode, text);
    }),
    // The mark is not login-dependent; `--` means the page does not know it.
    markPrice: one('markPrice', 'markPrice', readField(true), (text) => readField({ text, grouped: true }, text)),
  };
  return { values, sources, complete };
}
