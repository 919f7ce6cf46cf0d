/**
 * The positions list (README: Positions list).
 *
 * Two kinds of "not read": the list is not whole or not there by the page's own state (logged out, another tab
 * selected, not loaded yet, fewer rows than the tab count), or the structure relied on is broken ("selector
 * broke"). An empty counted table (only the hidden measurement row) is read: no positions.
 */
import type { Field, MarginMode, SizeUnit } from '../../contracts/snapshot';
import { reason, type ItemCode, type Reason } from '../../contracts/reasons';
import { venueById } from '../../venues/registry';
import { commonAncestor, exactlyOne, textOf, visibleAll, visibleChildren, type VisibilityTest } from '../kit/dom';
import type { NumText } from '../kit/fields';
import { countStatus, loginStatus, signedSize, splitOwn, unreadList, type RawPositionRow as Row, type Status, type PositionsReading as KitPositionsReading } from '../kit/positions';
import type { PartScope } from '../kit/reader';
import { MISSING_VALUE, tabLabel } from '../kit/tables';
import { AMOUNT_WITH_UNIT_RE, HOOKS, PNL_RE, type Labels } from './selectors';

export interface RawPositionRow extends Row {
  markPrice: NumText;
  leverage: string;
  /** The row's unrealised PnL and its asset; null when the page shows `--`. */
  pnl: { num: NumText; unit: string } | null;
}

/** The sources: the bottom area holding the tabs (and the positions box); incomplete while the tabs or the box are not on the page. */
export type PositionsReading = KitPositionsReading<RawPositionRow>;

export interface PositionsScope extends PartScope<Labels> {
  formRoot: Element;
  /** The form's instrument, from the address. */
  symbol: string;
}

const QUOTE_ASSETS = venueById('okx').quoteAssets;

/** Positions list: `BTCUSDT` as the instrument cell shows it → `BTC-USDT-SWAP`; null when the quote is not supported. */
export function instrumentOf(compact: string): { symbol: string; base: string; quote: string } | null {
  const quote = QUOTE_ASSETS.find((q) => compact.endsWith(q) && compact.length > q.length);
  if (quote === undefined) return null;
  const base = compact.slice(0, -quote.length);
  return /^[A-Z0-9]+$/.test(base) ? { symbol: `${base}-${quote}-SWAP`, base, quote } : null;
}

export function readPositions(scope: PositionsScope): PositionsReading {
  const { doc, visible, labels, formRoot } = scope;
  const outsideForm = (el: Element): boolean => !formRoot.contains(el);
  const sources: Element[] = [];
  let tabText: string | undefined;
  const both = (status: Status, complete = true): PositionsReading => {
    const field = unreadList<RawPositionRow>(status, tabText);
    return { own: field, others: field, sources, complete };
  };
  const broke = (item: ItemCode): Status => ({ kind: 'missing', why: reason(scope.loading ? 'page.notLoadedYet' : 'page.selectorBroke', { item }) });

  const tabs = visibleAll(doc, HOOKS.bottomTab, visible).filter(outsideForm);
  const posTab = exactlyOne(tabs.filter((t) => tabLabel(t).label === labels.positionsTab));
  if (posTab.kind === 'none') return both(broke('positionsTabs'), false);
  if (posTab.kind === 'many') return both({ kind: 'ambiguous', why: reason('page.several', { item: 'positionsTab', count: posTab.count }) });
  const tab = posTab.item;
  tabText = textOf(tab);
  const { count } = tabLabel(tab);
  const boxes = visibleAll(doc, HOOKS.positionBox, visible).filter(outsideForm);
  // Watch the area holding the tabs and, when there, the box (a tab switch or a redraw shows there).
  const group = tab.parentElement ?? tab;
  const area = boxes.length === 1 ? commonAncestor(group, boxes[0] as Element) : null;
  sources.push(area ?? group.parentElement ?? group);

  const login = loginStatus(scope.loggedIn);
  if (login !== null) return both(login);
  if (tab.getAttribute('aria-selected') !== 'true') return both({ kind: 'missing', why: reason('positions.tabNotSelected') });
  if (count === null) return both({ kind: 'missing', why: reason('positions.loading') });
  if (boxes.length > 1) return both({ kind: 'ambiguous', why: reason('page.several', { item: 'positionsPanel', count: boxes.length }) });
  const box = boxes[0];
  if (box === undefined) return both(broke('positionsPanel'), false);

  const table = readTable(box, scope);
  if ('broken' in table) return both({ kind: 'missing', why: table.broken });
  if ('bad' in table) return both({ kind: 'ambiguous', why: table.bad });
  const rows = table.rows;
  const counted = countStatus(rows.length, count);
  if (counted !== null) return both(counted);
  return { ...splitOwn(rows, scope.symbol, tabText), sources, complete: true };
}

type Column = keyof Labels['columns'];
type TableResult = { rows: RawPositionRow[] } | { bad: Reason } | { broken: Reason };

/** The one table: header cells mapped by text, then the visible `tr.okui-table-row` rows, one cell per column. */
function readTable(box: Element, scope: PositionsScope): TableResult {
  const { visible, labels } = scope;
  const broken = (item: ItemCode): TableResult => ({ broken: reason('page.selectorBroke', { item }) });
  const tables = visibleAll(box, HOOKS.table, visible);
  if (tables.length === 0) return broken('positionsHeader');
  if (tables.length > 1) return { broken: reason('page.several', { item: 'positionsHeader', count: tables.length }) };
  const table = tables[0] as Element;
  const headers = visibleAll(table, HOOKS.headerCell, visible).map(textOf);
  if (headers.length === 0) return broken('positionsHeader');
  const column = {} as Record<Column, number>;
  for (const key of Object.keys(labels.columns) as Column[]) {
    const index = headers.indexOf(labels.columns[key]);
    if (index < 0) return { broken: reason('positions.column', { column: labels.columns[key] }) };
    column[key] = index;
  }
  const rowEls = visibleAll(table, HOOKS.positionRow, visible);
  // Every visible child of the row container is a row: anything else means the structure changed.
  const bodies = visibleAll(table, 'tbody', visible);
  if (bodies.length !== 1) return broken('positionRows');
  if (visibleChildren(bodies[0] as Element, visible).length !== rowEls.length) return { broken: reason('positions.structure', { item: 'positionRows' }) };

  const rows: RawPositionRow[] = [];
  for (const rowEl of rowEls) {
    const cells = visibleChildren(rowEl, visible);
    if (cells.length !== headers.length) return { broken: reason('positions.cellCount', { cells: cells.length, columns: headers.length }) };
    const row = readRow(cells, column, scope);
    if ('code' in row) return { bad: row };
    rows.push(row);
  }
  return { rows };
}

function readRow(cells: Element[], column: Record<Column, number>, scope: PositionsScope): RawPositionRow | Reason {
  const { labels, visible } = scope;
  const cell = (key: Column): Element => cells[column[key]] as Element;
  // The instrument cell: `BTCUSDT Perpetual`, then `Cross 10x`, each its own child.
  const parts = visibleChildren(cell('instrument'), visible).map(textOf);
  const compact = (parts[0] ?? '').split(' ')[0] ?? '';
  const inst = instrumentOf(compact);
  const unreadable = (item: ItemCode, text: string) => reason('positions.rowUnreadable', { symbol: inst?.symbol ?? compact, item, text });
  if (inst === null || parts.length !== 2) return unreadable('positionSymbol', textOf(cell('instrument')));
  const badge = /^(\S+) (\d{1,3})x$/.exec(parts[1] as string);
  const mode: MarginMode | undefined = badge === null ? undefined : badge[1] === labels.cross ? 'cross' : badge[1] === labels.isolated ? 'isolated' : undefined;
  if (badge === null || mode === undefined) return unreadable('positionLeverage', parts[1] as string);

  // Size: hedge rows mark the side with a class and are unsigned; one-way rows are signed.
  const sizeCell = cell('size');
  const sizeText = textOf(sizeCell);
  const longMark = visibleAll(sizeCell, HOOKS.longSize, visible).length;
  const shortMark = visibleAll(sizeCell, HOOKS.shortSize, visible).length;
  const size = AMOUNT_WITH_UNIT_RE.exec(sizeText);
  if (size === null || longMark + shortMark > 1) return unreadable('positionSize', sizeText);
  const signed = size[1] as string;
  const marked = longMark + shortMark === 1;
  if (marked && /^[+-]/.test(signed)) return unreadable('positionSize', sizeText);
  const sized = signedSize(signed);
  if (sized === null) return reason('positions.zeroSize', { symbol: inst.symbol });
  const side = marked ? (longMark === 1 ? 'long' : 'short') : sized.side;
  const magnitude = sized.magnitude;
  const unitText = size[2] as string;
  let sizeUnit: SizeUnit;
  if (unitText === labels.contractsShort) sizeUnit = 'contracts';
  else if (unitText === inst.base) sizeUnit = 'base';
  else if (unitText === inst.quote) sizeUnit = 'quote';
  else return unreadable('positionSize', sizeText);

  const entryText = textOf(cell('entry'));
  if (entryText === MISSING_VALUE) return unreadable('positionEntry', entryText);
  const markText = textOf(cell('mark'));
  if (markText === MISSING_VALUE) return unreadable('positionMark', markText);
  const liqText = textOf(cell('liq'));
  const marginText = textOf(cell('margin'));
  const margin = marginText === MISSING_VALUE ? undefined : AMOUNT_WITH_UNIT_RE.exec(marginText);
  if (margin === null) return unreadable('positionMargin', marginText);
  const pnlText = textOf(cell('pnl'));
  const pnl = pnlText === MISSING_VALUE ? null : PNL_RE.exec(pnlText);
  if (pnlText !== MISSING_VALUE && pnl === null) return unreadable('unrealizedPnl', pnlText);

  const row: RawPositionRow = {
    symbol: inst.symbol,
    quoteAsset: inst.quote,
    side,
    size: { text: magnitude, grouped: true },
    sizeUnit,
    entryPrice: { text: entryText, grouped: true },
    markPrice: { text: markText, grouped: true },
    marginMode: mode,
    leverage: String(Number(badge[2])),
    exchangeLiquidationPrice: liqText === MISSING_VALUE ? null : { text: liqText, grouped: true },
    pnl: pnl === null || pnl === undefined ? null : { num: { text: pnl[1] as string, grouped: true }, unit: pnl[2] as string },
  };
  if (margin !== undefined) row.margin = { text: margin[1] as string, grouped: true };
  return row;
}
