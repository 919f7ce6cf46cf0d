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
import { missing, readField, type NumText } from '../kit/fields';
import type { PartScope } from '../kit/reader';
import { MISSING_VALUE } from '../kit/tables';
import { pairReader, type AccountReading as KitAccountReading } from '../kit/pairs';
import { several, wordOf } from '../kit/values';
import { quoteAmount } from './form';
import { HOOKS, type HeaderMode, type Labels } from './selectors';

export interface AccountValues {
  marginBalance: Field<NumText>;
  maintenanceMargin: Field<NumText>;
  /** The panel's margin mode (`Cross Margin` …), when shown. */
  panelMode: Field<HeaderMode>;
  markPrice: Field<NumText>;
}

export type AccountReading = KitAccountReading<AccountValues>;

export interface AccountScope extends PartScope<Labels> {
  quoteAsset: string;
  formRoot: Element;
}

export function readAccount(scope: AccountScope): AccountReading {
  const { doc, visible, labels, loggedIn } = scope;
  const sources: Element[] = [];
  const outsideForm = (el: Element) => !scope.formRoot.contains(el) && el.closest(HOOKS.dialog) === null;
  const a = labels.account;

  // --- the panel ------------------------------------------------------------------------------
  const panel = exactlyOne(visibleAll(doc, HOOKS.accountPanel, visible).filter(outsideForm));
  // Logged out, the panel is a login prompt: nothing more to wait for.
  const pairs = pairReader(panel.kind === 'one' ? labelValuePairs(panel.item, new Set([a.marginBalance, a.maintenanceMargin, a.marginMode]), visible) : [], scope.loading, true);
  let values: Omit<AccountValues, 'markPrice'>;
  if (panel.kind !== 'one') {
    const f = panel.kind === 'many' ? several<never>('marginBalance', panel.count) : pairs.notThere<never>('marginBalance');
    values = { marginBalance: f, maintenanceMargin: f, panelMode: f };
  } else {
    sources.push(panel.item);
    const amount = (item: ItemCode, label: string) => pairs.one(label, item, loggedIn, (text) => quoteAmount(item, text, scope, loggedIn));
    const panelModes = Object.fromEntries((Object.entries(labels.panelModes) as [HeaderMode, string][]).map(([mode, word]) => [word, mode]));
    values = {
      marginBalance: amount('marginBalance', a.marginBalance),
      maintenanceMargin: amount('maintenanceMargin', a.maintenanceMargin),
      panelMode: pairs.one(a.marginMode, 'marginMode', loggedIn, (text) => wordOf<HeaderMode>('marginMode', panelModes, text)),
    };
  }

  // --- the mark price -------------------------------------------------------------------------
  const details = visibleAll(doc, HOOKS.contractDetail, visible).filter(outsideForm);
  const marks = details.flatMap((d) => labelValuePairs(d, new Set([labels.markPrice]), visible));
  const mark = exactlyOne([...new Set(marks.map((p) => p.labelEl))].map((el) => marks.find((p) => p.labelEl === el)!));
  let markPrice: Field<NumText>;
  if (mark.kind === 'many') markPrice = several('markPrice', mark.count);
  else if (mark.kind === 'none') markPrice = pairs.notThere('markPrice');
  else {
    sources.push(mark.item.labelEl.parentElement as Element);
    const text = mark.item.value;
    // The mark is not login-dependent; `--` means the page does not know it.
    markPrice = text === MISSING_VALUE ? missing(reason('page.notShownYet', { item: 'markPrice' }), text) : readField({ text, grouped: true }, text);
  }
  return { values: { ...values, markPrice }, sources, complete: pairs.complete() };
}
