/**
 * Test harness for the extension pages: a real router and handlers over fake storage, reached the way
 * a page reaches them (as an extension-page sender), plus DOM helpers for happy-dom.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { createHandlers } from '../../src/background/handlers.ts';
import { createRouter } from '../../src/background/router.ts';
import { createSettingsService } from '../../src/background/settings-service.ts';
import { createTabStatusStore } from '../../src/background/tab-status.ts';
import type { sendToBackground } from '../../src/shared/messaging.ts';
import type { EvaluateResult } from '../../src/shared/protocol.ts';
import type { KeyValueArea } from '../../src/shared/settings.ts';

const BASE = fakeBrowser.runtime.getURL('');

export function backgroundFor(evaluate: () => EvaluateResult = () => ({ unavailable: 'test engine' })) {
  const route = createRouter(
    { extensionId: fakeBrowser.runtime.id, extensionBaseUrl: BASE, contentOrigins: ['https://www.binance.com'] },
    createHandlers({
      settings: createSettingsService(fakeBrowser.storage.local as unknown as KeyValueArea),
      tabStatus: createTabStatusStore(fakeBrowser.storage.session as unknown as KeyValueArea),
      evaluate,
      now: () => Date.UTC(2026, 10, 21, 12, 0, 0),
    }),
  );
  const pageSender: Runtime.MessageSender = { id: fakeBrowser.runtime.id, url: `${BASE}src/options/index.html` };
  const send = ((request: unknown) => route(request, pageSender)) as typeof sendToBackground;
  const fromTab = (tabId: number, message: unknown) =>
    route(message, {
      id: fakeBrowser.runtime.id,
      url: 'https://www.binance.com/en/futures/BTCUSDT',
      tab: { id: tabId } as Runtime.MessageSender['tab'],
    });
  return { send, fromTab };
}

/** Lets pending promises and preact's re-renders run until `ready` holds (bounded, no clock involved). */
export async function until(ready: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  throw new Error(`never happened: ${what}`);
}

/** Types into an input and lets preact re-render, as a browser would between keystrokes and a click. */
export async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 0));
}
