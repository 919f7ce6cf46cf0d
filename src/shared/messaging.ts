/**
 * Typed sending side of the protocol, for the content script and the extension pages.
 * A failed send (worker unreachable, extension reloaded) comes back as a RouterError, never a throw.
 */
import browser from 'webextension-polyfill';
import type { MessageType, Request, Response, RouterError } from '../contracts/messages.ts';

export async function sendToBackground<T extends MessageType>(request: Request<T> & { type: T }): Promise<Response<T> | RouterError> {
  try {
    const response: unknown = await browser.runtime.sendMessage(request);
    if (typeof response !== 'object' || response === null) return { error: 'no answer from the background' };
    return response as Response<T> | RouterError;
  } catch (error) {
    return { error: `could not reach the background: ${error instanceof Error ? error.message : String(error)}` };
  }
}
