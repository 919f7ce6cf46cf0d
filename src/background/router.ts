/**
 * The background's one message router: sender check → payload validation → handler.
 * It answers every message (a RouterError when refused) and never throws at the sender.
 *
 * Sender classes (`sender.tab` alone does not tell them apart: extension pages opened in a tab have one):
 * - extension page: `sender.url` under runtime.getURL('') → may send ui-bg-* messages;
 * - content script: a tab whose page origin is one of the content-script origins → cs-bg-* only;
 * - anything else (other extensions, other origins, no URL) is refused.
 */
import type { Runtime } from 'webextension-polyfill';
import {
  CS_TO_BG_TYPES,
  UI_TO_BG_TYPES,
  isMessageType,
  type MessageType,
  type Request,
  type Response,
  type RouterError,
} from '../contracts/messages.ts';
import { requestProblem } from '../contracts/guards.ts';

export type SenderClass = 'extension-page' | 'content-script';

export interface RouterIdentity {
  /** runtime.id */
  extensionId: string;
  /** runtime.getURL(''), e.g. chrome-extension://<id>/ or moz-extension://<uuid>/ */
  extensionBaseUrl: string;
  /** Origins the content script runs on (from the manifest's content_scripts matches). */
  contentOrigins: readonly string[];
}

export type Handlers = {
  [T in MessageType]: (request: Request<T>, sender: Runtime.MessageSender) => Promise<Response<T>>;
};

export type Route = (message: unknown, sender: Runtime.MessageSender) => Promise<Response<MessageType> | RouterError>;

function originOf(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Which kind of sender this is, or why it is refused. */
export function classifySender(sender: Runtime.MessageSender, identity: RouterIdentity): SenderClass | RouterError {
  if (sender.id !== identity.extensionId) return { error: 'refused: message from another extension or a web page' };
  if (sender.url?.startsWith(identity.extensionBaseUrl)) return 'extension-page';
  const origin = originOf(sender.url);
  if (sender.tab !== undefined && origin !== null && identity.contentOrigins.includes(origin)) return 'content-script';
  return { error: `refused: sender ${origin ?? 'without a URL'} is neither an extension page nor a supported exchange page` };
}

function allowedTypes(senderClass: SenderClass): ReadonlySet<string> {
  return senderClass === 'extension-page' ? UI_TO_BG_TYPES : CS_TO_BG_TYPES;
}

export function createRouter(identity: RouterIdentity, handlers: Handlers): Route {
  return async (message, sender) => {
    const senderClass = classifySender(sender, identity);
    if (typeof senderClass !== 'string') return senderClass;
    const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    if (isMessageType(type) && !allowedTypes(senderClass).has(type)) {
      return { error: `refused: ${senderClass} may not send ${type}` };
    }
    const problem = requestProblem(message);
    if (problem) return { error: `invalid message: ${problem}` };
    const request = message as Request;
    try {
      const handler = handlers[request.type] as (request: Request, sender: Runtime.MessageSender) => Promise<Response<MessageType>>;
      return await handler(request, sender);
    } catch (error) {
      return { error: `failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
}
