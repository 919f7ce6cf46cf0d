/**
 * Account panel (§2.12) and the header's mark price (§2.13): P1 pairs outside the form root,
 * the positions panel and dialogs; each label must occur exactly once visibly.
 */
import type { Field } from '../types';
import { labelValuePairs, type LabelValuePair, type VisibilityTest } from '../dom';
import { ambiguous, missing, readField, type NumText } from './fields';
import { notShownWhy, parseAmount } from './form';
import { HOOKS, MISSING_VALUE, type Labels } from './selectors';

export interface AccountReading {
  walletBalance: Field<NumText>;
  marginBalance: Field<NumText>;
  maintenanceMargin: Field<NumText>;
  unrealizedPnl: Field<NumText>;
  marginRatio: Field<NumText>;
  markPrice: Field<NumText>;
}

export interface AccountScope {
  doc: Document;
  visible: VisibilityTest;
  labels: Labels;
  quoteAsset: string | null;
  /** Subtrees whose pairs are not the account panel's (the form root, the positions panel). */
  excluded: readonly Element[];
  loggedIn: Field<boolean>;
}

export function readAccount(scope: AccountScope): AccountReading {
  const { labels } = scope;
  const a = labels.account;
  const wanted = new Set([a.walletBalance, a.marginBalance, a.maintenanceMargin, a.unrealizedPnl, a.marginRatio, labels.mark]);
  const outside = (el: Element): boolean =>
    el.closest(HOOKS.dialog) !== null || el.closest('table') !== null || scope.excluded.some((x) => x.contains(el));
  const pairs = labelValuePairs(scope.doc, wanted, scope.visible, outside);
  const byLabel = (label: string): LabelValuePair[] => pairs.filter((p) => p.label === label);

  const amount = (label: string): Field<NumText> =>
    one(byLabel(label), label, scope.loggedIn, (text) => {
      const parsed = parseAmount(text);
      if (parsed === null) return ambiguous(`cannot read ${label} "${text}"`, text);
      if (parsed.unit !== scope.quoteAsset) return ambiguous(`${label} is in ${parsed.unit}, not ${scope.quoteAsset}`, text);
      return readField(parsed.num, text);
    });

  return {
    walletBalance: amount(a.walletBalance),
    marginBalance: amount(a.marginBalance),
    maintenanceMargin: amount(a.maintenanceMargin),
    unrealizedPnl: amount(a.unrealizedPnl),
    marginRatio: one(byLabel(a.marginRatio), a.marginRatio, scope.loggedIn, (text) =>
      text.endsWith('%')
        ? readField({ text: text.slice(0, -1), grouped: true }, text)
        : ambiguous(`cannot read ${a.marginRatio} "${text}"`, text),
    ),
    // The mark is not login-dependent; `--` means the page does not know it.
    markPrice: one(byLabel(labels.mark), labels.mark, readField(true), (text) => readField({ text, grouped: true }, text)),
  };
}

function one(
  found: LabelValuePair[],
  label: string,
  loggedIn: Field<boolean>,
  parse: (text: string) => Field<NumText>,
): Field<NumText> {
  if (found.length > 1) return ambiguous(`"${label}" appears ${found.length} times on the page`);
  const pair = found[0];
  if (pair === undefined) {
    return missing(loggedIn.status === 'read' && loggedIn.value === false ? `log in to see ${label}` : `${label} not found`);
  }
  if (pair.value === MISSING_VALUE) return missing(notShownWhy(label, loggedIn), pair.value);
  return parse(pair.value);
}
