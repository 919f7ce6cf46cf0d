/**
 * The order zone (README: Form root to Available balance): the root, then every form hook read only
 * inside it, with querySelectorAll, the visibility filter and exactly one match per single-value hook.
 * Values come back as page text (NumText); read.ts parses them once the number format is decided.
 */
import type { Field, MarginMode, OrderType, QuantityUnit, AssetMode } from '../../contracts/snapshot';
import { reason, type ItemCode } from '../../contracts/reasons';
import { commonAncestor, exactlyOne, labelValuePairs, textOf, visibleAll, visibleChildren, type VisibilityTest } from '../kit/dom';
import { ambiguous, missing, readField, unsupported, type NumText } from '../kit/fields';
import type { RootResult } from '../kit/page';
import { readOpenClose, readSubmit, type ModeReading, type Modes } from '../kit/submit';
import { MISSING_VALUE } from '../kit/tables';
import { amountIn, amountWithUnit, inputText, notFound, several, notShownWhy, type Amount } from '../kit/values';
import { AMOUNT_WITH_UNIT_RE, HOOKS, LEVERAGE_RE, type HeaderMode, type Labels, type QtyMode } from './selectors';

export interface FormContext {
  visible: VisibilityTest;
  labels: Labels;
  baseAsset: string;
  quoteAsset: string;
}

/** Form root: the nearest common ancestor of the one visible leverage text and the one visible TP/SL label text. */
export function locateFormRoot(doc: Document, visible: VisibilityTest): RootResult {
  const leverage = exactlyOne(visibleAll(doc, HOOKS.leverage, visible));
  const tpsl = exactlyOne(visibleAll(doc, HOOKS.tpslText, visible));
  if (leverage.kind === 'many') return { kind: 'many', count: leverage.count };
  if (tpsl.kind === 'many') return { kind: 'many', count: tpsl.count };
  if (leverage.kind === 'none' || tpsl.kind === 'none') return { kind: 'none' };
  const root = commonAncestor(leverage.item, tpsl.item);
  return root === null ? { kind: 'none' } : { kind: 'one', root };
}

const pick = <T>(item: ItemCode, one: ReturnType<typeof exactlyOne<Element>>, then: (el: Element) => Field<T>): Field<T> =>
  one.kind === 'one' ? then(one.item) : one.kind === 'none' ? notFound<T>(item) : several<T>(item, one.count);

// ---------------------------------------------------------------------------------------------------
// Hedge mode, submit buttons, login state

/** The Open/Close tab list decides the position mode (README: Hedge mode); the submit area the login state (Submit buttons). */
export function readModes(root: Element, ctx: FormContext): ModeReading {
  const { labels, visible } = ctx;
  const openClose = [labels.open, labels.close].sort();
  const hedgeLists = visibleAll(root, HOOKS.tablist, visible)
    .map((list) => visibleAll(list, HOOKS.tab, visible))
    .filter((tabs) => tabs.length === 2 && JSON.stringify(tabs.map(textOf).sort()) === JSON.stringify(openClose));
  const modes: Modes =
    hedgeLists.length > 1
      ? { positionMode: several('positionMode', hedgeLists.length), action: several('action', hedgeLists.length) }
      : readOpenClose(hedgeLists[0] ?? [], labels);
  // The buy side first in document order; in the hedge Close tab the buy button closes the short: it is the long side's button here.
  return readSubmit(visibleAll(root, HOOKS.button, visible), labels, modes, { inOrder: true, closeLongBySell: false });
}

// ---------------------------------------------------------------------------------------------------
// Order type, price, quantity, TP/SL

/** The selected order-type tab (README: Order type). `priceRow` says whether the form shows a price row. */
export function readOrderType(root: Element, ctx: FormContext, priceRow: boolean): Field<OrderType> {
  const names = ctx.labels.orderTypes;
  const byText = new Map<string, 'limit' | 'market' | 'conditional'>([
    [names.limit, 'limit'],
    [names.market, 'market'],
    [names.conditional, 'conditional'],
  ]);
  const tabs = visibleAll(root, HOOKS.tab, ctx.visible).filter((t) => byText.has(textOf(t)));
  const selected = exactlyOne(tabs.filter((t) => t.getAttribute('aria-selected') === 'true'));
  if (selected.kind !== 'one') return ambiguous(reason('page.orderTypeUnknown'));
  const text = textOf(selected.item);
  const type = byText.get(text) as 'limit' | 'market' | 'conditional';
  if (type === 'conditional') return unsupported(reason('page.notSupported', { item: 'orderType', text }), text);
  // The tab and the price row must agree: Market has none, Limit has one.
  if (priceRow !== (type === 'limit')) return ambiguous(reason('page.orderTypeUnknown'), text);
  return readField(type, text);
}

/** Each `.by-input__container` in the root whose previous element sibling matches `labelled`. */
function labelledContainers(root: Element, ctx: FormContext, labelled: (label: Element) => boolean): Element[] {
  return visibleAll(root, HOOKS.inputContainer, ctx.visible).filter((box) => {
    const label = box.previousElementSibling;
    return label !== null && ctx.visible(label) && labelled(label);
  });
}

/** The one visible `input.by-input__inner` of a container. */
function containerInput(box: Element, ctx: FormContext): Element[] {
  return visibleAll(box, HOOKS.input, ctx.visible);
}

/** The price rows in the root: containers labelled with the price label (README: Price). */
export function priceContainers(root: Element, ctx: FormContext): Element[] {
  return labelledContainers(root, ctx, (label) => textOf(label) === ctx.labels.price);
}

export interface QtyReading {
  quantity: Field<NumText>;
  unit: Field<QuantityUnit>;
  /** The qty suffix text, when read; in Qty mode it names the form's base asset (README: Symbol). */
  suffix: string | null;
  /** The mode the switch names, when read. */
  mode: QtyMode | null;
}

export interface InputsReading {
  price: Field<NumText>;
  qty: QtyReading;
  takeProfit: Field<NumText>;
  stopLoss: Field<NumText>;
}

/**
 * Price, quantity, TP and SL (README: Price, Quantity and unit, TP/SL). Each is found by its own hook,
 * and the two rules must agree: inside the root the text inputs come in the order price, qty, TP, SL.
 */
export function readInputs(root: Element, ctx: FormContext, orderType: Field<OrderType>, boxes: Element[]): InputsReading {
  const priceEls = boxes.flatMap((box) => containerInput(box, ctx));
  let price: Field<NumText>;
  let priceInput: Element | null = null;
  if (orderType.status === 'read' && orderType.value === 'market') price = missing(reason('page.marketOrder'));
  else if (boxes.length > 1) price = several('price', boxes.length);
  else {
    const one = exactlyOne(priceEls);
    price = pick('price', one, (el) => inputText(el, 'price'));
    if (one.kind === 'one') priceInput = one.item;
  }

  const qty = readQuantity(root, ctx);
  const tpsl = readTpSl(root, ctx);

  // The document order of the form's text inputs: [price], qty, [TP, SL]. A text input none of the hooks
  // explains, or hooks out of that order, means the page is not built as relied on.
  const market = orderType.status === 'read' && orderType.value === 'market';
  const slots: [ItemCode, Element | null][] = market ? [] : [['price', priceInput]];
  slots.push(['quantity', qty.input]);
  if (tpsl.checked) slots.push(['takeProfit', tpsl.tp], ['stopLoss', tpsl.sl]);
  const found = slots.flatMap(([, el]) => (el === null ? [] : [el]));
  const inputs = visibleAll(root, HOOKS.textInput, ctx.visible);
  // With every hook found, any other text input is unexplained; a hook not found (none or several) leaves
  // its inputs unaccounted for, and only the order of the others is checked.
  const extras = inputs.filter((el) => !found.includes(el)).length;
  const allFound = slots.every(([, el]) => el !== null);
  const inOrder = JSON.stringify(inputs.filter((el) => found.includes(el)).map((el) => found.indexOf(el))) === JSON.stringify(found.map((_, i) => i));
  const leading = slots.slice(0, market ? 1 : 2).every(([, el], i) => el === null || inputs[i] === el);
  if ((allFound && extras > 0) || !inOrder || !leading) {
    const broke = (item: ItemCode, field: Field<NumText>) => (field.status === 'read' ? missing<NumText>(reason('page.selectorBroke', { item })) : field);
    return {
      price: broke('price', price),
      qty: { ...qty.reading, quantity: broke('quantity', qty.reading.quantity) },
      takeProfit: broke('takeProfit', tpsl.takeProfit),
      stopLoss: broke('stopLoss', tpsl.stopLoss),
    };
  }
  return { price, qty: qty.reading, takeProfit: tpsl.takeProfit, stopLoss: tpsl.stopLoss };
}

/**
 * The quantity (README: Quantity and unit): the one qty-mode switch names the current mode; its input
 * is in the container right after the switch's row, and the suffix there must fit the mode.
 */
function readQuantity(root: Element, ctx: FormContext): { reading: QtyReading; input: Element | null } {
  const modes = Object.entries(ctx.labels.qtyModes) as [QtyMode, string][];
  const switches = visibleAll(root, HOOKS.qtyModeSwitch, ctx.visible).filter((el) => modes.some(([, text]) => text === textOf(el)));
  const fail = (f: Field<never>, mode: QtyMode | null = null): { reading: QtyReading; input: null } => ({ reading: { quantity: f, unit: f, suffix: null, mode }, input: null });
  const one = exactlyOne(switches);
  if (one.kind !== 'one') return fail(one.kind === 'none' ? notFound('quantityUnit') : several('quantityUnit', one.count));
  const switchEl = one.item;
  const mode = (modes.find(([, text]) => text === textOf(switchEl)) as [QtyMode, string])[0];

  const boxes = labelledContainers(root, ctx, (label) => label.contains(switchEl));
  const box = exactlyOne(boxes);
  if (box.kind !== 'one') return fail(box.kind === 'none' ? notFound('quantity') : several('quantity', box.count), mode);
  const input = exactlyOne(containerInput(box.item, ctx));
  if (input.kind !== 'one') return fail(input.kind === 'none' ? notFound('quantity') : several('quantity', input.count), mode);
  const quantity = inputText(input.item, 'quantity');

  const icon = exactlyOne(visibleAll(box.item, HOOKS.inputSuffix, ctx.visible));
  if (icon.kind !== 'one') {
    const f = icon.kind === 'none' ? notFound<QuantityUnit>('quantityUnit') : several<QuantityUnit>('quantityUnit', icon.count);
    return { reading: { quantity, unit: f, suffix: null, mode }, input: input.item };
  }
  const suffix = textOf(icon.item);
  // Qty is in the base asset; Value (the notional) and Cost (margin plus fees) in the quote asset.
  const expected = mode === 'base' ? ctx.baseAsset : ctx.quoteAsset;
  const modeText = textOf(switchEl);
  let unit: Field<QuantityUnit>;
  if (suffix === expected) unit = readField(mode, `${modeText} (${suffix})`);
  else if (mode === 'base' && suffix !== ctx.quoteAsset) unit = ambiguous(reason('page.unitUnknown', { unit: suffix }), suffix);
  else unit = ambiguous(reason('page.wrongUnit', { item: 'quantityUnit', unit: suffix, expected }), suffix);
  return { reading: { quantity, unit, suffix, mode }, input: input.item };
}

/** TP / SL inputs, present only while the TP/SL box is checked (README: TP/SL). */
function readTpSl(
  root: Element,
  ctx: FormContext,
): { takeProfit: Field<NumText>; stopLoss: Field<NumText>; checked: boolean; tp: Element | null; sl: Element | null } {
  const none = { checked: false, tp: null, sl: null };
  const text = exactlyOne(visibleAll(root, HOOKS.tpslText, ctx.visible));
  const label = text.kind === 'one' ? text.item.parentElement : null;
  const boxes = label !== null && label.tagName === 'LABEL' ? visibleAll(label, HOOKS.checkbox, ctx.visible) : [];
  const box = exactlyOne(boxes);
  if (box.kind !== 'one') {
    const f = box.kind === 'none' ? notFound<NumText>('tpslBox') : several<NumText>('tpslBox', box.count);
    return { takeProfit: f, stopLoss: f, ...none };
  }
  if (!(box.item as HTMLInputElement).checked) {
    const off = missing<NumText>(reason('page.tpslOff'));
    return { takeProfit: off, stopLoss: off, ...none };
  }
  const rows = visibleAll(root, HOOKS.tpslRow, ctx.visible);
  const byTitle = (title: string, item: ItemCode): { field: Field<NumText>; el: Element | null } => {
    const matching = rows.filter((row) => {
      const titles = visibleAll(row, HOOKS.tpslRowTitle, ctx.visible);
      return titles.length === 1 && textOf(titles[0] as Element) === title;
    });
    const row = exactlyOne(matching);
    if (row.kind !== 'one') return { field: row.kind === 'none' ? notFound(item) : several(item, row.count), el: null };
    const input = exactlyOne(visibleAll(row.item, HOOKS.tpslInput, ctx.visible));
    return { field: pick(item, input, (el) => inputText(el, item)), el: input.kind === 'one' ? input.item : null };
  };
  const tp = byTitle(ctx.labels.takeProfit, 'takeProfit');
  const sl = byTitle(ctx.labels.stopLoss, 'stopLoss');
  return { takeProfit: tp.field, stopLoss: sl.field, checked: true, tp: tp.el, sl: sl.el };
}

// ---------------------------------------------------------------------------------------------------
// Leverage and margin mode

export interface LeverageReading {
  /** The leverage as page text (an ungrouped number, the page's decimal mark). */
  leverage: Field<NumText>;
  marginMode: Field<MarginMode>;
  assetMode: Field<AssetMode>;
  /** The header's margin-mode word, when read (the account panel must agree). */
  headerMode: HeaderMode | null;
}

/**
 * The order-zone header (README: Leverage and margin mode): the leverage text, one number for both sides
 * or long / short, and beside it the account's margin mode (Portfolio margin: the asset mode says so).
 */
export function readLeverage(root: Element, ctx: FormContext): LeverageReading {
  const lev = exactlyOne(visibleAll(root, HOOKS.leverage, ctx.visible));
  if (lev.kind !== 'one') {
    const f = lev.kind === 'none' ? notFound<never>('leverageButton') : several<never>('leverageButton', lev.count);
    return { leverage: f, marginMode: f, assetMode: f, headerMode: null };
  }
  const levText = textOf(lev.item);
  const m = LEVERAGE_RE.exec(levText);
  let leverage: Field<NumText>;
  if (m === null) leverage = ambiguous(reason('page.unreadable', { item: 'leverage', text: levText }), levText);
  else if (m[2] !== undefined && m[2] !== m[1]) {
    // Hedge + isolated with a different leverage per side: one order form, two leverages.
    leverage = unsupported(reason('page.sideLeverages', { long: m[1] as string, short: m[2] }), levText);
  } else leverage = readField({ text: m[1] as string, grouped: false }, levText);

  const parent = lev.item.parentElement;
  const words = Object.entries(ctx.labels.headerModes) as [HeaderMode, string][];
  const modeEls = parent === null ? [] : visibleChildren(parent, ctx.visible).filter((el) => el !== lev.item && words.some(([, w]) => w === textOf(el)));
  const one = exactlyOne(modeEls);
  if (one.kind !== 'one') {
    const f = one.kind === 'none' ? notFound<never>('marginMode') : several<never>('marginMode', one.count);
    return { leverage, marginMode: f, assetMode: f, headerMode: null };
  }
  const text = textOf(one.item);
  const headerMode = (words.find(([, w]) => w === text) as [HeaderMode, string])[0];
  if (headerMode === 'portfolio') {
    // Portfolio margin: the account shares collateral across assets; neither margin mode of ours applies.
    return { leverage, marginMode: unsupported(reason('page.notSupported', { item: 'marginMode', text }), text), assetMode: readField('portfolio', text), headerMode };
  }
  // The account's collateral: the page shows no separate multi-asset mode (README: Leverage and margin mode).
  return { leverage, marginMode: readField(headerMode, text), assetMode: readField('single', text), headerMode };
}

// ---------------------------------------------------------------------------------------------------
// Available balance

/** An amount with a unit, e.g. `8,000.00 USDT`. */
export const parseAmount = (text: string): Amount | null => amountWithUnit(AMOUNT_WITH_UNIT_RE, text);

/** An amount in the quote asset shown in a label/value pair, or `--`. */
export function quoteAmount(item: ItemCode, text: string, ctx: { quoteAsset: string }, loggedIn: Field<boolean>): Field<NumText> {
  if (text === MISSING_VALUE) return missing(notShownWhy(item, loggedIn), text);
  return amountIn(item, text, parseAmount(text), ctx.quoteAsset);
}

/** "Available Balance", a label/value pair in the root, in the quote asset (README: Available balance). */
export function readAvailable(root: Element, ctx: FormContext, loggedIn: Field<boolean>): Field<NumText> {
  const item = 'available';
  const pair = exactlyOne(labelValuePairs(root, new Set([ctx.labels.available]), ctx.visible));
  if (pair.kind === 'none') return notFound(item);
  if (pair.kind === 'many') return several(item, pair.count);
  return quoteAmount(item, pair.item.value, ctx, loggedIn);
}
