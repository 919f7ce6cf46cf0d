import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { reason, type Reason } from '../../src/contracts/reasons.ts';
import {
  BACKUPS_KEY,
  DEFAULT_SETTINGS,
  MAX_BACKUPS,
  NOTICE_KEY,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  SETTING_SPECS,
  applyPatch,
  feeRate,
  importReport,
  isSettingsPatchShape,
  loadSettings,
  migrate,
  riskLimits,
  saveSettings,
  type KeyValueArea,
} from '../../src/shared/settings.ts';
import { VENUES } from '../../src/venues/registry.ts';

const local = fakeBrowser.storage.local as unknown as KeyValueArea;
const stored = async (key: string) => (await local.get([key]))[key];
const reset = (cause: Reason) => reason('settings.reset', { cause });
/** A fixed clock, so backups can be told apart by their time. */
const at = (ms: number) => () => ms;
const range = (min: string, max: string, minIncluded: 'yes' | 'no', maxIncluded: 'yes' | 'no', integer: 'yes' | 'no' = 'no') =>
  reason('setting.range', { min, max, minIncluded, maxIncluded, integer });

beforeEach(() => fakeBrowser.reset());

describe('defaults', () => {
  it('a fresh install gets the defaults, no notice, and nothing is written', async () => {
    const loaded = await loadSettings(local);
    expect(loaded).toEqual({ settings: DEFAULT_SETTINGS, notice: null });
    expect(await stored(SETTINGS_KEY)).toBeUndefined();
  });

  it("defaults: no limits, each venue's published fees (0.05% Binance taker) and on, no maintenance override, check warns, panel open", () => {
    expect(riskLimits(DEFAULT_SETTINGS)).toEqual({});
    expect(DEFAULT_SETTINGS.fees['binance-usdm']).toEqual({ makerPct: '0.02', takerPct: '0.05' });
    expect(feeRate(DEFAULT_SETTINGS.fees['binance-usdm'].takerPct)).toBe('0.0005');
    for (const venue of VENUES) expect(DEFAULT_SETTINGS.fees[venue.id]).toEqual({ makerPct: venue.fees.makerPct, takerPct: venue.fees.takerPct });
    for (const venue of VENUES) expect(DEFAULT_SETTINGS.venues[venue.id]).toEqual({ enabled: true });
    for (const venue of VENUES) expect(DEFAULT_SETTINGS.maintenance[venue.id]).toEqual({ ratePct: null });
    expect(DEFAULT_SETTINGS.limits.stopLossRequired).toBe(false);
    expect(DEFAULT_SETTINGS.fundingHoldHours).toBe('8');
    expect(DEFAULT_SETTINGS.preSubmitCheck).toBe('warn');
    expect(DEFAULT_SETTINGS.theme).toBe('auto');
    expect(DEFAULT_SETTINGS.figureDecimals).toBe('auto');
    expect(DEFAULT_SETTINGS.panelCollapsed).toBe(false);
    expect(DEFAULT_SETTINGS.version).toBe(SETTINGS_VERSION);
  });

  it('every setting has a key path the patch guard accepts, and no other key passes', () => {
    for (const spec of SETTING_SPECS) {
      const value = spec.kind === 'boolean' ? true : spec.kind === 'choice' ? spec.choices[0] : '1';
      expect(isSettingsPatchShape({ [spec.path]: value })).toBe(true);
    }
    expect(isSettingsPatchShape({ 'fees.binance.takerFeePct': '0.04' })).toBe(false);
    expect(isSettingsPatchShape({ version: '3' })).toBe(false);
  });
});

describe('user input', () => {
  it('valid input is normalised and applied', () => {
    const result = applyPatch(DEFAULT_SETTINGS, {
      'limits.maxLoss': ' 150.50 ',
      'limits.maxLeverage': '10',
      'limits.maxLossPct': '',
      'limits.stopLossRequired': true,
      'fees.binance-usdm.takerPct': '0.045',
      'maintenance.okx.ratePct': '0.40',
      'venues.bybit.enabled': false,
      preSubmitCheck: 'confirm',
      fundingHoldHours: '24',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.limits).toEqual({ ...DEFAULT_SETTINGS.limits, maxLoss: '150.5', maxLeverage: '10', stopLossRequired: true });
    expect(feeRate(result.settings.fees['binance-usdm'].takerPct)).toBe('0.00045');
    expect(result.settings.maintenance.okx.ratePct).toBe('0.4');
    expect(result.settings.venues.bybit.enabled).toBe(false);
    expect(result.settings.preSubmitCheck).toBe('confirm');
    expect(result.settings.fundingHoldHours).toBe('24');
    expect(riskLimits(result.settings)).toEqual({ maxLoss: '150.5', maxLeverage: '10', stopLossRequired: true });
    // The input is not modified.
    expect(DEFAULT_SETTINGS.limits.maxLoss).toBeNull();
  });

  it.each<[string, string | boolean | null, Reason]>([
    ['limits.maxLoss', '0', range('0', '1000000000', 'no', 'yes')],
    ['limits.maxLoss', '1,5', reason('setting.notNumber')],
    ['limits.maxLoss', '1e3', reason('setting.notNumber')],
    ['limits.maxLossPct', '101', range('0', '100', 'no', 'yes')],
    ['limits.minLiquidationDistancePct', '100', range('0', '100', 'no', 'no')],
    ['limits.maxLeverage', '2.5', range('1', '200', 'yes', 'yes', 'yes')],
    ['limits.maxLeverage', '0', range('1', '200', 'yes', 'yes', 'yes')],
    ['fees.binance-usdm.takerPct', '5', range('0', '1', 'yes', 'yes')],
    ['fees.binance-usdm.takerPct', 'abc', reason('setting.notNumber')],
    ['fees.binance-usdm.makerPct', '', range('0', '1', 'yes', 'yes')],
    ['limits.stopLossRequired', 'yes', reason('setting.notBoolean')],
    ['venues.okx.enabled', 'no', reason('setting.notBoolean')],
    ['maintenance.okx.ratePct', '60', range('0', '50', 'no', 'yes')],
    ['fundingHoldHours', '0', range('0', '8760', 'no', 'yes')],
    ['preSubmitCheck', 'yes', reason('setting.notOneOf', { allowed: 'off, warn, confirm' })],
    ['theme', 'blue', reason('setting.notOneOf', { allowed: 'auto, dark, light' })],
    ['fees.binance.takerFeePct', '0.04', reason('setting.unknown')],
  ])('rejects invalid %s (%s) with a reason', (field, value, why) => {
    const result = applyPatch(DEFAULT_SETTINGS, { [field]: value });
    expect(result).toEqual({ ok: false, errors: [{ field, reason: why }] });
  });

  it('one invalid value rejects the whole patch and changes nothing in storage', async () => {
    const first = await saveSettings(local, DEFAULT_SETTINGS, { 'limits.maxLoss': '100' }, true);
    expect(first.ok).toBe(true);
    const before = await stored(SETTINGS_KEY);
    const second = await saveSettings(local, DEFAULT_SETTINGS, { 'limits.maxLoss': '200', 'limits.maxLeverage': 'lots' }, true);
    expect(second).toEqual({ ok: false, errors: [{ field: 'limits.maxLeverage', reason: reason('setting.notNumber') }] });
    expect(await stored(SETTINGS_KEY)).toEqual(before);
    expect((await loadSettings(local)).settings.limits.maxLoss).toBe('100');
  });
});

describe('corrupted store', () => {
  it.each<[string, unknown, Reason]>([
    ['not an object', 'garbage', reason('settings.notObject')],
    ['no version', { limits: {} }, reason('settings.noVersion')],
    ['a version from the future', { version: SETTINGS_VERSION + 1, panelCollapsed: true }, reason('settings.newer', { version: String(SETTINGS_VERSION + 1) })],
  ])('%s: defaults, a notice, and the old data kept as a backup', async (_name, raw, cause) => {
    await local.set({ [SETTINGS_KEY]: raw });
    const loaded = await loadSettings(local, undefined, at(1000));
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.notice).toEqual(reset(cause));
    expect(await stored(BACKUPS_KEY)).toEqual([{ savedAt: 1000, value: raw, problem: cause }]);
    // The notice survives a restart (a new load) until the user saves from the options page.
    expect((await loadSettings(local)).notice).toEqual(loaded.notice);
  });

  it('keeps the readable fields and resets only the broken ones, naming them', async () => {
    const raw = {
      version: SETTINGS_VERSION,
      limits: { maxLoss: '250', maxLeverage: 'x' },
      fees: { 'binance-usdm': { takerPct: '0.04', makerPct: '0.01' } },
      panelCollapsed: 'yes',
      preSubmitCheck: 'confirm',
    };
    await local.set({ [SETTINGS_KEY]: raw });
    const loaded = await loadSettings(local);
    expect(loaded.settings.limits.maxLoss).toBe('250');
    expect(loaded.settings.limits.maxLeverage).toBeNull();
    expect(loaded.settings.fees['binance-usdm']).toEqual({ takerPct: '0.04', makerPct: '0.01' });
    expect(loaded.settings.panelCollapsed).toBe(false);
    expect(loaded.settings.preSubmitCheck).toBe('confirm');
    expect(loaded.notice).toEqual(reset(reason('settings.fields', { fields: 'limits.maxLeverage, panelCollapsed' })));
    expect(((await stored(BACKUPS_KEY)) as { value: unknown }[]).map((b) => b.value)).toEqual([raw]);
  });

  it('a save from the options page clears the notice; a panel toggle does not', async () => {
    await local.set({ [SETTINGS_KEY]: 42 });
    const { settings, notice } = await loadSettings(local);
    await saveSettings(local, settings, { panelCollapsed: true }, false);
    expect(await stored(NOTICE_KEY)).toEqual(notice);
    expect((await loadSettings(local)).notice).toEqual(reset(reason('settings.notObject')));
    await saveSettings(local, settings, { 'limits.maxLoss': '10' }, true);
    expect(await stored(NOTICE_KEY)).toBeUndefined();
    expect((await loadSettings(local)).notice).toBeNull();
  });

  it('a second corruption keeps the earlier backup: both are listed, oldest first', async () => {
    await local.set({ [SETTINGS_KEY]: 'garbage' });
    await loadSettings(local, undefined, at(1000));
    await saveSettings(local, DEFAULT_SETTINGS, { 'limits.maxLoss': '10' }, true);
    await local.set({ [SETTINGS_KEY]: { limits: { maxLoss: '20' } } });
    const second = await loadSettings(local, undefined, at(2000));
    expect(second.notice).toEqual(reset(reason('settings.noVersion')));
    expect(await stored(BACKUPS_KEY)).toEqual([
      { savedAt: 1000, value: 'garbage', problem: reason('settings.notObject') },
      { savedAt: 2000, value: { limits: { maxLoss: '20' } }, problem: reason('settings.noVersion') },
    ]);
  });

  it('the single backup an earlier version kept joins the list, first, and its old key goes', async () => {
    const legacy = { savedAt: 500, value: { version: 'one' } };
    await local.set({ settingsBackup: legacy, [SETTINGS_KEY]: 42 });
    await loadSettings(local, undefined, at(1000));
    expect(await stored(BACKUPS_KEY)).toEqual([legacy, { savedAt: 1000, value: 42, problem: reason('settings.notObject') }]);
    expect(await stored('settingsBackup')).toBeUndefined();
  });

  it(`keeps the newest ${MAX_BACKUPS} backups`, async () => {
    for (let i = 1; i <= MAX_BACKUPS + 2; i++) {
      await local.set({ [SETTINGS_KEY]: `garbage ${i}` });
      await loadSettings(local, undefined, at(i));
    }
    const backups = (await stored(BACKUPS_KEY)) as { savedAt: number; value: unknown }[];
    expect(backups.map((b) => b.savedAt)).toEqual(Array.from({ length: MAX_BACKUPS }, (_, i) => i + 3));
    expect(backups.at(-1)!.value).toBe(`garbage ${MAX_BACKUPS + 2}`);
  });
});

describe('keys this version does not know', () => {
  const withUnknown = () => ({
    version: SETTINGS_VERSION,
    futureFlag: 'on',
    limits: { maxLoss: '5', futureLimit: '7' },
    fees: { 'binance-usdm': { takerPct: '0.04', makerPct: '0.02', rebatePct: '0.01' }, someOtherVenue: { takerPct: '0.1' } },
    panelCollapsed: false,
    preSubmitCheck: 'off',
  });

  it('survive a load and the next save, at the top level and nested', async () => {
    await local.set({ [SETTINGS_KEY]: withUnknown() });
    const loaded = await loadSettings(local);
    expect(loaded.notice).toBeNull();
    expect(loaded.settings.limits.maxLoss).toBe('5');
    expect(loaded.settings.fees['binance-usdm'].takerPct).toBe('0.04');
    expect(await stored(SETTINGS_KEY)).toEqual(withUnknown());

    const saved = await saveSettings(local, loaded.settings, { 'limits.maxLoss': '9', 'fees.binance-usdm.takerPct': '0.03' }, true);
    if (!saved.ok) throw new Error('the save must pass');
    expect(saved.settings.limits.maxLoss).toBe('9');
    expect(saved.settings.fees['binance-usdm'].takerPct).toBe('0.03');
    // Every known value as saved, every unknown one as it was.
    expect(await stored(SETTINGS_KEY)).toEqual({
      ...saved.settings,
      futureFlag: 'on',
      limits: { ...saved.settings.limits, futureLimit: '7' },
      fees: { ...saved.settings.fees, 'binance-usdm': { ...saved.settings.fees['binance-usdm'], rebatePct: '0.01' }, someOtherVenue: { takerPct: '0.1' } },
    });
    // And the known values read back as saved.
    expect((await loadSettings(local)).settings).toEqual(saved.settings);
  });

  it('survive the reset of a broken field', async () => {
    await local.set({ [SETTINGS_KEY]: { ...withUnknown(), preSubmitCheck: 'maybe' } });
    const loaded = await loadSettings(local);
    expect(loaded.notice).toEqual(reset(reason('settings.fields', { fields: 'preSubmitCheck' })));
    expect(await stored(SETTINGS_KEY)).toMatchObject({ futureFlag: 'on', limits: { futureLimit: '7' }, fees: { someOtherVenue: { takerPct: '0.1' } }, preSubmitCheck: 'warn' });
  });

  it('survive a migration', async () => {
    await local.set({ [SETTINGS_KEY]: { version: 1, futureFlag: 'on', limits: { futureLimit: '7' }, fees: { binance: { takerFeePct: '0.04' }, someOtherVenue: { takerPct: '0.1' } } } });
    await loadSettings(local);
    expect(await stored(SETTINGS_KEY)).toMatchObject({ version: SETTINGS_VERSION, futureFlag: 'on', limits: { futureLimit: '7' }, fees: { someOtherVenue: { takerPct: '0.1' } } });
  });
});

describe('migration', () => {
  it('fills fields missing from an older schema with defaults, silently', async () => {
    await local.set({ [SETTINGS_KEY]: { version: SETTINGS_VERSION, limits: { maxLoss: '5' } } });
    const loaded = await loadSettings(local);
    expect(loaded.notice).toBeNull();
    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, limits: { ...DEFAULT_SETTINGS.limits, maxLoss: '5' } });
  });

  it("version 1 → 2: the Binance taker fee moves to the venue id's takerPct, silently, and is stored so", async () => {
    await local.set({ [SETTINGS_KEY]: { version: 1, fees: { binance: { takerFeePct: '0.04' } } } });
    const loaded = await loadSettings(local);
    expect(loaded.notice).toBeNull();
    expect(loaded.settings.fees['binance-usdm'].takerPct).toBe('0.04');
    expect(loaded.settings.fees['binance-usdm'].makerPct).toBe(DEFAULT_SETTINGS.fees['binance-usdm'].makerPct);
    expect(await stored(BACKUPS_KEY)).toBeUndefined();
    expect(await stored(NOTICE_KEY)).toBeUndefined();
    const written = (await stored(SETTINGS_KEY)) as Record<string, any>;
    expect(written.version).toBe(SETTINGS_VERSION);
    expect(written.fees['binance-usdm'].takerPct).toBe('0.04');
    expect(written.fees.binance).toBeUndefined(); // migrated, not kept beside its new home
    expect((await loadSettings(local)).settings).toEqual(loaded.settings);
  });

  it('version 2 → 3: the on/off pre-submit check becomes warn/off (on only ever warned)', async () => {
    for (const [old, now] of [[true, 'warn'], [false, 'off']] as const) {
      await local.set({ [SETTINGS_KEY]: { version: 2, preSubmitCheck: old } });
      const loaded = await loadSettings(local);
      expect(loaded.notice).toBeNull();
      expect(loaded.settings.preSubmitCheck).toBe(now);
    }
  });

  it('runs each step from the stored version up to the target, stamping each version', () => {
    const steps = {
      1: (old: Record<string, unknown>) => ({ ...old, renamed: old.legacy }),
      2: (old: Record<string, unknown>) => ({ ...old, added: true }),
    };
    expect(migrate({ version: 1, legacy: 'x' }, steps, 3)).toEqual({
      value: { version: 3, legacy: 'x', renamed: 'x', added: true },
    });
    expect(migrate({ version: 2, legacy: 'x' }, steps, 3)).toEqual({ value: { version: 3, legacy: 'x', added: true } });
    expect(migrate({ version: 1 }, { 2: steps[2] }, 3)).toEqual({ problem: reason('settings.noMigration', { version: '1' }) });
    expect(migrate({ version: 4 }, steps, 3)).toEqual({ problem: reason('settings.newer', { version: '4' }) });
  });

  it('a stored version without a migration path is reported, not guessed', async () => {
    await local.set({ [SETTINGS_KEY]: { version: 1.5 } });
    expect((await loadSettings(local)).notice).toEqual(reset(reason('settings.noVersion')));
  });
});

describe('import', () => {
  it('takes every valid key path, lists each invalid one with why, and never the panel flag', () => {
    const report = importReport({
      version: SETTINGS_VERSION,
      limits: { maxLoss: '300', maxLeverage: '2.5' },
      fees: { okx: { takerPct: '0.04' } },
      preSubmitCheck: 'sometimes',
      panelCollapsed: true,
      futureFlag: 'on',
    });
    expect(report).toEqual({
      patch: { 'limits.maxLoss': '300', 'fees.okx.takerPct': '0.04' },
      kept: ['limits.maxLoss', 'fees.okx.takerPct'],
      rejected: [
        { field: 'limits.maxLeverage', reason: range('1', '200', 'yes', 'yes', 'yes') },
        { field: 'preSubmitCheck', reason: reason('setting.notOneOf', { allowed: 'off, warn, confirm' }) },
      ],
    });
  });

  it('brings an older file up to this version first (a version-1 Binance fee lands on binance-usdm)', () => {
    expect(importReport({ version: 1, fees: { binance: { takerFeePct: '0.04' } } })).toMatchObject({ patch: { 'fees.binance-usdm.takerPct': '0.04' } });
  });

  it.each<[string, unknown, Reason]>([
    ['not an object', '[1,2]', reason('settings.notObject')],
    ['no version', { limits: {} }, reason('settings.noVersion')],
    ['a newer version', { version: SETTINGS_VERSION + 1 }, reason('settings.newer', { version: String(SETTINGS_VERSION + 1) })],
  ])('refuses a file that is %s as a whole', (_name, raw, why) => {
    expect(importReport(raw)).toEqual({ problem: why });
  });
});
