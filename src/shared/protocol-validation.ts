/**
 * Payload guards for the protocol (protocol.ts): every payload is untrusted until its guard accepts
 * it, since a compromised renderer can send anything. Used by the background router; kept out of
 * protocol.ts so the content script, which only sends, does not carry them.
 */
import type { FormSnapshot, PositionRow, SizeAmount } from '../adapters/types.ts';
import { isMessageType, type MessageType } from './protocol.ts';
import { isSettingsPatchShape } from './settings.ts';

/** Each guard returns null when valid, or the first problem as "path: what is wrong". */
export type Problem = string | null;

const MAX_TEXT = 2_000;
const MAX_POSITIONS = 500;
/** Plain decimal: digits, optional fraction; no exponent, sign, grouping or locale marks. */
const UNSIGNED_DECIMAL = /^\d{1,40}(\.\d{1,40})?$/;
const SIGNED_DECIMAL = /^-?\d{1,40}(\.\d{1,40})?$/;
/** Exchange symbols and assets: letters (any script, e.g. 币安人生USDT), digits, underscore. */
const SYMBOL = /^[\p{L}\p{N}_]{1,40}$/u;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unexpectedKey(value: Record<string, unknown>, allowed: readonly string[], path: string): Problem {
  const extra = Object.keys(value).find((key) => !allowed.includes(key));
  return extra === undefined ? null : `${path}.${extra}: unexpected field`;
}

function text(value: unknown, path: string): Problem {
  if (typeof value !== 'string') return `${path}: expected a string`;
  return value.length <= MAX_TEXT ? null : `${path}: longer than ${MAX_TEXT} characters`;
}

type ValueCheck = (value: unknown, path: string) => Problem;

const unsignedDecimal: ValueCheck = (v, path) =>
  typeof v === 'string' && UNSIGNED_DECIMAL.test(v) ? null : `${path}: expected a plain non-negative decimal string`;
const signedDecimal: ValueCheck = (v, path) =>
  typeof v === 'string' && SIGNED_DECIMAL.test(v) ? null : `${path}: expected a plain decimal string`;
const symbolText: ValueCheck = (v, path) =>
  typeof v === 'string' && SYMBOL.test(v) ? null : `${path}: expected a symbol (letters, digits, _)`;
const boolean: ValueCheck = (v, path) => (typeof v === 'boolean' ? null : `${path}: expected a boolean`);
const literalTrue: ValueCheck = (v, path) => (v === true ? null : `${path}: expected true`);
const oneOf =
  (...allowed: readonly string[]): ValueCheck =>
  (v, path) =>
    typeof v === 'string' && allowed.includes(v) ? null : `${path}: expected one of ${allowed.join(', ')}`;

const FIELD_STATUSES = ['read', 'missing', 'ambiguous', 'unsupported'] as const;

/** A snapshot Field: a known status; a value exactly when read, and a valid one; optional raw/why text. */
function field(check: ValueCheck): ValueCheck {
  return (v, path) => {
    if (!isRecord(v)) return `${path}: expected a field object`;
    const problem =
      unexpectedKey(v, ['status', 'value', 'raw', 'why'], path) ??
      oneOf(...FIELD_STATUSES)(v.status, `${path}.status`) ??
      (v.raw === undefined ? null : text(v.raw, `${path}.raw`)) ??
      (v.why === undefined ? null : text(v.why, `${path}.why`));
    if (problem) return problem;
    if (v.status === 'read') return 'value' in v ? check(v.value, `${path}.value`) : `${path}.value: missing for a read field`;
    return 'value' in v ? `${path}.value: present although status is ${String(v.status)}` : null;
  };
}

function optional(check: ValueCheck): ValueCheck {
  return (v, path) => (v === undefined ? null : check(v, path));
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

const sizeUnit = oneOf('base', 'quote');

const sizeAmount: ValueCheck = object({
  amount: unsignedDecimal,
  unit: sizeUnit,
} satisfies Record<keyof SizeAmount, ValueCheck>);

const positionRow: ValueCheck = object({
  symbol: symbolText,
  side: oneOf('long', 'short'),
  size: unsignedDecimal,
  sizeUnit,
  entryPrice: unsignedDecimal,
  markPrice: unsignedDecimal,
  marginMode: oneOf('cross', 'isolated'),
  leverage: unsignedDecimal,
  margin: optional(unsignedDecimal),
  exchangeLiquidationPrice: optional((v, path) => (v === null ? null : unsignedDecimal(v, path))),
} satisfies Record<keyof PositionRow, ValueCheck>);

const positionList: ValueCheck = (v, path) => {
  if (!Array.isArray(v)) return `${path}: expected an array`;
  if (v.length > MAX_POSITIONS) return `${path}: more than ${MAX_POSITIONS} positions`;
  for (const [i, row] of v.entries()) {
    const problem = positionRow(row, `${path}[${i}]`);
    if (problem) return problem;
  }
  return null;
};

const snapshotUrl: ValueCheck = (v, path) => {
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
  venue: oneOf('binance-usdm'),
  url: snapshotUrl,
  form: field(literalTrue),
  symbol: field(symbolText),
  baseAsset: field(symbolText),
  quoteAsset: field(symbolText),
  loggedIn: field(boolean),
  positionMode: field(oneOf('oneWay', 'hedge')),
  action: field(oneOf('open', 'close')),
  assetMode: field(oneOf('single', 'multi', 'portfolio')),
  orderType: field(oneOf('limit', 'market')),
  price: field(unsignedDecimal),
  quantity: field(unsignedDecimal),
  quantityUnit: field(oneOf('base', 'quote', 'percent')),
  leverage: field(unsignedDecimal),
  marginMode: field(oneOf('cross', 'isolated')),
  takeProfit: field(unsignedDecimal),
  stopLoss: field(unsignedDecimal),
  available: field(unsignedDecimal),
  maxBuy: field(sizeAmount),
  maxSell: field(sizeAmount),
  walletBalance: field(unsignedDecimal),
  marginBalance: field(signedDecimal),
  maintenanceMargin: field(unsignedDecimal),
  unrealizedPnl: field(signedDecimal),
  marginRatio: field(unsignedDecimal),
  markPrice: field(unsignedDecimal),
  positions: field(positionList),
} satisfies Record<keyof FormSnapshot, ValueCheck>);

/** Checks every field of a FormSnapshot; null when valid. */
export function snapshotProblem(value: unknown): Problem {
  return formSnapshot(value, 'snapshot');
}

export function isFormSnapshot(value: unknown): value is FormSnapshot {
  return snapshotProblem(value) === null;
}

const tabId: ValueCheck = (v, path) =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? null : `${path}: expected a tab id`;

const settingsPatch: ValueCheck = (v, path) => (isSettingsPatchShape(v) ? null : `${path}: not a settings patch`);

/** Payload checks per message type (the `type` itself is checked by the router). */
const REQUEST_SHAPES: { [T in MessageType]: Record<string, ValueCheck> } = {
  'cs-bg-evaluate': { snapshot: formSnapshot },
  'cs-bg-panel-get': {},
  'cs-bg-panel-set': { collapsed: boolean },
  'ui-bg-settings-get': {},
  'ui-bg-settings-set': { patch: settingsPatch },
  'ui-bg-status-get': { tabId },
};

/** Checks a whole request (type and every payload field); null when valid. */
export function requestProblem(message: unknown): Problem {
  if (!isRecord(message)) return 'message: expected an object';
  if (!isMessageType(message.type)) return 'message.type: unknown message type';
  return object({ type: () => null, ...REQUEST_SHAPES[message.type] })(message, 'message');
}
