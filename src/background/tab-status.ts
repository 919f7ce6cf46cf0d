/**
 * The last evaluation per tab, for the pop-up. Kept in storage.session: it survives the MV3 worker
 * being stopped, and is dropped when the browser closes.
 */
import type { TabStatus } from '../shared/protocol.ts';
import type { KeyValueArea } from '../shared/settings.ts';

const keyOf = (tabId: number): string => `tab:${tabId}`;

export interface TabStatusStore {
  put(tabId: number, status: TabStatus): Promise<void>;
  get(tabId: number): Promise<TabStatus | null>;
  forget(tabId: number): Promise<void>;
}

export function createTabStatusStore(area: KeyValueArea): TabStatusStore {
  return {
    put: (tabId, status) => area.set({ [keyOf(tabId)]: status }),
    async get(tabId) {
      const stored = await area.get([keyOf(tabId)]);
      return (stored[keyOf(tabId)] as TabStatus | undefined) ?? null;
    },
    forget: (tabId) => area.remove(keyOf(tabId)),
  };
}
