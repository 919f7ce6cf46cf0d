import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { createHandlers, type HandlerDeps } from '../../src/background/handlers.ts';
import { createRouter, type RouterIdentity } from '../../src/background/router.ts';
import { createSettingsService } from '../../src/background/settings-service.ts';
import { createTabStatusStore, type TabStatusStore } from '../../src/background/tab-status.ts';
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

function setup(
  evaluate: HandlerDeps['evaluate'] = () => RESULT,
  tabStatus: TabStatusStore = createTabStatusStore(fakeBrowser.storage.session as unknown as KeyValueArea),
) {
  const evaluateSpy = vi.fn(evaluate);
  const route = createRouter(
    identity,
    createHandlers({
      settings: createSettingsService(fakeBrowser.storage.local as unknown as KeyValueArea),
      tabStatus,
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

  it('evaluate: answers before the tab status is stored, and a failed status write is not a rejection', async () => {
    let finishWrite = () => {};
    const unfinished: TabStatusStore = {
      put: vi.fn(() => new Promise<void>((resolve) => (finishWrite = resolve))),
      get: async () => null,
      forget: async () => {},
    };
    expect(await setup(undefined, unfinished).route(evaluateMessage(), contentScript)).toEqual(RESULT);
    expect(unfinished.put).toHaveBeenCalledWith(5, expect.objectContaining({ url: PAGE_URL, result: RESULT }));
    finishWrite();

    const failing: TabStatusStore = { ...unfinished, put: vi.fn(() => Promise.reject(new Error('session storage full'))) };
    expect(await setup(undefined, failing).route(evaluateMessage(), contentScript)).toEqual(RESULT);
    expect(failing.put).toHaveBeenCalledOnce();
    // Let the rejected write settle inside this test: an unhandled rejection would fail the run.
    await new Promise((resolve) => setTimeout(resolve, 0));
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

describe('tab status store', () => {
  /** An area of its own: deferred writes of other tests' routers must not land in these. */
  function memoryArea() {
    const data = new Map<string, unknown>();
    return {
      get: async (keys: string[]) => Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, data.get(k)])),
      set: vi.fn(async (items: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(items)) data.set(k, v);
      }),
      remove: async (keys: string | string[]) => {
        for (const k of [keys].flat()) data.delete(k);
      },
    } satisfies KeyValueArea;
  }
  const status = (url: string) => ({ url, symbol: 'BTCUSDT', updatedAt: 1, result: RESULT });

  it('starts a put in a later task, not during the reply it comes with', async () => {
    const area = memoryArea();
    const written = createTabStatusStore(area).put(5, status(PAGE_URL));
    await Promise.resolve(); // microtasks, e.g. the reply on its way, run before the write starts
    expect(area.set).not.toHaveBeenCalled();
    await written;
    expect(area.set).toHaveBeenCalledOnce();
  });

  it('applies operations in call order: a forget after a put wins, a get sees the puts before it', async () => {
    const store = createTabStatusStore(memoryArea());
    void store.put(5, status(PAGE_URL));
    void store.forget(5);
    expect(await store.get(5)).toBeNull();
    void store.put(5, status(`${PAGE_URL}?a`));
    void store.put(5, status(`${PAGE_URL}?b`));
    expect(await store.get(5)).toMatchObject({ url: `${PAGE_URL}?b` });
  });

  it('keeps going after a failed write', async () => {
    const area = memoryArea();
    const store = createTabStatusStore(area);
    area.set.mockRejectedValueOnce(new Error('session storage full'));
    await expect(store.put(5, status(PAGE_URL))).rejects.toThrow('session storage full');
    await store.put(5, status(`${PAGE_URL}?next`));
    expect(await store.get(5)).toMatchObject({ url: `${PAGE_URL}?next` });
  });
});
