/**
 * User settings: schema, defaults, migration, validation and storage (storage.local).
 * Rules: invalid user input is rejected with a message and changes nothing; a stored value that
 * cannot be read falls back to defaults WITH a notice for the UI, and the unreadable data is kept
 * under BACKUP_KEY, so settings are never lost silently.
 */
import { D } from './decimal.ts';
import type { RiskLimits } from '../engine/evaluation.ts';

export const SETTINGS_VERSION = 1;
export const SETTINGS_KEY = 'settings';
export const NOTICE_KEY = 'settingsNotice';
export const BACKUP_KEY = 'settingsBackup';

export const LIMIT_KEYS = ['maxLoss', 'maxLossPct', 'minLiquidationDistancePct', 'maxLeverage'] as const;
export type LimitKey = (typeof LIMIT_KEYS)[number];

/** Venues with a fee setting. Adding a venue adds an entry here and in DEFAULT_SETTINGS.fees. */
export const FEE_VENUES = ['binance'] as const;
export type FeeVenue = (typeof FEE_VENUES)[number];

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Decimal strings; null = no limit. */
  limits: Record<LimitKey, string | null>;
  /** Taker fee in percent of notional (0.05 = 0.05%), as the user reads it on the exchange's fee page. */
  fees: Record<FeeVenue, { takerFeePct: string }>;
  panelCollapsed: boolean;
  /** Ask for a confirmation look at the figures before submit (off by default). */
  preSubmitCheck: boolean;
}

/**
 * ASSUMPTION: Binance USDⓈ-M regular user (VIP 0) taker fee, 0.05%, without BNB discount.
 * Users on another tier must set theirs in the options page; takerFeeAssumption() says so.
 */
export const DEFAULT_BINANCE_TAKER_FEE_PCT = '0.05';

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  limits: { maxLoss: null, maxLossPct: null, minLiquidationDistancePct: null, maxLeverage: null },
  fees: { binance: { takerFeePct: DEFAULT_BINANCE_TAKER_FEE_PCT } },
  panelCollapsed: false,
  preSubmitCheck: false,
};

/** A settings change as the UI sends it: limit strings as typed ('' or null clears a limit). */
export interface SettingsPatch {
  limits?: Partial<Record<LimitKey, string | null>>;
  fees?: Partial<Record<FeeVenue, { takerFeePct: string }>>;
  panelCollapsed?: boolean;
  preSubmitCheck?: boolean;
}

export interface SettingsFieldError {
  /** Dotted path, e.g. "limits.maxLoss" or "fees.binance.takerFeePct". */
  field: string;
  message: string;
}

export interface LoadedSettings {
  settings: Settings;
  /** Set when stored settings were unreadable and defaults replaced them; cleared by the next save. */
  notice: string | null;
}

/** The part of browser.storage.local / session this module uses (the polyfill and fakes fit it). */
export interface KeyValueArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Value rules, shared by user input and stored data.

const PLAIN_DECIMAL = /^\d{1,20}(\.\d{1,20})?$/;
const MAX_INPUT = 64;

interface Rule {
  label: string;
  /** Returns the normalised decimal string, or an error message for the user. */
  check(input: string): { value: string } | { message: string };
}

function decimalRule(label: string, inRange: (d: InstanceType<typeof D>) => boolean, rangeText: string): Rule {
  return {
    label,
    check(input) {
      const trimmed = input.trim();
      if (!PLAIN_DECIMAL.test(trimmed)) return { message: `${label}: enter a number like 12.5 (digits and one dot).` };
      const d = new D(trimmed);
      return inRange(d) ? { value: d.toFixed() } : { message: `${label}: must be ${rangeText}.` };
    },
  };
}

const LIMIT_RULES: Record<LimitKey, Rule> = {
  maxLoss: decimalRule('Max loss', (d) => d.gt(0), 'greater than 0'),
  maxLossPct: decimalRule('Max loss % of account', (d) => d.gt(0) && d.lte(100), 'more than 0 and at most 100'),
  minLiquidationDistancePct: decimalRule(
    'Min liquidation distance %',
    (d) => d.gt(0) && d.lt(100),
    'more than 0 and less than 100',
  ),
  maxLeverage: decimalRule('Max leverage', (d) => d.isInteger() && d.gte(1) && d.lte(200), 'a whole number from 1 to 200'),
};

const FEE_RULE = decimalRule('Taker fee %', (d) => d.gte(0) && d.lte(1), 'from 0 to 1 (percent of notional)');

// ---------------------------------------------------------------------------------------------
// Patches from the UI.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[]): boolean {
  return Object.keys(value).every((key) => allowed.includes(key));
}

const isShortString = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_INPUT;

/** Structural check of a patch (types and keys only); the values are judged by applyPatch. */
export function isSettingsPatchShape(value: unknown): value is SettingsPatch {
  if (!isRecord(value) || !onlyKeys(value, ['limits', 'fees', 'panelCollapsed', 'preSubmitCheck'])) return false;
  const { limits, fees, panelCollapsed, preSubmitCheck } = value;
  if (limits !== undefined) {
    if (!isRecord(limits) || !onlyKeys(limits, LIMIT_KEYS)) return false;
    if (!Object.values(limits).every((v) => v === null || isShortString(v))) return false;
  }
  if (fees !== undefined) {
    if (!isRecord(fees) || !onlyKeys(fees, FEE_VENUES)) return false;
    const venueFeesOk = Object.values(fees).every(
      (fee) => isRecord(fee) && onlyKeys(fee, ['takerFeePct']) && isShortString(fee.takerFeePct),
    );
    if (!venueFeesOk) return false;
  }
  return (
    (panelCollapsed === undefined || typeof panelCollapsed === 'boolean') &&
    (preSubmitCheck === undefined || typeof preSubmitCheck === 'boolean')
  );
}

/** Applies a patch to settings; any invalid value rejects the whole patch (nothing changes). */
export function applyPatch(
  current: Settings,
  patch: SettingsPatch,
): { ok: true; settings: Settings } | { ok: false; errors: SettingsFieldError[] } {
  const errors: SettingsFieldError[] = [];
  const limits = { ...current.limits };
  for (const key of LIMIT_KEYS) {
    const input = patch.limits?.[key];
    if (input === undefined) continue;
    if (input === null || input.trim() === '') {
      limits[key] = null;
      continue;
    }
    const result = LIMIT_RULES[key].check(input);
    if ('message' in result) errors.push({ field: `limits.${key}`, message: result.message });
    else limits[key] = result.value;
  }
  const fees = { ...current.fees };
  for (const venue of FEE_VENUES) {
    const input = patch.fees?.[venue]?.takerFeePct;
    if (input === undefined) continue;
    const result = FEE_RULE.check(input);
    if ('message' in result) errors.push({ field: `fees.${venue}.takerFeePct`, message: result.message });
    else fees[venue] = { takerFeePct: result.value };
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      ...current,
      limits,
      fees,
      panelCollapsed: patch.panelCollapsed ?? current.panelCollapsed,
      preSubmitCheck: patch.preSubmitCheck ?? current.preSubmitCheck,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Stored data: migration and field-by-field recovery.

type Stored = Record<string, unknown>;
/** MIGRATIONS[n] turns a version-n object into a version n+1 object. Version 1 is the first release. */
export type Migrations = Readonly<Record<number, (old: Stored) => Stored>>;
export const MIGRATIONS: Migrations = {};

/** Brings a stored object up to `target` (the current version) step by step; a problem when it cannot. */
export function migrate(
  raw: Stored,
  migrations: Migrations = MIGRATIONS,
  target: number = SETTINGS_VERSION,
): { value: Stored } | { problem: string } {
  const stored = raw.version;
  if (typeof stored !== 'number' || !Number.isInteger(stored) || stored < 1) {
    return { problem: 'the saved settings have no valid version' };
  }
  if (stored > target) {
    return { problem: `the saved settings come from a newer Margin Lens (settings version ${stored})` };
  }
  let value = raw;
  for (let version = stored; version < target; version++) {
    const step = migrations[version];
    if (!step) return { problem: `no migration from settings version ${version}` };
    value = { ...step(value), version: version + 1 };
  }
  return { value };
}

/**
 * Reads stored settings field by field: a missing field takes its default silently (written by an
 * older schema); a present but invalid field takes its default and is reported as a problem.
 */
export function recoverSettings(raw: unknown, migrations: Migrations = MIGRATIONS): { settings: Settings; problems: string[] } {
  if (!isRecord(raw)) return { settings: DEFAULT_SETTINGS, problems: ['the saved settings are not an object'] };
  const migrated = migrate(raw, migrations);
  if ('problem' in migrated) return { settings: DEFAULT_SETTINGS, problems: [migrated.problem] };
  const stored = migrated.value;
  const problems: string[] = [];
  const settings: Settings = structuredClone(DEFAULT_SETTINGS);

  const limits = stored.limits;
  if (limits !== undefined && !isRecord(limits)) problems.push('limits');
  else if (limits) {
    for (const key of LIMIT_KEYS) {
      const value = limits[key];
      if (value === undefined || value === null) continue;
      const result = typeof value === 'string' ? LIMIT_RULES[key].check(value) : null;
      if (result && 'value' in result) settings.limits[key] = result.value;
      else problems.push(`limits.${key}`);
    }
  }
  const fees = stored.fees;
  if (fees !== undefined && !isRecord(fees)) problems.push('fees');
  else if (fees) {
    for (const venue of FEE_VENUES) {
      const fee = fees[venue];
      if (fee === undefined) continue;
      const pct = isRecord(fee) ? fee.takerFeePct : undefined;
      const result = typeof pct === 'string' ? FEE_RULE.check(pct) : null;
      if (result && 'value' in result) settings.fees[venue] = { takerFeePct: result.value };
      else problems.push(`fees.${venue}.takerFeePct`);
    }
  }
  for (const key of ['panelCollapsed', 'preSubmitCheck'] as const) {
    const value = stored[key];
    if (value === undefined) continue;
    if (typeof value === 'boolean') settings[key] = value;
    else problems.push(key);
  }
  return { settings, problems };
}

/** Loads settings; unreadable data is backed up and replaced by defaults, with a notice stored for the UI. */
export async function loadSettings(area: KeyValueArea, migrations: Migrations = MIGRATIONS): Promise<LoadedSettings> {
  const stored = await area.get([SETTINGS_KEY, NOTICE_KEY]);
  const storedNotice = typeof stored[NOTICE_KEY] === 'string' ? stored[NOTICE_KEY] : null;
  const raw = stored[SETTINGS_KEY];
  if (raw === undefined) return { settings: structuredClone(DEFAULT_SETTINGS), notice: storedNotice };

  const { settings, problems } = recoverSettings(raw, migrations);
  if (problems.length === 0) {
    if (isRecord(raw) && raw.version !== SETTINGS_VERSION) await area.set({ [SETTINGS_KEY]: settings });
    return { settings, notice: storedNotice };
  }
  const notice =
    `Some saved settings could not be read and were reset to defaults (${problems.join('; ')}). ` +
    `Check them and save. The unreadable data is kept in extension storage under "${BACKUP_KEY}".`;
  await area.set({
    [BACKUP_KEY]: { savedAt: Date.now(), value: raw },
    [SETTINGS_KEY]: settings,
    [NOTICE_KEY]: notice,
  });
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
  await area.set({ [SETTINGS_KEY]: result.settings });
  if (acknowledgeNotice) await area.remove(NOTICE_KEY);
  return result;
}

// ---------------------------------------------------------------------------------------------
// What the rest of the extension reads from settings.

/** The engine's RiskLimits (unset limits omitted). */
export function riskLimits(settings: Settings): RiskLimits {
  const limits: RiskLimits = {};
  for (const key of LIMIT_KEYS) {
    const value = settings.limits[key];
    if (value !== null) limits[key] = value;
  }
  return limits;
}

/** Taker fee as a fraction of notional (0.05% → "0.0005"), the unit OrderScenario.market.takerRate uses. */
export function takerRate(settings: Settings, venue: FeeVenue): string {
  return new D(settings.fees[venue].takerFeePct).div(100).toFixed();
}

/** An assumption line for the Evaluation while the fee equals the default; undefined for any other rate. */
export function takerFeeAssumption(settings: Settings, venue: FeeVenue): string | undefined {
  const pct = settings.fees[venue].takerFeePct;
  if (pct !== DEFAULT_SETTINGS.fees[venue].takerFeePct) return undefined;
  return `Taker fee ${pct}% assumed (regular VIP 0 rate, no BNB discount); set your fee tier in the options.`;
}
