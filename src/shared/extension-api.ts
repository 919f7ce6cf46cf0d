/**
 * The few extension APIs the content script and the extension pages call, straight from the browser,
 * without webextension-polyfill: Firefox's `browser.*` returns promises, and so does Chrome's `chrome.*`
 * when called without a callback (Manifest V3; runtime.sendMessage:
 * https://developer.chrome.com/docs/extensions/reference/api/runtime#method-sendMessage). The polyfill
 * was about a tenth of the content script that every exchange page parses (README: Speed).
 */
export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

export type StorageChangeListener = (changes: Record<string, StorageChange>, areaName: string) => void;

export interface ExtensionApi {
  runtime: { id?: string; sendMessage(message: unknown): Promise<unknown> };
  storage: { onChanged: { addListener(listener: StorageChangeListener): void; removeListener(listener: StorageChangeListener): void } };
}

/** The browser's own extension API (Firefox: `browser`, Chrome: `chrome`), or undefined outside an extension. */
export function extensionApi(): ExtensionApi | undefined {
  const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return scope.browser ?? scope.chrome;
}
