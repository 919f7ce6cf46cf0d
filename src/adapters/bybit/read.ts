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
import { ambiguous, missing, passOn, readField, resolveNum, type NumText } from '../kit/fields';
import { notTradingPage, oneRoot, type Outside, outsideOf, pageFormat, pageLabels, titleDisagrees, withoutForm } from '../kit/page';
import { resolvePositions, rowNumbers, trimZeros, type RawPositionRow } from '../kit/positions';
import { reduceOnlyInHedgeOnly } from '../kit/submit';
import { createSnapshotReader, type ReadContext, type VenueRead } from '../kit/reader';
import { readAccount, type AccountValues } from './account';
import { locateFormRoot, priceContainers, readAvailable, readInputs, readLeverage, readModes, readOrderType, type FormContext } from './form';
import { readPositions } from './positions';
import { detectBybitPerpetual } from './route';
import { LABELS, localeOf, TITLE_SEPARATOR, type HeaderMode, type Labels } from './selectors';

const VENUE = 'bybit';
const QUOTE = 'USDT';

type BybitOutside = Outside<RawPositionRow, AccountValues>;

const findRoot = (doc: Document, visible: VisibilityTest): Element | null => oneRoot(locateFormRoot(doc, visible));

export function createBybitReader(doc: Document, currentUrl: () => string, opts: ReadOptions = {}): SnapshotReader {
  return createSnapshotReader<BybitOutside>({ venue: VENUE, findRoot, read }, doc, currentUrl, opts);
}

function read(ctx: ReadContext<BybitOutside>): VenueRead<BybitOutside> {
  const { doc, url, visible } = ctx;
  const route = detectBybitPerpetual(url);
  if (route === null) return notTradingPage(VENUE, url);
  // README: Pages. Every route symbol ends in the quote asset.
  const baseAsset = route.symbol.slice(0, -QUOTE.length);
  const { lang, labels } = pageLabels(doc, LABELS, localeOf, 'en');
  const form: FormContext = { visible, labels, baseAsset, quoteAsset: QUOTE };
  const assetFields = { baseAsset: readField(baseAsset), quoteAsset: readField(QUOTE) };

  const found = locateFormRoot(doc, visible);
  if (found.kind !== 'one') return withoutForm(VENUE, url, found, { symbol: checkSymbol(doc, route.symbol, baseAsset, null), ...assetFields });
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
  const format = pageFormat(lang, numberFields, [own, others], rowNumbers);

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
    reduceOnly: reduceOnlyInHedgeOnly(modes.positionMode),
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
  return outsideOf(scope.key, positions, account);
}

/**
 * README: Symbol. The URL symbol counts only when the title's second field names the same symbol and,
 * in Qty mode, the quantity suffix is its base asset; otherwise URL and form may be mid-navigation.
 */
function checkSymbol(doc: Document, symbol: string, baseAsset: string, qtySuffix: string | null): Field<string> {
  const title = titleDisagrees(doc.title, TITLE_SEPARATOR, symbol);
  if (title !== null) return title;
  if (qtySuffix !== null && qtySuffix !== baseAsset) return ambiguous(reason('page.formUnitMismatch', { unit: qtySuffix, address: symbol }), symbol);
  return readField(symbol, symbol);
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
