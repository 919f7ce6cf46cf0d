/**
 * Binance USDⓈ-M reader: DOM in, FormSnapshot out. Pure: no timers, no events, no writes.
 *
 * Two phases: every value is first read as page text; then the page's number format is decided
 * from `<html lang>` checked against all those texts (README: Numbers), and the texts are parsed.
 * Max values and position sizes are reported in the unit the page shows them in; the background
 * converts quote to base (it has decimal.js, the content script does not).
 */
import type { Field, FormSnapshot } from '../../contracts/snapshot';
import { reason } from '../../contracts/reasons';
import type { ReadOptions, SnapshotReader } from '../adapter';
import type { VisibilityTest } from '../kit/dom';
import { ambiguous, missing, passOn, readField, resolveNum, unsupported, type NumText } from '../kit/fields';
import { assetFields, maxAsShown, maxSamples, notTradingPage, oneRoot, type Outside, outsideOf, pageFormat, pageLabels, titleDisagrees, withoutForm } from '../kit/page';
import { resolvePositions, rowNumbers, type RawPositionRow } from '../kit/positions';
import { createSnapshotReader, type ReadContext, type VenueRead } from '../kit/reader';
import { readAccount, type AccountValues } from './account';
import {
  type FormContext,
  locateFormRoot,
  readAssetMode,
  readAvailable,
  readLeverage,
  readMax,
  readModes,
  readOrderType,
  readPrice,
  readQuantity,
  readReduceOnly,
  readTpSl,
} from './form';
import { readPositions, splitSymbol } from './positions';
import { detectBinanceFutures, type BinanceRoute } from './route';
import { HOOKS, LABELS, localeOf, TITLE_SEPARATOR, type Labels } from './selectors';

const VENUE = 'binance-usdm';

type BinanceOutside = Outside<RawPositionRow, AccountValues>;

const findRoot = (doc: Document, visible: VisibilityTest): Element | null => oneRoot(locateFormRoot(doc, visible));

export function createBinanceReader(doc: Document, currentUrl: () => string, opts: ReadOptions = {}): SnapshotReader {
  return createSnapshotReader<BinanceOutside>({ venue: VENUE, findRoot, read }, doc, currentUrl, opts);
}

function read(ctx: ReadContext<BinanceOutside>): VenueRead<BinanceOutside> {
  const { doc, url, visible } = ctx;
  const route = detectBinanceFutures(url);
  if (route === null) return notTradingPage(VENUE, url);
  const assets = splitSymbol(route.symbol);
  const baseAsset = assets === null ? null : assets.base;
  const quoteAsset = assets === null ? null : assets.quote;

  const { lang, labels } = pageLabels(doc, LABELS, localeOf, 'en');
  const form: FormContext = { visible, labels, baseAsset, quoteAsset };

  const found = locateFormRoot(doc, visible);
  const symbolAlone = checkSymbol(doc, route, assets, null);
  const assetParts = assetFields(symbolAlone, baseAsset, quoteAsset);
  if (found.kind !== 'one') return withoutForm(VENUE, url, found, { symbol: symbolAlone, ...assetParts });
  const root = found.root;

  const modes = readModes(root, form);
  const orderType = readOrderType(root, form);
  const price = readPrice(root, form, orderType);
  const qty = readQuantity(root, form);
  const lev = readLeverage(root, form);
  const tpsl = readTpSl(root, form);
  const available = readAvailable(root, form, modes.loggedIn);
  const maxBuy = readMax(root, form, HOOKS.maxBuy, 'maxBuy', modes.loggedIn);
  const maxSell = readMax(root, form, HOOKS.maxSell, 'maxSell', modes.loggedIn);
  const key = [root, url, lang, modes.loggedIn.status, modes.loggedIn.value];
  const outside = ctx.reusable(key) ?? readOutside(ctx, { labels, root, symbol: route.symbol, quoteAsset, loggedIn: modes.loggedIn, key });
  const { own, others, account } = outside;

  const numberFields: Field<NumText>[] = [price, qty.quantity, tpsl.takeProfit, tpsl.stopLoss, available, ...Object.values(account)];
  const format = pageFormat(lang, numberFields, [own, others], rowNumbers, maxSamples([maxBuy, maxSell]));

  const snapshot: FormSnapshot = {
    venue: VENUE,
    url,
    form: readField(true),
    symbol: checkSymbol(doc, route, assets, qty.suffix),
    ...assetParts,
    loggedIn: modes.loggedIn,
    // Each side has its own button: the form submits either.
    sides: readField(['long', 'short']),
    positionMode: modes.positionMode,
    action: modes.action,
    assetMode: readAssetMode(lev.button, form, modes.loggedIn),
    orderType,
    price: resolveNum(price, format),
    quantity: resolveNum(qty.quantity, format),
    quantityUnit: qty.unit,
    leverage: lev.leverage,
    marginMode: lev.marginMode,
    takeProfit: resolveNum(tpsl.takeProfit, format),
    stopLoss: resolveNum(tpsl.stopLoss, format),
    reduceOnly: readReduceOnly(root, form, modes.positionMode),
    available: resolveNum(available, format),
    maxBuy: maxAsShown(maxBuy, format),
    maxSell: maxAsShown(maxSell, format),
    walletBalance: resolveNum(account.walletBalance, format),
    marginBalance: resolveNum(account.marginBalance, format),
    maintenanceMargin: resolveNum(account.maintenanceMargin, format),
    unrealizedPnl: resolveNum(account.unrealizedPnl, format),
    marginRatio: resolveNum(account.marginRatio, format),
    markPrice: resolveNum(account.markPrice, format),
    // README: Mark price. The page's funding rate is not among the hooks relied on.
    fundingRate: missing(reason('page.notRead', { item: 'fundingRate' })),
    ownPositions: resolvePositions(own, format),
    otherPositions: resolvePositions(others, format),
  };
  return { snapshot, root, outside, submit: modes.submit };
}

interface OutsideScope {
  labels: Labels;
  root: Element;
  symbol: string;
  quoteAsset: string | null;
  loggedIn: Field<boolean>;
  key: unknown[];
}

/** The page-wide part of a read: positions list, then the account panel and mark price around it. */
function readOutside(ctx: ReadContext<BinanceOutside>, scope: OutsideScope): BinanceOutside {
  const { doc, visible, loading } = ctx;
  const { labels, root, loggedIn } = scope;
  const positions = readPositions({ doc, visible, labels, formRoot: root, symbol: scope.symbol, loggedIn, loading });
  const account = readAccount({
    doc,
    visible,
    labels,
    quoteAsset: scope.quoteAsset,
    excluded: positions.panel === null ? [root] : [root, positions.panel],
    loggedIn,
    loading,
  });
  return outsideOf(scope.key, positions, account);
}

/**
 * README: Symbol. The URL symbol counts only when the title's second field names the same symbol and
 * the qty suffix (when read) is one of its assets; otherwise URL and form may be mid-navigation.
 */
function checkSymbol(doc: Document, route: BinanceRoute, assets: { base: string; quote: string } | null, suffix: string | null): Field<string> {
  const { symbol } = route;
  if (route.unsupported !== undefined) return unsupported(route.unsupported, symbol);
  if (assets === null) return unsupported(reason('page.unsupportedQuote', { symbol }), symbol);
  const title = titleDisagrees(doc.title, TITLE_SEPARATOR, symbol);
  if (title !== null) return title;
  if (suffix !== null && suffix !== assets.base && suffix !== assets.quote) {
    return ambiguous(reason('page.formUnitMismatch', { unit: suffix, address: symbol }), symbol);
  }
  return readField(symbol, symbol);
}
