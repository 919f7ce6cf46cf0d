/**
 * Test harness for the extension pages: a real router and handlers over fake storage, reached the way
 * a page reaches them (as an extension-page sender), plus DOM helpers for happy-dom.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { createHandlers } from '../../src/background/handlers.ts';
import { createRouter } from '../../src/background/router.ts';
import { createSettingsService } from '../../src/background/settings-service.ts';
import { createTabStatusStore } from '../../src/background/tab-status.ts';
import type { EvaluateResult } from '../../src/contracts/messages.ts';
import { reason } from '../../src/contracts/reasons.ts';
import type { sendToBackground } from '../../src/shared/messaging.ts';
import type { KeyValueArea } from '../../src/shared/settings.ts';
import { contentScriptSender, optionsSender, routerIdentity } from '../support/senders.ts';

export const STUB_RESULT: EvaluateResult = { unavailable: [reason('evaluate.enterSize')] };

export function backgroundFor(evaluate: () => EvaluateResult = () => STUB_RESULT) {
  const route = createRouter(
    routerIdentity(),
    createHandlers({
      settings: createSettingsService(fakeBrowser.storage.local as unknown as KeyValueArea),
      tabStatus: createTabStatusStore(fakeBrowser.storage.session as unknown as KeyValueArea),
      evaluate,
      now: () => Date.UTC(2026, 10, 21, 12, 0, 0),
    }),
  );
  const send = ((request: unknown) => route(request, optionsSender)) as typeof sendToBackground;
  const fromTab = (tabId: number, message: unknown) => route(message, contentScriptSender(tabId));
  return { send, fromTab, route };
}

/**
 * Lets pending promises, timers and preact's re-renders run until `ready` holds. Bounded by a generous
 * wall-clock limit rather than a count of event-loop turns: the pages schedule some work on timers,
 * which a loaded machine delays by more turns than any fixed count allows.
 */
export async function until(ready: () => boolean, what: string, limitMs = 10_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`never happened within ${limitMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** Types into an input and lets preact re-render, as a browser would between keystrokes and a click. */
export async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 0));
}
