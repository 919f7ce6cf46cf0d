/**
 * Binance USDⓈ-M reader: DOM in, FormSnapshot out. Pure: no timers, no events, no writes.
 *
 * Two phases: every value is first read as page text; then the page's number format is decided
 * from `<html lang>` checked against all those texts (README: Numbers), and the texts are parsed.
 * Max values and position sizes are reported in the unit the page shows them in; the background
 * converts quote to base (it has decimal.js, the content script does not).
 */
import type { Field, FormSnapshot, PositionRow, SizeAmount } from '../../contracts/snapshot';
import { reason } from '../../contracts/reasons';
import type { ReadOptions, SnapshotReader } from '../adapter';
import type { VisibilityTest } from '../kit/dom';
import { ambiguous, missing, numberSamples, parseNum, passOn, readField, resolveNum, unsupported, type NumText } from '../kit/fields';
import { decideFormat, type FormatDecision } from '../kit/locale-number';
import { createSnapshotReader, type OutsideReading, type ReadContext, type VenueRead } from '../kit/reader';
import { emptySnapshot } from '../kit/snapshot';
import { readAccount, type AccountValues } from './account';
import {
  type FormContext,
  type MaxAmount,
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
import { readPositions, splitSymbol, type RawPositionRow } from './positions';
import { detectBinanceFutures, type BinanceRoute } from './route';
import { HOOKS, LABELS, localeOf, TITLE_SEPARATOR, type Labels } from './selectors';

const VENUE = 'binance-usdm';

/** What a read found outside the order form (reused by 'form' reads while it holds). */
interface BinanceOutside extends OutsideReading {
  own: Field<RawPositionRow[]>;
  others: Field<RawPositionRow[]>;
  account: AccountValues;
}

function findRoot(doc: Document, visible: VisibilityTest): Element | null {
  const found = locateFormRoot(doc, visible);
  return found.kind === 'one' ? found.root : null;
}

export function createBinanceReader(doc: Document, currentUrl: () => string, opts: ReadOptions = {}): SnapshotReader {
  return createSnapshotReader<BinanceOutside>({ venue: VENUE, findRoot, read }, doc, currentUrl, opts);
}

function read(ctx: ReadContext<BinanceOutside>): VenueRead<BinanceOutside> {
  const { doc, url, visible } = ctx;
  const route = detectBinanceFutures(url);
  if (route === null) return { snapshot: emptySnapshot(VENUE, url, missing(reason('page.notSupportedPage'))), root: null, outside: null };
  const assets = splitSymbol(route.symbol);
  const baseAsset = assets === null ? null : assets.base;
  const quoteAsset = assets === null ? null : assets.quote;

  const lang = doc.documentElement.getAttribute('lang') ?? '';
  // Unknown languages fall back to the en labels: their texts will not match, so fields fail closed.
  const labels = LABELS[localeOf(lang) ?? 'en'];
  const form: FormContext = { visible, labels, baseAsset, quoteAsset };

  const found = locateFormRoot(doc, visible);
  const symbolAlone = checkSymbol(doc, route, assets, null);
  const assetFields = {
    baseAsset: baseAsset === null ? passOn<string>(symbolAlone) : readField(baseAsset),
    quoteAsset: quoteAsset === null ? passOn<string>(symbolAlone) : readField(quoteAsset),
  };
  if (found.kind !== 'one') {
    const formField =
      found.kind === 'many' ? ambiguous<true>(reason('page.several', { item: 'orderForm', count: found.count })) : missing<true>(reason('page.notFound', { item: 'orderForm' }));
    return { snapshot: { ...emptySnapshot(VENUE, url, formField), symbol: symbolAlone, ...assetFields }, root: null, outside: null };
  }
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
  const maxSamples = [maxBuy, maxSell].flatMap((f) => (f.value === undefined ? [] : [f.value.num]));
  const rowSamples = [own, others].flatMap((f) => f.value ?? []).flatMap(rowNumbers);
  const format = decideFormat(lang, [...numberSamples(numberFields), ...maxSamples, ...rowSamples]);

  const snapshot: FormSnapshot = {
    venue: VENUE,
    url,
    form: readField(true),
    symbol: checkSymbol(doc, route, assets, qty.suffix),
    ...assetFields,
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
 * README: Symbol. The URL symbol counts only when the title's second field names the same symbol and
 * the qty suffix (when read) is one of its assets; otherwise URL and form may be mid-navigation.
 */
function checkSymbol(doc: Document, route: BinanceRoute, assets: { base: string; quote: string } | null, suffix: string | null): Field<string> {
  const { symbol } = route;
  if (route.unsupported !== undefined) return unsupported(route.unsupported, symbol);
  if (assets === null) return unsupported(reason('page.unsupportedQuote', { symbol }), symbol);
  const fields = doc.title.split(TITLE_SEPARATOR);
  const titleSymbol = fields.length >= 3 ? (fields[1] as string).trim() : null;
  if (titleSymbol === null) return missing(reason('page.symbolNotShown'), symbol);
  if (titleSymbol !== symbol) return ambiguous(reason('page.symbolMismatch', { shown: titleSymbol, address: symbol }), symbol);
  if (suffix !== null && suffix !== assets.base && suffix !== assets.quote) {
    return ambiguous(reason('page.formUnitMismatch', { unit: suffix, address: symbol }), symbol);
  }
  return readField(symbol, symbol);
}

/** Max as shown: the parsed amount and its unit. */
function maxAsShown(field: Field<MaxAmount>, format: FormatDecision): Field<SizeAmount> {
  if (field.status !== 'read' || field.value === undefined) return passOn(field);
  const amount = resolveNum(readField(field.value.num, field.raw), format);
  if (amount.status !== 'read') return passOn(amount);
  return readField({ amount: amount.value as string, unit: field.value.unit }, field.raw);
}

function rowNumbers(row: RawPositionRow): NumText[] {
  return [row.size, row.entryPrice, row.markPrice, row.margin, row.exchangeLiquidationPrice].filter((n): n is NumText => n != null);
}

function resolvePositions(field: Field<RawPositionRow[]>, format: FormatDecision): Field<PositionRow[]> {
  if (field.status !== 'read' || field.value === undefined) return passOn(field);
  if (format.status !== 'read') return ambiguous(format.why, field.raw);
  const rows: PositionRow[] = [];
  for (const raw of field.value) {
    const num = (n: NumText): string | null => parseNum(n, format);
    const size = num(raw.size);
    const entryPrice = num(raw.entryPrice);
    const markPrice = raw.markPrice === null ? null : num(raw.markPrice);
    const liq = raw.exchangeLiquidationPrice === null ? null : num(raw.exchangeLiquidationPrice);
    const margin = raw.margin === undefined ? undefined : num(raw.margin);
    const bad = (item: 'positionSize' | 'positionEntry' | 'positionMark' | 'positionMargin' | 'positionLiquidation', text: string) =>
      ambiguous<PositionRow[]>(reason('positions.rowUnreadable', { symbol: raw.symbol, item, text }), field.raw);
    if (size === null) return bad('positionSize', raw.size.text);
    if (entryPrice === null) return bad('positionEntry', raw.entryPrice.text);
    if (markPrice === null) return bad('positionMark', raw.markPrice?.text ?? '--');
    if (margin === null) return bad('positionMargin', raw.margin?.text ?? '');
    if (raw.exchangeLiquidationPrice !== null && liq === null) return bad('positionLiquidation', raw.exchangeLiquidationPrice.text);
    const row: PositionRow = {
      symbol: raw.symbol,
      quoteAsset: raw.quoteAsset,
      side: raw.side,
      size,
      sizeUnit: raw.sizeUnit,
      entryPrice,
      markPrice,
      marginMode: raw.marginMode,
      leverage: raw.leverage,
      exchangeLiquidationPrice: liq,
    };
    if (margin !== undefined) row.margin = margin;
    rows.push(row);
  }
  return readField(rows, field.raw);
}
