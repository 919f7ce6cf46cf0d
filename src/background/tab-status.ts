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

/** How long a tab's newest status may wait before it is written (a keystroke burst writes once). */
export const COALESCE_MS = 200;

const after = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every operation runs in call order (a forget after a put wins; a get sees the puts asked before it).
 * Puts are coalesced per tab: the newest status is written once, COALESCE_MS after the first put of a
 * burst. The put comes with an evaluate reply the panel is waiting for, and handing ~7 KB to storage
 * costs the worker a few milliseconds it should spend replying: typing writes once, not per keystroke.
 */
export function createTabStatusStore(area: KeyValueArea, coalesceMs = COALESCE_MS): TabStatusStore {
  let tail: Promise<unknown> = Promise.resolve();
  function inOrder<T>(operation: () => Promise<T>): Promise<T> {
    const run = tail.then(operation);
    tail = run.catch(() => {}); // one failed write must not block the ones after it
    return run;
  }
  /** The newest status of each tab not written yet, and the write that will carry it. */
  const waiting = new Map<number, { status: TabStatus; written: Promise<void> }>();
  return {
    put(tabId, status) {
      const queued = waiting.get(tabId);
      if (queued) {
        queued.status = status;
        return queued.written;
      }
      const entry = { status, written: Promise.resolve() };
      entry.written = after(coalesceMs).then(() =>
        inOrder(async () => {
          if (waiting.get(tabId) !== entry) return; // forgotten meanwhile
          waiting.delete(tabId);
          await area.set({ [keyOf(tabId)]: entry.status });
        }),
      );
      waiting.set(tabId, entry);
      return entry.written;
    },
    get: (tabId) =>
      inOrder(async () => {
        const queued = waiting.get(tabId);
        if (queued) return queued.status;
        const stored: unknown = (await area.get([keyOf(tabId)]))[keyOf(tabId)];
        if (stored === undefined) return null;
        if (tabStatusProblem(stored) === null) return stored as TabStatus;
        await area.remove(keyOf(tabId));
        return null;
      }),
    forget: (tabId) => {
      waiting.delete(tabId);
      return inOrder(() => area.remove(keyOf(tabId)));
    },
  };
}
