/**
 * Typed sending side of the protocol, for the content script and the extension pages.
 * A failed send (worker unreachable, extension reloaded) comes back as a RouterError, never a throw.
 */
import type { MessageType, Request, Response, RouterError } from '../contracts/messages.ts';
import { extensionApi } from './extension-api.ts';

export async function sendToBackground<T extends MessageType>(request: Request<T> & { type: T }): Promise<Response<T> | RouterError> {
  try {
    const runtime = extensionApi()?.runtime;
    if (!runtime) return { error: 'could not reach the background: no extension runtime' };
    const response: unknown = await runtime.sendMessage(request);
    if (typeof response !== 'object' || response === null) return { error: 'no answer from the background' };
    return response as Response<T> | RouterError;
  } catch (error) {
    return { error: `could not reach the background: ${error instanceof Error ? error.message : String(error)}` };
  }
}
