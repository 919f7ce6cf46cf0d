/**
 * The one message protocol between the extension's contexts. Message types are named by direction
 * (Dark Reader style): `cs-bg-*` is sent by the content script to the background, `ui-bg-*` by the
 * extension's own pages (pop-up, options). Only JSON primitives cross the boundary (Chrome
 * JSON-serialises, Firefox structured-clones: they differ on anything else); decimals are strings.
 *
 * Types and message names only: the content script imports this module, so it stays free of the
 * payload guards (protocol-validation.ts, background side) and of everything they import.
 */
import type { CalculatorFieldError, CalculatorInput, CalculatorResult, Evaluation } from './evaluation.ts';
import type { Reason } from './reasons.ts';
import type { FormSnapshot } from './snapshot.ts';
import type { PreSubmitCheck, Settings, SettingsPatch, SettingsFieldError, Theme } from '../shared/settings.ts';
import type { VenueId } from '../venues/registry.ts';

export const CsToBg = {
  evaluate: 'cs-bg-evaluate',
  panelGet: 'cs-bg-panel-get',
  panelSet: 'cs-bg-panel-set',
} as const;

export const UiToBg = {
  settingsGet: 'ui-bg-settings-get',
  settingsSet: 'ui-bg-settings-set',
  statusGet: 'ui-bg-status-get',
  calculate: 'ui-bg-calculate',
} as const;

export type CsToBgType = (typeof CsToBg)[keyof typeof CsToBg];
export type UiToBgType = (typeof UiToBg)[keyof typeof UiToBg];
export type MessageType = CsToBgType | UiToBgType;

/** What the panel needs from settings; the content script never sees the rest. */
export interface PanelState {
  collapsed: boolean;
  preSubmitCheck: PreSubmitCheck;
  theme: Theme;
  /** Whether Margin Lens runs on this venue's pages (options: per-venue on/off). */
  enabled: boolean;
  /** The corrupted-settings notice, shown on the panel too until the user saves from the options page. */
  notice: Reason | null;
}

/** Evaluate result: the engine's figures, or why there are none (e.g. the form is not readable), each reason once. */
export type EvaluateResult = { evaluation: Evaluation } | { unavailable: Reason[] };

/** What the background remembers per tab (storage.session) for the pop-up. */
export interface TabStatus {
  /** Page URL the last snapshot came from. */
  url: string;
  venue: VenueId;
  symbol: string | null;
  /** Epoch milliseconds. */
  updatedAt: number;
  result: EvaluateResult;
}

/** Message payloads and responses, per type. Every response may instead be a RouterError. */
export interface Protocol {
  'cs-bg-evaluate': { request: { type: 'cs-bg-evaluate'; snapshot: FormSnapshot }; response: EvaluateResult };
  'cs-bg-panel-get': { request: { type: 'cs-bg-panel-get'; venue: VenueId }; response: { panel: PanelState } };
  'cs-bg-panel-set': { request: { type: 'cs-bg-panel-set'; venue: VenueId; collapsed: boolean }; response: { panel: PanelState } };
  'ui-bg-settings-get': {
    request: { type: 'ui-bg-settings-get' };
    /** notice: set when stored settings were unreadable and defaults are in use (until the next save). */
    response: { settings: Settings; notice: Reason | null };
  };
  'ui-bg-settings-set': {
    request: { type: 'ui-bg-settings-set'; patch: SettingsPatch };
    response: { settings: Settings; notice: Reason | null } | { invalid: SettingsFieldError[] };
  };
  'ui-bg-calculate': {
    request: { type: 'ui-bg-calculate'; input: CalculatorInput };
    response: CalculatorResult | { invalid: CalculatorFieldError[] };
  };
  'ui-bg-status-get': {
    /** tabId null: no tab to ask about (the answer still carries the settings notice). */
    request: { type: 'ui-bg-status-get'; tabId: number | null };
    response: { status: TabStatus | null; notice: Reason | null };
  };
}

export type Request<T extends MessageType = MessageType> = Protocol[T]['request'];
export type Response<T extends MessageType> = Protocol[T]['response'];

/**
 * The router's answer when it refuses or fails a message; it never throws at the sender. `error` is a
 * technical detail for the log and the UI's "the extension did not answer (…)"; never a sentence to translate.
 */
export interface RouterError {
  error: string;
}

export function isRouterError(value: unknown): value is RouterError {
  return typeof value === 'object' && value !== null && typeof (value as { error?: unknown }).error === 'string';
}

export const CS_TO_BG_TYPES: ReadonlySet<string> = new Set(Object.values(CsToBg));
export const UI_TO_BG_TYPES: ReadonlySet<string> = new Set(Object.values(UiToBg));

export function isMessageType(value: unknown): value is MessageType {
  return typeof value === 'string' && (CS_TO_BG_TYPES.has(value) || UI_TO_BG_TYPES.has(value));
}
