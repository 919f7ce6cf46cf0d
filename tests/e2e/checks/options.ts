/**
 * The options page end to end, in both browsers: a save reaches an open Binance stand-in tab (timed
 * from the click on Save to the panel showing the new figures), a corrupted store is announced on the
 * options page, the panel and the pop-up and falls back to defaults, a bad import file is reported and
 * changes nothing, and the page has no accessibility violation in either theme.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import manifest from '../../../manifest.json';
import type { Evaluation } from '../../../src/contracts/evaluation';
import { evaluateOrder } from '../../../src/engine/index';
import { DEFAULT_SETTINGS, feeRate, SETTINGS_KEY, SETTINGS_VERSION } from '../../../src/shared/settings';
import { MODES } from '../../../src/ui/SideTable';
import { expectNoAxeViolations } from '../../support/axe';
import { openExtensionPage } from '../../support/extension-pages';
import type { TestBrowser } from '../../support/browsers';
import { pollUntil } from '../../support/poll';
import { BASE_CASE, expectedFigures, orderScenario, standinUrl, VENUE } from '../cases/binance-usdm';
import { mustDiffer, type BrowserCheck, type CheckContext } from '../check';
import { figuresOf } from '../expect';
import { diffFigures, readPanel, waitForPanel, type Figures } from '../panel';

const OPTIONS_PAGE = manifest.options_ui.page;
const POPUP_PAGE = manifest.action.default_popup;
/** The issue's promise: a save reaches open exchange tabs within a second. */
const SAVE_TO_TAB_BUDGET_MS = 1000;

const TAKER_PATH = `fees.${VENUE.id}.takerPct`;
const NEW_TAKER_PCT = '0.1';
const NEW_MAX_LEVERAGE = '10';

/** A taker fee and a leverage limit typed into the options page. */
interface Change {
  takerPct: string;
  maxLeverage: string;
}

/** What the panel must show for BASE_CASE with a saved taker fee and leverage limit. */
function changedEvaluation(change: Change): Evaluation {
  const scenario = orderScenario(BASE_CASE);
  const result = evaluateOrder({ ...scenario, market: { ...scenario.market, takerRate: feeRate(change.takerPct) }, limits: { maxLeverage: change.maxLeverage } });
  if ('error' in result) throw new Error(`engine refused the case: ${result.error.field}: ${result.error.reason.code}`);
  return result;
}

/** The limit rows' data-field → pass / fail / unchecked. */
function limitsOf(evaluation: Evaluation): Figures {
  const out: Figures = {};
  for (const side of evaluation.sides) {
    for (const mode of MODES) for (const check of side[mode].limits) out[`${side.side}.${mode}.limit.${check.limit}`] = check.status;
  }
  return out;
}

function openStandin(ctx: CheckContext): Promise<unknown> {
  return ctx.page.goto(standinUrl(BASE_CASE, { 'si-seed': String(ctx.seed), 'si-delay': '150', 'si-storm': '0' }), { waitUntil: 'domcontentloaded' });
}

const openOptions = (browser: TestBrowser) => openExtensionPage(browser, OPTIONS_PAGE, '[data-action="save"]');

/** Types into an options field like a user: select what is there, type the new text (or delete it). */
async function fill(page: Page, keyPath: string, text: string): Promise<void> {
  const selector = `[name="${keyPath}"]`;
  await page.$eval(selector, (el) => {
    (el as HTMLInputElement).focus();
    (el as HTMLInputElement).select();
  });
  if (text === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(text);
}

const fieldValue = (page: Page, keyPath: string) => page.$eval(`[name="${keyPath}"]`, (el) => (el as HTMLInputElement).value);

async function chooseTheme(page: Page, theme: string): Promise<void> {
  await page.select('select[name="theme"]', theme);
}

/** Clicks Save and waits for its outcome (the status element's data-status). */
async function save(page: Page): Promise<string> {
  await page.click('[data-action="save"]');
  return pollUntil(
    () => page.$eval('[data-role="save-status"]', (el) => el.getAttribute('data-status') ?? ''),
    (status) => status !== '',
    () => 'no outcome shown after Save',
  );
}

async function saveOk(page: Page): Promise<void> {
  const status = await save(page);
  if (status !== 'saved') throw new Error(`the options page says ${status} after a valid save`);
}

/** The part of the extension API the checks use in the extension's own pages (`browser` in Firefox, `chrome` in Chromium). */
interface StorageLocal {
  storage: { local: { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; clear(): Promise<void> } };
}

/** storage.local as the extension's own pages see it. */
function storageArea(page: Page) {
  return {
    /** Everything stored, as JSON (for before / after comparisons). */
    everything: () =>
      page.evaluate(async () => {
        const api = (globalThis as unknown as { browser?: StorageLocal; chrome: StorageLocal }).browser ?? (globalThis as unknown as { chrome: StorageLocal }).chrome;
        return JSON.stringify(await api.storage.local.get(null));
      }),
    set: (items: Record<string, unknown>) =>
      page.evaluate(async (values) => {
        const api = (globalThis as unknown as { browser?: StorageLocal; chrome: StorageLocal }).browser ?? (globalThis as unknown as { chrome: StorageLocal }).chrome;
        await api.storage.local.set(values);
      }, items),
    clear: () =>
      page.evaluate(async () => {
        const api = (globalThis as unknown as { browser?: StorageLocal; chrome: StorageLocal }).browser ?? (globalThis as unknown as { chrome: StorageLocal }).chrome;
        await api.storage.local.clear();
      }),
  };
}

/** Back to a fresh install for the checks after this one: empty storage, and a background that reads it anew. */
async function resetStore(browser: TestBrowser, page: Page): Promise<void> {
  await storageArea(page).clear();
  await browser.stopBackground();
}

/** The code of a [data-role="notice"] on a page (in the panel's shadow root when `inPanel`), or null. */
function noticeCode(page: Page, inPanel = false): Promise<string | null> {
  return page.evaluate((panel) => {
    const root = panel ? document.getElementById('margin-lens-panel')?.shadowRoot : document;
    return root?.querySelector('[data-role="notice"]')?.getAttribute('data-reason') ?? null;
  }, inPanel);
}

async function expectNotice(page: Page, where: string, code: string | null, inPanel = false): Promise<void> {
  await pollUntil(
    () => noticeCode(page, inPanel),
    (shown) => shown === code,
    (shown) => `${where}: notice ${String(shown)}, expected ${String(code)}`,
  );
}

/**
 * Installed in the exchange tab before a save: the wall-clock time (Date.now, the clock the options
 * page stamps its click with) at which the panel first shows every `expected` data-field value.
 */
function recordWhenShown(page: Page, expected: Figures): Promise<void> {
  return page.evaluate((want) => {
    const record: { at: number | null } = { at: null };
    (window as unknown as { __shownAt: typeof record }).__shownAt = record;
    let shadow: ShadowRoot | null = null;
    const panelObserver = new MutationObserver(() => check());
    const check = () => {
      const root = document.getElementById('margin-lens-panel')?.shadowRoot ?? null;
      if (root && root !== shadow) {
        shadow = root;
        panelObserver.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
      }
      if (record.at !== null || !shadow) return;
      const found = shadow;
      if (Object.entries(want).every(([field, value]) => found.querySelector(`[data-field="${field}"]`)?.getAttribute('data-value') === value)) {
        record.at = Date.now();
      }
    };
    new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true });
    check();
  }, expected);
}

/** Stamps the options page's clicks on Save with Date.now (capture phase: before the page's own handler). */
function stampSaveClicks(page: Page): Promise<void> {
  return page.evaluate(() => {
    document.addEventListener(
      'click',
      (event) => {
        if ((event.target as Element).closest('[data-action="save"]')) (window as unknown as { __savedAt: number }).__savedAt = Date.now();
      },
      true,
    );
  });
}

/** Chooses `text` as a file in the options page's import input, as the file picker would. */
async function importFile(page: Page, dir: string, name: string, text: string): Promise<void> {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const picker = await page.$('input[type="file"][data-action="import"]');
  if (!picker) throw new Error('no import file input on the options page');
  await picker.uploadFile(file);
  await picker.dispose();
  await page.waitForSelector('[data-role="import-result"]', { timeout: 10_000 });
}

const importStatus = (page: Page) => page.$eval('[data-role="import-result"]', (el) => el.getAttribute('data-import-status'));
const importList = (page: Page, list: 'kept' | 'rejected') =>
  page.$$eval(`[data-import="${list}"] li`, (items) => items.map((li) => `${li.getAttribute('data-key')}${li.hasAttribute('data-reason') ? `:${li.getAttribute('data-reason')}` : ''}`));

const limitFields = (page: Page) =>
  page.evaluate(() => [...(document.getElementById('margin-lens-panel')?.shadowRoot?.querySelectorAll('[data-field*=".limit."]') ?? [])].map((el) => el.getAttribute('data-field')));

interface SaveTiming {
  /** Save click → the exchange tab shows every new figure and limit (ms, wall clock). */
  saveToShown: number;
  /** Save click → the exchange tab brought to the front (hidden tab only). */
  saveToVisible: number;
  visibleToShown: number;
}

/**
 * Types `change` into the options page, saves, and times the open exchange tab (ctx.page) until its
 * panel shows the engine's figures and limit rows for it. `tab`: whether the exchange tab is visible
 * during the save or hidden behind the options page (then brought back once the save is done).
 */
async function saveAndTime(ctx: CheckContext, options: Page, change: Change, tab: 'visible' | 'hidden'): Promise<SaveTiming> {
  const changed = changedEvaluation(change);
  const expected = { ...figuresOf(changed), ...limitsOf(changed) };
  mustDiffer(expectedFigures(BASE_CASE), figuresOf(changed), `the default taker fee and ${change.takerPct} %`);
  const before = await readPanel(ctx.page);
  if (diffFigures(expected, before.figures).length === 0) throw new Error(`the panel already shows the figures for ${JSON.stringify(change)}: the check would see nothing`);
  await fill(options, 'limits.maxLeverage', change.maxLeverage);
  await fill(options, TAKER_PATH, change.takerPct);
  await recordWhenShown(ctx.page, expected);
  const visibility = await ctx.page.evaluate(() => document.visibilityState);
  if (visibility !== tab) throw new Error(`the exchange tab is ${visibility} during the save, not ${tab}`);
  await stampSaveClicks(options);
  await saveOk(options);
  const savedAt = await options.evaluate(() => (window as unknown as { __savedAt: number }).__savedAt);
  let visibleAt = savedAt;
  if (tab === 'hidden') {
    await ctx.page.bringToFront();
    visibleAt = await ctx.page.evaluate(() => Date.now());
  }
  const shown = await pollUntil(
    () => ctx.page.evaluate(() => (window as unknown as { __shownAt: { at: number | null } }).__shownAt),
    (record) => record.at !== null,
    () => `the open tab never showed the saved settings ${JSON.stringify(change)} (10 s)`,
  ).catch(async (error: Error) => {
    // Tell a tab that does not take a save live from settings the panel does not apply at all.
    await ctx.page.bringToFront();
    await openStandin(ctx);
    const reloaded = await waitForPanel(ctx.page, expected).then(
      () => 'after a reload it does',
      (e: Error) => `nor after a reload:\n${e.message}`,
    );
    throw new Error(`${error.message}; ${reloaded}`);
  });
  const stored = (JSON.parse(await storageArea(options).everything()) as Record<string, any>)[SETTINGS_KEY];
  if (stored?.limits?.maxLeverage !== change.maxLeverage || stored?.fees?.[VENUE.id]?.takerPct !== change.takerPct) {
    throw new Error(`storage holds ${JSON.stringify(stored)}`);
  }
  return { saveToShown: shown.at! - savedAt, saveToVisible: visibleAt - savedAt, visibleToShown: shown.at! - visibleAt };
}

export const CHECKS: BrowserCheck[] = [
  {
    name: 'options: a save reaches an open Binance tab within 1 s (new taker fee and leverage limit on the panel)',
    async run(ctx) {
      await openStandin(ctx);
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      // Two windows side by side: the exchange tab stays visible while the user saves.
      const besideIt = await ctx.page.browser().newPage({ type: 'window' });
      try {
        await openExtensionPage(ctx.browser, OPTIONS_PAGE, '[data-action="save"]', besideIt);
        const timing = await saveAndTime(ctx, besideIt, { takerPct: NEW_TAKER_PCT, maxLeverage: NEW_MAX_LEVERAGE }, 'visible');
        console.log(`        ${ctx.browser.name}: options in another window: Save → the open tab shows the new figures in ${timing.saveToShown} ms`);
        if (timing.saveToShown > SAVE_TO_TAB_BUDGET_MS) throw new Error(`the open tab showed the saved settings ${timing.saveToShown} ms after Save (budget ${SAVE_TO_TAB_BUDGET_MS} ms)`);
      } finally {
        await besideIt.close();
      }
      // One window: the options page is a tab in front, the exchange tab hidden until the user switches
      // back. A hidden tab draws nothing (no animation frames), so its figures count from the switch.
      const options = await openOptions(ctx.browser);
      try {
        const timing = await saveAndTime(ctx, options, { takerPct: '0.07', maxLeverage: '30' }, 'hidden');
        console.log(
          `        ${ctx.browser.name}: options in a tab of the same window: Save → switch back ${timing.saveToVisible} ms, → new figures ${timing.saveToShown} ms (${timing.visibleToShown} ms after the switch)`,
        );
        if (timing.visibleToShown > SAVE_TO_TAB_BUDGET_MS) {
          throw new Error(`the tab showed the saved settings ${timing.visibleToShown} ms after it was brought back (budget ${SAVE_TO_TAB_BUDGET_MS} ms)`);
        }
      } finally {
        await resetStore(ctx.browser, options);
        await options.close();
      }
    },
  },
  {
    name: 'options: a corrupted store shows the notice on the options page, the panel and the pop-up, and falls back to defaults',
    async run(ctx) {
      let options = await openOptions(ctx.browser);
      let popup: Page | null = null;
      try {
        // Settings that differ from the defaults, so that the fallback shows.
        await fill(options, 'limits.maxLeverage', NEW_MAX_LEVERAGE);
        await fill(options, TAKER_PATH, NEW_TAKER_PCT);
        await saveOk(options);
        const garbage = '{"version": 3, "limits": {"maxLeve';
        await storageArea(options).set({ [SETTINGS_KEY]: garbage });
        // The background keeps the settings it loaded: a new one reads the garbage.
        await ctx.browser.stopBackground();

        await options.close();
        options = await openOptions(ctx.browser);
        await expectNotice(options, 'options page', 'settings.reset');
        const shown = { maxLeverage: await fieldValue(options, 'limits.maxLeverage'), taker: await fieldValue(options, TAKER_PATH) };
        if (shown.maxLeverage !== '' || shown.taker !== DEFAULT_SETTINGS.fees[VENUE.id].takerPct) {
          throw new Error(`the options page shows ${JSON.stringify(shown)} after the reset, not the defaults`);
        }
        const backups = (JSON.parse(await storageArea(options).everything()) as Record<string, any>).settingsBackups as { value: unknown }[] | undefined;
        if (!backups?.some((b) => b.value === garbage)) throw new Error(`the unreadable data is not in the backups: ${JSON.stringify(backups)}`);

        await ctx.page.bringToFront();
        await openStandin(ctx);
        await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
        await expectNotice(ctx.page, 'panel', 'settings.reset', true);
        const limits = await limitFields(ctx.page);
        if (limits.length > 0) throw new Error(`the panel still checks limits after the reset: ${limits.join(', ')}`);

        popup = await openExtensionPage(ctx.browser, POPUP_PAGE, '[data-status]:not([data-status="loading"])');
        await expectNotice(popup, 'pop-up', 'settings.reset');

        // A save from the options page acknowledges it: gone from the three places.
        await options.bringToFront();
        await saveOk(options);
        await expectNotice(options, 'options page after a save', null);
        await ctx.page.bringToFront(); // a hidden tab draws nothing
        await expectNotice(ctx.page, 'panel after a save', null, true);
        await popup.close();
        popup = await openExtensionPage(ctx.browser, POPUP_PAGE, '[data-status]:not([data-status="loading"])');
        await expectNotice(popup, 'pop-up after a save', null);
      } finally {
        await popup?.close();
        await resetStore(ctx.browser, options);
        await options.close();
      }
    },
  },
  {
    name: 'options: a bad import file is reported and changes nothing',
    async run(ctx) {
      const dir = mkdtempSync(path.join(tmpdir(), 'margin-lens-import-'));
      const options = await openOptions(ctx.browser);
      try {
        await fill(options, 'limits.maxLeverage', '7');
        await saveOk(options);
        const before = await storageArea(options).everything();

        await importFile(options, dir, 'not-json.json', '{"version": 3, "limits": {"maxLeverage": "5"');
        const refused = await options.$eval('[data-import="refused"]', (el) => el.getAttribute('data-reason'));
        if ((await importStatus(options)) !== 'refused' || refused !== 'settings.notJson') throw new Error(`a file that is not JSON: ${String(refused)}`);
        if ((await storageArea(options).everything()) !== before) throw new Error('a file that is not JSON changed the stored settings');

        const allInvalid = { version: SETTINGS_VERSION, limits: { maxLeverage: '0', maxLoss: '-5' }, theme: 'blue' };
        await importFile(options, dir, 'all-invalid.json', JSON.stringify(allInvalid));
        const outcome = { status: await importStatus(options), kept: await importList(options, 'kept'), rejected: await importList(options, 'rejected') };
        const want = { status: 'nothing', kept: [], rejected: ['limits.maxLeverage:setting.range', 'limits.maxLoss:setting.notNumber', 'theme:setting.notOneOf'] };
        if (JSON.stringify(outcome) !== JSON.stringify(want)) throw new Error(`a file of invalid values: ${JSON.stringify(outcome)}, expected ${JSON.stringify(want)}`);
        if ((await storageArea(options).everything()) !== before) throw new Error('a file of invalid values changed the stored settings');

        const newer = { version: SETTINGS_VERSION + 1, limits: { maxLeverage: '5' } };
        await importFile(options, dir, 'newer.json', JSON.stringify(newer));
        const newerReason = await options.$eval('[data-import="refused"]', (el) => el.getAttribute('data-reason'));
        if (newerReason !== 'settings.newer') throw new Error(`a file from a newer version: ${String(newerReason)}`);
        if ((await storageArea(options).everything()) !== before) throw new Error('a file from a newer version changed the stored settings');
        if ((await fieldValue(options, 'limits.maxLeverage')) !== '7') throw new Error('the form changed after refused imports');
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await resetStore(ctx.browser, options);
        await options.close();
      }
    },
  },
  {
    name: 'options: the page takes its theme from the settings and has no accessibility violation in either (axe-core)',
    async run(ctx) {
      const dir = mkdtempSync(path.join(tmpdir(), 'margin-lens-import-'));
      const options = await openOptions(ctx.browser);
      const theme = () => options.evaluate(() => document.documentElement.dataset.theme ?? '');
      try {
        for (const chosen of ['dark', 'light'] as const) {
          await chooseTheme(options, chosen);
          await saveOk(options);
          await pollUntil(theme, (t) => t === chosen, (t) => `the page is in the ${t} theme after saving ${chosen}`);
          // With the page's every kind of message on it: a field error and an import report.
          await fill(options, 'limits.maxLeverage', '2.5');
          if ((await save(options)) !== 'failed') throw new Error('an invalid leverage limit was saved');
          await importFile(options, dir, 'partial.json', JSON.stringify({ version: SETTINGS_VERSION, limits: { maxLoss: '100', maxLossPct: '500' } }));
          await expectNoAxeViolations(options, `options page, ${chosen} theme`);
          await fill(options, 'limits.maxLeverage', '');
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await resetStore(ctx.browser, options);
        await options.close();
      }
    },
  },
];
