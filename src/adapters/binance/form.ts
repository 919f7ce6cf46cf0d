/**
 * The order form (binance-usdm.md §2.2–§2.11): root, then every form hook read only inside it,
 * with querySelectorAll + the visibility filter and exactly one match per single-value hook (R10).
 */
import type { AssetMode, Field, MarginMode, OrderType, PositionMode, QuantityUnit } from '../types';
import {
  commonAncestor,
  exactlyOne,
  labelValuePairs,
  textOf,
  visibleAll,
  visibleChildren,
  type VisibilityTest,
} from '../dom';
import { ambiguous, missing, readField, type NumText } from './fields';
import {
  AMOUNT_WITH_UNIT_RE,
  ASSET_MODES,
  HOOKS,
  LEVERAGE_MAX_TEXT,
  LEVERAGE_RE,
  MARGIN_MODE_WORDS,
  MISSING_VALUE,
  type Labels,
} from './selectors';

export interface FormContext {
  visible: VisibilityTest;
  labels: Labels;
  /** From the URL symbol; null when the symbol has no supported quote suffix. */
  baseAsset: string | null;
  quoteAsset: string | null;
}

export type RootResult = { kind: 'one'; root: Element } | { kind: 'none' | 'many'; why: string };

/** §2.2: the nearest common ancestor of the one visible qty input and the one visible active order-type tab. */
export function locateFormRoot(doc: Document, visible: VisibilityTest): RootResult {
  const qty = exactlyOne(visibleAll(doc, HOOKS.qtyInput, visible));
  const tab = exactlyOne(visibleAll(doc, HOOKS.activeOrderTab, visible));
  if (qty.kind === 'many') return { kind: 'many', why: `${qty.count} order-form size inputs on the page` };
  if (tab.kind === 'many') return { kind: 'many', why: `${tab.count} selected order-type tabs on the page` };
  if (qty.kind === 'none' || tab.kind === 'none') return { kind: 'none', why: 'order form not found' };
  const root = commonAncestor(qty.item, tab.item);
  return root === null ? { kind: 'none', why: 'order form not found' } : { kind: 'one', root };
}

const ORDER_TYPES: Record<string, OrderType> = { LIMIT: 'limit', MARKET: 'market' };

export function readOrderType(root: Element, ctx: FormContext): Field<OrderType> {
  const tab = exactlyOne(visibleAll(root, HOOKS.activeOrderTab, ctx.visible));
  if (tab.kind !== 'one') return ambiguous('cannot tell the selected order type');
  const key = tab.item.getAttribute('data-tab-key') ?? '';
  const type = ORDER_TYPES[key];
  return type === undefined
    ? { status: 'unsupported', raw: textOf(tab.item), why: `order type "${textOf(tab.item)}" is not supported` }
    : readField(type, textOf(tab.item));
}

export interface ModeReading {
  positionMode: Field<PositionMode>;
  action: Field<'open' | 'close'>;
  loggedIn: Field<boolean>;
}

/** §4 Open/Close tabs decide the position mode; §2.10 the submit area decides the login state (T14). */
export function readModes(root: Element, ctx: FormContext): ModeReading {
  const { labels, visible } = ctx;
  const tabs = visibleAll(root, HOOKS.hedgeTabs, visible);
  let positionMode: Field<PositionMode>;
  let action: Field<'open' | 'close'>;
  if (tabs.length === 0) {
    positionMode = readField('oneWay');
    action = readField('open');
  } else {
    positionMode = readField('hedge');
    const selected = exactlyOne(tabs.filter((t) => t.getAttribute('aria-selected') === 'true'));
    const text = selected.kind === 'one' ? textOf(selected.item) : '';
    if (text === labels.open) action = readField('open', text);
    else if (text === labels.close) action = readField('close', text);
    else action = ambiguous('cannot tell whether the Open or the Close tab is selected', text || undefined);
  }

  const submitTexts = new Set([...labels.oneWayButtons, ...labels.hedgeOpenButtons, ...labels.hedgeCloseButtons]);
  const loggedOutTexts = new Set(labels.loggedOutButtons);
  const buttonTexts = visibleAll(root, HOOKS.button, visible).map(textOf);
  const submits = buttonTexts.filter((t) => submitTexts.has(t));
  const logins = buttonTexts.filter((t) => loggedOutTexts.has(t));
  let loggedIn: Field<boolean>;
  if (submits.length > 0 && logins.length === 0) loggedIn = readField(true, submits.join(' / '));
  else if (logins.length > 0 && submits.length === 0) loggedIn = readField(false, logins.join(' / '));
  else if (submits.length === 0) loggedIn = missing('no order buttons found in the form');
  else loggedIn = ambiguous('the form shows both order and log-in buttons', [...submits, ...logins].join(' / '));

  // The submit labels must be the pair of the mode the tabs say (one-way, hedge Open, hedge Close).
  if (loggedIn.status === 'read' && loggedIn.value === true && action.status === 'read') {
    const expected =
      positionMode.value === 'oneWay'
        ? labels.oneWayButtons
        : action.value === 'open'
          ? labels.hedgeOpenButtons
          : labels.hedgeCloseButtons;
    const consistent = submits.length === 2 && expected.every((label) => submits.includes(label));
    if (!consistent) {
      const why = `order buttons "${submits.join(' / ')}" do not match the form's mode`;
      positionMode = ambiguous(why);
      action = ambiguous(why);
    }
  }
  return { positionMode, action, loggedIn };
}

/** An input found by its S id prefix, else by its localised aria-label, then placeholder (§2.5, §2.6). */
function findInput(root: Element, ctx: FormContext, idSelector: string, label: string): Element[] {
  const byId = visibleAll(root, idSelector, ctx.visible);
  if (byId.length > 0) return byId;
  const inputs = visibleAll(root, 'input', ctx.visible);
  const byAria = inputs.filter((i) => i.getAttribute('aria-label') === label);
  return byAria.length > 0 ? byAria : inputs.filter((i) => i.getAttribute('placeholder') === label);
}

function inputValue(el: Element): string {
  return (el as HTMLInputElement).value.trim();
}

export function readPrice(root: Element, ctx: FormContext, orderType: Field<OrderType>): Field<NumText> {
  if (orderType.status === 'read' && orderType.value === 'market') return missing('market order: mark price used');
  const input = exactlyOne(findInput(root, ctx, HOOKS.priceInput, ctx.labels.price));
  if (input.kind === 'none') return missing('price input not found');
  if (input.kind === 'many') return ambiguous(`${input.count} price inputs in the form`);
  const text = inputValue(input.item);
  return text === '' ? missing('price is empty', text) : readField({ text, grouped: false }, text);
}

export interface QuantityReading {
  quantity: Field<NumText>;
  unit: Field<QuantityUnit>;
  /** The qty suffix text (base or quote asset), when read; used for the symbol check (§2.1). */
  suffix: string | null;
}

/** §2.6: the qty input value and the unit from `.bn-input-suffix` in its wrapper; `25%` is percent. */
export function readQuantity(root: Element, ctx: FormContext): QuantityReading {
  const input = exactlyOne(findInput(root, ctx, HOOKS.qtyInput, ctx.labels.size));
  if (input.kind !== 'one') {
    const why = input.kind === 'none' ? 'size input not found' : `${input.count} size inputs in the form`;
    return { quantity: missing(why), unit: missing(why), suffix: null };
  }
  const wrapper = input.item.closest(HOOKS.qtyWrapper);
  const suffixes = wrapper !== null && root.contains(wrapper) ? visibleAll(wrapper, HOOKS.unitSuffix, ctx.visible) : [];
  const suffixOne = exactlyOne(suffixes);
  const suffix = suffixOne.kind === 'one' ? textOf(suffixOne.item) : null;

  const text = inputValue(input.item);
  const isPercent = text.endsWith('%');
  let unit: Field<QuantityUnit>;
  if (isPercent) unit = readField('percent', text);
  else if (suffix === null) unit = suffixOne.kind === 'many' ? ambiguous('several size units shown') : missing('size unit not found');
  else if (suffix === ctx.baseAsset) unit = readField('base', suffix);
  else if (suffix === ctx.quoteAsset) unit = readField('quote', suffix);
  else unit = ambiguous(`size unit "${suffix}" is neither the base nor the quote asset`, suffix);

  const number = isPercent ? text.slice(0, -1).trim() : text;
  const quantity: Field<NumText> =
    number === '' ? missing('size is empty', text) : readField({ text: number, grouped: false }, text);
  return { quantity, unit, suffix };
}

export interface LeverageReading {
  leverage: Field<string>;
  marginMode: Field<MarginMode>;
  button: Element | null;
}

/** §2.8 text of a combined button, e.g. `Cross 20x` → cross, '20'. */
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
    const why = one.kind === 'none' ? 'leverage button not found' : `${one.count} leverage buttons in the form`;
    const f = one.kind === 'none' ? missing<never>(why) : ambiguous<never>(why);
    return { leverage: f, marginMode: f, button: null };
  }
  const text = textOf(one.item);
  const parsed = parseLeverageBadge(text) as { mode: MarginMode; leverage: string };
  return { leverage: readField(parsed.leverage, text), marginMode: readField(parsed.mode, text), button: one.item };
}

/** §2.8: the `S` / `M` / `PM` button beside the leverage button (absent when logged out). */
export function readAssetMode(leverageButton: Element | null, ctx: FormContext, loggedIn: Field<boolean>): Field<AssetMode> {
  const parent = leverageButton?.parentElement;
  if (leverageButton === null || parent == null) return missing('leverage button not found');
  const buttons = visibleChildren(parent, ctx.visible).filter(
    (el) => el !== leverageButton && el.matches(HOOKS.button) && textOf(el) in ASSET_MODES,
  );
  const one = exactlyOne(buttons);
  if (one.kind === 'many') return ambiguous(`${one.count} asset-mode buttons`);
  if (one.kind === 'none') {
    return missing(loggedIn.value === false ? 'log in to see the asset mode' : 'asset-mode button not found');
  }
  const text = textOf(one.item);
  return readField(ASSET_MODES[text] as AssetMode, text);
}

/** §2.9: TP / SL inputs, present only while the TP/SL box is checked. */
export function readTpSl(root: Element, ctx: FormContext): { takeProfit: Field<NumText>; stopLoss: Field<NumText> } {
  const box = exactlyOne(visibleAll(root, HOOKS.checkbox, ctx.visible).filter((el) => textOf(el) === ctx.labels.tpslCheckbox));
  if (box.kind !== 'one') {
    const f = box.kind === 'none' ? missing<NumText>('TP/SL box not found') : ambiguous<NumText>('several TP/SL boxes');
    return { takeProfit: f, stopLoss: f };
  }
  if (box.item.getAttribute('aria-checked') !== 'true') {
    const off = missing<NumText>('TP/SL not set');
    return { takeProfit: off, stopLoss: off };
  }
  const byLabel = (label: string): Field<NumText> => {
    const input = exactlyOne(visibleAll(root, 'input', ctx.visible).filter((i) => i.getAttribute('aria-label') === label));
    if (input.kind === 'none') return missing(`${label} input not found`);
    if (input.kind === 'many') return ambiguous(`${input.count} ${label} inputs`);
    const text = inputValue(input.item);
    return text === '' ? missing(`${label} not set`, text) : readField({ text, grouped: false }, text);
  };
  return { takeProfit: byLabel(ctx.labels.takeProfit), stopLoss: byLabel(ctx.labels.stopLoss) };
}

/** `--`: logged out (T14), or, logged in, not loaded yet (T4) or not known to the page. */
export function notShownWhy(what: string, loggedIn: Field<boolean>): string {
  return loggedIn.status === 'read' && loggedIn.value === false ? `log in to see ${what}` : `the page shows no ${what} yet (--)`;
}

/** An amount with a unit, e.g. `8,000.00 USDT`, or `--`. */
export function parseAmount(text: string): { num: NumText; unit: string } | null {
  const m = AMOUNT_WITH_UNIT_RE.exec(text);
  return m === null ? null : { num: { text: m[1] as string, grouped: true }, unit: m[2] as string };
}

/** §2.11 "Avbl" (P1 pair in the root), in the quote asset. */
export function readAvailable(root: Element, ctx: FormContext, loggedIn: Field<boolean>): Field<NumText> {
  const label = ctx.labels.available;
  const pair = exactlyOne(labelValuePairs(root, new Set([label]), ctx.visible));
  if (pair.kind === 'none') return missing(loggedIn.value === false ? 'log in to see Avbl' : `${label} not found`);
  if (pair.kind === 'many') return ambiguous(`${pair.count} ${label} values in the form`);
  const text = pair.item.value;
  if (text === MISSING_VALUE) return missing(notShownWhy(label, loggedIn), text);
  const amount = parseAmount(text);
  if (amount === null) return ambiguous(`cannot read ${label} "${text}"`, text);
  if (amount.unit !== ctx.quoteAsset) return ambiguous(`${label} is in ${amount.unit}, not ${ctx.quoteAsset}`, text);
  return readField(amount.num, text);
}

export type MaxAmount = { num: NumText; unit: 'base' | 'quote' };

/** §2.11 max openable / closeable, in the current qty unit (the background converts it to base at the mark). */
export function readMax(root: Element, ctx: FormContext, selector: string, loggedIn: Field<boolean>): Field<MaxAmount> {
  const el = exactlyOne(visibleAll(root, selector, ctx.visible));
  if (el.kind === 'none') return missing(loggedIn.value === false ? 'log in to see Max' : 'Max not found');
  if (el.kind === 'many') return ambiguous(`${el.count} Max values for one side`);
  const text = textOf(el.item);
  if (text === MISSING_VALUE) return missing(notShownWhy('Max', loggedIn), text);
  const amount = parseAmount(text);
  if (amount === null) return ambiguous(`cannot read Max "${text}"`, text);
  if (amount.unit === ctx.baseAsset) return readField({ num: amount.num, unit: 'base' }, text);
  if (amount.unit === ctx.quoteAsset) return readField({ num: amount.num, unit: 'quote' }, text);
  return ambiguous(`Max is in ${amount.unit}`, text);
}
