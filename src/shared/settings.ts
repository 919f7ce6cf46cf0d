/**
 * User settings: one schema (SETTING_SPECS, a key path and a rule per field), defaults, migrations,
 * validation and storage (storage.local). Rules:
 * - invalid user input is rejected with a reason per field and changes nothing;
 * - a stored value that cannot be read falls back to its default WITH a notice for every page the
 *   user looks at, and the unreadable data is kept in a list of backups (earlier ones are kept);
 * - keys this version does not know are kept through every write (a newer or older build may own them).
 * Per-venue fields are generated from the venue registry: shared code names no venue.
 */
import { D } from './decimal.ts';
import { NUMBER_LIMIT_KEYS, type NumberLimitKey, type RiskLimits } from '../contracts/evaluation.ts';
import { reason, type Reason } from '../contracts/reasons.ts';
import { VENUES, type VenueId } from '../venues/registry.ts';
import { NOTICE_KEY, SETTINGS_KEY } from './settings-key.ts';

export const SETTINGS_VERSION = 3;
export { NOTICE_KEY, SETTINGS_KEY };
export const BACKUPS_KEY = 'settingsBackups';
/** Version 1 kept a single backup under this key; it joins the list on the next problem. */
const LEGACY_BACKUP_KEY = 'settingsBackup';
/** How many backups of unreadable settings are kept (oldest dropped first). */
export const MAX_BACKUPS = 10;


export const PRE_SUBMIT_CHECKS = ['off', 'warn', 'confirm'] as const;
export type PreSubmitCheck = (typeof PRE_SUBMIT_CHECKS)[number];
export const THEMES = ['auto', 'dark', 'light'] as const;
export type Theme = (typeof THEMES)[number];
/** 'auto': by the figure's size (prices by their magnitude, money to 2 places); a number: that many decimals. */
export const FIGURE_DECIMALS = ['auto', '0', '1', '2', '3', '4', '5', '6', '7', '8'] as const;
export type FigureDecimals = (typeof FIGURE_DECIMALS)[number];

export interface VenueFees {
  /** Percent of notional (0.05 = 0.05 %), as the exchange's fee page shows it. */
  makerPct: string;
  takerPct: string;
}

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Decimal strings; null = no limit. Percentages as percent ("2" = 2 %). */
  limits: Record<NumberLimitKey, string | null> & { stopLossRequired: boolean };
  fees: Record<VenueId, VenueFees>;
  /** Per venue: whether Margin Lens runs on its pages. */
  venues: Record<VenueId, { enabled: boolean }>;
  /** Per venue: the maintenance rate (%) for symbols without a bundled tier table; null = the registry's assumption. */
  maintenance: Record<VenueId, { ratePct: string | null }>;
  /** Hours a position is held, for the funding carry. */
  fundingHoldHours: string;
  /** Before a click on the exchange's submit button: nothing, a red warning, or a confirm step. */
  preSubmitCheck: PreSubmitCheck;
  theme: Theme;
  figureDecimals: FigureDecimals;
  panelCollapsed: boolean;
}

export type SettingValue = string | boolean | null;

/** A settings change as the UI sends it: key path → value as typed ('' or null clears an optional number). */
export type SettingsPatch = Record<string, SettingValue>;

export interface SettingsFieldError {
  /** The key path, e.g. "limits.maxLoss" or "fees.<venue id>.takerPct". */
  field: string;
  reason: Reason;
}

export interface LoadedSettings {
  settings: Settings;
  /** Set when stored settings were unreadable and defaults replaced them; cleared by the next save from the options page. */
  notice: Reason | null;
}

/** The part of browser.storage.local / session this module uses (the polyfill and fakes fit it). */
export interface KeyValueArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// The schema.

export interface Range {
  min: string;
  max: string;
  /** Whether min / max themselves are allowed. */
  minIncluded: boolean;
  maxIncluded: boolean;
  integer?: boolean;
}

export type SettingSpec =
  | { kind: 'decimal'; path: string; defaultValue: string | null; range: Range }
  | { kind: 'boolean'; path: string; defaultValue: boolean }
  | { kind: 'choice'; path: string; defaultValue: string; choices: readonly string[] };

const PLAIN_INPUT = /^\d{1,20}(\.\d{1,20})?$/;
const MAX_INPUT = 64;

const decimal = (path: string, defaultValue: string | null, range: Range): SettingSpec => ({ kind: 'decimal', path, defaultValue, range });
const boolean = (path: string, defaultValue: boolean): SettingSpec => ({ kind: 'boolean', path, defaultValue });
const choice = (path: string, defaultValue: string, choices: readonly string[]): SettingSpec => ({ kind: 'choice', path, defaultValue, choices });
const FEE_RANGE: Range = { min: '0', max: '1', minIncluded: true, maxIncluded: true };
const PERCENT: Range = { min: '0', max: '100', minIncluded: false, maxIncluded: true };

export const SETTING_SPECS: readonly SettingSpec[] = [
  decimal('limits.maxLeverage', null, { min: '1', max: '200', minIncluded: true, maxIncluded: true, integer: true }),
  decimal('limits.maxLoss', null, { min: '0', max: '1000000000', minIncluded: false, maxIncluded: true }),
  decimal('limits.maxLossPct', null, PERCENT),
  decimal('limits.maxStopLossPct', null, PERCENT),
  decimal('limits.minLiquidationDistancePct', null, { min: '0', max: '100', minIncluded: false, maxIncluded: false }),
  boolean('limits.stopLossRequired', false),
  decimal('limits.minStopBufferPct', null, { min: '0', max: '100', minIncluded: false, maxIncluded: false }),
  decimal('limits.maxCrossExposure', null, { min: '0', max: '1000', minIncluded: false, maxIncluded: true }),
  ...VENUES.flatMap((venue) => [
    decimal(`fees.${venue.id}.makerPct`, venue.fees.makerPct, FEE_RANGE),
    decimal(`fees.${venue.id}.takerPct`, venue.fees.takerPct, FEE_RANGE),
    boolean(`venues.${venue.id}.enabled`, true),
    decimal(`maintenance.${venue.id}.ratePct`, null, { min: '0', max: '50', minIncluded: false, maxIncluded: true }),
  ]),
  decimal('fundingHoldHours', '8', { min: '0', max: '8760', minIncluded: false, maxIncluded: true }),
  choice('preSubmitCheck', 'warn', PRE_SUBMIT_CHECKS),
  choice('theme', 'auto', THEMES),
  choice('figureDecimals', 'auto', FIGURE_DECIMALS),
  boolean('panelCollapsed', false),
];

const SPEC_BY_PATH = new Map(SETTING_SPECS.map((spec) => [spec.path, spec]));

export function specFor(path: string): SettingSpec | undefined {
  return SPEC_BY_PATH.get(path);
}

type Tree = Record<string, unknown>;

function isRecord(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function getPath(tree: unknown, path: string): unknown {
  let node = tree;
  for (const part of path.split('.')) {
    if (!isRecord(node)) return undefined;
    node = node[part];
  }
  return node;
}

function setPath(tree: Tree, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = tree;
  for (const part of parts.slice(0, -1)) {
    if (!isRecord(node[part])) node[part] = {};
    node = node[part] as Tree;
  }
  node[parts[parts.length - 1] as string] = value;
}

/** A setting's current value by key path. */
export function settingAt(settings: Settings, path: string): SettingValue {
  return getPath(settings, path) as SettingValue;
}

function build(values: (spec: SettingSpec) => SettingValue): Settings {
  const tree: Tree = { version: SETTINGS_VERSION };
  for (const spec of SETTING_SPECS) setPath(tree, spec.path, values(spec));
  return tree as unknown as Settings;
}

export const DEFAULT_SETTINGS: Settings = build((spec) => spec.defaultValue);

function rangeReason(range: Range): Reason {
  return reason('setting.range', {
    min: range.min,
    max: range.max,
    minIncluded: range.minIncluded ? 'yes' : 'no',
    maxIncluded: range.maxIncluded ? 'yes' : 'no',
    integer: range.integer ? 'yes' : 'no',
  });
}

/** One value against its spec: the normalised value, or why not. Shared by user input and stored data. */
export function checkValue(spec: SettingSpec, input: unknown): { value: SettingValue } | { reason: Reason } {
  if (spec.kind === 'boolean') return typeof input === 'boolean' ? { value: input } : { reason: reason('setting.notBoolean') };
  if (spec.kind === 'choice') {
    return typeof input === 'string' && spec.choices.includes(input) ? { value: input } : { reason: reason('setting.notOneOf', { allowed: spec.choices.join(', ') }) };
  }
  if (input === null || (typeof input === 'string' && input.trim() === '')) {
    return spec.defaultValue === null ? { value: null } : { reason: rangeReason(spec.range) };
  }
  if (typeof input !== 'string' || input.length > MAX_INPUT || !PLAIN_INPUT.test(input.trim())) return { reason: reason('setting.notNumber') };
  const d = new D(input.trim());
  const { min, max, minIncluded, maxIncluded, integer } = spec.range;
  const inRange =
    (minIncluded ? d.gte(min) : d.gt(min)) && (maxIncluded ? d.lte(max) : d.lt(max)) && (!integer || d.isInteger());
  return inRange ? { value: d.toFixed() } : { reason: rangeReason(spec.range) };
}

// ---------------------------------------------------------------------------------------------
// Patches from the UI.

/** Structural check of a patch (known key paths, value types); the values are judged by applyPatch. */
export function isSettingsPatchShape(value: unknown): value is SettingsPatch {
  if (!isRecord(value)) return false;
  return Object.entries(value).every(([path, v]) => {
    const spec = SPEC_BY_PATH.get(path);
    if (!spec) return false;
    if (spec.kind === 'boolean') return typeof v === 'boolean';
    if (spec.kind === 'choice') return typeof v === 'string' && v.length <= MAX_INPUT;
    return v === null || (typeof v === 'string' && v.length <= MAX_INPUT);
  });
}

/** Applies a patch to settings; any invalid value rejects the whole patch (nothing changes). */
export function applyPatch(
  current: Settings,
  patch: SettingsPatch,
): { ok: true; settings: Settings } | { ok: false; errors: SettingsFieldError[] } {
  const errors: SettingsFieldError[] = [];
  const next = structuredClone(current) as unknown as Tree;
  for (const [path, input] of Object.entries(patch)) {
    const spec = SPEC_BY_PATH.get(path);
    if (!spec) {
      errors.push({ field: path, reason: reason('setting.unknown') });
      continue;
    }
    const result = checkValue(spec, input);
    if ('reason' in result) errors.push({ field: path, reason: result.reason });
    else setPath(next, path, result.value);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings: next as unknown as Settings };
}

// ---------------------------------------------------------------------------------------------
// Stored data: migration and field-by-field recovery.

/** MIGRATIONS[n] turns a version-n object into a version n+1 object. */
export type Migrations = Readonly<Record<number, (old: Tree) => Tree>>;

/** The venue each version-1 fee key stood for (version 1 had one venue, keyed by its rule). */
const V1_FEE_VENUES: Readonly<Record<string, VenueId>> = Object.fromEntries(VENUES.map((v) => [v.rule, v.id]));

export const MIGRATIONS: Migrations = {
  // Version 2: fees keyed by venue id, maker and taker.
  1: (old) => {
    const fees: Tree = {};
    const oldFees = isRecord(old.fees) ? old.fees : {};
    for (const [key, fee] of Object.entries(oldFees)) {
      const venue = V1_FEE_VENUES[key];
      const takerPct = isRecord(fee) ? fee.takerFeePct : undefined;
      if (venue && takerPct !== undefined) fees[venue] = { takerPct };
      else fees[key] = fee; // not ours to drop
    }
    return { ...old, fees };
  },
  // Version 3: the pre-submit check has three settings; "on" (which only warned) is "warn".
  2: (old) => (typeof old.preSubmitCheck === 'boolean' ? { ...old, preSubmitCheck: old.preSubmitCheck ? 'warn' : 'off' } : old),
};

/** Brings a stored object up to `target` (the current version) step by step; a problem when it cannot. */
export function migrate(raw: Tree, migrations: Migrations = MIGRATIONS, target: number = SETTINGS_VERSION): { value: Tree } | { problem: Reason } {
  const stored = raw.version;
  if (typeof stored !== 'number' || !Number.isInteger(stored) || stored < 1) return { problem: reason('settings.noVersion') };
  if (stored > target) return { problem: reason('settings.newer', { version: String(stored) }) };
  let value = raw;
  for (let version = stored; version < target; version++) {
    const step = migrations[version];
    if (!step) return { problem: reason('settings.noMigration', { version: String(version) }) };
    value = { ...step(value), version: version + 1 };
  }
  return { value };
}

/**
 * Reads stored settings field by field: a missing field takes its default silently (written by an
 * older schema); a present but invalid field takes its default and is reported.
 */
export function recoverSettings(
  raw: unknown,
  migrations: Migrations = MIGRATIONS,
): { settings: Settings; problem: Reason | null; migrated: Tree | null } {
  if (!isRecord(raw)) return { settings: structuredClone(DEFAULT_SETTINGS), problem: reason('settings.notObject'), migrated: null };
  const migrated = migrate(raw, migrations);
  if ('problem' in migrated) return { settings: structuredClone(DEFAULT_SETTINGS), problem: migrated.problem, migrated: null };
  const broken: string[] = [];
  const settings = build((spec) => {
    const stored = getPath(migrated.value, spec.path);
    if (stored === undefined) return spec.defaultValue;
    const result = checkValue(spec, stored);
    if ('value' in result) return result.value;
    broken.push(spec.path);
    return spec.defaultValue;
  });
  return { settings, problem: broken.length > 0 ? reason('settings.fields', { fields: broken.join(', ') }) : null, migrated: migrated.value };
}

/**
 * `settings` written over what is stored: keys this version does not know (at any depth) stay as
 * they are; every key it knows takes the new value.
 */
function keepUnknown(stored: unknown, settings: Settings): Tree {
  const merge = (old: unknown, fresh: unknown): unknown => {
    if (!isRecord(old) || !isRecord(fresh)) return fresh;
    const out: Tree = { ...old };
    for (const [key, value] of Object.entries(fresh)) out[key] = merge(old[key], value);
    return out;
  };
  return merge(stored, settings) as Tree;
}

interface Backup {
  savedAt: number;
  value: unknown;
  problem: Reason;
}

async function backUp(area: KeyValueArea, raw: unknown, problem: Reason, now: number): Promise<void> {
  const stored = await area.get([BACKUPS_KEY, LEGACY_BACKUP_KEY]);
  const list: unknown[] = Array.isArray(stored[BACKUPS_KEY]) ? [...(stored[BACKUPS_KEY] as unknown[])] : [];
  if (stored[LEGACY_BACKUP_KEY] !== undefined) list.unshift(stored[LEGACY_BACKUP_KEY]);
  const entry: Backup = { savedAt: now, value: raw, problem };
  list.push(entry);
  await area.set({ [BACKUPS_KEY]: list.slice(-MAX_BACKUPS) });
  if (stored[LEGACY_BACKUP_KEY] !== undefined) await area.remove(LEGACY_BACKUP_KEY);
}

function noticeOf(value: unknown): Reason | null {
  return isRecord(value) && typeof value.code === 'string' && isRecord(value.params) ? (value as unknown as Reason) : null;
}

/** Loads settings; unreadable data is backed up and replaced by defaults, with a notice stored for the UI. */
export async function loadSettings(area: KeyValueArea, migrations: Migrations = MIGRATIONS, now: () => number = Date.now): Promise<LoadedSettings> {
  const stored = await area.get([SETTINGS_KEY, NOTICE_KEY]);
  const storedNotice = noticeOf(stored[NOTICE_KEY]);
  const raw = stored[SETTINGS_KEY];
  if (raw === undefined) return { settings: structuredClone(DEFAULT_SETTINGS), notice: storedNotice };

  const { settings, problem, migrated } = recoverSettings(raw, migrations);
  if (problem === null) {
    // An older version's object is written back migrated (its own unknown keys kept).
    if (migrated && migrated.version !== (raw as Tree).version) await area.set({ [SETTINGS_KEY]: keepUnknown(migrated, settings) });
    return { settings, notice: storedNotice };
  }
  const notice = reason('settings.reset', { cause: problem });
  await backUp(area, raw, problem, now());
  // Only broken fields were reset: the rest of the object, unknown keys included, stays. Anything else is replaced.
  const next = migrated ? keepUnknown(migrated, settings) : settings;
  await area.set({ [SETTINGS_KEY]: next, [NOTICE_KEY]: notice });
  return { settings, notice };
}

/**
 * Validates and stores a patch. `acknowledgeNotice`: the user saved from the options page, where the
 * corrupted-store notice is shown, so it is cleared (a panel toggle elsewhere does not clear it).
 */
export async function saveSettings(
  area: KeyValueArea,
  current: Settings,
  patch: SettingsPatch,
  acknowledgeNotice: boolean,
): Promise<{ ok: true; settings: Settings } | { ok: false; errors: SettingsFieldError[] }> {
  const result = applyPatch(current, patch);
  if (!result.ok) return result;
  const stored = (await area.get([SETTINGS_KEY]))[SETTINGS_KEY];
  await area.set({ [SETTINGS_KEY]: keepUnknown(isRecord(stored) ? stored : {}, result.settings) });
  if (acknowledgeNotice) await area.remove(NOTICE_KEY);
  return result;
}

// ---------------------------------------------------------------------------------------------
// What the rest of the extension reads from settings.

/** The engine's RiskLimits (unset limits omitted). */
export function riskLimits(settings: Settings): RiskLimits {
  const limits: RiskLimits = {};
  for (const key of NUMBER_LIMIT_KEYS) {
    const value = settings.limits[key];
    if (value !== null) limits[key] = value;
  }
  if (settings.limits.stopLossRequired) limits.stopLossRequired = true;
  return limits;
}

/** A fee percent as a fraction of notional (0.05 % → "0.0005"), the unit OrderScenario uses. */
export function feeRate(pct: string): string {
  return new D(pct).div(100).toFixed();
}

// ---------------------------------------------------------------------------------------------
// Export and import (the options page). The export is the stored object itself: `{ version, …key paths }`.

export interface ImportReport {
  /** The valid values, as a patch to save. */
  patch: SettingsPatch;
  /** Key paths taken from the file. */
  kept: string[];
  /** Key paths the file had but that are invalid, each with why; they are not saved. */
  rejected: SettingsFieldError[];
}

/**
 * What an imported file would change: every known key path it holds, checked like user input after the
 * file is brought up to this version. A file that is no settings object at all is refused as a whole.
 */
export function importReport(raw: unknown, migrations: Migrations = MIGRATIONS): ImportReport | { problem: Reason } {
  if (!isRecord(raw)) return { problem: reason('settings.notObject') };
  const migrated = migrate(raw, migrations);
  if ('problem' in migrated) return { problem: migrated.problem };
  const report: ImportReport = { patch: {}, kept: [], rejected: [] };
  for (const spec of SETTING_SPECS) {
    const value = getPath(migrated.value, spec.path);
    if (value === undefined || spec.path === 'panelCollapsed') continue;
    const result = checkValue(spec, value);
    if ('value' in result) {
      report.patch[spec.path] = result.value;
      report.kept.push(spec.path);
    } else report.rejected.push({ field: spec.path, reason: result.reason });
  }
  return report;
}
