/**
 * Payload guards for the contracts: every message payload, and everything read back from storage,
 * is untrusted until its guard accepts it (a compromised renderer can send anything, and storage may
 * hold what another version wrote). Used by the background; kept out of messages.ts so the content
 * script, which only sends, does not carry them.
 */
import { LIMIT_KEYS, type CalculatorInput, type FigureKey, type InputUsed, type LimitCheck, type ModeFigures, type PnlPoint, type StressPoint } from './evaluation.ts';
import { isMessageType, type MessageType } from './messages.ts';
import { ITEMS, LIMIT_PARAMS, NUMBER_PARAMS, REASON_PARAMS, REASON_PARAM_NAMES, ITEM_PARAMS } from './reasons.ts';
import type { FormSnapshot, PositionRow, SizeAmount } from './snapshot.ts';
import { isSettingsPatchShape } from '../shared/settings.ts';
import { isVenueId } from '../venues/registry.ts';

/** Each guard returns null when valid, or the first problem as "path: what is wrong". */
export type Problem = string | null;

const MAX_TEXT = 2_000;
const MAX_PARAM_TEXT = 500;
const MAX_POSITIONS = 500;
const MAX_LIST = 200;
const MAX_REASON_DEPTH = 4;
/** Plain decimal: digits, optional fraction; no exponent, sign, grouping or locale marks. */
const UNSIGNED_DECIMAL = /^\d{1,40}(\.\d{1,40})?$/;
const SIGNED_DECIMAL = /^-?\d{1,40}(\.\d{1,40})?$/;
/** Engine figures: exact decimals, which may carry more fraction digits than page numbers. */
const FIGURE_DECIMAL = /^-?\d{1,60}(\.\d{1,90})?$/;
/** Exchange symbols and assets: letters (any script, e.g. 币安人生USDT), digits, underscore, '-', ':'. */
const SYMBOL = /^[\p{L}\p{N}][\p{L}\p{N}_:-]{0,39}$/u;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unexpectedKey(value: Record<string, unknown>, allowed: readonly string[], path: string): Problem {
  const extra = Object.keys(value).find((key) => !allowed.includes(key));
  return extra === undefined ? null : `${path}.${extra}: unexpected field`;
}

function textOf(limit: number): ValueCheck {
  return (value, path) => {
    if (typeof value !== 'string') return `${path}: expected a string`;
    return value.length <= limit ? null : `${path}: longer than ${limit} characters`;
  };
}
const text = textOf(MAX_TEXT);

type ValueCheck = (value: unknown, path: string) => Problem;

const pattern =
  (re: RegExp, what: string): ValueCheck =>
  (v, path) =>
    typeof v === 'string' && re.test(v) ? null : `${path}: expected ${what}`;
const unsignedDecimal = pattern(UNSIGNED_DECIMAL, 'a plain non-negative decimal string');
const signedDecimal = pattern(SIGNED_DECIMAL, 'a plain decimal string');
const figureDecimal = pattern(FIGURE_DECIMAL, 'a plain decimal string');
const symbolText = pattern(SYMBOL, 'a symbol (letters, digits, _ - :)');
const boolean: ValueCheck = (v, path) => (typeof v === 'boolean' ? null : `${path}: expected a boolean`);
const literalTrue: ValueCheck = (v, path) => (v === true ? null : `${path}: expected true`);
const oneOf =
  (...allowed: readonly string[]): ValueCheck =>
  (v, path) =>
    typeof v === 'string' && allowed.includes(v) ? null : `${path}: expected one of ${allowed.join(', ')}`;
const venueId: ValueCheck = (v, path) => (isVenueId(v) ? null : `${path}: not a supported venue`);
const count: ValueCheck = (v, path) =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= 1_000_000 ? null : `${path}: expected a count`;

function optional(check: ValueCheck): ValueCheck {
  return (v, path) => (v === undefined ? null : check(v, path));
}

function nullable(check: ValueCheck): ValueCheck {
  return (v, path) => (v === null ? null : check(v, path));
}

function listOf(check: ValueCheck, max = MAX_LIST): ValueCheck {
  return (v, path) => {
    if (!Array.isArray(v)) return `${path}: expected an array`;
    if (v.length > max) return `${path}: more than ${max} entries`;
    for (const [i, item] of v.entries()) {
      const problem = check(item, `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  };
}

function object(shape: Record<string, ValueCheck>): ValueCheck {
  const keys = Object.keys(shape);
  return (v, path) => {
    if (!isRecord(v)) return `${path}: expected an object`;
    const extra = unexpectedKey(v, keys, path);
    if (extra) return extra;
    for (const key of keys) {
      const problem = shape[key]!(v[key], `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  };
}

/** A reason: a known code and exactly its parameters, each of its kind; nested reasons to a bounded depth. */
function reasonAt(depth: number): ValueCheck {
  return (v, path) => {
    if (!isRecord(v)) return `${path}: expected a reason`;
    const extra = unexpectedKey(v, ['code', 'params'], path);
    if (extra) return extra;
    const { code, params } = v;
    if (typeof code !== 'string' || !Object.hasOwn(REASON_PARAMS, code)) return `${path}.code: unknown reason code`;
    if (!isRecord(params)) return `${path}.params: expected an object`;
    const names: readonly string[] = REASON_PARAMS[code as keyof typeof REASON_PARAMS];
    const keyProblem = unexpectedKey(params, names, `${path}.params`);
    if (keyProblem) return keyProblem;
    for (const name of names) {
      const value = params[name];
      const at = `${path}.params.${name}`;
      if (value === undefined) return `${at}: missing`;
      let problem: Problem;
      if (REASON_PARAM_NAMES.has(name)) problem = depth > 0 ? reasonAt(depth - 1)(value, at) : `${at}: nested too deep`;
      else if (ITEM_PARAMS.has(name)) problem = (ITEMS as readonly string[]).includes(value as string) ? null : `${at}: unknown item`;
      else if (LIMIT_PARAMS.has(name)) problem = (LIMIT_KEYS as readonly string[]).includes(value as string) ? null : `${at}: unknown limit`;
      else if (NUMBER_PARAMS.has(name)) problem = count(value, at);
      else problem = textOf(MAX_PARAM_TEXT)(value, at);
      if (problem) return problem;
    }
    return null;
  };
}
export const reasonCheck: ValueCheck = reasonAt(MAX_REASON_DEPTH);

const FIELD_STATUSES = ['read', 'missing', 'ambiguous', 'unsupported'] as const;

/** A snapshot Field: a known status; a value exactly when read, and a valid one; optional raw text and reason. */
function field(check: ValueCheck): ValueCheck {
  return (v, path) => {
    if (!isRecord(v)) return `${path}: expected a field object`;
    const problem =
      unexpectedKey(v, ['status', 'value', 'raw', 'why'], path) ??
      oneOf(...FIELD_STATUSES)(v.status, `${path}.status`) ??
      (v.raw === undefined ? null : text(v.raw, `${path}.raw`)) ??
      (v.why === undefined ? null : reasonCheck(v.why, `${path}.why`));
    if (problem) return problem;
    if (v.status === 'read') return 'value' in v ? check(v.value, `${path}.value`) : `${path}.value: missing for a read field`;
    return 'value' in v ? `${path}.value: present although status is ${String(v.status)}` : null;
  };
}

const sizeUnit = oneOf('base', 'quote', 'contracts');
const side = oneOf('long', 'short');
const mode = oneOf('isolated', 'cross');

const sizeAmount: ValueCheck = object({
  amount: unsignedDecimal,
  unit: sizeUnit,
} satisfies Record<keyof SizeAmount, ValueCheck>);

const positionRow: ValueCheck = object({
  symbol: symbolText,
  quoteAsset: symbolText,
  side,
  size: unsignedDecimal,
  sizeUnit,
  entryPrice: unsignedDecimal,
  markPrice: unsignedDecimal,
  marginMode: mode,
  leverage: unsignedDecimal,
  margin: optional(unsignedDecimal),
  exchangeLiquidationPrice: optional(nullable(unsignedDecimal)),
} satisfies Record<keyof PositionRow, ValueCheck>);

const positionList = listOf(positionRow, MAX_POSITIONS);

const url: ValueCheck = (v, path) => {
  const problem = text(v, path);
  if (problem) return problem;
  try {
    new URL(v as string);
    return null;
  } catch {
    return `${path}: not a URL`;
  }
};

const formSnapshot: ValueCheck = object({
  venue: venueId,
  url,
  form: field(literalTrue),
  symbol: field(symbolText),
  baseAsset: field(symbolText),
  quoteAsset: field(symbolText),
  loggedIn: field(boolean),
  sides: field((v, path) =>
    Array.isArray(v) && v.length >= 1 && v.length <= 2 && new Set(v).size === v.length ? listOf(side, 2)(v, path) : `${path}: expected one or both sides`,
  ),
  positionMode: field(oneOf('oneWay', 'hedge')),
  action: field(oneOf('open', 'close')),
  assetMode: field(oneOf('single', 'multi', 'portfolio', 'unified')),
  orderType: field(oneOf('limit', 'market')),
  price: field(unsignedDecimal),
  quantity: field(unsignedDecimal),
  quantityUnit: field(oneOf('base', 'quote', 'percent', 'contracts', 'cost')),
  leverage: field(unsignedDecimal),
  marginMode: field(mode),
  takeProfit: field(unsignedDecimal),
  stopLoss: field(unsignedDecimal),
  reduceOnly: field(boolean),
  available: field(unsignedDecimal),
  maxBuy: field(sizeAmount),
  maxSell: field(sizeAmount),
  walletBalance: field(unsignedDecimal),
  marginBalance: field(signedDecimal),
  maintenanceMargin: field(unsignedDecimal),
  unrealizedPnl: field(signedDecimal),
  marginRatio: field(unsignedDecimal),
  markPrice: field(unsignedDecimal),
  fundingRate: field(signedDecimal),
  ownPositions: field(positionList),
  otherPositions: field(positionList),
} satisfies Record<keyof FormSnapshot, ValueCheck>);

/** Checks every field of a FormSnapshot; null when valid. */
export function snapshotProblem(value: unknown): Problem {
  return formSnapshot(value, 'snapshot');
}

// --- the Evaluation, as read back from session storage -----------------------------------

const figure: ValueCheck = (v, path) => {
  if (!isRecord(v)) return `${path}: expected a figure`;
  if (v.kind === 'value') return object({ kind: () => null, value: figureDecimal, display: optional(textOf(100)), note: optional(reasonCheck) })(v, path);
  if (v.kind === 'none' || v.kind === 'unavailable') return object({ kind: () => null, reason: reasonCheck })(v, path);
  return `${path}.kind: expected value, none or unavailable`;
};

const FIGURE_KEYS: Record<FigureKey, true> = {
  liquidationPrice: true, bankruptcyPrice: true, liquidationDistancePct: true, initialMargin: true, maintenanceMargin: true,
  maintenanceRate: true, tier: true, openFee: true, closeFee: true, liquidationFee: true, worstCaseLoss: true,
  worstCaseLossPct: true, stopLossLoss: true, stopBeyondLiquidation: true, marginRatio: true, maxSizeWithinLimits: true,
  stopBufferPct: true, fundingCarry: true, accountLiquidationMovePct: true,
};

const tierFigure: ValueCheck = (v, path) =>
  isRecord(v) && v.kind === 'value' ? object({ kind: () => null, value: textOf(40), display: optional(textOf(100)) })(v, path) : figure(v, path);


const limitCheck: ValueCheck = object({
  limit: oneOf(...LIMIT_KEYS),
  status: oneOf('pass', 'fail', 'unchecked'),
  reason: reasonCheck,
} satisfies Record<keyof LimitCheck, ValueCheck>);

const stressPoint: ValueCheck = object({
  movePct: figureDecimal,
  equity: figureDecimal,
  requirement: figureDecimal,
  marginRatioPct: nullable(figureDecimal),
  display: optional(object({ equity: textOf(100), requirement: textOf(100), marginRatioPct: nullable(textOf(100)) })),
} satisfies Record<keyof StressPoint, ValueCheck>);

const pnlPoint: ValueCheck = object({ price: figureDecimal, pnl: figureDecimal } satisfies Record<keyof PnlPoint, ValueCheck>);

const modeFigures: ValueCheck = object({
  ...Object.fromEntries(Object.keys(FIGURE_KEYS).map((key) => [key, key === 'tier' ? tierFigure : figure])),
  stopWarning: nullable(reasonCheck),
  limits: listOf(limitCheck, LIMIT_KEYS.length),
  stress: listOf(stressPoint, 64),
  pnl: listOf(pnlPoint, 16),
} as unknown as Record<keyof ModeFigures, ValueCheck>);

const inputUsed: ValueCheck = object({
  item: (v, path) => ((ITEMS as readonly string[]).includes(v as string) ? null : `${path}: unknown item`),
  value: textOf(200),
  unit: optional(textOf(20)),
  source: oneOf('limitPrice', 'markForMarketOrder', 'orderForm', 'pageHeader', 'settings', 'bundledTable', 'assumption', 'accountPanel', 'positionsList', 'user'),
  pageText: optional(textOf(MAX_PARAM_TEXT)),
  provenance: optional(text),
  side: optional(side),
} satisfies Record<keyof InputUsed, ValueCheck>);

const evaluation: ValueCheck = object({
  symbol: symbolText,
  quoteAsset: symbolText,
  currentMode: optional(mode),
  sides: listOf(
    object({
      side,
      effect: nullable(oneOf('opens', 'adds', 'reduces', 'closes', 'flips')),
      resulting: nullable(object({ side, size: figureDecimal, entryPrice: figureDecimal })),
      axis: nullable(object({ low: figureDecimal, high: figureDecimal })),
      isolated: modeFigures,
      cross: modeFigures,
    }),
    2,
  ),
  inputs: listOf(inputUsed),
  assumptions: listOf(reasonCheck),
});

const evaluateResult: ValueCheck = (v, path) => {
  if (isRecord(v) && 'evaluation' in v) return object({ evaluation })(v, path);
  return object({ unavailable: listOf(reasonCheck, 20) })(v, path);
};

const tabStatus: ValueCheck = object({
  url,
  venue: venueId,
  symbol: nullable(symbolText),
  updatedAt: (v, path) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : `${path}: expected a time`),
  result: evaluateResult,
});

/** Checks a tab status read back from storage; null when it is one this version wrote. */
export function tabStatusProblem(value: unknown): Problem {
  return tabStatus(value, 'status');
}

// --- requests ------------------------------------------------------------------------------

const calculatorInput: ValueCheck = object({
  venue: venueId,
  symbol: symbolText,
  side,
  entryPrice: unsignedDecimal,
  markPrice: optional(unsignedDecimal),
  leverage: unsignedDecimal,
  size: optional(unsignedDecimal),
  margin: optional(unsignedDecimal),
  walletBalance: optional(signedDecimal),
  otherPositions: listOf(object({ symbol: symbolText, side, size: unsignedDecimal, entryPrice: unsignedDecimal, markPrice: unsignedDecimal }), 50),
  addedIsolatedMargin: optional(unsignedDecimal),
  maintenanceRatePct: optional(unsignedDecimal),
} satisfies Record<keyof CalculatorInput, ValueCheck>);

const tabId: ValueCheck = (v, path) =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? null : `${path}: expected a tab id`;

const settingsPatch: ValueCheck = (v, path) => (isSettingsPatchShape(v) ? null : `${path}: not a settings patch`);

/** Payload checks per message type (the `type` itself is checked by the router). */
const REQUEST_SHAPES: { [T in MessageType]: Record<string, ValueCheck> } = {
  'cs-bg-evaluate': { snapshot: formSnapshot },
  'cs-bg-panel-get': { venue: venueId },
  'cs-bg-panel-set': { venue: venueId, collapsed: boolean },
  'ui-bg-settings-get': {},
  'ui-bg-settings-set': { patch: settingsPatch },
  'ui-bg-status-get': { tabId: nullable(tabId) },
  'ui-bg-calculate': { input: calculatorInput },
};

/** Checks a whole request (type and every payload field); null when valid. */
export function requestProblem(message: unknown): Problem {
  if (!isRecord(message)) return 'message: expected an object';
  if (!isMessageType(message.type)) return 'message.type: unknown message type';
  return object({ type: () => null, ...REQUEST_SHAPES[message.type] })(message, 'message');
}
