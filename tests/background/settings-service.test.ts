import { describe, expect, it, vi } from 'vitest';
import { createSettingsService } from '../../src/background/settings-service.ts';
import { DEFAULT_SETTINGS, SETTINGS_KEY, SETTINGS_VERSION, type KeyValueArea } from '../../src/shared/settings.ts';

/** An in-memory storage area whose next `failures` reads reject (storage busy while a worker starts). */
function flakyArea(initial: Record<string, unknown>, failures: number) {
  const data = new Map(Object.entries(initial));
  let failing = failures;
  const area = {
    get: vi.fn(async (keys: string[]) => {
      if (failing > 0) {
        failing--;
        throw new Error('storage busy');
      }
      return Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
    }),
    set: vi.fn(async (items: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    }),
    remove: vi.fn(async (keys: string | string[]) => {
      for (const k of [keys].flat()) data.delete(k);
    }),
  } satisfies KeyValueArea;
  return { area, data };
}

const STORED = { version: SETTINGS_VERSION, limits: { maxLoss: '250' } };

describe('settings service', () => {
  it('a failed first storage read is not kept: the next current() reads again and gets the stored settings', async () => {
    const { area } = flakyArea({ [SETTINGS_KEY]: STORED }, 1);
    const service = createSettingsService(area);
    await expect(service.current()).rejects.toThrow('storage busy');
    const loaded = await service.current();
    expect(loaded.settings.limits.maxLoss).toBe('250');
    expect(loaded.notice).toBeNull();
    expect(area.get).toHaveBeenCalledTimes(2);
    // Loaded once it succeeded: later calls use memory.
    await service.current();
    expect(area.get).toHaveBeenCalledTimes(2);
  });

  it('an update after a failed first read loads again and writes over the stored settings, not over defaults', async () => {
    const { area, data } = flakyArea({ [SETTINGS_KEY]: STORED }, 1);
    const service = createSettingsService(area);
    await expect(service.current()).rejects.toThrow('storage busy');
    const updated = await service.update({ 'limits.maxLeverage': '5' }, true);
    expect(updated).toMatchObject({ ok: true, loaded: { settings: { limits: { maxLoss: '250', maxLeverage: '5' } } } });
    expect(data.get(SETTINGS_KEY)).toMatchObject({ limits: { maxLoss: '250', maxLeverage: '5' } });
  });

  it('a failed write keeps the settings as they were for the next caller', async () => {
    const { area } = flakyArea({}, 0);
    const service = createSettingsService(area);
    expect((await service.current()).settings).toEqual(DEFAULT_SETTINGS);
    area.set.mockRejectedValueOnce(new Error('quota'));
    await expect(service.update({ 'limits.maxLoss': '10' }, true)).rejects.toThrow('quota');
    expect((await service.current()).settings).toEqual(DEFAULT_SETTINGS);
    expect(await service.update({ 'limits.maxLoss': '20' }, true)).toMatchObject({ ok: true, loaded: { settings: { limits: { maxLoss: '20' } } } });
  });
});
