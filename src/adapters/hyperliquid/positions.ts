/**
 * The positions list (README: Positions list) in `#accountTable`, and the form's own `Current Position`.
 *
 * Only the selected tab's table is on the page, and no hook tells which tab is selected: the positions
 * table is the one visible table whose header names both `Coin` and `Liq. Price`. Without it the list is
 * not whole (another tab selected, still loading, logged out): the other positions are unknown. Its rows
 * must match the `Positions (n)` count.
 *
 * The form's `Current Position` pair is the account's position on the form's coin, from the same account
 * data. It is used two ways, and never for more than it says (a size, no entry price or margin):
 * - when the table is read, the form coin's rows must add up to it, or the own position is ambiguous;
 * - when the table is not whole and it reads zero, the own position is known to be none, so isolated
 *   figures can stand while cross waits for the other positions. A non-zero size without its row is not
 *   enough to price: the own position stays unknown.
 */
import type { Field, MarginMode } from '../../contracts/snapshot';
import { reason, type ItemCode, type Reason } from '../../contracts/reasons';
import { venueById } from '../../venues/registry';
import { exactlyOne, textOf, visibleAll, visibleChildren, type VisibilityTest } from '../kit/dom';
import type { NumText } from '../kit/fields';
import { countStatus, signedSize, splitOwn, unreadList, type RawPositionRow, type Status, type PositionsReading as KitPositionsReading } from '../kit/positions';
import type { PartScope } from '../kit/reader';
import { MISSING_VALUE, tabLabel } from '../kit/tables';
import { parseAmount, parseUsd } from './amounts';
import { dexOf, displayedCoin, HOOKS, LEVERAGE_RE, MARGIN_CELL_RE, NOT_AVAILABLE, POSITIONS_TAB, type Labels } from './selectors';

const QUOTE = venueById('hyperliquid').quoteAssets[0];

/** Own: the form coin's rows (and the Current Position cross-check, done once numbers are parsed). The source: `#accountTable`; incomplete while it is not on the page. */
export type PositionsReading = KitPositionsReading<RawPositionRow>;

export interface PositionsScope extends PartScope<Labels> {
  /** The form's coin (null: unknown). */
  coin: string | null;
}

export function readPositions(scope: PositionsScope): PositionsReading {
  const { doc, visible, loggedIn } = scope;
  const sources: Element[] = [];
  let tabText: string | undefined;
  const both = (status: Status, complete = true): PositionsReading => {
    const field = unreadList<RawPositionRow>(status, tabText);
    return { own: field, others: field, sources, complete };
  };

  if (loggedIn.status !== 'read') return both({ kind: 'missing', why: reason('positions.loginUnknown') });
  const area = exactlyOne(visibleAll(doc, HOOKS.accountTable, visible));
  if (area.kind === 'many') return both({ kind: 'ambiguous', why: reason('page.several', { item: 'positionsPanel', count: area.count }) });
  if (area.kind === 'none') {
    if (loggedIn.value === false) return both({ kind: 'missing', why: reason('page.loginToSee', { item: 'positions' }) });
    return both({ kind: 'missing', why: reason(scope.loading ? 'page.notLoadedYet' : 'page.notFound', { item: 'positionsPanel' }) }, false);
  }
  sources.push(area.item);
  if (loggedIn.value === false) return both({ kind: 'missing', why: reason('page.loginToSee', { item: 'positions' }) });

  // The Positions tab: the innermost visible element whose text is `Positions` or `Positions (n)`.
  const tabs = Array.from(area.item.querySelectorAll('*')).filter((el) => tabLabel(el).label === POSITIONS_TAB && visible(el));
  const innermost = tabs.filter((el) => !tabs.some((other) => other !== el && el.contains(other)));
  const tab = exactlyOne(innermost);
  if (tab.kind === 'none') return both({ kind: 'missing', why: reason(scope.loading ? 'page.notLoadedYet' : 'page.notFound', { item: 'positionsTab' }) });
  if (tab.kind === 'many') return both({ kind: 'ambiguous', why: reason('page.several', { item: 'positionsTab', count: tab.count }) });
  tabText = textOf(tab.item);
  const { count } = tabLabel(tab.item);
  if (count === null) return both({ kind: 'missing', why: reason('positions.loading') });

  const table = findTable(area.item, scope);
  if ('status' in table) return both(table.status);
  const counted = countStatus(table.rows.length, count);
  if (counted !== null) return both(counted);
  return { ...splitOwn(table.rows, scope.coin, tabText), sources, complete: true };
}

type Columns = Record<keyof Labels['columns'], number>;
type TableResult = { rows: RawPositionRow[] } | { status: Status };

const cellsOf = (row: Element, visible: VisibilityTest): Element[] => visibleChildren(row, visible).filter((el) => el.matches(HOOKS.cell));

/** The one visible table whose header row names `Coin` and `Liq. Price`, its columns mapped by header text. */
function findTable(area: Element, scope: PositionsScope): TableResult {
  const { visible, labels } = scope;
  const c = labels.columns;
  const broken = (why: Reason): TableResult => ({ status: { kind: 'missing', why } });
  const candidates = visibleAll(area, HOOKS.table, visible).flatMap((table) => {
    const headerRows = visibleAll(table, HOOKS.headerRow, visible);
    const texts = headerRows.length === 1 ? cellsOf(headerRows[0] as Element, visible).map(textOf) : [];
    return texts.includes(c.coin) && texts.includes(c.liq) ? [{ table, texts }] : [];
  });
  const one = exactlyOne(candidates);
  // No positions table: the Positions tab is not the selected one (the one explanation the page allows).
  if (one.kind === 'none') return { status: { kind: 'missing', why: reason('positions.tabNotSelected') } };
  if (one.kind === 'many') return { status: { kind: 'ambiguous', why: reason('page.several', { item: 'positionsHeader', count: one.count }) } };
  const { table, texts } = one.item;
  const column = {} as Columns;
  for (const key of Object.keys(c) as (keyof Columns)[]) {
    const index = texts.indexOf(c[key]);
    if (index < 0) return broken(reason('positions.column', { column: c[key] }));
    column[key] = index;
  }

  const rowEls = visibleAll(table, HOOKS.bodyRows, visible);
  const rows: RawPositionRow[] = [];
  for (const rowEl of rowEls) {
    const cells = cellsOf(rowEl, visible);
    if (cells.length === 1 && rowEls.length === 1 && textOf(cells[0] as Element) === labels.emptyPositions) return { rows: [] };
    if (cells.length !== texts.length) return broken(reason('positions.cellCount', { cells: cells.length, columns: texts.length }));
    const row = readRow(cells, column, labels);
    if ('code' in row) return { status: { kind: 'ambiguous', why: row } };
    rows.push(row);
  }
  // Neither rows nor the empty state: the structure relied on is not there.
  if (rows.length === 0) return broken(reason('page.selectorBroke', { item: 'emptyState' }));
  return { rows };
}

function readRow(cells: Element[], column: Columns, labels: Labels): RawPositionRow | Reason {
  const cell = (key: keyof Columns): Element => cells[column[key]] as Element;
  const coinParts = Array.from(cell('coin').children);
  const symbol = coinParts[0] === undefined ? '' : textOf(coinParts[0]);
  const unreadable = (item: ItemCode, text: string) => reason('positions.rowUnreadable', { symbol, item, text });
  if (coinParts.length !== 2 || symbol === '') return unreadable('positionSymbol', textOf(cell('coin')));
  const lev = LEVERAGE_RE.exec(textOf(coinParts[1] as Element));
  if (lev === null) return unreadable('positionLeverage', textOf(cell('coin')));

  const sizeText = textOf(cell('size'));
  const size = parseAmount(sizeText);
  if (size === null || size.unit !== displayedCoin(symbol)) return unreadable('positionSize', sizeText);
  const signed = signedSize(size.num.text);
  if (signed === null) return reason('positions.zeroSize', { symbol });

  const price = (key: 'entry' | 'mark', item: ItemCode): NumText | Reason => {
    const text = textOf(cell(key));
    return text === MISSING_VALUE || text === NOT_AVAILABLE ? unreadable(item, text) : { text, grouped: true };
  };
  const entryPrice = price('entry', 'positionEntry');
  if ('code' in entryPrice) return entryPrice;
  const markPrice = price('mark', 'positionMark');
  if ('code' in markPrice) return markPrice;

  const marginText = textOf(cell('margin'));
  const marginParts = MARGIN_CELL_RE.exec(marginText);
  const modes: Record<string, MarginMode> = { [labels.cross]: 'cross', [labels.isolated]: 'isolated' };
  const marginMode = marginParts === null ? undefined : modes[marginParts[2] as string];
  if (marginParts === null || marginMode === undefined) return unreadable('positionLeverage', marginText);
  const marginAmount = marginParts[1] as string;
  const margin = marginAmount === MISSING_VALUE ? undefined : parseUsd(marginAmount);
  if (margin === null) return unreadable('positionMargin', marginText);

  const liqText = textOf(cell('liq'));
  const dex = dexOf(symbol);
  const row: RawPositionRow = {
    symbol,
    // A builder-deployed market's position sits in its dex's own margin account, never in the main USDC pool.
    quoteAsset: dex === null ? (QUOTE as string) : dex,
    side: signed.side,
    size: { text: signed.magnitude, grouped: true },
    sizeUnit: 'base',
    entryPrice,
    markPrice,
    marginMode,
    leverage: String(Number(lev[1])),
    exchangeLiquidationPrice: liqText === NOT_AVAILABLE || liqText === MISSING_VALUE ? null : { text: liqText, grouped: true },
  };
  if (margin !== undefined) row.margin = margin;
  return row;
}
