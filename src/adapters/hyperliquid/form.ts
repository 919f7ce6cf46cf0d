/**
 * The order form (README: Form root to Current Position): the root, then every form hook read only
 * inside it, with querySelectorAll, the visibility filter and exactly one match per single-value hook.
 */
import type { Field, MarginMode, OrderType, QuantityUnit, Side } from '../../contracts/snapshot';
import type { SubmitControls } from '../adapter';
import { reason, type ItemCode } from '../../contracts/reasons';
import { commonAncestor, exactlyOne, labelValuePairs, textOf, visibleAll, type VisibilityTest } from '../kit/dom';
import { ambiguous, missing, readField, unsupported, type NumText } from '../kit/fields';
import { MISSING_VALUE } from '../kit/tables';
import { amountIn, inputText, notFound, notShownWhy, several } from '../kit/values';
import { parseAmount } from './amounts';
import { HOOKS, LEVERAGE_RE, PERCENT_LABEL, type Labels } from './selectors';

export interface FormContext {
  visible: VisibilityTest;
  labels: Labels;
  /** The coin as the form shows it (`TSLA` for `xyz:TSLA`); null when the symbol is not known. */
  coinShown: string | null;
  quoteAsset: string;
}

export type RootResult =
  | { kind: 'one'; root: Element; buy: Element; sell: Element }
  | { kind: 'none' }
  | { kind: 'many'; count: number };

const follows = (el: Element, ref: Element): boolean => (ref.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

/** Buttons with exactly this text (text first: computed style is the expensive part). */
function buttonsWithText(scope: ParentNode, text: string, visible: VisibilityTest): Element[] {
  return Array.from(scope.querySelectorAll(HOOKS.button)).filter((b) => textOf(b) === text && visible(b));
}

/**
 * Form root: the nearest common ancestor of the two side toggles (exactly one visible of each in the
 * document) and the first visible primary button after both of them in document order.
 */
export function locateFormRoot(doc: Document, labels: Labels, visible: VisibilityTest): RootResult {
  const [buyText, sellText] = labels.sideButtons;
  const buy = exactlyOne(buttonsWithText(doc, buyText, visible));
  const sell = exactlyOne(buttonsWithText(doc, sellText, visible));
  if (buy.kind === 'many') return { kind: 'many', count: buy.count };
  if (sell.kind === 'many') return { kind: 'many', count: sell.count };
  if (buy.kind === 'none' || sell.kind === 'none') return { kind: 'none' };
  const toggles = commonAncestor(buy.item, sell.item);
  const primary = Array.from(doc.querySelectorAll(HOOKS.primaryButton)).find(
    (b) => follows(b, buy.item) && follows(b, sell.item) && visible(b),
  );
  if (toggles === null || primary === undefined) return { kind: 'none' };
  const root = commonAncestor(toggles, primary);
  return root === null ? { kind: 'none' } : { kind: 'one', root, buy: buy.item, sell: sell.item };
}

/** The selected side: exactly one toggle carries its own variant class (README: Side toggle). */
export function readSides(buy: Element, sell: Element): Field<Side[]> {
  const buyOn = buy.classList.contains(HOOKS.buyVariant);
  const sellOn = sell.classList.contains(HOOKS.sellVariant);
  const strays = buy.classList.contains(HOOKS.sellVariant) || sell.classList.contains(HOOKS.buyVariant);
  if (buyOn === sellOn || strays) return ambiguous(reason('page.sideUnknown'));
  return buyOn ? readField<Side[]>(['long'], textOf(buy)) : readField<Side[]>(['short'], textOf(sell));
}

export interface LoginReading {
  loggedIn: Field<boolean>;
  /** The primary button when it places orders (`Place Order`). */
  placeOrder: Element | null;
}

/** The root's one primary button decides the login state: `Connect` out; `Enable Trading` / `Place Order` in (README: Submit). */
export function readLogin(root: Element, ctx: FormContext): LoginReading {
  const item = 'orderButtons';
  const one = exactlyOne(visibleAll(root, HOOKS.primaryButton, ctx.visible));
  if (one.kind === 'none') return { loggedIn: missing(reason('page.notFound', { item })), placeOrder: null };
  if (one.kind === 'many') return { loggedIn: ambiguous(reason('page.several', { item, count: one.count })), placeOrder: null };
  const text = textOf(one.item);
  const { labels } = ctx;
  if (text === labels.connect) return { loggedIn: readField(false, text), placeOrder: null };
  if (text === labels.enableTrading) return { loggedIn: readField(true, text), placeOrder: null };
  if (text === labels.placeOrder) return { loggedIn: readField(true, text), placeOrder: one.item };
  return { loggedIn: ambiguous(reason('page.unreadable', { item, text })), placeOrder: null };
}

/** The submit button belongs to the selected side only. */
export function submitControls(sides: Field<Side[]>, placeOrder: Element | null): SubmitControls {
  if (placeOrder === null || sides.status !== 'read' || sides.value === undefined) return { long: [], short: [] };
  return sides.value[0] === 'long' ? { long: [placeOrder], short: [] } : { long: [], short: [placeOrder] };
}

/** Inputs whose parent's first element child has `label` as its text (README: Inputs). */
function inputsLabelled(root: Element, label: string, visible: VisibilityTest): HTMLInputElement[] {
  return (Array.from(root.querySelectorAll(HOOKS.input)) as HTMLInputElement[]).filter((input) => {
    const first = input.parentElement?.firstElementChild;
    return first != null && first !== input && textOf(first) === label && visible(input) && visible(first);
  });
}

/** The one input of a value: none, several or empty are "can't read", with the item named. */
function inputNumber(inputs: readonly HTMLInputElement[], item: ItemCode): Field<NumText> {
  const input = exactlyOne(inputs);
  if (input.kind === 'none') return notFound(item);
  if (input.kind === 'many') return several(item, input.count);
  return inputText(input.item, item);
}

export interface OrderReading {
  orderType: Field<OrderType>;
  price: Field<NumText>;
}

/**
 * Order type by its inputs: a trigger input = Pro (not supported); a price input = Limit; neither = Market
 * (README: Order type). Market is the absence of a price input, so every value input must be accounted for:
 * one with another label, or more than the one unlabelled `%` input, means the order type cannot be told.
 */
export function readOrder(root: Element, ctx: FormContext): OrderReading {
  const { labels, visible } = ctx;
  const known = new Set([labels.price, labels.size, labels.trigger, labels.takeProfit, labels.stopLoss, PERCENT_LABEL]);
  let unlabelled = 0;
  for (const input of visibleAll(root, HOOKS.input, visible)) {
    if ((input as HTMLInputElement).type === 'checkbox') continue;
    const first = input.parentElement?.firstElementChild;
    if (first == null || first === input || !visible(first)) unlabelled++;
    else if (!known.has(textOf(first))) return unknownOrderType();
  }
  if (unlabelled > 1) return unknownOrderType();
  const triggers = inputsLabelled(root, labels.trigger, visible);
  if (triggers.length > 0) {
    const why = reason('page.notSupported', { item: 'orderType', text: labels.trigger });
    return { orderType: unsupported(why, labels.trigger), price: missing(why) };
  }
  const prices = inputsLabelled(root, labels.price, visible);
  if (prices.length === 0) return { orderType: readField<OrderType>('market'), price: missing(reason('page.marketOrder')) };
  return { orderType: readField<OrderType>('limit'), price: inputNumber(prices, 'price') };
}

function unknownOrderType(): OrderReading {
  const why = reason('page.orderTypeUnknown');
  return { orderType: ambiguous(why), price: missing(why) };
}

export interface QuantityReading {
  quantity: Field<NumText>;
  unit: Field<QuantityUnit>;
  /** The unit toggle's text (the coin or the quote asset), when read; used for the symbol check. */
  unitText: string | null;
}

/** The Size input and the unit toggle after it in the same row: the coin or the quote asset (README: Size and unit). */
export function readQuantity(root: Element, ctx: FormContext): QuantityReading {
  const input = exactlyOne(inputsLabelled(root, ctx.labels.size, ctx.visible));
  if (input.kind !== 'one') {
    const why = input.kind === 'none' ? reason('page.notFound', { item: 'quantity' }) : reason('page.several', { item: 'quantity', count: input.count });
    return { quantity: missing(why), unit: missing(why), unitText: null };
  }
  const after: Element[] = [];
  for (let el = input.item.nextElementSibling; el !== null; el = el.nextElementSibling) {
    if (el.matches(HOOKS.roleButton) && ctx.visible(el)) after.push(el);
  }
  const toggle = exactlyOne(after);
  let unit: Field<QuantityUnit>;
  let unitText: string | null = null;
  if (toggle.kind === 'none') unit = missing(reason('page.notFound', { item: 'quantityUnit' }));
  else if (toggle.kind === 'many') unit = ambiguous(reason('page.several', { item: 'quantityUnit', count: toggle.count }));
  else {
    unitText = textOf(toggle.item);
    if (unitText === ctx.coinShown) unit = readField<QuantityUnit>('base', unitText);
    else if (unitText === ctx.quoteAsset) unit = readField<QuantityUnit>('quote', unitText);
    else unit = ambiguous(reason('page.unitUnknown', { unit: unitText }), unitText);
  }
  return { quantity: inputNumber([input.item], 'quantity'), unit, unitText };
}

export interface LeverageReading {
  leverage: Field<string>;
  marginMode: Field<MarginMode>;
}

/** The `20x` button, and the margin-mode button just before it (README: Leverage and margin mode). */
export function readLeverage(root: Element, ctx: FormContext): LeverageReading {
  const buttons = Array.from(root.querySelectorAll(HOOKS.button)).filter((b) => LEVERAGE_RE.test(textOf(b)) && ctx.visible(b));
  const one = exactlyOne(buttons);
  if (one.kind !== 'one') {
    const item = 'leverageButton';
    const why = one.kind === 'none' ? reason('page.notFound', { item }) : reason('page.several', { item, count: one.count });
    const f = one.kind === 'none' ? missing<never>(why) : ambiguous<never>(why);
    return { leverage: f, marginMode: f };
  }
  const levText = textOf(one.item);
  const leverage = readField(String(Number((LEVERAGE_RE.exec(levText) as RegExpExecArray)[1])), levText);
  const modes: Record<string, MarginMode> = { [ctx.labels.cross]: 'cross', [ctx.labels.isolated]: 'isolated' };
  // Exactly one margin-mode button in the root, and it stands just before the leverage button.
  const modeButtons = Array.from(root.querySelectorAll(HOOKS.button)).filter((b) => textOf(b) in modes && ctx.visible(b));
  const before = one.item.previousElementSibling;
  if (modeButtons.length > 1) return { leverage, marginMode: ambiguous(reason('page.several', { item: 'marginMode', count: modeButtons.length })) };
  if (before === null || !before.matches(HOOKS.button) || !ctx.visible(before)) {
    return { leverage, marginMode: missing(reason('page.notFound', { item: 'marginMode' })) };
  }
  const modeText = textOf(before);
  const mode = modes[modeText];
  return { leverage, marginMode: mode === undefined ? ambiguous(reason('page.unreadable', { item: 'marginMode', text: modeText }), modeText) : readField(mode, modeText) };
}

/** A labelled checkbox: the one visible `label` with this text, holding one visible checkbox. */
function checkbox(root: Element, text: string, item: ItemCode, visible: VisibilityTest): Field<HTMLInputElement> {
  const labels = Array.from(root.querySelectorAll(HOOKS.label)).filter((l) => textOf(l) === text && visible(l));
  const one = exactlyOne(labels);
  if (one.kind === 'none') return missing(reason('page.notFound', { item }));
  if (one.kind === 'many') return ambiguous(reason('page.several', { item, count: one.count }));
  const box = exactlyOne(visibleAll(one.item, HOOKS.checkbox, visible));
  if (box.kind !== 'one') return missing(reason('page.notFound', { item }));
  return readField(box.item as HTMLInputElement, text);
}

/** Reduce Only (README: Reduce Only and TP/SL). */
export function readReduceOnly(root: Element, ctx: FormContext): Field<boolean> {
  const box = checkbox(root, ctx.labels.reduceOnly, 'reduceOnly', ctx.visible);
  if (box.status !== 'read' || box.value === undefined) return box as Field<never>;
  return readField(box.value.checked, ctx.labels.reduceOnly);
}

/** TP and SL inputs, present only while the TP/SL box is checked (README: Reduce Only and TP/SL). */
export function readTpSl(root: Element, ctx: FormContext): { takeProfit: Field<NumText>; stopLoss: Field<NumText> } {
  const box = checkbox(root, ctx.labels.tpslCheckbox, 'tpslBox', ctx.visible);
  if (box.status !== 'read' || box.value === undefined) {
    const f = box as Field<never>;
    return { takeProfit: f, stopLoss: f };
  }
  if (!box.value.checked) {
    const off = missing<NumText>(reason('page.tpslOff'));
    return { takeProfit: off, stopLoss: off };
  }
  return {
    takeProfit: inputNumber(inputsLabelled(root, ctx.labels.takeProfit, ctx.visible), 'takeProfit'),
    stopLoss: inputNumber(inputsLabelled(root, ctx.labels.stopLoss, ctx.visible), 'stopLoss'),
  };
}

/** One form pair by its label, exactly once in the root. */
function formPair(root: Element, label: string, item: ItemCode, ctx: FormContext, loggedIn: Field<boolean>): Field<string> {
  const pairs = exactlyOne(labelValuePairs(root, new Set([label]), ctx.visible));
  if (pairs.kind === 'none') return missing(loggedIn.value === false ? reason('page.loginToSee', { item }) : reason('page.notFound', { item }));
  if (pairs.kind === 'many') return ambiguous(reason('page.several', { item, count: pairs.count }));
  const text = pairs.item.value;
  return text === MISSING_VALUE ? missing(notShownWhy(item, loggedIn), text) : readField(text, text);
}

/** `Available to Trade`, in the quote asset (README: Available and Current Position). */
export function readAvailable(root: Element, ctx: FormContext, loggedIn: Field<boolean>): Field<NumText> {
  const item = 'available';
  const pair = formPair(root, ctx.labels.available, item, ctx, loggedIn);
  if (pair.status !== 'read' || pair.value === undefined) return pair as Field<never>;
  return amountIn(item, pair.value, parseAmount(pair.value), ctx.quoteAsset);
}

/** `Current Position`: the signed size on the form's coin, in the coin (README: Available and Current Position). */
export function readCurrentPosition(root: Element, ctx: FormContext, loggedIn: Field<boolean>): Field<NumText> {
  const item = 'currentPosition';
  const pair = formPair(root, ctx.labels.currentPosition, item, ctx, loggedIn);
  if (pair.status !== 'read' || pair.value === undefined) return pair as Field<never>;
  return amountIn(item, pair.value, parseAmount(pair.value), ctx.coinShown);
}
