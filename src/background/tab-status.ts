/**
 * The last evaluation per tab, for the pop-up. Kept in storage.session: it survives the MV3 worker
 * being stopped, and is dropped when the browser closes. What is read back is checked like a
 * message: an entry another version (or anything else) wrote is dropped, never handed to the pop-up.
 */
import type { TabStatus } from '../contracts/messages.ts';
import { tabStatusProblem } from '../contracts/guards.ts';
import type { KeyValueArea } from '../shared/settings.ts';

const keyOf = (tabId: number): string => `tab:${tabId}`;

export interface TabStatusStore {
  /** Stored in a later task (see below); resolves once written. */
  put(tabId: number, status: TabStatus): Promise<void>;
  get(tabId: number): Promise<TabStatus | null>;
  forget(tabId: number): Promise<void>;
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Every operation runs in call order (a forget after a put wins; a get sees the writes asked before it).
 * A put starts in a later task: the put comes with an evaluate reply the panel is waiting for, and
 * handing ~7 KB to storage costs the worker about half a millisecond it should spend replying first.
 */
export function createTabStatusStore(area: KeyValueArea): TabStatusStore {
  let tail: Promise<unknown> = Promise.resolve();
  function inOrder<T>(operation: () => Promise<T>, deferred = false): Promise<T> {
    const run = (deferred ? tail.then(nextTask) : tail).then(operation);
    tail = run.catch(() => {}); // one failed write must not block the ones after it
    return run;
  }
  return {
    put: (tabId, status) => inOrder(() => area.set({ [keyOf(tabId)]: status }), true),
    get: (tabId) =>
      inOrder(async () => {
        const stored: unknown = (await area.get([keyOf(tabId)]))[keyOf(tabId)];
        if (stored === undefined) return null;
        if (tabStatusProblem(stored) === null) return stored as TabStatus;
        await area.remove(keyOf(tabId));
        return null;
      }),
    forget: (tabId) => inOrder(() => area.remove(keyOf(tabId))),
  };
}
