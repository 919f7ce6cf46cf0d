/**
 * Orphaned content scripts: after the extension is reloaded or removed, this script keeps running in
 * the page but every runtime call fails ("Extension context invalidated"); Chrome then reports no
 * runtime id, Firefox makes extension objects dead.
 */
import { extensionApi } from '../shared/extension-api';

export function extensionAlive(): boolean {
  try {
    return Boolean(extensionApi()?.runtime?.id);
  } catch {
    return false;
  }
}

export function isContextInvalidated(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Extension context invalidated|dead object/i.test(message) || !extensionAlive();
}
