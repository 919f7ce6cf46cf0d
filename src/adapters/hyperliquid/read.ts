/**
 * Hyperliquid reader: DOM in, FormSnapshot out. Pure: no timers, no events, no writes.
 *
 * Two phases, as every reader: each value is first read as page text; then the page's number format is
 * decided from `<html lang>` (the app's language setting; the address has none) checked against all
 * those texts (README: Numbers), and the texts are parsed. Sizes are reported in the coin, as the page
 * shows them; an order typed in USDC is reported as a quote amount (the background converts).
 */
import type { Field, FormSnapshot, PositionRow } from '../../contracts/snapshot';
import { reason } from '../../contracts/reasons';
import type { ReadOptions, SnapshotReader } from '../adapter';
import type { VisibilityTest } from '../kit/dom';
import { ambiguous, missing, passOn, readField, resolveNum, unsupported, type NumText } from '../kit/fields';
import { notTradingPage, oneRoot, type Outside, outsideOf, pageFormat, withoutForm } from '../kit/page';
import { resolvePositions, rowNumbers, type RawPositionRow } from '../kit/positions';
import { createSnapshotReader, type ReadContext, type VenueRead } from '../kit/reader';
import { venueById } from '../../venues/registry';
import { readAccount, type AccountValues } from './account';
import { addPlain, sameNumber } from './amounts';
import {
  type FormContext,
  locateFormRoot,
  readAvailable,
  readCurrentPosition,
  readLeverage,
  readLogin,
  readOrder,
  readQuantity,
  readReduceOnly,
  readSides,
  readTpSl,
  submitControls,
} from './form';
import { readPositions } from './positions';
import { detectHyperliquidPerp } from './route';
import { displayedCoin, LABELS, localeOf, TITLE_SEPARATOR, TITLE_SITE, type Labels } from './selectors';

const VENUE = 'hyperliquid';
const QUOTE = venueById(VENUE).quoteAssets[0] as string;

type HyperliquidOutside = Outside<RawPositionRow, AccountValues>;

const labelsFor = (doc: Document): Labels => LABELS[localeOf(doc.documentElement.getAttribute('lang') ?? '') ?? 'en'];

const findRoot = (doc: Document, visible: VisibilityTest): Element | null => oneRoot(locateFormRoot(doc, labelsFor(doc), visible));

export function createHyperliquidReader(doc: Document, currentUrl: () => string, opts: ReadOptions = {}): SnapshotReader {
  return createSnapshotReader<HyperliquidOutside>({ venue: VENUE, findRoot, read }, doc, currentUrl, opts);
}

/** The coin in the title's second field (`61,005 | BTC | Hyperliquid`), or null before the page names one. */
function titleCoin(doc: Document): string | null {
  const fields = doc.title.split(TITLE_SEPARATOR);
  return fields.length >= 3 && fields[fields.length - 1]?.trim() === TITLE_SITE ? (fields[1] as string).trim() : null;
}

function read(ctx: ReadContext<HyperliquidOutside>): VenueRead<HyperliquidOutside> {
  const { doc, url, visible } = ctx;
  const route = detectHyperliquidPerp(url);
  if (route === null) return notTradingPage(VENUE, url);
  const lang = doc.documentElement.getAttribute('lang') ?? '';
  // Unknown languages fall back to the en labels: their texts will not match, so fields fail closed.
  const labels = labelsFor(doc);
  const shown = titleCoin(doc);
  // `/trade` alone: the page's own coin, from the title.
  const coin = route.symbol === '' ? shown : route.symbol;
  const coinShown = coin === null ? null : displayedCoin(coin);
  const form: FormContext = { visible, labels, coinShown, quoteAsset: QUOTE };
  const assetFields = {
    baseAsset: coinShown === null ? missing<string>(reason('page.symbolNotShown')) : readField(coinShown),
    quoteAsset: readField(QUOTE),
  };

  const found = locateFormRoot(doc, labels, visible);
  if (found.kind !== 'one') return withoutForm(VENUE, url, found, { symbol: checkSymbol(route.symbol, shown, null, null), ...assetFields });
  const { root } = found;

  const login = readLogin(root, form);
  const sides = readSides(found.buy, found.sell);
  const order = readOrder(root, form);
  const qty = readQuantity(root, form);
  const lev = readLeverage(root, form);
  const tpsl = readTpSl(root, form);
  const available = readAvailable(root, form, login.loggedIn);
  const current = readCurrentPosition(root, form, login.loggedIn);
  const key = [root, url, lang, login.loggedIn.status, login.loggedIn.value, coin];
  const outside = ctx.reusable(key) ?? readOutside(ctx, { labels, root, coin, loggedIn: login.loggedIn, key });
  const { own, others, account } = outside;

  const numberFields: Field<NumText>[] = [order.price, qty.quantity, tpsl.takeProfit, tpsl.stopLoss, available, current];
  const accountFields: Field<NumText>[] = [account.walletBalance, account.unrealizedPnl, account.maintenanceMargin, account.marginRatio, account.markPrice];
  const format = pageFormat(lang, [...numberFields, ...accountFields], [own, others], rowNumbers);

  const walletBalance = resolveNum(account.walletBalance, format);
  const unrealizedPnl = resolveNum(account.unrealizedPnl, format);
  const positionUnit = current.status === 'ambiguous' && current.why?.code === 'page.wrongUnit' ? current.why.params.unit : null;
  const snapshot: FormSnapshot = {
    venue: VENUE,
    url,
    form: readField(true),
    symbol: checkSymbol(route.symbol, shown, qty.unitText, positionUnit),
    ...assetFields,
    loggedIn: login.loggedIn,
    sides,
    // One-way only: no Open/Close tabs, one position per coin.
    positionMode: readField('oneWay'),
    action: readField('open'),
    assetMode: account.assetMode,
    orderType: order.orderType,
    price: resolveNum(order.price, format),
    quantity: resolveNum(qty.quantity, format),
    quantityUnit: qty.unit,
    leverage: lev.leverage,
    marginMode: lev.marginMode,
    takeProfit: resolveNum(tpsl.takeProfit, format),
    stopLoss: resolveNum(tpsl.stopLoss, format),
    reduceOnly: readReduceOnly(root, form),
    available: resolveNum(available, format),
    // README: Available and Current Position. The form shows no Max per side.
    maxBuy: missing(reason('page.notRead', { item: 'maxBuy' })),
    maxSell: missing(reason('page.notRead', { item: 'maxSell' })),
    walletBalance,
    marginBalance: accountValue(walletBalance, unrealizedPnl),
    maintenanceMargin: resolveNum(account.maintenanceMargin, format),
    unrealizedPnl,
    marginRatio: resolveNum(account.marginRatio, format),
    markPrice: resolveNum(account.markPrice, format),
    // README: Mark price. The page's funding rate is not among the hooks relied on.
    fundingRate: missing(reason('page.notRead', { item: 'fundingRate' })),
    ownPositions: ownPositions(resolvePositions(own, format), resolveNum(current, format), own),
    otherPositions: resolvePositions(others, format),
  };
  return { snapshot, root, outside, submit: submitControls(sides, login.placeOrder) };
}

interface OutsideScope {
  labels: Labels;
  root: Element;
  coin: string | null;
  loggedIn: Field<boolean>;
  key: unknown[];
}

/** The page-wide part of a read: the positions list, the account panel and the ticker's mark. */
function readOutside(ctx: ReadContext<HyperliquidOutside>, scope: OutsideScope): HyperliquidOutside {
  const { doc, visible, loading } = ctx;
  const positions = readPositions({ doc, visible, labels: scope.labels, coin: scope.coin, loggedIn: scope.loggedIn, loading });
  const account = readAccount({ doc, visible, labels: scope.labels, formRoot: scope.root, loggedIn: scope.loggedIn, loading });
  return outsideOf(scope.key, positions, account);
}

/**
 * README: Symbol. The address's coin counts only when the title names the same coin; on `/trade` the
 * title's coin is the symbol. The form's unit toggle and Current Position (when read) must show that
 * coin (or the quote asset): otherwise the address and the form may be mid-navigation.
 */
function checkSymbol(urlCoin: string, shown: string | null, unitText: string | null, positionUnit: string | null): Field<string> {
  const address = urlCoin === '' ? shown ?? '' : urlCoin;
  if (shown === null) return missing(reason('page.symbolNotShown'), urlCoin || undefined);
  if (urlCoin !== '' && shown !== urlCoin) return ambiguous(reason('page.symbolMismatch', { shown, address: urlCoin }), urlCoin);
  if (address.includes(':')) return unsupported(reason('page.builderMarket', { symbol: address }), address);
  const coinShown = displayedCoin(address);
  if (unitText !== null && unitText !== coinShown && unitText !== QUOTE) return ambiguous(reason('page.formUnitMismatch', { unit: unitText, address }), address);
  if (positionUnit !== null) return ambiguous(reason('page.formUnitMismatch', { unit: positionUnit, address }), address);
  return readField(address, address);
}

/** The account value the cross account is measured by: Balance + Unrealized PNL (README: Account panel). */
function accountValue(wallet: Field<string>, upnl: Field<string>): Field<string> {
  if (wallet.status !== 'read' || wallet.value === undefined) return passOn(wallet);
  if (upnl.status !== 'read' || upnl.value === undefined) return passOn(upnl);
  const sum = addPlain(wallet.value, upnl.value);
  return sum === null ? ambiguous(reason('page.notANumber', { text: `${wallet.value} + ${upnl.value}` })) : readField(sum, `${wallet.raw ?? ''} + ${upnl.raw ?? ''}`);
}

/** The form coin's position: the table's rows, checked against Current Position; or none when the table is not whole and Current Position reads zero. */
function ownPositions(fromTable: Field<PositionRow[]>, current: Field<string>, raw: Field<RawPositionRow[]>): Field<PositionRow[]> {
  // Several Current Position pairs, or one that cannot be read: the page is not what the cross-check expects.
  if (current.status === 'ambiguous') return passOn(current);
  const currentRead = current.status === 'read' && current.value !== undefined ? current.value : null;
  if (fromTable.status === 'read' && fromTable.value !== undefined) {
    if (currentRead === null) return fromTable;
    let sum = '0';
    for (const row of fromTable.value) sum = addPlain(sum, row.side === 'short' ? `-${row.size}` : row.size) ?? 'NaN';
    if (!sameNumber(sum, currentRead)) return ambiguous(reason('positions.ownMismatch', { shown: current.raw ?? currentRead, rows: sum }), raw.raw);
    return fromTable;
  }
  if (fromTable.status === 'missing' && currentRead !== null && sameNumber(currentRead, '0')) return readField([], current.raw);
  return fromTable;
}
