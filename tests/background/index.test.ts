/**
 * The background entry wired to a fake browser: listeners registered at import, messages answered
 * through runtime.onMessage, and state that survives the MV3 worker being stopped and restarted.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { CsToBg, UiToBg, type EvaluateResult } from '../../src/contracts/messages.ts';
import { reason } from '../../src/contracts/reasons.ts';
import { manifestFor, type SourceManifest } from '../../scripts/build/manifest.ts';
import { COALESCE_MS } from '../../src/background/tab-status.ts';
import { validSnapshot } from '../support/snapshots.ts';
import { FOREIGN_SENDERS, PAGE_URL, contentScriptSender, popupSender } from '../support/senders.ts';

const RESULT: EvaluateResult = { unavailable: [reason('evaluate.enterSize')] };
vi.mock('../../src/background/evaluate.ts', () => ({ evaluateSnapshot: () => RESULT }));

// webextension-polyfill re-exports globalThis.browser when it looks like an extension context.
vi.stubGlobal('browser', fakeBrowser);
vi.stubGlobal('chrome', fakeBrowser);
afterAll(() => vi.unstubAllGlobals());

/** The manifest as the Chrome build writes it (content-script matches generated from the registry). */
const manifest = manifestFor(JSON.parse(readFileSync('manifest.json', 'utf8')) as SourceManifest, 'chrome');
const contentScript = contentScriptSender(3);
const popup = popupSender;

/** Loads the background as a fresh worker would (new module instances, listeners re-registered). */
async function startWorker(): Promise<void> {
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.tabs.onRemoved.removeAllListeners();
  fakeBrowser.tabs.onUpdated.removeAllListeners();
  vi.resetModules();
  await import('../../src/background/index.ts');
}

async function send(message: unknown, sender: object): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender as never, () => {});
  expect(answers).toHaveLength(1);
  return answers[0];
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue(manifest as never);
});

describe('background entry', () => {
  it('answers a content script on the manifest’s exchange origin and refuses other pages', async () => {
    await startWorker();
    expect(await send({ type: CsToBg.evaluate, snapshot: validSnapshot() }, contentScript)).toEqual(RESULT);
    for (const [, elsewhere] of FOREIGN_SENDERS) {
      expect(await send({ type: CsToBg.evaluate, snapshot: validSnapshot() }, elsewhere)).toEqual({
        error: expect.stringMatching(/^refused: /),
      });
    }
  });

  it('after a worker restart, the tab status (storage.session) and settings (storage.local) are still there', async () => {
    await startWorker();
    await send({ type: CsToBg.evaluate, snapshot: validSnapshot() }, contentScript);
    await send({ type: UiToBg.settingsSet, patch: { 'limits.maxLeverage': '5' } }, popup);

    // A worker is stopped only when idle (≥ 30 s without events), so its coalesced status write is done.
    await new Promise((resolve) => setTimeout(resolve, COALESCE_MS + 50));
    await startWorker(); // the old worker's memory is gone
    expect(await send({ type: UiToBg.statusGet, tabId: 3 }, popup)).toMatchObject({ status: { url: PAGE_URL, result: RESULT } });
    expect(await send({ type: UiToBg.settingsGet }, popup)).toMatchObject({ settings: { limits: { maxLeverage: '5' } } });
  });

  it('forgets a tab’s status when the tab closes or loads a new page', async () => {
    await startWorker();
    await send({ type: CsToBg.evaluate, snapshot: validSnapshot() }, contentScript);
    await fakeBrowser.tabs.onUpdated.trigger(3, { status: 'loading' }, { id: 3 } as never);
    expect(await send({ type: UiToBg.statusGet, tabId: 3 }, popup)).toEqual({ status: null, notice: null });

    await send({ type: CsToBg.evaluate, snapshot: validSnapshot() }, contentScript);
    await fakeBrowser.tabs.onRemoved.trigger(3, { windowId: 1, isWindowClosing: false });
    expect(await send({ type: UiToBg.statusGet, tabId: 3 }, popup)).toEqual({ status: null, notice: null });
  });
});
