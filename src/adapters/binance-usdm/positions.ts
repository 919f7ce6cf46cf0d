/**
 * The positions list (README: Positions list).
 *
 * Two kinds of "not read": the list is incomplete or not there by the page's own state (logged
 * out, another tab selected, not loaded yet, other symbols hidden, fewer rows than the tab count),
 * or the structure relied on is broken ("selector broke"): that health check runs before the
 * completeness rules, so an empty table is never mistaken for a broken one and vice versa.
 *
 * The order's own symbol and the other symbols are told apart: with other symbols hidden, the
 * page still shows the whole of the symbol's own positions (the tab count then counts only them).
 */
import type { Field } from '../../contracts/snapshot';
import { reason, type ItemCode, type Reason } from '../../contracts/reasons';
import { venueById } from '../../venues/registry';
import { exactlyOne, textOf, visibleAll, visibleChildren, type VisibilityTest } from '../kit/dom';
import { missing, readField, type NumText } from '../kit/fields';
import { countStatus, loginStatus, signedSize, splitOwn, unreadList, type RawPositionRow, type Status, type PositionsReading as KitPositionsReading } from '../kit/positions';
import type { PartScope } from '../kit/reader';
import { findHeaderRow, MISSING_VALUE, rowsAfterHeader, tabLabel } from '../kit/tables';
import { parseAmount, parseLeverageBadge } from './form';
import { HOOKS, type Labels } from './selectors';

export interface PositionsReading extends KitPositionsReading<RawPositionRow> {
  /** The active account tab panel, so the account-panel reader can skip it. */
  panel: Element | null;
}

export interface PositionsScope extends PartScope<Labels> {
  formRoot: Element;
  /** The form's symbol, from the address. */
  symbol: string;
}

const QUOTE_ASSETS = venueById('binance-usdm').quoteAssets;

export function splitSymbol(symbol: string): { base: string; quote: string } | null {
  const quote = QUOTE_ASSETS.find((q) => symbol.endsWith(q) && symbol.length > q.length);
  return quote === undefined ? null : { base: symbol.slice(0, -quote.length), quote };
}

export function readPositions(scope: PositionsScope): PositionsReading {
  const { doc, visible, labels, formRoot } = scope;
  const outsideForm = (el: Element): boolean => !formRoot.contains(el);
  const sources: Element[] = [];
  let panel: Element | null = null;
  let tabText: string | undefined;
  const both = (status: Status, complete = true): PositionsReading => {
    const field = unreadList<RawPositionRow>(status, tabText);
    return { own: field, others: field, panel, sources, complete };
  };
  const broke = (item: ItemCode): Status => ({ kind: 'missing', why: reason(scope.loading ? 'page.notLoadedYet' : 'page.selectorBroke', { item }) });

  // The one visible tablist outside the form holding a Positions tab (children only).
  const groups = visibleAll(doc, HOOKS.tablist, visible)
    .filter(outsideForm)
    .map((list) => ({ list, tabs: visibleChildren(list, visible).filter((el) => el.matches(HOOKS.tab)) }))
    .filter((g) => g.tabs.some((t) => tabLabel(t).label === labels.positionsTab));
  const group = exactlyOne(groups);
  if (group.kind === 'none') return both(broke('positionsTabs'), false);
  if (group.kind === 'many') return both({ kind: 'ambiguous', why: reason('page.several', { item: 'positionsTabs', count: group.count }) });
  const { list } = group.item;

  // The container: nearest ancestor of the tablist that holds a visible tab panel (watched whole).
  let container: Element = list.parentElement ?? list;
  let panels: Element[] = [];
  for (let a = list.parentElement; a !== null; a = a.parentElement) {
    panels = visibleAll(a, HOOKS.tabpanel, visible).filter(outsideForm);
    if (panels.length > 0) {
      container = a;
      break;
    }
  }
  sources.push(container);
  const hide = exactlyOne(visibleAll(doc, HOOKS.hideOtherSymbols, visible).filter(outsideForm));
  if (hide.kind === 'one' && !container.contains(hide.item)) sources.push(hide.item);

  const posTab = exactlyOne(group.item.tabs.filter((t) => tabLabel(t).label === labels.positionsTab));
  if (posTab.kind !== 'one') return both({ kind: 'ambiguous', why: reason('page.several', { item: 'positionsTab', count: posTab.kind === 'many' ? posTab.count : 0 }) });
  tabText = textOf(posTab.item);
  const { count } = tabLabel(posTab.item);

  const login = loginStatus(scope.loggedIn);
  if (login !== null) return both(login);
  if (posTab.item.getAttribute('aria-selected') !== 'true') return both({ kind: 'missing', why: reason('positions.tabNotSelected') });
  if (count === null) return both({ kind: 'missing', why: reason('positions.loading') });
  if (panels.length > 1) return both({ kind: 'ambiguous', why: reason('page.several', { item: 'positionsPanel', count: panels.length }) });
  panel = panels[0] ?? null;
  // Not found yet: keep reading until it is (a panel arriving later may sit outside what is watched).
  if (panel === null) return both(broke('positionsPanel'), false);

  const table = readTable(panel, scope);
  if ('broken' in table) return both({ kind: 'missing', why: table.broken });
  if (hide.kind !== 'one') return both(broke('positionsFilter'), false);
  if ('bad' in table) return both({ kind: 'ambiguous', why: table.bad });
  const rows = table.rows;
  const counted = countStatus(rows.length, count);
  if (counted !== null) return both(counted);

  const own = rows.filter((row) => row.symbol === scope.symbol);
  if (hide.item.getAttribute('aria-checked') === 'true') {
    // Only this symbol's rows are shown, and all of them: its own positions are known, the rest hidden.
    if (own.length !== rows.length) return both({ kind: 'ambiguous', why: reason('positions.othersHidden') });
    return { own: readField(own, tabText), others: missing(reason('positions.othersHidden'), tabText), panel, sources, complete: true };
  }
  return { ...splitOwn(rows, scope.symbol, tabText), panel, sources, complete: true };
}

type TableResult = { rows: RawPositionRow[] } | { bad: Reason } | { broken: Reason };

/** Header row by column labels, then the `.list-item-container` rows that follow it, or one empty state. */
function readTable(panel: Element, scope: PositionsScope): TableResult {
  const { visible, labels } = scope;
  const c = labels.columns;
  const broken = (item: ItemCode): TableResult => ({ broken: reason('page.selectorBroke', { item }) });
  const header = findHeaderRow(panel, c, [c.symbol, c.size], visible);
  if (header.kind === 'none') return broken('positionsHeader');
  if (header.kind === 'many') return { broken: reason('page.several', { item: 'positionsHeader', count: header.count }) };
  if (header.kind === 'noColumn') return { broken: reason('positions.column', { column: header.label }) };

  const { rows: rowEls, others } = rowsAfterHeader(header.header, HOOKS.positionRow, visible);
  if (rowEls.length === 0 && others !== 1) return broken('emptyState');
  if (rowEls.length > 0 && others > 0) return { broken: reason('positions.structure', { item: 'positionRows' }) };
  if (visibleAll(panel, HOOKS.positionRow, visible).length !== rowEls.length) {
    return { broken: reason('positions.structure', { item: 'positionRows' }) };
  }

  const rows: RawPositionRow[] = [];
  for (const rowEl of rowEls) {
    const cells = visibleChildren(rowEl, visible);
    if (cells.length !== header.cellCount) {
      return { broken: reason('positions.cellCount', { cells: cells.length, columns: header.cellCount }) };
    }
    const row = readRow(cells, header.column);
    if ('code' in row) return { bad: row };
    rows.push(row);
  }
  return { rows };
}

function readRow(cells: Element[], column: Record<keyof Labels['columns'], number>): RawPositionRow | Reason {
  const cell = (key: keyof typeof column): Element => cells[column[key]] as Element;
  const symbolParts = Array.from(cell('symbol').children);
  const symbol = symbolParts[0] === undefined ? '' : textOf(symbolParts[0]);
  const unreadable = (item: ItemCode, text: string) => reason('positions.rowUnreadable', { symbol, item, text });
  const assets = splitSymbol(symbol);
  if (assets === null) return unreadable('positionSymbol', symbol);
  const badges = symbolParts.map((el) => parseLeverageBadge(textOf(el))).filter((b) => b !== null);
  const badge = badges.length === 1 ? badges[0] : undefined;
  if (badge === undefined) return unreadable('positionLeverage', textOf(cell('symbol')));

  const sizeText = textOf(cell('size'));
  const size = parseAmount(sizeText);
  if (size === null) return unreadable('positionSize', sizeText);
  const signed = signedSize(size.num.text);
  if (signed === null) return reason('positions.zeroSize', { symbol });
  let sizeUnit: 'base' | 'quote';
  if (size.unit === assets.base) sizeUnit = 'base';
  else if (size.unit === assets.quote) sizeUnit = 'quote';
  else return unreadable('positionSize', sizeText);

  const priceOrNull = (text: string): NumText | null => (text === MISSING_VALUE ? null : { text, grouped: true });
  const entryText = textOf(cell('entry'));
  if (entryText === MISSING_VALUE) return unreadable('positionEntry', entryText);
  const markText = textOf(cell('mark'));
  const markPrice = priceOrNull(markText);
  // A size in the quote asset converts at the row's mark: without one it cannot be read.
  if (sizeUnit === 'quote' && markPrice === null) return unreadable('positionMark', markText);

  const marginText = textOf(cell('margin'));
  const margin = marginText === MISSING_VALUE ? undefined : parseAmount(marginText);
  if (margin === null) return unreadable('positionMargin', marginText);

  const row: RawPositionRow = {
    symbol,
    quoteAsset: assets.quote,
    side: signed.side,
    size: { text: signed.magnitude, grouped: true },
    sizeUnit,
    entryPrice: { text: entryText, grouped: true },
    markPrice,
    marginMode: badge.mode,
    leverage: badge.leverage,
    exchangeLiquidationPrice: priceOrNull(textOf(cell('liq'))),
  };
  if (margin !== undefined) row.margin = margin.num;
  return row;
}
