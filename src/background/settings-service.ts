/**
 * The background's view of the settings: loaded on first use in each worker, then kept in memory.
 * A failed load is not kept: the next message tries again (a new worker may start while storage is
 * busy). The background is the only writer, so writes are serialised here and the cache cannot go stale.
 */
import {
  loadSettings,
  saveSettings,
  type KeyValueArea,
  type LoadedSettings,
  type SettingsFieldError,
  type SettingsPatch,
} from '../shared/settings.ts';

export type UpdateResult = { ok: true; loaded: LoadedSettings } | { ok: false; errors: SettingsFieldError[] };

export interface SettingsService {
  /** Resolves after any pending write, with the settings and the corrupted-store notice. */
  current(): Promise<LoadedSettings>;
  /** acknowledgeNotice: the save comes from the options page, which shows the notice. */
  update(patch: SettingsPatch, acknowledgeNotice: boolean): Promise<UpdateResult>;
}

export function createSettingsService(area: KeyValueArea): SettingsService {
  let state: Promise<LoadedSettings> | null = null;
  const current = (): Promise<LoadedSettings> => {
    if (state === null) {
      const loading = loadSettings(area);
      state = loading;
      // Forget a failed load, so that the next caller reads storage again.
      loading.catch(() => {
        if (state === loading) state = null;
      });
    }
    return state;
  };
  return {
    current,
    update(patch, acknowledgeNotice) {
      const previous = current();
      const result = previous.then(async (loaded): Promise<UpdateResult> => {
        const saved = await saveSettings(area, loaded.settings, patch, acknowledgeNotice);
        if (!saved.ok) return saved;
        return { ok: true, loaded: { settings: saved.settings, notice: acknowledgeNotice ? null : loaded.notice } };
      });
      // The next caller sees the new settings, or the old ones if this write failed.
      const next = result.then(
        (r) => (r.ok ? r.loaded : previous),
        () => previous,
      );
      state = next;
      next.catch(() => {
        if (state === next) state = null;
      });
      return result;
    },
  };
}
