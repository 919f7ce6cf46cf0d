/**
 * The account panel and the header's mark price (README: Account panel, Mark price). The panel is the
 * one visible `.trade-assets__body`; its label/value pairs are read inside it, each label visible once.
 * The mark is the `Mark Price` pair inside `.contract-detail`. Each part found is a source the watcher
 * observes: the panel whole, and only the mark's own pair (the header's last price beside it changes
 * with every trade).
 */
import type { Field } from '../../contracts/snapshot';
import { reason, type ItemCode } from '../../contracts/reasons';
import { exactlyOne, labelValuePairs, visibleAll, type VisibilityTest } from '../kit/dom';
import { ambiguous, missing, readField, type NumText } from '../kit/fields';
import { MISSING_VALUE } from '../kit/tables';
import { notShownWhy, quoteAmount } from './form';
import { HOOKS, type HeaderMode, type Labels } from './selectors';

export interface AccountValues {
  marginBalance: Field<NumText>;
  maintenanceMargin: Field<NumText>;
  /** The panel's margin mode (`Cross Margin` …), when shown. */
  panelMode: Field<HeaderMode>;
  markPrice: Field<NumText>;
}

export interface AccountReading {
  values: AccountValues;
  sources: Element[];
  /** False while a part is not on the page at all. */
  complete: boolean;
}

export interface AccountScope {
  doc: Document;
  visible: VisibilityTest;
  labels: Labels;
  quoteAsset: string;
  formRoot: Element;
  loggedIn: Field<boolean>;
  loading: boolean;
}

export function readAccount(scope: AccountScope): AccountReading {
  const { doc, visible, labels, loggedIn } = scope;
  const sources: Element[] = [];
  let complete = true;
  const outsideForm = (el: Element) => !scope.formRoot.contains(el) && el.closest(HOOKS.dialog) === null;
  const notThere = <T>(item: ItemCode): Field<T> => {
    complete = false;
    return missing<T>(reason(scope.loading ? 'page.notLoadedYet' : 'page.notFound', { item }));
  };

  // --- the panel ------------------------------------------------------------------------------
  const panels = visibleAll(doc, HOOKS.accountPanel, visible).filter(outsideForm);
  const panel = exactlyOne(panels);
  let values: Omit<AccountValues, 'markPrice'>;
  if (panel.kind !== 'one') {
    const f =
      panel.kind === 'many'
        ? ambiguous<never>(reason('page.several', { item: 'marginBalance', count: panel.count }))
        : notThere<never>('marginBalance');
    values = { marginBalance: f, maintenanceMargin: f, panelMode: f };
  } else {
    sources.push(panel.item);
    const a = labels.account;
    const pairs = labelValuePairs(panel.item, new Set([a.marginBalance, a.maintenanceMargin, a.marginMode]), visible);
    const one = (item: ItemCode, label: string, parse: (text: string) => Field<NumText>): Field<NumText> => {
      const found = pairs.filter((p) => p.label === label);
      if (found.length > 1) return ambiguous(reason('page.several', { item, count: found.length }));
      const pair = found[0];
      if (pair === undefined) {
        // Logged out, the panel is a login prompt: nothing more to wait for.
        if (loggedIn.status === 'read' && loggedIn.value === false) return missing(reason('page.loginToSee', { item }));
        return notThere(item);
      }
      return parse(pair.value);
    };
    const amount = (item: ItemCode, label: string) => one(item, label, (text) => quoteAmount(item, text, scope, loggedIn));
    const modeField = one('marginMode', a.marginMode, (text) => readField({ text, grouped: false }, text));
    let panelMode: Field<HeaderMode>;
    if (modeField.status !== 'read' || modeField.value === undefined) panelMode = modeField as Field<never>;
    else {
      const text = modeField.value.text;
      const mode = (Object.entries(labels.panelModes) as [HeaderMode, string][]).find(([, w]) => w === text)?.[0];
      if (text === MISSING_VALUE) panelMode = missing(notShownWhy('marginMode', loggedIn), text);
      else panelMode = mode === undefined ? ambiguous(reason('page.unreadable', { item: 'marginMode', text }), text) : readField(mode, text);
    }
    values = {
      marginBalance: amount('marginBalance', a.marginBalance),
      maintenanceMargin: amount('maintenanceMargin', a.maintenanceMargin),
      panelMode,
    };
  }

  // --- the mark price -------------------------------------------------------------------------
  const details = visibleAll(doc, HOOKS.contractDetail, visible).filter(outsideForm);
  const marks = details.flatMap((d) => labelValuePairs(d, new Set([labels.markPrice]), visible));
  const mark = exactlyOne([...new Set(marks.map((p) => p.labelEl))].map((el) => marks.find((p) => p.labelEl === el)!));
  let markPrice: Field<NumText>;
  if (mark.kind === 'many') markPrice = ambiguous(reason('page.several', { item: 'markPrice', count: mark.count }));
  else if (mark.kind === 'none') markPrice = notThere('markPrice');
  else {
    sources.push(mark.item.labelEl.parentElement as Element);
    const text = mark.item.value;
    // The mark is not login-dependent; `--` means the page does not know it.
    markPrice = text === MISSING_VALUE ? missing(reason('page.notShownYet', { item: 'markPrice' }), text) : readField({ text, grouped: true }, text);
  }
  return { values: { ...values, markPrice }, sources, complete };
}
