/**
 * The order form (README: Form root to Available and Max): the root, then every form hook read only inside
 * it, with querySelectorAll, the visibility filter and exactly one match per single-value hook.
 */
import type { Field, MarginMode, OrderType, QuantityUnit, SizeUnit } from '../../contracts/snapshot';
import { reason, type ItemCode } from '../../contracts/reasons';
import { exactlyOne, textOf, visibleAll, type VisibilityTest } from '../kit/dom';
import { ambiguous, missing, readField, unsupported, type NumText } from '../kit/fields';
import type { MaxAmount, RootResult } from '../kit/page';
import { readOpenClose, readSubmit, type ModeReading } from '../kit/submit';
import { MISSING_VALUE } from '../kit/tables';
import { inputText, notFound, notShownWhy, several } from '../kit/values';
import { GLUED_AMOUNT_RE, HOOKS, LEVERAGE_RE, SL_LABELS, TP_LABELS, TPSL_LABELS, type Labels } from './selectors';

export interface FormContext {
  visible: VisibilityTest;
  labels: Labels;
  /** From the URL instrument; null when it is not a supported swap. */
  baseAsset: string | null;
  quoteAsset: string | null;
}

/** Form root: the one visible `.place-order-container-common` in the document (README: Form root). */
export function locateFormRoot(doc: Document, visible: VisibilityTest): RootResult {
  const one = exactlyOne(visibleAll(doc, HOOKS.formRoot, visible));
  if (one.kind === 'one') return { kind: 'one', root: one.item };
  return one.kind === 'many' ? { kind: 'many', count: one.count } : { kind: 'none' };
}

/** The selected order-type tab; its text must agree with the price input being there or not (README: Order type). */
export function readOrderType(root: Element, ctx: FormContext): Field<OrderType> {
  const { labels, visible } = ctx;
  const tab = exactlyOne(visibleAll(root, HOOKS.orderTab, visible).filter((t) => t.getAttribute('aria-selected') === 'true'));
  if (tab.kind !== 'one') return ambiguous(reason('page.orderTypeUnknown'));
  const text = textOf(tab.item);
  const priceBoxes = visibleAll(root, HOOKS.priceBox, visible).length;
  if (text === labels.orderTypes.limit) return priceBoxes === 1 ? readField('limit', text) : ambiguous(reason('page.orderTypeUnknown'), text);
  if (text === labels.orderTypes.market) return priceBoxes === 0 ? readField('market', text) : ambiguous(reason('page.orderTypeUnknown'), text);
  return unsupported(reason('page.notSupported', { item: 'orderType', text }), text);
}

/** The one input of a value: none, several or empty are "can't read", with the item named. */
function inputNumber(inputs: Element[], item: ItemCode): Field<NumText> {
  const input = exactlyOne(inputs);
  if (input.kind === 'none') return notFound(item);
  if (input.kind === 'many') return several(item, input.count);
  return inputText(input.item, item);
}

export function readPrice(root: Element, ctx: FormContext, orderType: Field<OrderType>): Field<NumText> {
  if (orderType.status === 'read' && orderType.value === 'market') return missing(reason('page.marketOrder'));
  return inputNumber(visibleAll(root, `${HOOKS.priceBox} ${HOOKS.input}`, ctx.visible), 'price');
}

/** Open/Close tabs decide the position mode (README: Hedge mode); the submit area the login state (Submit buttons). */
export function readModes(root: Element, ctx: FormContext): ModeReading {
  const modes = readOpenClose(visibleAll(root, HOOKS.hedgeTab, ctx.visible), ctx.labels);
  // [positive, negative]: the positive button buys (in the Close tab it closes the short: the long side here).
  return readSubmit(visibleAll(root, HOOKS.button, ctx.visible), ctx.labels, modes, { inOrder: false, closeLongBySell: false });
}

/** A unit word as the form shows it: contracts (localised), the base or the quote asset; null for anything else. */
export function unitOf(text: string, ctx: FormContext): SizeUnit | null {
  if (text === ctx.labels.contracts) return 'contracts';
  if (ctx.baseAsset !== null && text === ctx.baseAsset) return 'base';
  if (ctx.quoteAsset !== null && text === ctx.quoteAsset) return 'quote';
  return null;
}

/** One `max-trade` element: its value (or why not) and the unit word it ends with (also when the value is `--`). */
export interface MaxReading {
  field: Field<MaxAmount>;
  unitText: string | null;
}

export interface MaxPair {
  long: MaxReading;
  short: MaxReading;
  /** False when the pair is not on the page (logged out, or not found). */
  present: boolean;
}

/** A glued test-id text (`Max long1,300 Contracts`, `Available -- USDT`) without its label: number text and unit. */
function glued(text: string, label: string): { num: string; unit: string } | null {
  if (!text.startsWith(label)) return null;
  const m = GLUED_AMOUNT_RE.exec(text.slice(label.length));
  return m === null ? null : { num: m[1] as string, unit: m[2] as string };
}

/** Max long / Max short: two adjacent `max-trade` elements, long first, in the unit the amount is shown in (README: Available and Max). */
export function readMaxPair(root: Element, ctx: FormContext, loggedIn: Field<boolean>): MaxPair {
  const els = visibleAll(root, HOOKS.maxTrade, ctx.visible);
  const both = (long: Field<MaxAmount>, short: Field<MaxAmount> = long, present = false): MaxPair => ({
    long: { field: long, unitText: null },
    short: { field: short, unitText: null },
    present,
  });
  if (els.length === 0) {
    if (loggedIn.status === 'read' && loggedIn.value === false) {
      return both(missing(reason('page.loginToSee', { item: 'maxBuy' })), missing(reason('page.loginToSee', { item: 'maxSell' })));
    }
    return both(notFound('maxBuy'), notFound('maxSell'));
  }
  const [first, second] = els as [Element, Element];
  if (els.length !== 2 || first.nextElementSibling !== second) return both(several('maxBuy', els.length), several('maxSell', els.length));
  const one = (el: Element, label: string, item: 'maxBuy' | 'maxSell'): MaxReading => {
    const text = textOf(el);
    const parsed = glued(text, label);
    if (parsed === null) return { field: ambiguous(reason('page.unreadable', { item, text }), text), unitText: null };
    const unit = unitOf(parsed.unit, ctx);
    if (unit === null) return { field: ambiguous(reason('page.unitUnknown', { unit: parsed.unit }), text), unitText: parsed.unit };
    if (parsed.num === MISSING_VALUE) return { field: missing(notShownWhy(item, loggedIn), text), unitText: parsed.unit };
    return { field: readField({ num: { text: parsed.num, grouped: true }, unit }, text), unitText: parsed.unit };
  };
  return { long: one(first, ctx.labels.maxLong, 'maxBuy'), short: one(second, ctx.labels.maxShort, 'maxSell'), present: true };
}

export interface QuantityReading {
  quantity: Field<NumText>;
  unit: Field<QuantityUnit>;
  /** The suffix text, when read; a base/quote unit names the symbol's assets (README: Symbol). */
  suffix: string | null;
}

/**
 * The amount input, found by exclusion: a design-system input of the root that is not the price input, not a
 * TP/SL trigger input and comes before the TP/SL block; exactly one (README: Amount and unit).
 */
function amountInputs(root: Element, ctx: FormContext): Element[] {
  const block = exactlyOne(visibleAll(root, HOOKS.tpslBlock, ctx.visible));
  const boundary = block.kind === 'one' ? block.item : visibleAll(root, HOOKS.priceLikeInput, ctx.visible)[0] ?? null;
  return visibleAll(root, HOOKS.input, ctx.visible).filter((input) => {
    if (input.closest(HOOKS.priceBox) !== null) return false;
    if (TPSL_LABELS.has(input.getAttribute('aria-label') ?? '')) return false;
    // Before the block: the block follows the input in document order.
    return boundary === null || (input.compareDocumentPosition(boundary) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  });
}

/**
 * The amount and its unit, from the suffix checked against the unit each Max ends with; logged out, with no
 * Max on the page, the suffix alone decides (README: Amount and unit).
 */
export function readQuantity(root: Element, ctx: FormContext, max: MaxPair, loggedIn: Field<boolean>): QuantityReading {
  const input = exactlyOne(amountInputs(root, ctx));
  if (input.kind !== 'one') {
    const f = input.kind === 'none' ? notFound<never>('quantity') : several<never>('quantity', input.count);
    return { quantity: f, unit: f, suffix: null };
  }
  const quantity = inputText(input.item, 'quantity');

  const wrapper = input.item.closest(HOOKS.inputWrapper);
  const suffixes = wrapper !== null && root.contains(wrapper) ? visibleAll(wrapper, HOOKS.inputSuffix, ctx.visible) : [];
  const suffixOne = exactlyOne(suffixes);
  if (suffixOne.kind !== 'one') {
    return { quantity, unit: suffixOne.kind === 'many' ? several('quantityUnit', suffixOne.count) : notFound('quantityUnit'), suffix: null };
  }
  const suffix = textOf(suffixOne.item);
  const unit = unitOf(suffix, ctx);
  if (unit === null) return { quantity, unit: ambiguous(reason('page.unitUnknown', { unit: suffix }), suffix), suffix };

  if (!max.present) {
    if (loggedIn.status === 'read' && loggedIn.value === false) return { quantity, unit: readField(unit, suffix), suffix };
    return { quantity, unit: missing(max.long.field.why ?? reason('page.notFound', { item: 'maxBuy' }), suffix), suffix };
  }
  for (const [reading, item] of [[max.long, 'maxBuy'], [max.short, 'maxSell']] as const) {
    if (reading.unitText === null) return { quantity, unit: passReason(reading.field, suffix), suffix };
    if (reading.unitText !== suffix) return { quantity, unit: ambiguous(reason('page.wrongUnit', { item, unit: reading.unitText, expected: suffix }), suffix), suffix };
  }
  return { quantity, unit: readField(unit, suffix), suffix };
}

function passReason<T>(field: Field<unknown>, raw: string): Field<T> {
  const why = field.why ?? reason('figure.notComputable');
  return field.status === 'missing' ? missing(why, raw) : ambiguous(why, raw);
}

export interface LeverageReading {
  leverage: Field<string>;
  marginMode: Field<MarginMode>;
}

/** The `10x` button and, just before it, the margin-mode button (README: Leverage and margin mode). */
export function readLeverage(root: Element, ctx: FormContext): LeverageReading {
  const { labels, visible } = ctx;
  const buttons = visibleAll(root, HOOKS.button, visible);
  const lev = exactlyOne(buttons.filter((b) => LEVERAGE_RE.test(textOf(b))));
  const modeWords: Record<string, MarginMode> = { [labels.cross]: 'cross', [labels.isolated]: 'isolated' };
  const modes = exactlyOne(buttons.filter((b) => textOf(b) in modeWords));
  let leverage: Field<string>;
  if (lev.kind === 'one') {
    const text = textOf(lev.item);
    leverage = readField(String(Number((LEVERAGE_RE.exec(text) as RegExpExecArray)[1])), text);
  } else leverage = lev.kind === 'none' ? notFound('leverageButton') : several('leverageButton', lev.count);
  let marginMode: Field<MarginMode>;
  if (modes.kind === 'none') marginMode = notFound('marginMode');
  else if (modes.kind === 'many') marginMode = several('marginMode', modes.count);
  else if (lev.kind === 'one' && lev.item.previousElementSibling !== modes.item) marginMode = notFound('marginMode');
  else if (lev.kind !== 'one') marginMode = passReason(leverage, textOf(modes.item));
  else {
    const text = textOf(modes.item);
    marginMode = readField(modeWords[text] as MarginMode, text);
  }
  return { leverage, marginMode };
}

/** TP / SL trigger inputs, present only while the TP/SL box is checked (README: TP/SL). */
export function readTpSl(root: Element, ctx: FormContext): { takeProfit: Field<NumText>; stopLoss: Field<NumText> } {
  const box = exactlyOne(visibleAll(root, HOOKS.tpslBox, ctx.visible));
  if (box.kind !== 'one') {
    const f = box.kind === 'none' ? notFound<NumText>('tpslBox') : several<NumText>('tpslBox', box.count);
    return { takeProfit: f, stopLoss: f };
  }
  if ((box.item as HTMLInputElement).checked !== true) {
    const off = missing<NumText>(reason('page.tpslOff'));
    return { takeProfit: off, stopLoss: off };
  }
  const byLabel = (labels: readonly string[], item: ItemCode): Field<NumText> =>
    inputNumber(visibleAll(root, 'input', ctx.visible).filter((i) => labels.includes(i.getAttribute('aria-label') ?? '')), item);
  return { takeProfit: byLabel(TP_LABELS, 'takeProfit'), stopLoss: byLabel(SL_LABELS, 'stopLoss') };
}

/** Available: the glued `Available8,000.00 USDT` test id in the root, in the quote asset (README: Available and Max). */
export function readAvailable(root: Element, ctx: FormContext, loggedIn: Field<boolean>): Field<NumText> {
  const item = 'available';
  const el = exactlyOne(visibleAll(root, HOOKS.maxAsset, ctx.visible));
  if (el.kind === 'none') return missing(loggedIn.status === 'read' && loggedIn.value === false ? reason('page.loginToSee', { item }) : reason('page.notFound', { item }));
  if (el.kind === 'many') return several(item, el.count);
  const text = textOf(el.item);
  const parsed = glued(text, ctx.labels.available);
  if (parsed === null) return ambiguous(reason('page.unreadable', { item, text }), text);
  if (parsed.unit !== ctx.quoteAsset) return ambiguous(reason('page.wrongUnit', { item, unit: parsed.unit, expected: ctx.quoteAsset ?? '' }), text);
  if (parsed.num === MISSING_VALUE) return missing(notShownWhy(item, loggedIn), text);
  return readField({ text: parsed.num, grouped: true }, text);
}
