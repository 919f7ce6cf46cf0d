import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { createHandlers, type HandlerDeps } from '../../src/background/handlers.ts';
import { createRouter, type RouterIdentity } from '../../src/background/router.ts';
import { createSettingsService } from '../../src/background/settings-service.ts';
import { createTabStatusStore } from '../../src/background/tab-status.ts';
import { CsToBg, UiToBg, type EvaluateResult } from '../../src/shared/protocol.ts';
import { DEFAULT_SETTINGS, type KeyValueArea } from '../../src/shared/settings.ts';
import { validSnapshot } from '../shared/snapshot-fixture.ts';

const ID = fakeBrowser.runtime.id;
const BASE = fakeBrowser.runtime.getURL('');
const identity: RouterIdentity = { extensionId: ID, extensionBaseUrl: BASE, contentOrigins: ['https://www.binance.com'] };

const PAGE_URL = 'https://www.binance.com/en/futures/BTCUSDT';
const contentScript: Runtime.MessageSender = { id: ID, url: PAGE_URL, tab: { id: 5 } as Runtime.MessageSender['tab'], frameId: 0 };
// An options page opened in a tab also has sender.tab: the URL is what identifies it.
const optionsPage: Runtime.MessageSender = { id: ID, url: `${BASE}src/options/index.html`, tab: { id: 9 } as Runtime.MessageSender['tab'] };
const popup: Runtime.MessageSender = { id: ID, url: `${BASE}src/popup/index.html` };

const RESULT: EvaluateResult = { unavailable: 'test engine' };

function setup(evaluate: HandlerDeps['evaluate'] = () => RESULT) {
  const evaluateSpy = vi.fn(evaluate);
  const route = createRouter(
    identity,
    createHandlers({
      settings: createSettingsService(fakeBrowser.storage.local as unknown as KeyValueArea),
      tabStatus: createTabStatusStore(fakeBrowser.storage.session as unknown as KeyValueArea),
      evaluate: evaluateSpy,
      now: () => 1_700_000_000_000,
    }),
  );
  return { route, evaluateSpy };
}

const evaluateMessage = () => ({ type: CsToBg.evaluate, snapshot: validSnapshot() });

beforeEach(() => fakeBrowser.reset());

describe('sender check', () => {
  it.each<[string, Runtime.MessageSender]>([
    ['another extension', { ...contentScript, id: 'other-extension' }],
    ['a sender without id', { url: PAGE_URL, tab: contentScript.tab }],
    ['a page on another origin', { ...contentScript, url: 'https://evil.example/futures' }],
    ['a look-alike host', { ...contentScript, url: 'https://www.binance.com.evil.example/en/futures/BTCUSDT' }],
    ['plain http on the exchange host', { ...contentScript, url: 'http://www.binance.com/en/futures/BTCUSDT' }],
    ['an exchange URL without a tab', { id: ID, url: PAGE_URL }],
    ['no URL at all', { id: ID, tab: contentScript.tab }],
    ['a look-alike extension URL', { id: ID, url: `chrome-extension://${ID}.evil/x.html` }],
  ])('refuses %s, and the handler never runs', async (_name, sender) => {
    const { route, evaluateSpy } = setup();
    const answer = await route(evaluateMessage(), sender);
    expect(answer).toEqual({ error: expect.stringMatching(/^refused: /) });
    expect(evaluateSpy).not.toHaveBeenCalled();
  });

  it('a content script may not send ui→background messages (no settings writes from the page)', async () => {
    const { route } = setup();
    const answer = await route({ type: UiToBg.settingsSet, patch: { limits: { maxLoss: '1' } } }, contentScript);
    expect(answer).toEqual({ error: 'refused: content-script may not send ui-bg-settings-set' });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });

  it('an extension page may not send content→background messages', async () => {
    const { route, evaluateSpy } = setup();
    expect(await route(evaluateMessage(), optionsPage)).toEqual({
      error: 'refused: extension-page may not send cs-bg-evaluate',
    });
    expect(evaluateSpy).not.toHaveBeenCalled();
  });
});

describe('payload validation', () => {
  it.each<[string, unknown, string]>([
    ['not an object', null, 'message: expected an object'],
    ['an unknown type', { type: 'cs-bg-steal' }, 'message.type: unknown message type'],
    ['a snapshot with a float', { type: CsToBg.evaluate, snapshot: { ...validSnapshot(), price: { status: 'read', value: 1.5 } } }, 'message.snapshot.price.value'],
    ['an extra field', { type: CsToBg.panelGet, extra: true }, 'message.extra: unexpected field'],
  ])('refuses %s with the first problem, without calling a handler', async (_name, message, expected) => {
    const { route, evaluateSpy } = setup();
    const answer = await route(message, contentScript);
    expect(answer).toEqual({ error: expect.stringContaining(`invalid message: ${expected}`) });
    expect(evaluateSpy).not.toHaveBeenCalled();
  });

  it('refuses a snapshot that claims another page than the sender’s', async () => {
    const { route, evaluateSpy } = setup();
    const message = { type: CsToBg.evaluate, snapshot: { ...validSnapshot(), url: 'https://evil.example/en/futures/BTCUSDT' } };
    expect(await route(message, contentScript)).toEqual({ error: 'failed: snapshot URL is not on the sending page' });
    expect(evaluateSpy).not.toHaveBeenCalled();
  });
});

describe('routing', () => {
  it('evaluate: calls the engine with the snapshot and current settings, remembers the result per tab', async () => {
    const { route, evaluateSpy } = setup();
    expect(await route(evaluateMessage(), contentScript)).toEqual(RESULT);
    expect(evaluateSpy).toHaveBeenCalledWith(validSnapshot(), DEFAULT_SETTINGS);
    expect(await route({ type: UiToBg.statusGet, tabId: 5 }, popup)).toEqual({
      status: { url: PAGE_URL, symbol: 'BTCUSDT', updatedAt: 1_700_000_000_000, result: RESULT },
    });
    expect(await route({ type: UiToBg.statusGet, tabId: 6 }, popup)).toEqual({ status: null });
  });

  it('a handler that throws becomes an error answer, not a rejection', async () => {
    const { route } = setup(() => {
      throw new Error('boom');
    });
    await expect(route(evaluateMessage(), contentScript)).resolves.toEqual({ error: 'failed: boom' });
  });

  it('settings: get defaults, set from the options page, invalid input reported and not stored', async () => {
    const { route, evaluateSpy } = setup();
    expect(await route({ type: UiToBg.settingsGet }, optionsPage)).toEqual({ settings: DEFAULT_SETTINGS, notice: null });
    const saved = await route({ type: UiToBg.settingsSet, patch: { limits: { maxLoss: '100' } } }, optionsPage);
    expect(saved).toMatchObject({ settings: { limits: { maxLoss: '100' } }, notice: null });
    const invalid = await route({ type: UiToBg.settingsSet, patch: { limits: { maxLoss: '-3' } } }, optionsPage);
    expect(invalid).toEqual({ invalid: [{ field: 'limits.maxLoss', message: expect.any(String) }] });
    await route(evaluateMessage(), contentScript);
    expect(evaluateSpy.mock.calls[0]![1].limits.maxLoss).toBe('100');
  });

  it('panel: the content script reads and sets only the collapsed flag', async () => {
    const { route } = setup();
    expect(await route({ type: CsToBg.panelGet }, contentScript)).toEqual({ panel: { collapsed: false, preSubmitCheck: false } });
    expect(await route({ type: CsToBg.panelSet, collapsed: true }, contentScript)).toEqual({
      panel: { collapsed: true, preSubmitCheck: false },
    });
    expect(await route({ type: UiToBg.settingsGet }, popup)).toMatchObject({ settings: { panelCollapsed: true } });
  });

  it('a corrupted store: the options page gets the notice, a save clears it', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    const { route } = setup();
    expect(await route({ type: UiToBg.settingsGet }, optionsPage)).toEqual({
      settings: DEFAULT_SETTINGS,
      notice: expect.stringMatching(/could not be read/),
    });
    await route({ type: CsToBg.panelSet, collapsed: true }, contentScript);
    expect(await route({ type: UiToBg.settingsGet }, optionsPage)).toMatchObject({ notice: expect.any(String) });
    await route({ type: UiToBg.settingsSet, patch: {} }, optionsPage);
    expect(await route({ type: UiToBg.settingsGet }, optionsPage)).toMatchObject({ notice: null });
  });
});
