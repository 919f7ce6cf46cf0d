import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { createHandlers, type HandlerDeps } from '../../src/background/handlers.ts';
import { createRouter, type RouterIdentity } from '../../src/background/router.ts';
import { createSettingsService } from '../../src/background/settings-service.ts';
import { createTabStatusStore, type TabStatusStore } from '../../src/background/tab-status.ts';
import { CsToBg, UiToBg, type EvaluateResult, type PanelState, type TabStatus } from '../../src/contracts/messages.ts';
import { reason } from '../../src/contracts/reasons.ts';
import { evaluateSnapshot } from '../../src/background/evaluate.ts';
import { DEFAULT_SETTINGS, type KeyValueArea } from '../../src/shared/settings.ts';
import { buildSnapshot, validSnapshot } from '../support/snapshots.ts';
import {
  FOREIGN_SENDERS,
  PAGE_URL,
  VENUE_ORIGINS,
  contentScriptSender,
  optionsSender,
  popupSender,
  routerIdentity,
} from '../support/senders.ts';

const contentScript = contentScriptSender(5);
const optionsPage = optionsSender;
const popup = popupSender;

const RESULT: EvaluateResult = { unavailable: [reason('evaluate.enterSize')] };
const GARBAGE_NOTICE = reason('settings.reset', { cause: reason('settings.notObject') });
/** The panel state of default settings, with some fields changed. */
const panel = (changes: Partial<PanelState> = {}): PanelState => ({ collapsed: false, preSubmitCheck: 'warn', theme: 'auto', enabled: true, notice: null, ...changes });

function setup(
  evaluate: HandlerDeps['evaluate'] = () => RESULT,
  tabStatus: TabStatusStore = createTabStatusStore(fakeBrowser.storage.session as unknown as KeyValueArea),
  identity: RouterIdentity = routerIdentity(),
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
  it.each(FOREIGN_SENDERS)('refuses %s, and the handler never runs', async (_name, sender) => {
    const { route, evaluateSpy } = setup();
    const answer = await route(evaluateMessage(), sender);
    expect(answer).toEqual({ error: expect.stringMatching(/^refused: /) });
    expect(evaluateSpy).not.toHaveBeenCalled();
  });

  it('a content script may not send ui→background messages (no settings writes from the page)', async () => {
    const { route } = setup();
    const answer = await route({ type: UiToBg.settingsSet, patch: { 'limits.maxLoss': '1' } }, contentScript);
    expect(answer).toEqual({ error: 'refused: content-script may not send ui-bg-settings-set' });
    expect(await route({ type: UiToBg.statusGet, tabId: 5 }, contentScript)).toEqual({
      error: 'refused: content-script may not send ui-bg-status-get',
    });
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
    ['a snapshot with a reason as text', { type: CsToBg.evaluate, snapshot: { ...validSnapshot(), stopLoss: { status: 'missing', why: 'TP/SL off' } } }, 'message.snapshot.stopLoss.why'],
    ['a snapshot of an unknown venue', { type: CsToBg.evaluate, snapshot: { ...validSnapshot(), venue: 'binance' } }, 'message.snapshot.venue'],
    ['an extra field', { type: CsToBg.panelGet, extra: true }, 'message.extra: unexpected field'],
  ])('refuses %s with the first problem, without calling a handler', async (_name, message, expected) => {
    const { route, evaluateSpy } = setup();
    const answer = await route(message, contentScript);
    expect(answer).toEqual({ error: expect.stringContaining(`invalid message: ${expected}`) });
    expect(evaluateSpy).not.toHaveBeenCalled();
  });

  it('refuses a snapshot that claims another page than the sender’s', async () => {
    const { route, evaluateSpy } = setup();
    const message = { type: CsToBg.evaluate, snapshot: buildSnapshot({ url: 'https://evil.example/en/futures/BTCUSDT' }) };
    expect(await route(message, contentScript)).toEqual({ error: 'failed: snapshot URL is not on the sending page' });
    expect(evaluateSpy).not.toHaveBeenCalled();
  });

  it('refuses a snapshot whose venue does not own the sending page’s origin', async () => {
    // A second content-script origin (another venue's pages): its script may not speak for this venue.
    const otherOrigin = 'https://futures.other-venue.example';
    const { route, evaluateSpy } = setup(undefined, undefined, routerIdentity([...VENUE_ORIGINS, otherOrigin]));
    const url = `${otherOrigin}/trade/BTCUSDT`;
    const message = { type: CsToBg.evaluate, snapshot: buildSnapshot({ url }) };
    expect(await route(message, contentScriptSender(5, url))).toEqual({ error: "failed: snapshot venue is not the sending page's" });
    expect(evaluateSpy).not.toHaveBeenCalled();
    // The same snapshot from the venue's own origin is evaluated.
    expect(await route(evaluateMessage(), contentScript)).toEqual(RESULT);
    expect(evaluateSpy).toHaveBeenCalledOnce();
  });
});

describe('routing', () => {
  it('evaluate: calls the engine with the snapshot and current settings, remembers the result per tab', async () => {
    const { route, evaluateSpy } = setup();
    expect(await route(evaluateMessage(), contentScript)).toEqual(RESULT);
    expect(evaluateSpy).toHaveBeenCalledWith(validSnapshot(), DEFAULT_SETTINGS);
    expect(await route({ type: UiToBg.statusGet, tabId: 5 }, popup)).toEqual({
      status: { url: PAGE_URL, venue: 'binance-usdm', symbol: 'BTCUSDT', updatedAt: 1_700_000_000_000, result: RESULT },
      notice: null,
    });
    expect(await route({ type: UiToBg.statusGet, tabId: 6 }, popup)).toEqual({ status: null, notice: null });
    expect(await route({ type: UiToBg.statusGet, tabId: null }, popup)).toEqual({ status: null, notice: null });
  });

  it('evaluate with the real engine: the pop-up gets the same figures back from storage.session', async () => {
    const { route } = setup(evaluateSnapshot);
    const answer = await route(evaluateMessage(), contentScript);
    expect(answer).toHaveProperty('evaluation');
    await new Promise((resolve) => setTimeout(resolve, 0)); // the deferred status write
    expect(await route({ type: UiToBg.statusGet, tabId: 5 }, popup)).toEqual({
      status: { url: PAGE_URL, venue: 'binance-usdm', symbol: 'BTCUSDT', updatedAt: 1_700_000_000_000, result: answer },
      notice: null,
    });
  });

  it('evaluate: answers before the tab status is stored, and a failed status write is not a rejection', async () => {
    let finishWrite = () => {};
    const unfinished: TabStatusStore = {
      put: vi.fn(() => new Promise<void>((resolve) => (finishWrite = resolve))),
      get: async () => null,
      forget: async () => {},
    };
    expect(await setup(undefined, unfinished).route(evaluateMessage(), contentScript)).toEqual(RESULT);
    expect(unfinished.put).toHaveBeenCalledWith(5, expect.objectContaining({ url: PAGE_URL, venue: 'binance-usdm', result: RESULT }));
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
    const saved = await route({ type: UiToBg.settingsSet, patch: { 'limits.maxLoss': '100' } }, optionsPage);
    expect(saved).toMatchObject({ settings: { limits: { maxLoss: '100' } }, notice: null });
    const invalid = await route({ type: UiToBg.settingsSet, patch: { 'limits.maxLoss': '-3' } }, optionsPage);
    expect(invalid).toEqual({ invalid: [{ field: 'limits.maxLoss', reason: reason('setting.notNumber') }] });
    await route(evaluateMessage(), contentScript);
    expect(evaluateSpy.mock.calls[0]![1].limits.maxLoss).toBe('100');
  });

  it('panel: the content script reads and sets only the collapsed flag', async () => {
    const { route } = setup();
    expect(await route({ type: CsToBg.panelGet, venue: 'binance-usdm' }, contentScript)).toEqual({ panel: panel() });
    expect(await route({ type: CsToBg.panelSet, venue: 'binance-usdm', collapsed: true }, contentScript)).toEqual({ panel: panel({ collapsed: true }) });
    expect(await route({ type: UiToBg.settingsGet }, popup)).toMatchObject({ settings: { panelCollapsed: true } });
  });

  it("panel: each venue's page learns whether it is switched on, and the check and theme the options page set", async () => {
    const { route } = setup();
    await route({ type: UiToBg.settingsSet, patch: { 'venues.okx.enabled': false, preSubmitCheck: 'confirm', theme: 'dark' } }, optionsPage);
    expect(await route({ type: CsToBg.panelGet, venue: 'okx' }, contentScript)).toEqual({ panel: panel({ enabled: false, preSubmitCheck: 'confirm', theme: 'dark' }) });
    expect(await route({ type: CsToBg.panelGet, venue: 'bybit' }, contentScript)).toEqual({ panel: panel({ preSubmitCheck: 'confirm', theme: 'dark' }) });
  });

  it('a corrupted store: the options page, the panel and the pop-up get the notice; a save from the options page clears it', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    const { route } = setup();
    expect(await route({ type: UiToBg.settingsGet }, optionsPage)).toEqual({ settings: DEFAULT_SETTINGS, notice: GARBAGE_NOTICE });
    expect(await route({ type: CsToBg.panelGet, venue: 'binance-usdm' }, contentScript)).toEqual({ panel: panel({ notice: GARBAGE_NOTICE }) });
    expect(await route({ type: UiToBg.statusGet, tabId: 5 }, popup)).toEqual({ status: null, notice: GARBAGE_NOTICE });
    expect(await route({ type: UiToBg.statusGet, tabId: null }, popup)).toEqual({ status: null, notice: GARBAGE_NOTICE });
    // A panel toggle is not an acknowledgement: the notice stays.
    expect(await route({ type: CsToBg.panelSet, venue: 'binance-usdm', collapsed: true }, contentScript)).toEqual({
      panel: panel({ collapsed: true, notice: GARBAGE_NOTICE }),
    });
    expect(await route({ type: UiToBg.settingsGet }, optionsPage)).toMatchObject({ notice: GARBAGE_NOTICE });
    await route({ type: UiToBg.settingsSet, patch: {} }, optionsPage);
    expect(await route({ type: UiToBg.settingsGet }, optionsPage)).toMatchObject({ notice: null });
    expect(await route({ type: CsToBg.panelGet, venue: 'binance-usdm' }, contentScript)).toMatchObject({ panel: { notice: null } });
    expect(await route({ type: UiToBg.statusGet, tabId: 5 }, popup)).toEqual({ status: null, notice: null });
  });

  it.each<[string, unknown]>([
    ['an entry of the previous format (reasons as text, no venue)', { url: PAGE_URL, symbol: 'BTCUSDT', updatedAt: 1, result: { unavailable: 'enter a quantity' } }],
    ['reasons as text with a venue', { url: PAGE_URL, venue: 'binance-usdm', symbol: 'BTCUSDT', updatedAt: 1, result: { unavailable: 'text' } }],
    ['an unknown reason code', { url: PAGE_URL, venue: 'binance-usdm', symbol: 'BTCUSDT', updatedAt: 1, result: { unavailable: [{ code: 'evaluate.gone', params: {} }] } }],
    ['a venue not in the registry', { url: PAGE_URL, venue: 'kraken-futures', symbol: 'BTCUSDT', updatedAt: 1, result: RESULT }],
    ['junk', 'junk'],
    ['null', null],
  ])('a foreign tab status in storage.session (%s) is answered as none, and removed', async (_name, stored) => {
    await fakeBrowser.storage.session.set({ 'tab:5': stored });
    const { route } = setup();
    expect(await route({ type: UiToBg.statusGet, tabId: 5 }, popup)).toEqual({ status: null, notice: null });
    expect(await fakeBrowser.storage.session.get('tab:5')).toEqual({});
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
  const status = (url: string): TabStatus => ({ url, venue: 'binance-usdm', symbol: 'BTCUSDT', updatedAt: 1, result: RESULT });

  it('starts a put in a later task, not during the reply it comes with', async () => {
    const area = memoryArea();
    const written = createTabStatusStore(area).put(5, status(PAGE_URL));
    await Promise.resolve(); // microtasks, e.g. the reply on its way, run before the write starts
    expect(area.set).not.toHaveBeenCalled();
    await written;
    expect(area.set).toHaveBeenCalledOnce();
  });

  it('coalesces a burst of puts for a tab into one write of the newest', async () => {
    const area = memoryArea();
    const store = createTabStatusStore(area);
    const writes = ['?a', '?b', '?c'].map((q) => store.put(5, status(`${PAGE_URL}${q}`)));
    await Promise.all(writes);
    expect(area.set).toHaveBeenCalledOnce();
    expect(await area.get(['tab:5'])).toEqual({ 'tab:5': status(`${PAGE_URL}?c`) });
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

  it('hands back what it stored, and drops an entry this version did not write', async () => {
    const area = memoryArea();
    const store = createTabStatusStore(area);
    await store.put(5, status(PAGE_URL));
    expect(await store.get(5)).toEqual(status(PAGE_URL));
    await area.set({ 'tab:6': { ...status(PAGE_URL), result: { unavailable: 'text' } } });
    expect(await store.get(6)).toBeNull();
    expect(await area.get(['tab:6'])).toEqual({});
  });
});

describe('sender fixtures', () => {
  it('the content-script and extension-page fixtures are accepted (so the refusals above are about the sender)', async () => {
    const { route } = setup();
    const senders: Runtime.MessageSender[] = [popup, optionsPage];
    for (const sender of senders) expect(await route({ type: UiToBg.settingsGet }, sender)).toMatchObject({ notice: null });
    expect(await route({ type: CsToBg.panelGet, venue: 'binance-usdm' }, contentScript)).toMatchObject({ panel: { collapsed: false } });
  });
});
