/**
 * Bybit USDT-perpetual reader: DOM in, FormSnapshot out. Pure: no timers, no events, no writes.
 *
 * Two phases: every value is first read as page text; then the page's number format is decided from
 * `<html lang>` checked against all those texts (README: Numbers), and the texts are parsed. Position
 * sizes are in the base asset; the quantity is reported in the unit the form names (Qty, Value or Cost)
 * and the background converts it.
 */
import type { Field, FormSnapshot, PositionRow } from '../../contracts/snapshot';
import { reason } from '../../contracts/reasons';
import type { ReadOptions, SnapshotReader } from '../adapter';
import type { VisibilityTest } from '../kit/dom';
import { ambiguous, missing, numberSamples, parseNum, passOn, readField, resolveNum, type NumText } from '../kit/fields';
import { decideFormat, type FormatDecision } from '../kit/locale-number';
import { createSnapshotReader, type OutsideReading, type ReadContext, type VenueRead } from '../kit/reader';
import { emptySnapshot } from '../kit/snapshot';
import { readAccount, type AccountValues } from './account';
import { locateFormRoot, priceContainers, readAvailable, readInputs, readLeverage, readModes, readOrderType, type FormContext } from './form';
import { readPositions, type RawPositionRow } from './positions';
import { detectBybitPerpetual } from './route';
import { LABELS, localeOf, TITLE_SEPARATOR, type HeaderMode, type Labels } from './selectors';

const VENUE = 'bybit';
const QUOTE = 'USDT';

/** What a read found outside the order form (reused by 'form' reads while it holds). */
interface BybitOutside extends OutsideReading {
  own: Field<RawPositionRow[]>;
  others: Field<RawPositionRow[]>;
  account: AccountValues;
}

function findRoot(doc: Document, visible: VisibilityTest): Element | null {
  const found = locateFormRoot(doc, visible);
  return found.kind === 'one' ? found.root : null;
}

export function createBybitReader(doc: Document, currentUrl: () => string, opts: ReadOptions = {}): SnapshotReader {
  return createSnapshotReader<BybitOutside>({ venue: VENUE, findRoot, read }, doc, currentUrl, opts);
}

function read(ctx: ReadContext<BybitOutside>): VenueRead<BybitOutside> {
  const { doc, url, visible } = ctx;
  const route = detectBybitPerpetual(url);
  if (route === null) return { snapshot: emptySnapshot(VENUE, url, missing(reason('page.notSupportedPage'))), root: null, outside: null };
  // README: Pages. Every route symbol ends in the quote asset.
  const baseAsset = route.symbol.slice(0, -QUOTE.length);
  const lang = doc.documentElement.getAttribute('lang') ?? '';
  // Unknown languages fall back to the en labels: their texts will not match, so fields fail closed.
  const labels = LABELS[localeOf(lang) ?? 'en'];
  const form: FormContext = { visible, labels, baseAsset, quoteAsset: QUOTE };
  const assetFields = { baseAsset: readField(baseAsset), quoteAsset: readField(QUOTE) };

  const found = locateFormRoot(doc, visible);
  if (found.kind !== 'one') {
    const formField =
      found.kind === 'many' ? ambiguous<true>(reason('page.several', { item: 'orderForm', count: found.count })) : missing<true>(reason('page.notFound', { item: 'orderForm' }));
    return { snapshot: { ...emptySnapshot(VENUE, url, formField), symbol: checkSymbol(doc, route.symbol, baseAsset, null), ...assetFields }, root: null, outside: null };
  }
  const root = found.root;

  const modes = readModes(root, form);
  const boxes = priceContainers(root, form);
  const orderType = readOrderType(root, form, boxes.length > 0);
  const inputs = readInputs(root, form, orderType, boxes);
  const lev = readLeverage(root, form);
  const available = readAvailable(root, form, modes.loggedIn);
  const key = [root, url, lang, modes.loggedIn.status, modes.loggedIn.value];
  const outside = ctx.reusable(key) ?? readOutside(ctx, { labels, root, symbol: route.symbol, loggedIn: modes.loggedIn, key });
  const { own, others, account } = outside;

  const numberFields: Field<NumText>[] = [
    inputs.price, inputs.qty.quantity, inputs.takeProfit, inputs.stopLoss, lev.leverage, available,
    account.marginBalance, account.maintenanceMargin, account.markPrice,
  ];
  const rowSamples = [own, others].flatMap((f) => f.value ?? []).flatMap(rowNumbers);
  const format = decideFormat(lang, [...numberSamples(numberFields), ...rowSamples]);

  const ownPositions = resolvePositions(own, format);
  const otherPositions = resolvePositions(others, format);
  const marginBalance = resolveNum(account.marginBalance, format);
  const snapshot: FormSnapshot = {
    venue: VENUE,
    url,
    form: readField(true),
    symbol: checkSymbol(doc, route.symbol, baseAsset, inputs.qty.mode === 'base' ? inputs.qty.suffix : null),
    ...assetFields,
    loggedIn: modes.loggedIn,
    // Each side has its own button: the form submits either (README: Submit buttons).
    sides: readField(['long', 'short']),
    positionMode: modes.positionMode,
    action: modes.action,
    assetMode: lev.assetMode,
    orderType,
    price: resolveNum(inputs.price, format),
    quantity: resolveNum(inputs.qty.quantity, format),
    quantityUnit: inputs.qty.unit,
    leverage: plainLeverage(resolveNum(lev.leverage, format)),
    marginMode: checkMarginMode(lev.marginMode, lev.headerMode, account.panelMode, labels),
    takeProfit: resolveNum(inputs.takeProfit, format),
    stopLoss: resolveNum(inputs.stopLoss, format),
    // README: Hedge mode. The hedge form has no reduce-only box; the one-way box is not among the hooks relied on.
    reduceOnly:
      modes.positionMode.status !== 'read'
        ? passOn(modes.positionMode)
        : modes.positionMode.value === 'hedge'
          ? readField(false)
          : missing(reason('page.notRead', { item: 'reduceOnly' })),
    available: resolveNum(available, format),
    // README: Available balance. The form shows no Max.
    maxBuy: missing(reason('page.notRead', { item: 'maxBuy' })),
    maxSell: missing(reason('page.notRead', { item: 'maxSell' })),
    walletBalance: walletBalance(marginBalance, ownPositions, otherPositions),
    marginBalance,
    maintenanceMargin: resolveNum(account.maintenanceMargin, format),
    unrealizedPnl: missing(reason('page.notRead', { item: 'unrealizedPnl' })),
    marginRatio: missing(reason('page.notRead', { item: 'marginRatio' })),
    markPrice: resolveNum(account.markPrice, format),
    // README: Mark price. The page's funding rate is not among the hooks relied on.
    fundingRate: missing(reason('page.notRead', { item: 'fundingRate' })),
    ownPositions,
    otherPositions,
  };
  return { snapshot, root, outside, submit: modes.submit };
}

interface OutsideScope {
  labels: Labels;
  root: Element;
  symbol: string;
  loggedIn: Field<boolean>;
  key: unknown[];
}

/** The page-wide part of a read: the positions list, the account panel and the header's mark price. */
function readOutside(ctx: ReadContext<BybitOutside>, scope: OutsideScope): BybitOutside {
  const { doc, visible, loading } = ctx;
  const { labels, root, loggedIn } = scope;
  const positions = readPositions({ doc, visible, labels, formRoot: root, symbol: scope.symbol, quoteAsset: QUOTE, loggedIn, loading });
  const account = readAccount({ doc, visible, labels, quoteAsset: QUOTE, formRoot: root, loggedIn, loading });
  return {
    key: scope.key,
    sources: [...positions.sources, ...account.sources],
    complete: positions.complete && account.complete,
    own: positions.own,
    others: positions.others,
    account: account.values,
  };
}

/**
 * README: Symbol. The URL symbol counts only when the title's second field names the same symbol and,
 * in Qty mode, the quantity suffix is its base asset; otherwise URL and form may be mid-navigation.
 */
function checkSymbol(doc: Document, symbol: string, baseAsset: string, qtySuffix: string | null): Field<string> {
  const fields = doc.title.split(TITLE_SEPARATOR);
  const titleSymbol = fields.length >= 3 ? (fields[1] as string).trim() : null;
  if (titleSymbol === null) return missing(reason('page.symbolNotShown'), symbol);
  if (titleSymbol !== symbol) return ambiguous(reason('page.symbolMismatch', { shown: titleSymbol, address: symbol }), symbol);
  if (qtySuffix !== null && qtySuffix !== baseAsset) return ambiguous(reason('page.formUnitMismatch', { unit: qtySuffix, address: symbol }), symbol);
  return readField(symbol, symbol);
}

/** `10.00` → `10`, `12.50` → `12.5`: the leverage as a plain number. */
function trimZeros(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

function plainLeverage(field: Field<string>): Field<string> {
  return field.status === 'read' && field.value !== undefined ? readField(trimZeros(field.value), field.raw) : field;
}

/** README: Account panel. The header decides the margin mode; the panel, once it shows one, must agree. */
function checkMarginMode(header: Field<'cross' | 'isolated'>, headerMode: HeaderMode | null, panel: Field<HeaderMode>, labels: Labels): Field<'cross' | 'isolated'> {
  if (header.status !== 'read' || headerMode === null || panel.status !== 'read' || panel.value === headerMode) return header;
  return ambiguous(reason('page.marginModeMismatch', { form: labels.headerModes[headerMode], panel: panel.raw ?? '' }), header.raw);
}

/**
 * README: Account panel. The page shows the margin balance (wallet balance plus the unrealised P&L of the
 * open positions) and no wallet balance: the two are the same number only while no position is open.
 */
function walletBalance(margin: Field<string>, own: Field<PositionRow[]>, others: Field<PositionRow[]>): Field<string> {
  if (margin.status !== 'read') return passOn(margin);
  const none = own.status === 'read' && others.status === 'read' && own.value?.length === 0 && others.value?.length === 0;
  return none ? margin : missing(reason('page.walletNotShown'), margin.raw);
}

function rowNumbers(row: RawPositionRow): NumText[] {
  return [row.size, row.entryPrice, row.markPrice, row.leverage, row.margin, row.exchangeLiquidationPrice].filter((n): n is NumText => n != null);
}

function resolvePositions(field: Field<RawPositionRow[]>, format: FormatDecision): Field<PositionRow[]> {
  if (field.status !== 'read' || field.value === undefined) return passOn(field);
  if (format.status !== 'read') return ambiguous(format.why, field.raw);
  const rows: PositionRow[] = [];
  for (const raw of field.value) {
    const num = (n: NumText): string | null => parseNum(n, format);
    const size = num(raw.size);
    const entryPrice = num(raw.entryPrice);
    const markPrice = num(raw.markPrice);
    const leverage = num(raw.leverage);
    const liq = raw.exchangeLiquidationPrice === null ? null : num(raw.exchangeLiquidationPrice);
    const margin = raw.margin === undefined ? undefined : num(raw.margin);
    const bad = (item: 'positionSize' | 'positionEntry' | 'positionMark' | 'positionLeverage' | 'positionMargin' | 'positionLiquidation', text: string) =>
      ambiguous<PositionRow[]>(reason('positions.rowUnreadable', { symbol: raw.symbol, item, text }), field.raw);
    if (size === null) return bad('positionSize', raw.size.text);
    if (entryPrice === null) return bad('positionEntry', raw.entryPrice.text);
    if (markPrice === null) return bad('positionMark', raw.markPrice.text);
    if (leverage === null) return bad('positionLeverage', raw.leverage.text);
    if (margin === null) return bad('positionMargin', raw.margin?.text ?? '');
    if (raw.exchangeLiquidationPrice !== null && liq === null) return bad('positionLiquidation', raw.exchangeLiquidationPrice.text);
    const row: PositionRow = {
      symbol: raw.symbol,
      quoteAsset: raw.quoteAsset,
      side: raw.side,
      size,
      sizeUnit: 'base',
      entryPrice,
      markPrice,
      marginMode: raw.marginMode,
      leverage: trimZeros(leverage),
      exchangeLiquidationPrice: liq,
    };
    if (margin !== undefined) row.margin = margin;
    rows.push(row);
  }
  return readField(rows, field.raw);
}
