import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import {
  BACKUP_KEY,
  DEFAULT_SETTINGS,
  NOTICE_KEY,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  applyPatch,
  loadSettings,
  migrate,
  riskLimits,
  saveSettings,
  takerFeeAssumption,
  takerRate,
  type KeyValueArea,
} from '../../src/shared/settings.ts';

const local = fakeBrowser.storage.local as unknown as KeyValueArea;
const stored = async (key: string) => (await local.get([key]))[key];

beforeEach(() => fakeBrowser.reset());

describe('defaults', () => {
  it('a fresh install gets the defaults, no notice, and nothing is written', async () => {
    const loaded = await loadSettings(local);
    expect(loaded).toEqual({ settings: DEFAULT_SETTINGS, notice: null });
    expect(await stored(SETTINGS_KEY)).toBeUndefined();
  });

  it('defaults: no limits, 0.05% Binance taker fee (flagged as an assumption), check off, panel open', () => {
    expect(riskLimits(DEFAULT_SETTINGS)).toEqual({});
    expect(takerRate(DEFAULT_SETTINGS, 'binance')).toBe('0.0005');
    expect(takerFeeAssumption(DEFAULT_SETTINGS, 'binance')).toMatch(/0\.05% assumed/);
    expect(DEFAULT_SETTINGS.preSubmitCheck).toBe(false);
    expect(DEFAULT_SETTINGS.panelCollapsed).toBe(false);
  });
});

describe('user input', () => {
  it('valid input is normalised and applied', () => {
    const result = applyPatch(DEFAULT_SETTINGS, {
      limits: { maxLoss: ' 150.50 ', maxLeverage: '10', maxLossPct: '' },
      fees: { binance: { takerFeePct: '0.045' } },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.limits).toEqual({ maxLoss: '150.5', maxLossPct: null, minLiquidationDistancePct: null, maxLeverage: '10' });
    expect(takerRate(result.settings, 'binance')).toBe('0.00045');
    expect(takerFeeAssumption(result.settings, 'binance')).toBeUndefined();
    expect(riskLimits(result.settings)).toEqual({ maxLoss: '150.5', maxLeverage: '10' });
  });

  it.each([
    ['limits.maxLoss', { limits: { maxLoss: '0' } }],
    ['limits.maxLoss', { limits: { maxLoss: '1,5' } }],
    ['limits.maxLoss', { limits: { maxLoss: '1e3' } }],
    ['limits.maxLossPct', { limits: { maxLossPct: '101' } }],
    ['limits.minLiquidationDistancePct', { limits: { minLiquidationDistancePct: '100' } }],
    ['limits.maxLeverage', { limits: { maxLeverage: '2.5' } }],
    ['limits.maxLeverage', { limits: { maxLeverage: '0' } }],
    ['fees.binance.takerFeePct', { fees: { binance: { takerFeePct: '5' } } }],
    ['fees.binance.takerFeePct', { fees: { binance: { takerFeePct: 'abc' } } }],
  ])('rejects invalid %s with a message', (field, patch) => {
    const result = applyPatch(DEFAULT_SETTINGS, patch);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual([field]);
    expect(result.errors[0]!.message.length).toBeGreaterThan(10);
  });

  it('one invalid value rejects the whole patch and changes nothing in storage', async () => {
    const first = await saveSettings(local, DEFAULT_SETTINGS, { limits: { maxLoss: '100' } }, true);
    expect(first.ok).toBe(true);
    const before = await stored(SETTINGS_KEY);
    const second = await saveSettings(local, DEFAULT_SETTINGS, { limits: { maxLoss: '200', maxLeverage: 'lots' } }, true);
    expect(second.ok).toBe(false);
    expect(await stored(SETTINGS_KEY)).toEqual(before);
    expect((await loadSettings(local)).settings.limits.maxLoss).toBe('100');
  });
});

describe('corrupted store', () => {
  it.each([
    ['not an object', 'garbage'],
    ['no version', { limits: {} }],
    ['a version from the future', { version: SETTINGS_VERSION + 1, panelCollapsed: true }],
  ])('%s: defaults, a notice, and the old data kept as a backup', async (_name, raw) => {
    await local.set({ [SETTINGS_KEY]: raw });
    const loaded = await loadSettings(local);
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.notice).toMatch(/could not be read/);
    expect(((await stored(BACKUP_KEY)) as { value: unknown }).value).toEqual(raw);
    // The notice survives a restart (a new load) until the user saves from the options page.
    expect((await loadSettings(local)).notice).toBe(loaded.notice);
  });

  it('keeps the readable fields and resets only the broken ones, naming them', async () => {
    await local.set({
      [SETTINGS_KEY]: {
        version: SETTINGS_VERSION,
        limits: { maxLoss: '250', maxLeverage: 'x' },
        fees: { binance: { takerFeePct: '0.04' } },
        panelCollapsed: 'yes',
        preSubmitCheck: true,
      },
    });
    const loaded = await loadSettings(local);
    expect(loaded.settings.limits.maxLoss).toBe('250');
    expect(loaded.settings.limits.maxLeverage).toBeNull();
    expect(loaded.settings.fees.binance.takerFeePct).toBe('0.04');
    expect(loaded.settings.panelCollapsed).toBe(false);
    expect(loaded.settings.preSubmitCheck).toBe(true);
    expect(loaded.notice).toContain('limits.maxLeverage');
    expect(loaded.notice).toContain('panelCollapsed');
  });

  it('a save from the options page clears the notice; a panel toggle does not', async () => {
    await local.set({ [SETTINGS_KEY]: 42 });
    const { settings } = await loadSettings(local);
    await saveSettings(local, settings, { panelCollapsed: true }, false);
    expect(await stored(NOTICE_KEY)).toBeTypeOf('string');
    await saveSettings(local, settings, { limits: { maxLoss: '10' } }, true);
    expect(await stored(NOTICE_KEY)).toBeUndefined();
    expect((await loadSettings(local)).notice).toBeNull();
  });
});

describe('migration', () => {
  it('fills fields missing from an older schema with defaults, silently', async () => {
    await local.set({ [SETTINGS_KEY]: { version: SETTINGS_VERSION, limits: { maxLoss: '5' } } });
    const loaded = await loadSettings(local);
    expect(loaded.notice).toBeNull();
    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, limits: { ...DEFAULT_SETTINGS.limits, maxLoss: '5' } });
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
    expect(migrate({ version: 1 }, { 2: steps[2] }, 3)).toEqual({ problem: 'no migration from settings version 1' });
    expect(migrate({ version: 4 }, steps, 3)).toEqual({
      problem: 'the saved settings come from a newer Margin Lens (settings version 4)',
    });
  });

  it('a stored version without a migration path is reported, not guessed', async () => {
    await local.set({ [SETTINGS_KEY]: { version: 1.5 } });
    expect((await loadSettings(local)).notice).toMatch(/no valid version/);
  });
});
