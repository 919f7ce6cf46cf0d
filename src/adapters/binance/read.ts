/**
 * Binance USDⓈ-M reader: DOM in, FormSnapshot out. Pure: no timers, no events, no writes.
 *
 * Two phases: every value is first read as page text; then the page's number format is decided
 * from `<html lang>` checked against all those texts (P3), and the texts are parsed. Max values and
 * position sizes are reported in the unit the page shows them in (§2.11, §2.14); the background
 * converts quote to base (it has decimal.js, the content script does not).
 */
import type { Field, FormSnapshot, PositionRow, ReadScope, SizeAmount } from '../types';
import { isVisible as layoutVisible, type VisibilityTest } from '../dom';
import { decideFormat, type FormatDecision } from '../locale-number';
import { readAccount, type AccountReading } from './account';
import {
  ambiguous,
  missing,
  numberSamples,
  parseNum,
  passOn,
  readField,
  resolveNum,
  unsupported,
  type NumText,
} from './fields';
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
  readTpSl,
} from './form';
import { readPositions, splitSymbol, type PositionsReading, type RawPositionRow } from './positions';
import { detectBinanceFutures, type BinanceFuturesRoute } from './route';
import { HOOKS, LABELS, localeOf, TITLE_SEPARATOR, type Labels } from './selectors';

export interface ReadOptions {
  /** Visibility rule (R5); tests without layout inject their own. */
  isVisible?: VisibilityTest;
}

/** The order form's root element, or null when there is none or more than one (R10). */
export function findBinanceFormRoot(doc: Document, opts: ReadOptions = {}): Element | null {
  const found = locateFormRoot(doc, opts.isVisible ?? layoutVisible);
  return found.kind === 'one' ? found.root : null;
}

export function readBinanceForm(doc: Document, url: string, opts: ReadOptions = {}): FormSnapshot {
  return guardedRead(doc, url, opts.isVisible ?? layoutVisible, null).snapshot;
}

export interface BinanceReader {
  findRoot(): Element | null;
  read(scope: ReadScope): FormSnapshot;
}

/** A reader for one page that keeps its last reading outside the form for 'form'-scope reads. */
export function createBinanceReader(doc: Document, currentUrl: () => string, opts: ReadOptions = {}): BinanceReader {
  const visible = opts.isVisible ?? layoutVisible;
  let outside: OutsideReading | null = null;
  return {
    findRoot: () => findBinanceFormRoot(doc, opts),
    read(scope) {
      const result = guardedRead(doc, currentUrl(), visible, scope === 'form' ? outside : null);
      outside = result.outside;
      return result.snapshot;
    },
  };
}

/** What a read found outside the order form, and what it was read under (it holds only for the same). */
interface OutsideReading {
  root: Element;
  url: string;
  lang: string;
  loggedIn: Field<boolean>;
  positions: PositionsReading;
  account: AccountReading;
}

interface ReadResult {
  snapshot: FormSnapshot;
  outside: OutsideReading | null;
}

function guardedRead(doc: Document, url: string, visible: VisibilityTest, reuse: OutsideReading | null): ReadResult {
  try {
    return read(doc, url, visible, reuse);
  } catch (error) {
    // Never let a page oddity escape into the exchange page; report it instead.
    return { snapshot: emptySnapshot(url, missing(`adapter error: ${error instanceof Error ? error.message : String(error)}`)), outside: null };
  }
}

function stillHolds(reuse: OutsideReading | null, root: Element, url: string, lang: string, loggedIn: Field<boolean>): reuse is OutsideReading {
  return (
    reuse !== null &&
    reuse.root === root &&
    reuse.url === url &&
    reuse.lang === lang &&
    reuse.loggedIn.status === loggedIn.status &&
    reuse.loggedIn.value === loggedIn.value
  );
}

function read(doc: Document, url: string, visible: VisibilityTest, reuse: OutsideReading | null): ReadResult {
  const route = detectBinanceFutures(url);
  if (route === null) return { snapshot: emptySnapshot(url, missing('not a Binance USDⓈ-M futures page')), outside: null };
  const assets = splitSymbol(route.symbol);
  const baseAsset = assets === null ? null : assets.base;
  const quoteAsset = assets === null ? null : assets.quote;

  const lang = doc.documentElement.getAttribute('lang') ?? '';
  // Unknown languages fall back to the en labels: their texts will not match, so fields fail closed.
  const labels = LABELS[localeOf(lang) ?? 'en'];
  const ctx: FormContext = { visible, labels, baseAsset, quoteAsset };

  const found = locateFormRoot(doc, visible);
  const symbolAlone = checkSymbol(doc, route, assets, null);
  const assetFields = {
    baseAsset: baseAsset === null ? passOn<string>(symbolAlone) : readField(baseAsset),
    quoteAsset: quoteAsset === null ? passOn<string>(symbolAlone) : readField(quoteAsset),
  };
  if (found.kind !== 'one') {
    const form = found.kind === 'many' ? ambiguous<true>(found.why) : missing<true>(found.why);
    return { snapshot: { ...emptySnapshot(url, form), symbol: symbolAlone, ...assetFields }, outside: null };
  }
  const root = found.root;

  const modes = readModes(root, ctx);
  const orderType = readOrderType(root, ctx);
  const price = readPrice(root, ctx, orderType);
  const qty = readQuantity(root, ctx);
  const lev = readLeverage(root, ctx);
  const tpsl = readTpSl(root, ctx);
  const available = readAvailable(root, ctx, modes.loggedIn);
  const maxBuy = readMax(root, ctx, HOOKS.maxBuy, modes.loggedIn);
  const maxSell = readMax(root, ctx, HOOKS.maxSell, modes.loggedIn);
  const outside = stillHolds(reuse, root, url, lang, modes.loggedIn)
    ? reuse
    : readOutside({ doc, visible, labels, root, url, lang, quoteAsset, loggedIn: modes.loggedIn });
  const { positions, account } = outside;

  const numberFields: Field<NumText>[] = [
    price,
    qty.quantity,
    tpsl.takeProfit,
    tpsl.stopLoss,
    available,
    ...Object.values(account),
  ];
  const maxSamples = [maxBuy, maxSell].flatMap((f) => (f.value === undefined ? [] : [f.value.num]));
  const rowSamples = (positions.positions.value ?? []).flatMap(rowNumbers);
  const format = decideFormat(lang, [...numberSamples(numberFields), ...maxSamples, ...rowSamples]);

  const snapshot: FormSnapshot = {
    venue: 'binance-usdm',
    url,
    form: readField(true),
    symbol: checkSymbol(doc, route, assets, qty.suffix),
    ...assetFields,
    loggedIn: modes.loggedIn,
    positionMode: modes.positionMode,
    action: modes.action,
    assetMode: readAssetMode(lev.button, ctx, modes.loggedIn),
    orderType,
    price: resolveNum(price, format),
    quantity: resolveNum(qty.quantity, format),
    quantityUnit: qty.unit,
    leverage: lev.leverage,
    marginMode: lev.marginMode,
    takeProfit: resolveNum(tpsl.takeProfit, format),
    stopLoss: resolveNum(tpsl.stopLoss, format),
    available: resolveNum(available, format),
    maxBuy: maxAsShown(maxBuy, format),
    maxSell: maxAsShown(maxSell, format),
    walletBalance: resolveNum(account.walletBalance, format),
    marginBalance: resolveNum(account.marginBalance, format),
    maintenanceMargin: resolveNum(account.maintenanceMargin, format),
    unrealizedPnl: resolveNum(account.unrealizedPnl, format),
    marginRatio: resolveNum(account.marginRatio, format),
    markPrice: resolveNum(account.markPrice, format),
    positions: resolvePositions(positions.positions, format),
  };
  return { snapshot, outside };
}

interface OutsideScope {
  doc: Document;
  visible: VisibilityTest;
  labels: Labels;
  root: Element;
  url: string;
  lang: string;
  quoteAsset: string | null;
  loggedIn: Field<boolean>;
}

/** The page-wide part of a read: positions list, then the account panel and mark price around it. */
function readOutside(scope: OutsideScope): OutsideReading {
  const { doc, visible, labels, root, loggedIn } = scope;
  const positions = readPositions({ doc, visible, labels, formRoot: root, loggedIn });
  const account = readAccount({
    doc,
    visible,
    labels,
    quoteAsset: scope.quoteAsset,
    excluded: positions.panel === null ? [root] : [root, positions.panel],
    loggedIn,
  });
  return { root, url: scope.url, lang: scope.lang, loggedIn, positions, account };
}

/**
 * §2.1 / T3: the URL symbol counts only when the title's second field names the same symbol and
 * the qty suffix (when read) is one of its assets; otherwise URL and form may be mid-navigation.
 */
function checkSymbol(
  doc: Document,
  route: BinanceFuturesRoute,
  assets: { base: string; quote: string } | null,
  suffix: string | null,
): Field<string> {
  const { symbol } = route;
  if (route.unsupported !== undefined) return unsupported(route.unsupported, symbol);
  if (assets === null) return unsupported(`${symbol} is not a USDT or USDC contract`, symbol);
  const fields = doc.title.split(TITLE_SEPARATOR);
  const titleSymbol = fields.length >= 3 ? (fields[1] as string).trim() : null;
  if (titleSymbol === null) return missing('the page does not show its symbol yet', symbol);
  if (titleSymbol !== symbol) return ambiguous(`the page shows ${titleSymbol} but the address says ${symbol}`, symbol);
  if (suffix !== null && suffix !== assets.base && suffix !== assets.quote) {
    return ambiguous(`the order form is in ${suffix} but the address says ${symbol}`, symbol);
  }
  return readField(symbol, symbol);
}

/** Max as shown (§2.11): the parsed amount and its unit. */
function maxAsShown(field: Field<MaxAmount>, format: FormatDecision): Field<SizeAmount> {
  if (field.status !== 'read' || field.value === undefined) return passOn(field);
  const amount = resolveNum(readField(field.value.num, field.raw), format);
  if (amount.status !== 'read') return passOn(amount);
  return readField({ amount: amount.value as string, unit: field.value.unit }, field.raw);
}

function rowNumbers(row: RawPositionRow): NumText[] {
  return [row.size, row.entryPrice, row.markPrice, row.margin, row.exchangeLiquidationPrice].filter(
    (n): n is NumText => n != null,
  );
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
    if (size === null || entryPrice === null || markPrice === null || margin === null) {
      return ambiguous(`cannot read the numbers of the ${raw.symbol} position`, field.raw);
    }
    if (raw.exchangeLiquidationPrice !== null && liq === null) {
      return ambiguous(`cannot read the ${raw.symbol} liquidation price`, field.raw);
    }
    const row: PositionRow = {
      symbol: raw.symbol,
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

/** A snapshot where nothing past `form` could be read. */
function emptySnapshot(url: string, form: Field<true>): FormSnapshot {
  const none = <T>(): Field<T> => missing<T>(form.why ?? 'order form not found');
  return {
    venue: 'binance-usdm',
    url,
    form,
    symbol: none(),
    baseAsset: none(),
    quoteAsset: none(),
    loggedIn: none(),
    positionMode: none(),
    action: none(),
    assetMode: none(),
    orderType: none(),
    price: none(),
    quantity: none(),
    quantityUnit: none(),
    leverage: none(),
    marginMode: none(),
    takeProfit: none(),
    stopLoss: none(),
    available: none(),
    maxBuy: none(),
    maxSell: none(),
    walletBalance: none(),
    marginBalance: none(),
    maintenanceMargin: none(),
    unrealizedPnl: none(),
    marginRatio: none(),
    markPrice: none(),
    positions: none(),
  };
}
