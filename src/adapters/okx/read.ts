/**
 * OKX swap reader: DOM in, FormSnapshot out. Pure: no timers, no events, no writes.
 *
 * Two phases: every value is first read as page text; then the page's number format is decided from
 * `<html lang>` checked against all those texts (README: Numbers), and the texts are parsed. Amounts, Max values
 * and position sizes are reported in the unit the page shows (contracts, coin or quote); the background converts
 * them (contracts with the registry's contract value, quote at the mark).
 */
import type { Field, FormSnapshot } from '../../contracts/snapshot';
import { reason } from '../../contracts/reasons';
import type { ReadOptions, SnapshotReader } from '../adapter';
import type { VisibilityTest } from '../kit/dom';
import { ambiguous, missing, parseNum, passOn, readField, resolveNum, unsupported, type NumText } from '../kit/fields';
import type { FormatDecision } from '../kit/locale-number';
import { assetFields, maxAsShown, maxSamples, notTradingPage, oneRoot, type Outside, outsideOf, pageFormat, pageLabels, titleDisagrees, withoutForm } from '../kit/page';
import { resolvePositions, rowNumbers as kitRowNumbers } from '../kit/positions';
import { reduceOnlyInHedgeOnly } from '../kit/submit';
import { createSnapshotReader, type ReadContext, type VenueRead } from '../kit/reader';
import { readAccount, type AccountValues } from './account';
import {
  type FormContext,
  locateFormRoot,
  readAvailable,
  readLeverage,
  readMaxPair,
  readModes,
  readOrderType,
  readPrice,
  readQuantity,
  readTpSl,
} from './form';
import { readPositions, type RawPositionRow } from './positions';
import { detectOkxSwap, type OkxRoute } from './route';
import { INST_ID_RE, LABELS, localeOf, TITLE_SEPARATOR } from './selectors';

const VENUE = 'okx';

type OkxOutside = Outside<RawPositionRow, AccountValues>;

const findRoot = (doc: Document, visible: VisibilityTest): Element | null => oneRoot(locateFormRoot(doc, visible));

export function createOkxReader(doc: Document, currentUrl: () => string, opts: ReadOptions = {}): SnapshotReader {
  return createSnapshotReader<OkxOutside>({ venue: VENUE, findRoot, read }, doc, currentUrl, opts);
}

function read(ctx: ReadContext<OkxOutside>): VenueRead<OkxOutside> {
  const { doc, url, visible } = ctx;
  const route = detectOkxSwap(url);
  if (route === null) return notTradingPage(VENUE, url);
  const inst = INST_ID_RE.exec(route.symbol);
  const baseAsset = inst === null ? null : (inst[1] as string);
  const quoteAsset = inst === null ? null : (inst[2] as string);

  const { lang, labels } = pageLabels(doc, LABELS, localeOf, 'en');
  const form: FormContext = { visible, labels, baseAsset, quoteAsset };

  const found = locateFormRoot(doc, visible);
  const symbolAlone = checkSymbol(doc, route, null, form);
  const assetParts = assetFields(symbolAlone, baseAsset, quoteAsset);
  if (found.kind !== 'one') return withoutForm(VENUE, url, found, { symbol: symbolAlone, ...assetParts });
  const root = found.root;

  const modes = readModes(root, form);
  const orderType = readOrderType(root, form);
  const price = readPrice(root, form, orderType);
  const max = readMaxPair(root, form, modes.loggedIn);
  const qty = readQuantity(root, form, max, modes.loggedIn);
  const lev = readLeverage(root, form);
  const tpsl = readTpSl(root, form);
  const available = readAvailable(root, form, modes.loggedIn);
  const key = [root, url, lang, modes.loggedIn.status, modes.loggedIn.value];
  const outside = ctx.reusable(key) ?? readOutside(ctx, { form, root, symbol: route.symbol, quoteAsset, loggedIn: modes.loggedIn, key });
  const { own, others, account } = outside;

  const numberFields: Field<NumText>[] = [
    price, qty.quantity, tpsl.takeProfit, tpsl.stopLoss, available,
    account.marginBalance, account.maintenanceMargin, account.marginRatio, account.markPrice,
  ];
  const format = pageFormat(lang, numberFields, [own, others], rowNumbers, maxSamples([max.long.field, max.short.field]));

  const marginBalance = resolveNum(account.marginBalance, format);
  const pnl = totalPnl(own, others, quoteAsset, format);
  const snapshot: FormSnapshot = {
    venue: VENUE,
    url,
    form: readField(true),
    symbol: checkSymbol(doc, route, qty.suffix, form),
    ...assetParts,
    loggedIn: modes.loggedIn,
    // Each side has its own button: the form submits either.
    sides: readField(['long', 'short']),
    positionMode: modes.positionMode,
    action: modes.action,
    assetMode: account.assetMode,
    orderType,
    price: resolveNum(price, format),
    quantity: resolveNum(qty.quantity, format),
    quantityUnit: qty.unit,
    leverage: lev.leverage,
    marginMode: lev.marginMode,
    takeProfit: resolveNum(tpsl.takeProfit, format),
    stopLoss: resolveNum(tpsl.stopLoss, format),
    // README: Reduce-only. Not read one-way; the hedge form has no box (false).
    reduceOnly: reduceOnlyInHedgeOnly(modes.positionMode),
    available: resolveNum(available, format),
    maxBuy: maxAsShown(max.long.field, format),
    maxSell: maxAsShown(max.short.field, format),
    walletBalance: walletFrom(marginBalance, pnl),
    marginBalance,
    maintenanceMargin: resolveNum(account.maintenanceMargin, format),
    unrealizedPnl: pnl,
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
  form: FormContext;
  root: Element;
  symbol: string;
  quoteAsset: string | null;
  loggedIn: Field<boolean>;
  key: unknown[];
}

/** The page-wide part of a read: the positions list, then the account panel and the header's mark price. */
function readOutside(ctx: ReadContext<OkxOutside>, scope: OutsideScope): OkxOutside {
  const { doc, visible, loading } = ctx;
  const { root, loggedIn } = scope;
  const labels = scope.form.labels;
  const positions = readPositions({ doc, visible, labels, formRoot: root, symbol: scope.symbol, loggedIn, loading });
  const account = readAccount({ doc, visible, labels, quoteAsset: scope.quoteAsset, formRoot: root, loggedIn, loading });
  return outsideOf(scope.key, positions, account);
}

/**
 * README: Symbol. The URL instrument counts only when the title's second field names the same instrument and a
 * coin or quote amount suffix (when read) is one of its assets; otherwise URL and form may be mid-navigation.
 */
function checkSymbol(doc: Document, route: OkxRoute, suffix: string | null, form: FormContext): Field<string> {
  const { symbol } = route;
  if (route.unsupported !== undefined) return unsupported(route.unsupported, symbol);
  if (form.baseAsset === null) return unsupported(reason('page.unsupportedQuote', { symbol }), symbol);
  const title = titleDisagrees(doc.title, TITLE_SEPARATOR, symbol);
  if (title !== null) return title;
  if (suffix !== null && suffix !== form.labels.contracts && suffix !== form.baseAsset && suffix !== form.quoteAsset) {
    return ambiguous(reason('page.formUnitMismatch', { unit: suffix, address: symbol }), symbol);
  }
  return readField(symbol, symbol);
}

function rowNumbers(row: RawPositionRow): NumText[] {
  return [...kitRowNumbers(row), ...(row.pnl === null ? [] : [row.pnl.num])];
}

// README: Account panel. The page shows the equity of the settlement asset, not its wallet balance: the wallet
// is that equity less the unrealised PnL the positions list shows for the same asset (equity = wallet + PnL).
// Exact decimal text arithmetic (BigInt), never floats.

type Scaled = { n: bigint; s: number };

function scaled(text: string): Scaled {
  const negative = text.startsWith('-');
  const [int = '0', frac = ''] = text.replace(/^[+-]/, '').split('.');
  const n = BigInt(int + frac);
  return { n: negative ? -n : n, s: frac.length };
}

function sum(a: Scaled, b: Scaled): Scaled {
  const s = Math.max(a.s, b.s);
  return { n: a.n * 10n ** BigInt(s - a.s) + b.n * 10n ** BigInt(s - b.s), s };
}

function plainOf({ n, s }: Scaled): string {
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(s + 1, '0');
  const body = s === 0 ? digits : `${digits.slice(0, -s)}.${digits.slice(-s)}`;
  return negative ? `-${body}` : body;
}

/** The unrealised PnL of every position settled in the form's quote asset, as the positions list shows it. */
function totalPnl(own: Field<RawPositionRow[]>, others: Field<RawPositionRow[]>, quoteAsset: string | null, format: FormatDecision): Field<string> {
  if (own.status !== 'read' || own.value === undefined) return passOn(own);
  if (others.status !== 'read' || others.value === undefined) return passOn(others);
  if (format.status !== 'read') return ambiguous(format.why);
  let total: Scaled = { n: 0n, s: 0 };
  for (const row of [...own.value, ...others.value]) {
    if (row.quoteAsset !== quoteAsset) continue;
    const text = row.pnl === null ? '--' : `${row.pnl.num.text} ${row.pnl.unit}`;
    const value = row.pnl === null || row.pnl.unit !== quoteAsset ? null : parseNum(row.pnl.num, format);
    if (value === null) return missing(reason('positions.rowUnreadable', { symbol: row.symbol, item: 'unrealizedPnl', text }));
    total = sum(total, scaled(value));
  }
  return readField(plainOf(total));
}

function walletFrom(marginBalance: Field<string>, pnl: Field<string>): Field<string> {
  if (marginBalance.status !== 'read' || marginBalance.value === undefined) return passOn(marginBalance);
  if (pnl.status !== 'read' || pnl.value === undefined) return passOn(pnl);
  const negated = scaled(pnl.value);
  return readField(plainOf(sum(scaled(marginBalance.value), { n: -negated.n, s: negated.s })));
}

