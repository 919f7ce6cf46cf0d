/**
 * The positions list (README: Positions list).
 *
 * Two kinds of "not read": the list is not there or not whole by the page's own state (logged out,
 * another tab selected, not loaded yet, fewer rows rendered than the tab count: the rows are
 * virtualised), or the structure relied on is broken ("selector broke"). An empty table is read: no
 * positions. The symbol's own rows are known only when the list is whole.
 */
import type { Field, MarginMode } from '../../contracts/snapshot';
import { reason, type ItemCode, type Reason } from '../../contracts/reasons';
import { commonAncestor, exactlyOne, textOf, visibleAll, visibleChildren, type VisibilityTest } from '../kit/dom';
import { ambiguous, readField } from '../kit/fields';
import { countStatus, loginStatus, signedSize, unreadList, type RawPositionRow, type Status, type PositionsReading as KitPositionsReading } from '../kit/positions';
import type { PartScope } from '../kit/reader';
import { MISSING_VALUE, tabLabel } from '../kit/tables';
import { parseAmount } from './form';
import { HOOKS, type Labels } from './selectors';

export type PositionsReading = KitPositionsReading<RawPositionRow>;

export interface PositionsScope extends PartScope<Labels> {
  formRoot: Element;
  /** The form's symbol, from the address. */
  symbol: string;
  quoteAsset: string;
}

/** A row as read: its symbol (when readable) and the row, or why it cannot be read. */
type RowResult = { symbol: string | null; row: RawPositionRow } | { symbol: string | null; bad: Reason };

export function readPositions(scope: PositionsScope): PositionsReading {
  const { doc, visible, labels, formRoot } = scope;
  const outsideForm = (el: Element) => !formRoot.contains(el) && el.closest(HOOKS.dialog) === null;
  const sources: Element[] = [];
  let tabText: string | undefined;
  const both = (status: Status, complete = true): PositionsReading => {
    const field = unreadList<RawPositionRow>(status, tabText);
    return { own: field, others: field, sources, complete };
  };
  const notThere = (item: ItemCode): Status => ({ kind: 'missing', why: reason(scope.loading ? 'page.notLoadedYet' : 'page.selectorBroke', { item }) });

  // The one visible Positions tab outside the form, in a tab list (its count covers every row).
  const tabs = visibleAll(doc, HOOKS.tab, visible)
    .filter(outsideForm)
    .filter((t) => tabLabel(t).label === labels.positionsTab && t.closest(HOOKS.tablist) !== null);
  const tab = exactlyOne(tabs);
  if (tab.kind === 'none') return both(notThere('positionsTab'), false);
  if (tab.kind === 'many') return both({ kind: 'ambiguous', why: reason('page.several', { item: 'positionsTab', count: tab.count }) });
  const tablist = tab.item.closest(HOOKS.tablist) as Element;
  tabText = textOf(tab.item);
  const { count } = tabLabel(tab.item);

  // The positions table: the one visible table whose header names both Contracts and Liq. Price.
  const c = labels.columns;
  const tables = visibleAll(doc, HOOKS.table, visible)
    .filter(outsideForm)
    .filter((t) => {
      const heads = visibleAll(t, HOOKS.headerCell, visible).map(textOf);
      return heads.includes(c.contracts) && heads.includes(c.liq);
    });
  const table = tables.length === 1 ? (tables[0] as Element) : null;
  sources.push(table === null ? tablist : (commonAncestor(tablist, table) ?? tablist));

  const login = loginStatus(scope.loggedIn);
  if (login !== null) return both(login);
  // Until the account data arrives the tabs show no count and the area holds no table.
  if (count === null) return both({ kind: 'missing', why: reason('positions.loading') });
  if (tables.length > 1) return both({ kind: 'ambiguous', why: reason('page.several', { item: 'positionsPanel', count: tables.length }) });
  if (table === null) {
    // Only the selected tab's content is on the page: another tab's, or the table is not there yet.
    if (tab.item.getAttribute('aria-selected') === 'false') return both({ kind: 'missing', why: reason('positions.tabNotSelected') });
    return both(notThere('positionsPanel'), false);
  }

  const read = readTable(table, scope);
  if ('broken' in read) return both({ kind: 'missing', why: read.broken });
  const results = read.rows;
  // No positions are shown by the empty state; an empty body with nothing to virtualise is no known state.
  if (read.bare === true && count === 0) return both({ kind: 'missing', why: reason('page.selectorBroke', { item: 'emptyState' }) });
  const counted = countStatus(results.length, count);
  if (counted !== null) return both(counted);

  // A row that cannot be read spoils its own group only; one whose symbol is unreadable spoils both.
  const group = (own: boolean): Field<RawPositionRow[]> => {
    const mine = results.filter((r) => r.symbol === null || (r.symbol === scope.symbol) === own);
    const bad = mine.find((r): r is { symbol: string | null; bad: Reason } => 'bad' in r);
    if (bad !== undefined) return ambiguous(bad.bad, tabText);
    return readField(mine.map((r) => (r as { row: RawPositionRow }).row), tabText);
  };
  return { own: group(true), others: group(false), sources, complete: true };
}

/** `bare`: a body with no row at all (virtualised rows not rendered, or neither rows nor the empty state). */
type TableResult = { rows: RowResult[]; bare?: true } | { broken: Reason };

/** Header cells mapped by text, then the rows of the one body, or its one empty-state row. */
function readTable(table: Element, scope: PositionsScope): TableResult {
  const { visible, labels } = scope;
  const broken = (item: ItemCode): TableResult => ({ broken: reason('page.selectorBroke', { item }) });
  const headerRows = visibleAll(table, HOOKS.headerRow, visible);
  if (headerRows.length !== 1) return broken('positionsHeader');
  const heads = visibleChildren(headerRows[0] as Element, visible).map(textOf);
  const column = {} as Record<keyof Labels['columns'], number>;
  for (const [key, label] of Object.entries(labels.columns) as [keyof Labels['columns'], string][]) {
    const index = heads.indexOf(label);
    if (index < 0 || heads.lastIndexOf(label) !== index) return { broken: reason('positions.column', { column: label }) };
    column[key] = index;
  }
  const bodies = visibleAll(table, HOOKS.body, visible);
  if (bodies.length !== 1) return { broken: reason('positions.structure', { item: 'positionRows' }) };
  const rowEls = visibleChildren(bodies[0] as Element, visible);
  if (rowEls.some((el) => el.tagName !== 'TR')) return { broken: reason('positions.structure', { item: 'positionRows' }) };

  if (rowEls.length === 0) return { rows: [], bare: true };
  // The empty state: one row holding one cell with the no-data text.
  if (rowEls.length === 1) {
    const cells = visibleChildren(rowEls[0] as Element, visible);
    if (cells.length === 1 && heads.length > 1) return textOf(cells[0] as Element) === labels.noData ? { rows: [] } : broken('emptyState');
  }
  const rows: RowResult[] = [];
  for (const rowEl of rowEls) {
    const cells = visibleChildren(rowEl, visible);
    if (cells.length !== heads.length) return { broken: reason('positions.cellCount', { cells: cells.length, columns: heads.length }) };
    rows.push(readRow(cells, column, scope));
  }
  return { rows };
}

const LEVERAGE_RE = /^(\d{1,3}(?:[.,]\d{1,2})?)x$/;

function readRow(cells: Element[], column: Record<keyof Labels['columns'], number>, scope: PositionsScope): RowResult {
  const { labels } = scope;
  const cell = (key: keyof typeof column): Element => cells[column[key]] as Element;
  // Contracts: the symbol, then the margin mode and leverage (`Cross 10.00x`), as separate children.
  const parts = visibleChildren(cell('contracts'), scope.visible);
  const symbol = parts.length === 2 ? textOf(parts[0] as Element) : null;
  const bad = (item: ItemCode, text: string): RowResult => ({ symbol, bad: reason('positions.rowUnreadable', { symbol: symbol ?? '', item, text }) });
  if (symbol === null || !symbol.endsWith(scope.quoteAsset) || symbol.length <= scope.quoteAsset.length) {
    return { symbol: null, bad: reason('positions.rowUnreadable', { symbol: '', item: 'positionSymbol', text: textOf(cell('contracts')) }) };
  }
  const base = symbol.slice(0, -scope.quoteAsset.length);
  const modeText = textOf(parts[1] as Element);
  const space = modeText.lastIndexOf(' ');
  const word = modeText.slice(0, Math.max(0, space));
  const lev = LEVERAGE_RE.exec(modeText.slice(space + 1));
  const marginMode: MarginMode | null = word === labels.headerModes.cross ? 'cross' : word === labels.headerModes.isolated ? 'isolated' : null;
  if (space < 0 || lev === null || marginMode === null) return bad('positionLeverage', modeText);

  // Qty: signed, in the base asset (negative = short).
  const qtyText = textOf(cell('qty'));
  const qty = parseAmount(qtyText);
  if (qty === null || qty.unit !== base) return bad('positionSize', qtyText);
  const signed = signedSize(qty.num.text);
  if (signed === null) return { symbol, bad: reason('positions.zeroSize', { symbol }) };

  const entryText = textOf(cell('entry'));
  if (entryText === MISSING_VALUE) return bad('positionEntry', entryText);
  const markText = textOf(cell('mark'));
  if (markText === MISSING_VALUE) return bad('positionMark', markText);
  const liqText = textOf(cell('liq'));
  const marginText = textOf(cell('im'));
  const margin = marginText === MISSING_VALUE ? undefined : parseAmount(marginText);
  if (margin === null || (margin !== undefined && margin.unit !== scope.quoteAsset)) return bad('positionMargin', marginText);

  const row: RawPositionRow = {
    symbol,
    quoteAsset: scope.quoteAsset,
    side: signed.side,
    size: { text: signed.magnitude, grouped: true },
    sizeUnit: 'base',
    entryPrice: { text: entryText, grouped: true },
    markPrice: { text: markText, grouped: true },
    marginMode,
    leverage: { text: lev[1] as string, grouped: false },
    exchangeLiquidationPrice: liqText === MISSING_VALUE ? null : { text: liqText, grouped: true },
  };
  if (margin !== undefined) row.margin = margin.num;
  return { symbol, row };
}
