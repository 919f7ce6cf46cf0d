/**
 * Positions list (binance-usdm.md §2.14, README P2, T10).
 *
 * Two kinds of "not read": the list is incomplete or not there by the page's own state (logged
 * out, another tab selected, not loaded yet, Hide Other Symbols, fewer rows than the tab count),
 * or the structure we rely on is broken ("selector broke: …"): that health check runs before the
 * completeness rules, so an empty table is never mistaken for a broken one and vice versa.
 */
import type { Field, MarginMode, Side } from '../types';
import { exactlyOne, textOf, visibleAll, visibleChildren, type VisibilityTest } from '../dom';
import { ambiguous, missing, readField, type NumText } from './fields';
import { parseAmount, parseLeverageBadge } from './form';
import { HOOKS, MISSING_VALUE, QUOTE_ASSETS, TAB_COUNT_RE, type Labels } from './selectors';

export interface RawPositionRow {
  symbol: string;
  side: Side;
  /** Unsigned size text in `sizeUnit`. */
  size: NumText;
  sizeUnit: 'base' | 'quote';
  entryPrice: NumText;
  /** null: the row's Mark Price is `--`. */
  markPrice: NumText | null;
  marginMode: MarginMode;
  leverage: string;
  margin?: NumText;
  exchangeLiquidationPrice: NumText | null;
}

export interface PositionsReading {
  positions: Field<RawPositionRow[]>;
  /** The active account panel, so the account-panel reader can skip it. */
  panel: Element | null;
}

export interface PositionsScope {
  doc: Document;
  visible: VisibilityTest;
  labels: Labels;
  formRoot: Element;
  loggedIn: Field<boolean>;
}

const broke = (what: string): Field<never> => missing(`selector broke: ${what}`);

export function splitSymbol(symbol: string): { base: string; quote: string } | null {
  const quote = QUOTE_ASSETS.find((q) => symbol.endsWith(q) && symbol.length > q.length);
  return quote === undefined ? null : { base: symbol.slice(0, -quote.length), quote };
}

export function readPositions(scope: PositionsScope): PositionsReading {
  const { doc, visible, labels, formRoot } = scope;
  const outsideForm = (el: Element): boolean => !formRoot.contains(el);
  const tabLabel = (tab: Element): { label: string; count: number | null } => {
    const text = textOf(tab);
    const m = TAB_COUNT_RE.exec(text);
    return m === null ? { label: text, count: null } : { label: m[1] as string, count: Number(m[2]) };
  };

  // S (group): the one visible tablist outside the form holding a Positions tab (children only).
  const groups = visibleAll(doc, HOOKS.tablist, visible)
    .filter(outsideForm)
    .map((list) => ({ list, tabs: visibleChildren(list, visible).filter((el) => el.matches(HOOKS.tab)) }))
    .filter((g) => g.tabs.some((t) => tabLabel(t).label === labels.positionsTab));
  const group = exactlyOne(groups);
  if (group.kind === 'none') return { positions: broke('positions tabs not found'), panel: null };
  if (group.kind === 'many') return { positions: ambiguous(`${group.count} positions tab groups`), panel: null };
  const posTab = exactlyOne(group.item.tabs.filter((t) => tabLabel(t).label === labels.positionsTab));
  if (posTab.kind !== 'one') return { positions: ambiguous('several Positions tabs'), panel: null };
  const tabText = textOf(posTab.item);
  const { count } = tabLabel(posTab.item);

  if (scope.loggedIn.status !== 'read') return { positions: missing('login state unknown', tabText), panel: null };
  if (scope.loggedIn.value === false) return { positions: missing('log in to see positions', tabText), panel: null };
  if (posTab.item.getAttribute('aria-selected') !== 'true') {
    return { positions: missing('the Positions tab is not selected: other positions unknown', tabText), panel: null };
  }
  if (count === null) return { positions: missing('positions not loaded yet', tabText), panel: null };

  // The panel: nearest ancestor of the tablist that holds a visible tabpanel; it must hold one.
  let panel: Element | null = null;
  for (let a = group.item.list.parentElement; a !== null; a = a.parentElement) {
    const panels = visibleAll(a, HOOKS.tabpanel, visible).filter(outsideForm);
    if (panels.length === 0) continue;
    if (panels.length > 1) return { positions: ambiguous(`${panels.length} account tab panels`, tabText), panel: null };
    panel = panels[0] as Element;
    break;
  }
  if (panel === null) return { positions: broke('positions panel not found'), panel: null };

  const table = readTable(panel, scope);
  if ('broken' in table) return { positions: { ...broke(table.broken), raw: tabText }, panel };

  const hide = exactlyOne(visibleAll(doc, HOOKS.hideOtherSymbols, visible).filter(outsideForm));
  if (hide.kind !== 'one') return { positions: { ...broke('Hide Other Symbols checkbox not found'), raw: tabText }, panel };
  if (hide.item.getAttribute('aria-checked') === 'true') {
    return { positions: missing('Hide Other Symbols is on: other symbols\' positions are hidden', tabText), panel };
  }
  if ('bad' in table) return { positions: ambiguous(table.bad, tabText), panel };
  if (table.rows.length < count) {
    return { positions: missing(`incomplete: ${count - table.rows.length} of ${count} positions not visible`, tabText), panel };
  }
  if (table.rows.length > count) {
    return { positions: ambiguous(`${table.rows.length} position rows but the tab says ${count}`, tabText), panel };
  }
  return { positions: readField(table.rows, tabText), panel };
}

type TableResult = { rows: RawPositionRow[] } | { bad: string } | { broken: string };

/** Header row by column labels, then the `.list-item-container` rows that follow it, or one empty state. */
function readTable(panel: Element, scope: PositionsScope): TableResult {
  const { visible, labels } = scope;
  const c = labels.columns;
  // Text first, visibility last: computed style is the expensive part.
  const headers = Array.from(panel.querySelectorAll('*')).filter((el) => {
    if (el.childElementCount < 2) return false;
    const texts = Array.from(el.children, textOf);
    return texts.includes(c.symbol) && texts.includes(c.size) && visible(el);
  });
  const header = exactlyOne(headers);
  if (header.kind === 'none') return { broken: 'positions header row not found' };
  if (header.kind === 'many') return { broken: `${header.count} positions header rows` };
  const headerTexts = visibleChildren(header.item, visible).map(textOf);
  const column: Record<keyof Labels['columns'], number> = {
    symbol: headerTexts.indexOf(c.symbol),
    size: headerTexts.indexOf(c.size),
    entry: headerTexts.indexOf(c.entry),
    mark: headerTexts.indexOf(c.mark),
    liq: headerTexts.indexOf(c.liq),
    margin: headerTexts.indexOf(c.margin),
  };
  for (const [key, index] of Object.entries(column)) {
    if (index < 0) return { broken: `column "${c[key as keyof Labels['columns']]}" not found in the positions header` };
  }

  const list = header.item.parentElement as Element;
  const after = visibleChildren(list, visible).slice(visibleChildren(list, visible).indexOf(header.item) + 1);
  const rowEls = after.filter((el) => el.matches(HOOKS.positionRow));
  const others = after.length - rowEls.length;
  if (rowEls.length === 0 && others !== 1) return { broken: 'neither position rows nor the empty state after the header' };
  if (rowEls.length > 0 && others > 0) return { broken: 'unexpected elements between the position rows' };
  if (visibleAll(panel, HOOKS.positionRow, visible).length !== rowEls.length) {
    return { broken: 'position rows outside the positions list' };
  }

  const rows: RawPositionRow[] = [];
  for (const rowEl of rowEls) {
    const cells = visibleChildren(rowEl, visible);
    if (cells.length !== headerTexts.length) {
      return { broken: `a position row has ${cells.length} cells, the header ${headerTexts.length}` };
    }
    const row = readRow(cells, column);
    if (typeof row === 'string') return { bad: row };
    rows.push(row);
  }
  return { rows };
}

function readRow(cells: Element[], column: Record<keyof Labels['columns'], number>): RawPositionRow | string {
  const cell = (key: keyof typeof column): Element => cells[column[key]] as Element;
  const symbolParts = Array.from(cell('symbol').children);
  const symbol = symbolParts[0] === undefined ? '' : textOf(symbolParts[0]);
  const assets = splitSymbol(symbol);
  if (assets === null) return `cannot read the position symbol "${symbol}"`;
  const badges = symbolParts.map((el) => parseLeverageBadge(textOf(el))).filter((b) => b !== null);
  const badge = badges.length === 1 ? badges[0] : undefined;
  if (badge === undefined) return `cannot read the ${symbol} margin mode and leverage`;

  const sizeText = textOf(cell('size'));
  const size = parseAmount(sizeText);
  if (size === null) return `cannot read the ${symbol} size "${sizeText}"`;
  const sign = size.num.text.startsWith('-') ? '-' : '';
  const magnitude = size.num.text.replace(/^[+-]/, '');
  if (/^[0.,]+$/.test(magnitude)) return `${symbol} position size is zero`;
  let sizeUnit: 'base' | 'quote';
  if (size.unit === assets.base) sizeUnit = 'base';
  else if (size.unit === assets.quote) sizeUnit = 'quote';
  else return `${symbol} size is in ${size.unit}`;

  const priceOrNull = (text: string): NumText | null => (text === MISSING_VALUE ? null : { text, grouped: true });
  const entryText = textOf(cell('entry'));
  if (entryText === MISSING_VALUE) return `${symbol} entry price not shown`;
  const markPrice = priceOrNull(textOf(cell('mark')));
  if (sizeUnit === 'quote' && markPrice === null) return `${symbol} size is in ${assets.quote} but its Mark Price is --`;

  const marginText = textOf(cell('margin'));
  const margin = marginText === MISSING_VALUE ? undefined : parseAmount(marginText);
  if (margin === null) return `cannot read the ${symbol} margin "${marginText}"`;

  const row: RawPositionRow = {
    symbol,
    side: sign === '-' ? 'short' : 'long',
    size: { text: magnitude, grouped: true },
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
