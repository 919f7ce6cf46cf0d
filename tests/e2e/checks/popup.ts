/**
 * The toolbar pop-up end to end, in both browsers: on the Binance stand-in's tab it says the page is
 * read and summarises the order with the engine's liquidation prices; "Open in calculator" carries the
 * form's values; and the calculator's figures, typed by hand on any tab, are the engine's for the same
 * order (the expectation built here as an OrderScenario and computed by the engine in this process,
 * with the settings in force in the browser). The pop-up has no accessibility violation in either theme.
 *
 * The pop-up is opened as a tab (test browsers cannot click the toolbar button): loaded while the
 * stand-in's tab is the active one, it describes that tab, as when opened from the toolbar.
 */
import type { Page } from 'puppeteer-core';
import manifest from '../../../manifest.json';
import { CALCULATOR_MOVES } from '../../../src/background/calculator';
import type { Evaluation, OpenPosition, OrderScenario, PriceMove, Side } from '../../../src/contracts/evaluation';
import { evaluateOrder, RULES, tierForNotional } from '../../../src/engine/index';
import { priceMoves } from '../../../src/engine/price-moves';
import { D } from '../../../src/shared/decimal';
import { UiToBg, type Response } from '../../../src/contracts/messages';
import { feeRate, riskLimits, type Settings } from '../../../src/shared/settings';
import { bundledTable } from '../../../src/venues/tiers';
import { expectNoAxeViolations } from '../../support/axe';
import { openExtensionPage, saveSettings, sendFrom } from '../../support/extension-pages';
import type { TestBrowser } from '../../support/browsers';
import { pollUntil } from '../../support/poll';
import { BASE_CASE, evaluationOf, expectedFigures, standinUrl, VENUE } from '../cases/binance-usdm';
import type { BrowserCheck, CheckContext } from '../check';
import { diffFigures, waitForPanel, type Figures } from '../panel';

const POPUP_PAGE = manifest.action.default_popup;
const MODES = ['isolated', 'cross'] as const;
const CALC = '[data-section="calculator"]';

async function openStandin(ctx: CheckContext): Promise<void> {
  await ctx.page.goto(standinUrl(BASE_CASE, { 'si-seed': String(ctx.seed), 'si-delay': '150', 'si-storm': '0' }), { waitUntil: 'domcontentloaded' });
  await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
}

/**
 * The pop-up in a new tab, loaded while `describe` (if given) is the active tab, then brought to the
 * front (its calculator sends on animation frames, which a hidden tab does not get).
 */
async function openPopup(browser: TestBrowser, describe?: Page): Promise<Page> {
  const popup = await browser.newPage();
  if (describe) await describe.bringToFront();
  await openExtensionPage(browser, POPUP_PAGE, '[data-status]:not([data-status="loading"])', popup);
  await popup.bringToFront();
  return popup;
}

/** The settings the background uses now (other checks in this browser may have saved some). */
async function settingsIn(popup: Page): Promise<Settings> {
  return ((await sendFrom(popup, { type: UiToBg.settingsGet })) as Response<'ui-bg-settings-get'>).settings;
}

/** data-field → data-value of every figure inside `scope`. */
function figuresIn(page: Page, scope: string): Promise<Figures> {
  return page.$$eval(`${scope} [data-field]`, (els) => Object.fromEntries(els.map((el) => [el.getAttribute('data-field') ?? '', el.getAttribute('data-value') ?? ''])));
}

/** Sets a field as a paste would: the whole value at once, one input event. */
async function fill(page: Page, name: string, value: string): Promise<void> {
  await page.$eval(
    `${CALC} [name="${name}"]`,
    (el, v) => {
      (el as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

async function choose(page: Page, selector: string): Promise<void> {
  await page.$eval(`${CALC} ${selector}`, (el) => (el as HTMLInputElement).click());
}

/** What the calculator must show for a scenario: every figure of its side, and the slider's move. */
function expectedCalculator(scenario: OrderScenario, side: Side, movePct: string): Figures {
  const evaluation = evaluateOrder(scenario);
  if ('error' in evaluation) throw new Error(`engine refused: ${evaluation.error.field}: ${evaluation.error.reason.code}`);
  const moves = priceMoves(scenario, side, CALCULATOR_MOVES);
  if ('error' in moves) throw new Error(`engine refused the moves: ${moves.error.field}`);
  const figures: Figures = {};
  const s = evaluation.sides[0]!;
  for (const mode of MODES) {
    for (const [key, f] of Object.entries(s[mode])) {
      if (f && typeof f === 'object' && 'kind' in f) figures[`${side}.${mode}.${key}`] = f.kind === 'value' ? f.value : f.kind;
    }
  }
  const move = moves.find((m: PriceMove) => m.movePct === movePct)!;
  for (const mode of MODES) {
    const at = move[mode];
    figures[`move.${mode}.pnl`] = at ? at.pnl : 'unavailable';
    figures[`move.${mode}.marginRatioPct`] = at ? (at.marginRatioPct ?? 'none') : 'unavailable';
    figures[`move.${mode}.risk`] = at ? at.risk : 'unavailable';
  }
  return figures;
}

/** Every figure the calculator shows equals the engine's, and it shows the liquidation prices and the move. */
async function waitForCalculator(page: Page, expected: Figures, what: string): Promise<void> {
  const problems = (shown: Figures) => {
    const required = [...MODES.map((m) => `${Object.keys(shown).find((f) => f.endsWith(`.${m}.liquidationPrice`)) ? '' : `no ${m} liquidation price`}`), ...MODES.map((m) => (`move.${m}.pnl` in shown ? '' : `no move.${m}.pnl`))];
    const extra = Object.keys(shown).filter((f) => !(f in expected) && !f.includes('.limit.'));
    const known = Object.fromEntries(Object.keys(shown).filter((f) => f in expected).map((f) => [f, expected[f]!]));
    return [...required.filter(Boolean), ...extra.map((f) => `${f}: not an engine figure`), ...diffFigures(known, shown)];
  };
  await pollUntil(
    () => figuresIn(page, CALC),
    (shown) => Object.keys(shown).length > 0 && problems(shown).length === 0,
    (shown) => `${what}:\n${Object.keys(shown).length === 0 ? 'no figures' : problems(shown).join('\n')}`,
    15_000,
  );
}

/** The calculator's scenario for a hand-typed order, built here from the registry and the settings. */
function calculatorScenario(settings: Settings, order: { symbol: string; side: Side; entry: string; mark: string; leverage: string; quantity: string; wallet: string; others: OpenPosition[]; addedMargin?: string }): OrderScenario {
  const table = bundledTable(VENUE.id, order.symbol);
  if (!table) throw new Error(`no bundled table for ${order.symbol}`);
  const otherPnl = order.others.reduce((sum, o) => sum.plus(new D(o.size).times(new D(o.markPrice).minus(o.entryPrice)).times(o.side === 'long' ? 1 : -1)), new D(0));
  return {
    rule: VENUE.rule,
    symbol: order.symbol,
    quoteAsset: 'USDT',
    positionMode: 'oneWay',
    sides: [order.side],
    action: 'open',
    order: { type: 'limit', price: order.entry, quantity: order.quantity, leverage: order.leverage },
    market: { markPrice: order.mark, maintenance: { table }, takerRate: feeRate(settings.fees[VENUE.id].takerPct), lotStep: '0.001' },
    account: {
      existing: [],
      addedIsolatedMargin: order.addedMargin,
      cross: { walletBalance: order.wallet, otherPositions: order.others },
      accountEquity: new D(order.wallet).plus(otherPnl).toFixed(),
    },
    limits: riskLimits(settings),
  };
}

/** Another cross position with its maintenance from its bundled tier table at its mark. */
function otherPosition(symbol: string, side: Side, size: string, entryPrice: string, markPrice: string): OpenPosition {
  const table = bundledTable(VENUE.id, symbol)!;
  const tier = tierForNotional(table, RULES[VENUE.rule], new D(size).times(markPrice))!;
  return { symbol, side, size, entryPrice, markPrice, maintenanceRate: tier.rate.toFixed(), maintenanceAmount: tier.amount.toFixed(), table };
}

export const CHECKS: BrowserCheck[] = [
  {
    name: 'popup: on the Binance stand-in tab, the page is read and the order summarised with the engine\'s liquidation prices; "Open in calculator" carries the form\'s values and computes them',
    async run(ctx) {
      await openStandin(ctx);
      const popup = await openPopup(ctx.browser, ctx.page);
      try {
        const tab = '[data-section="tab"]';
        await popup.waitForSelector(`${tab} [data-read="ok"]`, { timeout: 10_000 });
        const summary = await popup.$$eval(`${tab} [data-summary]`, (els) => Object.fromEntries(els.map((el) => [el.getAttribute('data-summary'), el.getAttribute('data-value') ?? el.textContent])));
        const want = { symbol: BASE_CASE.symbol, sides: 'long short', size: BASE_CASE.qty, leverage: String(BASE_CASE.lev), mode: BASE_CASE.mode };
        if (JSON.stringify(summary) !== JSON.stringify(want)) throw new Error(`summary ${JSON.stringify(summary)}, expected ${JSON.stringify(want)}`);
        const evaluation: Evaluation = evaluationOf(BASE_CASE);
        const liquidation: Figures = {};
        for (const side of evaluation.sides) {
          for (const mode of MODES) {
            const f = side[mode].liquidationPrice;
            liquidation[`${side.side}.${mode}.liquidationPrice`] = f.kind === 'value' ? f.value : f.kind;
          }
        }
        const shown = await figuresIn(popup, tab);
        const differences = diffFigures(liquidation, shown);
        if (differences.length > 0) throw new Error(`pop-up summary:\n${differences.join('\n')}`);
        for (const picture of ['price-ladder', 'pnl-chart']) {
          for (const side of ['long', 'short']) await popup.waitForSelector(`${tab} svg[data-picture="${picture}"][data-side="${side}"][role="img"]`, { timeout: 5000 });
        }

        await popup.click(`${tab} [data-action="open-in-calculator"]`);
        const values = () =>
          popup.$$eval(`${CALC} input[type="text"], ${CALC} input[type="range"], ${CALC} select`, (els) =>
            Object.fromEntries(els.map((el) => [(el as HTMLInputElement).name, (el as HTMLInputElement).value])),
          );
        const carried = { venue: VENUE.id, symbolChoice: BASE_CASE.symbol, entryPrice: BASE_CASE.price, markPrice: BASE_CASE.mark, leverage: String(BASE_CASE.lev), size: BASE_CASE.qty, walletBalance: BASE_CASE.wallet };
        await pollUntil(
          values,
          (v) => Object.entries(carried).every(([k, want]) => v[k] === want),
          (v) => `calculator fields ${JSON.stringify(v)}, expected ${JSON.stringify(carried)}`,
        );
        const side = await popup.$eval(`${CALC} [name="side"]:checked`, (el) => (el as HTMLInputElement).value);
        if (side !== 'long') throw new Error(`calculator side ${side}, expected long (the form's first side)`);
        const settings = await settingsIn(popup);
        const scenario = calculatorScenario(settings, { symbol: BASE_CASE.symbol, side: 'long', entry: BASE_CASE.price, mark: BASE_CASE.mark, leverage: String(BASE_CASE.lev), quantity: BASE_CASE.qty, wallet: BASE_CASE.wallet, others: [] });
        await waitForCalculator(popup, expectedCalculator(scenario, 'long', '0'), 'calculator filled from the tab');
      } finally {
        await popup.close();
      }
    },
  },
  {
    name: 'popup: the calculator, typed by hand, shows the engine\'s figures for the same order, at the price-move slider too',
    async run(ctx) {
      const popup = await openPopup(ctx.browser);
      try {
        await popup.waitForSelector(`${CALC} [name="entryPrice"]`, { timeout: 10_000 });
        await popup.select(`${CALC} [name="venue"]`, VENUE.id);
        await popup.select(`${CALC} [name="symbolChoice"]`, 'ETHUSDT');
        await choose(popup, '[name="side"][value="short"]');
        await fill(popup, 'entryPrice', '3000');
        await fill(popup, 'markPrice', '3010');
        await fill(popup, 'leverage', '25');
        await choose(popup, '[name="amountBy"][value="margin"]');
        await fill(popup, 'margin', '600');
        await fill(popup, 'walletBalance', '5000');
        await popup.click(`${CALC} [data-action="add-position"]`);
        await popup.waitForSelector(`${CALC} [name="otherPositions.0.symbol"]`);
        await fill(popup, 'otherPositions.0.symbol', 'BTCUSDT');
        await fill(popup, 'otherPositions.0.size', '0.1');
        await fill(popup, 'otherPositions.0.entryPrice', '60000');
        await fill(popup, 'otherPositions.0.markPrice', '61000');
        await fill(popup, 'addedIsolatedMargin', '50');
        await popup.waitForSelector(`${CALC} [name="movePct"]`, { timeout: 10_000 });
        await fill(popup, 'movePct', String(CALCULATOR_MOVES.indexOf('-20')));
        const settings = await settingsIn(popup);
        // 600 margin × 25 ÷ 3000 = 5 ETH.
        const scenario = calculatorScenario(settings, {
          symbol: 'ETHUSDT', side: 'short', entry: '3000', mark: '3010', leverage: '25', quantity: '5', wallet: '5000',
          others: [otherPosition('BTCUSDT', 'long', '0.1', '60000', '61000')], addedMargin: '50',
        });
        await waitForCalculator(popup, expectedCalculator(scenario, 'short', '-20'), 'calculator typed by hand');
      } finally {
        await popup.close();
      }
    },
  },
  {
    name: 'popup: no accessibility violation (axe-core) in either theme, with the tab summary, the calculator\'s figures and an invalid field',
    async run(ctx) {
      await openStandin(ctx);
      const first = await openPopup(ctx.browser);
      const before = (await settingsIn(first)).theme;
      await first.close();
      for (const theme of ['dark', 'light'] as const) {
        await saveSettings(ctx.browser, { theme });
        const popup = await openPopup(ctx.browser, ctx.page);
        try {
          await pollUntil(() => popup.evaluate(() => document.documentElement.dataset.theme ?? ''), (t) => t === theme, (t) => `the pop-up is in the ${t} theme, expected ${theme}`);
          await popup.waitForSelector('[data-section="tab"] [data-read="ok"]', { timeout: 10_000 });
          await popup.click('[data-action="open-in-calculator"]');
          await popup.waitForSelector(`${CALC} [data-calc="ready"]`, { timeout: 10_000 });
          // Open the pictures' text alternatives, so their text is checked too.
          await popup.$$eval('details', (els) => els.forEach((d) => ((d as HTMLDetailsElement).open = true)));
          await expectNoAxeViolations(popup, `pop-up, ${theme} theme, tab summary and calculator`);
          await fill(popup, 'entryPrice', '60,000');
          await popup.waitForSelector(`${CALC} [data-error-for="entryPrice"]`, { timeout: 10_000 });
          await expectNoAxeViolations(popup, `pop-up, ${theme} theme, an invalid field`);
        } finally {
          await popup.close();
        }
      }
      await saveSettings(ctx.browser, { theme: before });
    },
  },
];
