/**
 * The one message protocol between the extension's contexts. Message types are named by direction
 * (Dark Reader style): `cs-bg-*` is sent by the content script to the background, `ui-bg-*` by the
 * extension's own pages (pop-up, options). Only JSON primitives cross the boundary (Chrome
 * JSON-serialises, Firefox structured-clones: they differ on anything else); decimals are strings.
 *
 * Every payload is untrusted until its guard accepts it: a compromised renderer can send anything.
 */
import type { Evaluation } from '../engine/evaluation.ts';
import type { FormSnapshot, PositionRow } from '../adapters/types.ts';
import type { Settings, SettingsPatch, SettingsFieldError } from './settings.ts';
import { isSettingsPatchShape } from './settings.ts';

export const CsToBg = {
  evaluate: 'cs-bg-evaluate',
  panelGet: 'cs-bg-panel-get',
  panelSet: 'cs-bg-panel-set',
} as const;

export const UiToBg = {
  settingsGet: 'ui-bg-settings-get',
  settingsSet: 'ui-bg-settings-set',
  statusGet: 'ui-bg-status-get',
} as const;

export type CsToBgType = (typeof CsToBg)[keyof typeof CsToBg];
export type UiToBgType = (typeof UiToBg)[keyof typeof UiToBg];
export type MessageType = CsToBgType | UiToBgType;

/** What the panel needs from settings; the content script never sees the rest. */
export interface PanelState {
  collapsed: boolean;
  preSubmitCheck: boolean;
}

/** Evaluate result: the engine's figures, or why there are none (e.g. the form is not readable). */
export type EvaluateResult = { evaluation: Evaluation } | { unavailable: string };

/** What the background remembers per tab (storage.session) for the pop-up. */
export interface TabStatus {
  /** Page URL the last snapshot came from. */
  url: string;
  symbol: string | null;
  /** Epoch milliseconds. */
  updatedAt: number;
  result: EvaluateResult;
}

/** Message payloads and responses, per type. Every response may instead be a RouterError. */
export interface Protocol {
  'cs-bg-evaluate': { request: { type: 'cs-bg-evaluate'; snapshot: FormSnapshot }; response: EvaluateResult };
  'cs-bg-panel-get': { request: { type: 'cs-bg-panel-get' }; response: { panel: PanelState } };
  'cs-bg-panel-set': { request: { type: 'cs-bg-panel-set'; collapsed: boolean }; response: { panel: PanelState } };
  'ui-bg-settings-get': {
    request: { type: 'ui-bg-settings-get' };
    /** notice: set when stored settings were unreadable and defaults are in use (until the next save). */
    response: { settings: Settings; notice: string | null };
  };
  'ui-bg-settings-set': {
    request: { type: 'ui-bg-settings-set'; patch: SettingsPatch };
    response: { settings: Settings; notice: string | null } | { invalid: SettingsFieldError[] };
  };
  'ui-bg-status-get': { request: { type: 'ui-bg-status-get'; tabId: number }; response: { status: TabStatus | null } };
}

export type Request<T extends MessageType = MessageType> = Protocol[T]['request'];
export type Response<T extends MessageType> = Protocol[T]['response'];

/** The router's answer when it refuses a message; it never throws at the sender. */
export interface RouterError {
  error: string;
}

export function isRouterError(value: unknown): value is RouterError {
  return isRecord(value) && typeof value.error === 'string';
}

export const CS_TO_BG_TYPES: ReadonlySet<string> = new Set(Object.values(CsToBg));
export const UI_TO_BG_TYPES: ReadonlySet<string> = new Set(Object.values(UiToBg));

// ---------------------------------------------------------------------------------------------
// Validation: each guard returns null when valid, or the first problem as "path: what is wrong".

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

const positionRow: ValueCheck = object({
  symbol: symbolText,
  side: oneOf('long', 'short'),
  size: unsignedDecimal,
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
  maxBuy: field(unsignedDecimal),
  maxSell: field(unsignedDecimal),
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

export function isMessageType(value: unknown): value is MessageType {
  return typeof value === 'string' && (CS_TO_BG_TYPES.has(value) || UI_TO_BG_TYPES.has(value));
}

/** Checks a whole request (type and every payload field); null when valid. */
export function requestProblem(message: unknown): Problem {
  if (!isRecord(message)) return 'message: expected an object';
  if (!isMessageType(message.type)) return 'message.type: unknown message type';
  return object({ type: () => null, ...REQUEST_SHAPES[message.type] })(message, 'message');
}
