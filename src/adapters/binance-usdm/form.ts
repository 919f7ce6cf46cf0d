/**
 * The order form (README: Form root to Available and Max): the root, then every form hook read only
 * inside it, with querySelectorAll, the visibility filter and exactly one match per single-value hook.
 */
import type { AssetMode, Field, MarginMode, OrderType, PositionMode, QuantityUnit } from '../../contracts/snapshot';
import { reason, type ItemCode } from '../../contracts/reasons';
import {
  commonAncestor,
  exactlyOne,
  labelValuePairs,
  textOf,
  visibleAll,
  visibleChildren,
  type VisibilityTest,
} from '../kit/dom';
import { ambiguous, missing, readField, unsupported, type NumText } from '../kit/fields';
import type { MaxAmount, RootResult } from '../kit/page';
import { readOpenClose, readSubmit, type ModeReading } from '../kit/submit';
import { MISSING_VALUE } from '../kit/tables';
import { amountIn, amountWithUnit, inputText, notFound, notShownWhy, several, type Amount } from '../kit/values';
import {
  AMOUNT_WITH_UNIT_RE,
  ASSET_MODES,
  HOOKS,
  LEVERAGE_MAX_TEXT,
  LEVERAGE_RE,
  MARGIN_MODE_WORDS,
  type Labels,
} from './selectors';

export interface FormContext {
  visible: VisibilityTest;
  labels: Labels;
  /** From the URL symbol; null when the symbol has no supported quote suffix. */
  baseAsset: string | null;
  quoteAsset: string | null;
}

/** Form root: the nearest common ancestor of the one visible qty input and the one visible active order-type tab. */
export function locateFormRoot(doc: Document, visible: VisibilityTest): RootResult {
  const qty = exactlyOne(visibleAll(doc, HOOKS.qtyInput, visible));
  const tab = exactlyOne(visibleAll(doc, HOOKS.activeOrderTab, visible));
  if (qty.kind === 'many') return { kind: 'many', count: qty.count };
  if (tab.kind === 'many') return { kind: 'many', count: tab.count };
  if (qty.kind === 'none' || tab.kind === 'none') return { kind: 'none' };
  const root = commonAncestor(qty.item, tab.item);
  return root === null ? { kind: 'none' } : { kind: 'one', root };
}

const ORDER_TYPES: Record<string, OrderType> = { LIMIT: 'limit', MARKET: 'market' };

export function readOrderType(root: Element, ctx: FormContext): Field<OrderType> {
  const tab = exactlyOne(visibleAll(root, HOOKS.activeOrderTab, ctx.visible));
  if (tab.kind !== 'one') return ambiguous(reason('page.orderTypeUnknown'));
  const key = tab.item.getAttribute('data-tab-key') ?? '';
  const type = ORDER_TYPES[key];
  const text = textOf(tab.item);
  return type === undefined ? unsupported(reason('page.notSupported', { item: 'orderType', text }), text) : readField(type, text);
}

/** The Open/Close tabs decide the position mode (README: Hedge mode); the submit area the login state (Submit buttons). */
export function readModes(root: Element, ctx: FormContext): ModeReading {
  const modes = readOpenClose(visibleAll(root, HOOKS.hedgeTabs, ctx.visible), ctx.labels);
  // A side is the leg the order acts on: in the hedge Close tab the long is closed by the sell button (Close Long).
  return readSubmit(visibleAll(root, HOOKS.button, ctx.visible), ctx.labels, modes, { inOrder: false, closeLongBySell: true });
}

/** An input found by its id prefix, else by its localised aria-label, then placeholder (README: Price, Size and unit). */
function findInput(root: Element, ctx: FormContext, idSelector: string, label: string): Element[] {
  const byId = visibleAll(root, idSelector, ctx.visible);
  if (byId.length > 0) return byId;
  const inputs = visibleAll(root, 'input', ctx.visible);
  const byAria = inputs.filter((i) => i.getAttribute('aria-label') === label);
  return byAria.length > 0 ? byAria : inputs.filter((i) => i.getAttribute('placeholder') === label);
}

export function readPrice(root: Element, ctx: FormContext, orderType: Field<OrderType>): Field<NumText> {
  if (orderType.status === 'read' && orderType.value === 'market') return missing(reason('page.marketOrder'));
  return inputNumber(findInput(root, ctx, HOOKS.priceInput, ctx.labels.price), 'price');
}

/** The one input of a value: none, several or empty are "can't read", with the item named. */
function inputNumber(inputs: Element[], item: ItemCode): Field<NumText> {
  const input = exactlyOne(inputs);
  if (input.kind === 'none') return notFound(item);
  if (input.kind === 'many') return several(item, input.count);
  return inputText(input.item, item);
}

export interface QuantityReading {
  quantity: Field<NumText>;
  unit: Field<QuantityUnit>;
  /** The qty suffix text (base or quote asset), when read; used for the symbol check (README: Symbol). */
  suffix: string | null;
}

/** The qty input value and the unit from the suffix in its wrapper; `25%` is percent (README: Size and unit). */
export function readQuantity(root: Element, ctx: FormContext): QuantityReading {
  const input = exactlyOne(findInput(root, ctx, HOOKS.qtyInput, ctx.labels.size));
  if (input.kind !== 'one') {
    const why = input.kind === 'none' ? reason('page.notFound', { item: 'quantity' }) : reason('page.several', { item: 'quantity', count: input.count });
    return { quantity: missing(why), unit: missing(why), suffix: null };
  }
  const wrapper = input.item.closest(HOOKS.qtyWrapper);
  const suffixes = wrapper !== null && root.contains(wrapper) ? visibleAll(wrapper, HOOKS.unitSuffix, ctx.visible) : [];
  const suffixOne = exactlyOne(suffixes);
  const suffix = suffixOne.kind === 'one' ? textOf(suffixOne.item) : null;

  const text = (input.item as HTMLInputElement).value.trim();
  const isPercent = text.endsWith('%');
  let unit: Field<QuantityUnit>;
  if (isPercent) unit = readField('percent', text);
  else if (suffix === null) {
    unit = suffixOne.kind === 'many' ? ambiguous(reason('page.several', { item: 'quantityUnit', count: suffixOne.count })) : missing(reason('page.notFound', { item: 'quantityUnit' }));
  } else if (suffix === ctx.baseAsset) unit = readField('base', suffix);
  else if (suffix === ctx.quoteAsset) unit = readField('quote', suffix);
  else unit = ambiguous(reason('page.unitUnknown', { unit: suffix }), suffix);

  const number = isPercent ? text.slice(0, -1).trim() : text;
  const quantity: Field<NumText> =
    number === '' ? missing(reason('page.empty', { item: 'quantity' }), text) : readField({ text: number, grouped: false }, text);
  return { quantity, unit, suffix };
}

export interface LeverageReading {
  leverage: Field<string>;
  marginMode: Field<MarginMode>;
  button: Element | null;
}

/** The text of the combined button, e.g. `Cross 20x` → cross, '20' (README: Leverage and margin mode). */
export function parseLeverageBadge(text: string): { mode: MarginMode; leverage: string } | null {
  if (text.length > LEVERAGE_MAX_TEXT) return null;
  const m = LEVERAGE_RE.exec(text);
  const mode = m === null ? undefined : MARGIN_MODE_WORDS[m[1] as string];
  return m === null || mode === undefined ? null : { mode, leverage: String(Number(m[2])) };
}

export function readLeverage(root: Element, ctx: FormContext): LeverageReading {
  const matches = visibleAll(root, HOOKS.buttonLike, ctx.visible).filter((el) => parseLeverageBadge(textOf(el)) !== null);
  // A role=button nested in a button is one control, not two.
  const outer = matches.filter((el) => !matches.some((other) => other !== el && other.contains(el)));
  const one = exactlyOne(outer);
  if (one.kind !== 'one') {
    const why = one.kind === 'none' ? reason('page.notFound', { item: 'leverageButton' }) : reason('page.several', { item: 'leverageButton', count: one.count });
    const f = one.kind === 'none' ? missing<never>(why) : ambiguous<never>(why);
    return { leverage: f, marginMode: f, button: null };
  }
  const text = textOf(one.item);
  const parsed = parseLeverageBadge(text) as { mode: MarginMode; leverage: string };
  return { leverage: readField(parsed.leverage, text), marginMode: readField(parsed.mode, text), button: one.item };
}

/** The `S` / `M` / `PM` button beside the leverage button, absent when logged out (README: Leverage and margin mode). */
export function readAssetMode(leverageButton: Element | null, ctx: FormContext, loggedIn: Field<boolean>): Field<AssetMode> {
  const parent = leverageButton?.parentElement;
  if (leverageButton === null || parent == null) return missing(reason('page.notFound', { item: 'leverageButton' }));
  const buttons = visibleChildren(parent, ctx.visible).filter(
    (el) => el !== leverageButton && el.matches(HOOKS.button) && textOf(el) in ASSET_MODES,
  );
  const one = exactlyOne(buttons);
  if (one.kind === 'many') return ambiguous(reason('page.several', { item: 'assetModeButton', count: one.count }));
  if (one.kind === 'none') {
    return missing(loggedIn.value === false ? reason('page.loginToSee', { item: 'assetMode' }) : reason('page.notFound', { item: 'assetModeButton' }));
  }
  const text = textOf(one.item);
  return readField(ASSET_MODES[text] as AssetMode, text);
}

/** TP / SL inputs, present only while the TP/SL box is checked (README: TP/SL). */
export function readTpSl(root: Element, ctx: FormContext): { takeProfit: Field<NumText>; stopLoss: Field<NumText> } {
  const box = exactlyOne(visibleAll(root, HOOKS.checkbox, ctx.visible).filter((el) => textOf(el) === ctx.labels.tpslCheckbox));
  if (box.kind !== 'one') {
    const f = box.kind === 'none' ? missing<NumText>(reason('page.notFound', { item: 'tpslBox' })) : ambiguous<NumText>(reason('page.several', { item: 'tpslBox', count: box.count }));
    return { takeProfit: f, stopLoss: f };
  }
  if (box.item.getAttribute('aria-checked') !== 'true') {
    const off = missing<NumText>(reason('page.tpslOff'));
    return { takeProfit: off, stopLoss: off };
  }
  const byLabel = (label: string, item: ItemCode): Field<NumText> =>
    inputNumber(visibleAll(root, 'input', ctx.visible).filter((i) => i.getAttribute('aria-label') === label), item);
  return { takeProfit: byLabel(ctx.labels.takeProfit, 'takeProfit'), stopLoss: byLabel(ctx.labels.stopLoss, 'stopLoss') };
}

/** The Reduce-Only box of a one-way form (README: Hedge mode: hedge forms have none, and read false). */
export function readReduceOnly(root: Element, ctx: FormContext, positionMode: Field<PositionMode>): Field<boolean> {
  if (positionMode.status !== 'read') return missing(reason('page.notFound', { item: 'reduceOnly' }));
  const boxes = visibleAll(root, HOOKS.checkbox, ctx.visible).filter((el) => textOf(el) === ctx.labels.reduceOnly);
  if (positionMode.value === 'hedge') return boxes.length === 0 ? readField(false) : ambiguous(reason('page.several', { item: 'reduceOnly', count: boxes.length }));
  const box = exactlyOne(boxes);
  if (box.kind === 'none') return missing(reason('page.notFound', { item: 'reduceOnly' }));
  if (box.kind === 'many') return ambiguous(reason('page.several', { item: 'reduceOnly', count: box.count }));
  const checked = box.item.getAttribute('aria-checked');
  if (checked !== 'true' && checked !== 'false') return ambiguous(reason('page.unreadable', { item: 'reduceOnly', text: String(checked) }));
  return readField(checked === 'true', textOf(box.item));
}

/** An amount with a unit, e.g. `8,000.00 USDT`. */
export const parseAmount = (text: string): Amount | null => amountWithUnit(AMOUNT_WITH_UNIT_RE, text);

/** "Avbl", a label/value pair in the root, in the quote asset (README: Available and Max). */
export function readAvailable(root: Element, ctx: FormContext, loggedIn: Field<boolean>): Field<NumText> {
  const item = 'available';
  const pair = exactlyOne(labelValuePairs(root, new Set([ctx.labels.available]), ctx.visible));
  if (pair.kind === 'none') return missing(loggedIn.value === false ? reason('page.loginToSee', { item }) : reason('page.notFound', { item }));
  if (pair.kind === 'many') return ambiguous(reason('page.several', { item, count: pair.count }));
  const text = pair.item.value;
  if (text === MISSING_VALUE) return missing(notShownWhy(item, loggedIn), text);
  return amountIn(item, text, parseAmount(text), ctx.quoteAsset);
}

/** Max openable / closeable, in the current qty unit; the background converts it to base at the mark (README: Available and Max). */
export function readMax(root: Element, ctx: FormContext, selector: string, item: 'maxBuy' | 'maxSell', loggedIn: Field<boolean>): Field<MaxAmount> {
  const el = exactlyOne(visibleAll(root, selector, ctx.visible));
  if (el.kind === 'none') return missing(loggedIn.value === false ? reason('page.loginToSee', { item }) : reason('page.notFound', { item }));
  if (el.kind === 'many') return ambiguous(reason('page.several', { item, count: el.count }));
  const text = textOf(el.item);
  if (text === MISSING_VALUE) return missing(notShownWhy(item, loggedIn), text);
  const amount = parseAmount(text);
  if (amount === null) return ambiguous(reason('page.unreadable', { item, text }), text);
  if (amount.unit === ctx.baseAsset) return readField({ num: amount.num, unit: 'base' }, text);
  if (amount.unit === ctx.quoteAsset) return readField({ num: amount.num, unit: 'quote' }, text);
  return ambiguous(reason('page.unitUnknown', { unit: amount.unit }), text);
}
