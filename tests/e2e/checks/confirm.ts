/**
 * The confirm step end to end (README: Pre-submit check), in both browsers on the Binance USDⓈ-M stand-in:
 * the limits and preSubmitCheck 'confirm' are saved through the background from an extension page, the
 * stand-in is opened, and the trader's real clicks on the form's own buttons are either held back (the
 * page's listener never runs: the stand-in records no submit) or reach the page. Every expectation of
 * whether a click may be held comes from the engine's figures for the same form.
 */
import type { Page } from 'puppeteer-core';
import type { Evaluation, OrderScenario, RiskLimits, Side } from '../../../src/contracts/evaluation';
import { evaluateOrder } from '../../../src/engine/index';
import { DEFAULT_SETTINGS, type SettingsPatch } from '../../../src/shared/settings';
import { saveSettings } from '../../support/extension-pages';
import { expectNoAxeViolations } from '../../support/axe';
import { pollUntil } from '../../support/poll';
import { BASE_CASE, orderScenario, standinUrl, type Case, type PositionSpec } from '../cases/binance-usdm';
import { mustDiffer, type BrowserCheck, type CheckContext } from '../check';
import { allUnavailable, figuresOf } from '../expect';
import { waitForPanel } from '../panel';
import { liveFormControl, pageWrite, standin } from '../standin';

/** 20x on the form against a 10x limit: fails in both margin modes, whatever the order's size. */
const LIMITS: RiskLimits = { maxLeverage: '10' };
const CONFIRM: SettingsPatch = { 'limits.maxLeverage': LIMITS.maxLeverage!, preSubmitCheck: 'confirm' };
const DEFAULTS: SettingsPatch = { 'limits.maxLeverage': DEFAULT_SETTINGS.limits.maxLeverage, preSubmitCheck: DEFAULT_SETTINGS.preSubmitCheck };

/** Runs a check with the limit and the confirm step on, and puts the defaults back for the checks after it. */
function withConfirm(name: string, run: (ctx: CheckContext) => Promise<void>): BrowserCheck {
  return {
    name: `confirm: ${name}`,
    async run(ctx) {
      await saveSettings(ctx.browser, CONFIRM);
      try {
        await run(ctx);
      } finally {
        await saveSettings(ctx.browser, DEFAULTS);
      }
    },
  };
}

function open(ctx: CheckContext, c: Case, extra: Record<string, string> = {}): Promise<unknown> {
  return ctx.page.goto(standinUrl(c, { 'si-seed': String(ctx.seed), 'si-delay': '150', 'si-storm': '0', ...extra }), {
    waitUntil: 'domcontentloaded',
  });
}

function evaluate(scenario: OrderScenario): Evaluation {
  const result = evaluateOrder({ ...scenario, limits: LIMITS });
  if ('error' in result) throw new Error(`engine refused the case: ${result.error.field}: ${result.error.reason.code}`);
  return result;
}

/** The premise of a check, from the engine: whether a click on that side's button may be held back. */
function expectHeld(evaluation: Evaluation, side: Side, held: boolean): void {
  const figures = evaluation.sides.find((s) => s.side === side);
  if (!figures) throw new Error(`the engine gives no ${side} side`);
  const current = evaluation.currentMode ?? 'cross';
  const fails = figures[current].limits.some((c) => c.status === 'fail');
  const reduces = figures.effect === 'reduces' || figures.effect === 'closes';
  if (held !== (fails && !reduces && figures.effect !== null)) {
    throw new Error(`the case cannot show it: the engine says ${side} ${figures.effect ?? 'unknown effect'}, limits ${figures[current].limits.map((c) => c.status).join(',') || 'none'}`);
  }
}

interface ConfirmReading {
  pending: string[];
  dialogs: number;
  submits: string[];
}

async function readConfirm(page: Page): Promise<ConfirmReading> {
  const panel = await page.evaluate(() => {
    const shadow = document.getElementById('margin-lens-panel')?.shadowRoot;
    return {
      pending: [...(shadow?.querySelectorAll('[data-confirm="pending"]') ?? [])].map((el) => el.getAttribute('data-side') ?? ''),
      dialogs: shadow?.querySelectorAll('[role="alertdialog"]').length ?? 0,
    };
  });
  return { ...panel, submits: await standin(page).submits() };
}

/** A real mouse click on the live form's control with this label. */
async function clickControl(page: Page, label: string): Promise<void> {
  const control = await liveFormControl(page, label);
  await control.click();
  await control.dispose();
}

/** A real mouse click on the live form's button with this label, then what the panel and the page show. */
async function clickAndRead(page: Page, label: string): Promise<ConfirmReading> {
  await clickControl(page, label);
  return readConfirm(page);
}

function expectReading(actual: ConfirmReading, expected: { pending: string[]; submits: string[] }, what: string): void {
  const dialogs = expected.pending.length > 0 ? 1 : 0;
  const same = JSON.stringify(actual.pending) === JSON.stringify(expected.pending) && JSON.stringify(actual.submits) === JSON.stringify(expected.submits) && actual.dialogs === dialogs;
  if (!same) {
    throw new Error(`${what}: expected held ${JSON.stringify(expected.pending)}, ${dialogs} dialog, submits ${JSON.stringify(expected.submits)}; got ${JSON.stringify(actual)}`);
  }
}

const ownLong: PositionSpec = { symbol: 'BTCUSDT', side: 'long', size: '0.05', entry: '59000', mark: BASE_CASE.mark, mode: 'cross', lev: 20 };
/** A 0.1 order against a 0.05 long: the buy button adds, the sell button flips it (both held back)... */
const flipsOwnLong: Case = { ...BASE_CASE, positions: [ownLong] };
/** ...while a 0.03 sell only reduces it. */
const reducesOwnLong: Case = { ...flipsOwnLong, qty: '0.03' };

export const CHECKS: BrowserCheck[] = [
  withConfirm('a click that breaks a limit is held back, the second within 5 s passes, each side on its own, judged afresh after the window', async (ctx) => {
    const evaluation = evaluate(orderScenario(BASE_CASE));
    expectHeld(evaluation, 'long', true);
    expectHeld(evaluation, 'short', true);
    await open(ctx, BASE_CASE);
    await waitForPanel(ctx.page, figuresOf(evaluation));

    expectReading(await clickAndRead(ctx.page, 'Buy/Long'), { pending: ['long'], submits: [] }, 'first Buy/Long click');
    expectReading(await clickAndRead(ctx.page, 'Sell/Short'), { pending: ['long', 'short'], submits: [] }, 'first Sell/Short click');
    expectReading(await clickAndRead(ctx.page, 'Buy/Long'), { pending: ['short'], submits: ['buyLong'] }, 'second Buy/Long click');
    expectReading(await clickAndRead(ctx.page, 'Sell/Short'), { pending: [], submits: ['buyLong', 'sellShort'] }, 'second Sell/Short click');
    // A click after one passed is judged afresh; when its window ends, the hold clears by itself.
    expectReading(await clickAndRead(ctx.page, 'Buy/Long'), { pending: ['long'], submits: ['buyLong', 'sellShort'] }, 'third Buy/Long click');
    await pollUntil(
      () => readConfirm(ctx.page),
      (r) => r.pending.length === 0 && r.dialogs === 0,
      (r) => `the hold did not clear after its window: ${JSON.stringify(r)}`,
    );
    expectReading(await clickAndRead(ctx.page, 'Buy/Long'), { pending: ['long'], submits: ['buyLong', 'sellShort'] }, 'a click after the window');
  }),

  withConfirm('the dialog takes the focus and Escape cancels the hold', async (ctx) => {
    await open(ctx, BASE_CASE);
    await waitForPanel(ctx.page, figuresOf(evaluate(orderScenario(BASE_CASE))));
    expectReading(await clickAndRead(ctx.page, 'Buy/Long'), { pending: ['long'], submits: [] }, 'first click');
    const focused = await ctx.page.evaluate(() => document.getElementById('margin-lens-panel')?.shadowRoot?.activeElement?.getAttribute('data-action') ?? null);
    if (focused !== 'cancel') throw new Error(`the dialog's Cancel button does not have the focus (${String(focused)})`);
    await ctx.page.keyboard.press('Escape');
    expectReading(await readConfirm(ctx.page), { pending: [], submits: [] }, 'after Escape');
    // Cancelled: the next click is judged afresh, not let through.
    expectReading(await clickAndRead(ctx.page, 'Buy/Long'), { pending: ['long'], submits: [] }, 'a click after Escape');
  }),

  withConfirm('reduce-only ticked, an order that only reduces, and the hedge Close tab are never held back', async (ctx) => {
    // Reduce-only: the sell button flips the long (held back) until the box is ticked.
    const flips = orderScenario(flipsOwnLong);
    expectHeld(evaluate(flips), 'short', true);
    await open(ctx, flipsOwnLong);
    await waitForPanel(ctx.page, figuresOf(evaluate(flips)));
    expectReading(await clickAndRead(ctx.page, 'Sell/Short'), { pending: ['short'], submits: [] }, 'Sell/Short flipping the long');
    const cancel = await ctx.page.evaluateHandle(() => document.getElementById('margin-lens-panel')!.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="cancel"]')!);
    await cancel.click(); // the dialog's own Cancel button, with the mouse
    await cancel.dispose();
    expectReading(await readConfirm(ctx.page), { pending: [], submits: [] }, 'after Cancel');
    const reduceOnly = figuresOf(evaluate({ ...flips, account: { ...flips.account, reduceOnly: true } }));
    mustDiffer(figuresOf(evaluate(flips)), reduceOnly, 'Reduce-Only ticked and not');
    await clickControl(ctx.page, 'Reduce-Only');
    await waitForPanel(ctx.page, reduceOnly);
    expectReading(await clickAndRead(ctx.page, 'Sell/Short'), { pending: [], submits: ['sellShort'] }, 'Sell/Short with Reduce-Only ticked');
    await clickControl(ctx.page, 'Reduce-Only');

    // An order against the position that does not flip it: never held, while the other side (adds) is.
    const reduces = evaluate(orderScenario(reducesOwnLong));
    expectHeld(reduces, 'short', false);
    expectHeld(reduces, 'long', true);
    await pageWrite(ctx.page, 'qty', reducesOwnLong.qty);
    await waitForPanel(ctx.page, figuresOf(reduces));
    expectReading(await clickAndRead(ctx.page, 'Sell/Short'), { pending: [], submits: ['sellShort', 'sellShort'] }, 'Sell/Short reducing the long');
    expectReading(await clickAndRead(ctx.page, 'Buy/Long'), { pending: ['long'], submits: ['sellShort', 'sellShort'] }, 'Buy/Long adding to the long');

    // Hedge mode: the Open tab is held back, the Close tab never.
    const hedge: OrderScenario = { ...orderScenario(BASE_CASE), positionMode: 'hedge' };
    expectHeld(evaluate(hedge), 'long', true);
    await open(ctx, BASE_CASE, { 'si-posmode': 'hedge', 'si-action': 'open' });
    await waitForPanel(ctx.page, figuresOf(evaluate(hedge)));
    expectReading(await clickAndRead(ctx.page, 'Open Long'), { pending: ['long'], submits: [] }, 'Open Long');
    // The hold belongs to the long side, and Close Long is the long side's button: cancel it first.
    await ctx.page.keyboard.press('Escape');
    expectReading(await readConfirm(ctx.page), { pending: [], submits: [] }, 'after Escape');
    const closing = figuresOf(evaluate({ ...hedge, action: 'close' }));
    mustDiffer(figuresOf(evaluate(hedge)), closing, 'the Open and the Close tab');
    await clickControl(ctx.page, 'Close');
    await waitForPanel(ctx.page, closing);
    expectReading(await clickAndRead(ctx.page, 'Close Long'), { pending: [], submits: ['closeLong'] }, 'Close Long');
    expectReading(await clickAndRead(ctx.page, 'Close Short'), { pending: [], submits: ['closeLong', 'closeShort'] }, 'Close Short');
  }),

  withConfirm('an unevaluable form is never held back', async (ctx) => {
    await open(ctx, BASE_CASE);
    const evaluation = evaluate(orderScenario(BASE_CASE));
    await waitForPanel(ctx.page, figuresOf(evaluation));
    expectReading(await clickAndRead(ctx.page, 'Buy/Long'), { pending: ['long'], submits: [] }, 'a click on the readable form');
    await ctx.page.keyboard.press('Escape');
    expectReading(await readConfirm(ctx.page), { pending: [], submits: [] }, 'after Escape');
    await pageWrite(ctx.page, 'qty', '');
    await waitForPanel(ctx.page, allUnavailable(figuresOf(evaluation)), { onlyNotes: ['evaluate.cantRead'] });
    expectReading(await clickAndRead(ctx.page, 'Buy/Long'), { pending: [], submits: ['buyLong'] }, 'a click on the form without a quantity');
  }),

  withConfirm('the panel has no accessibility violation (axe-core) in either theme: expanded, limits and pictures open, the dialog shown', async (ctx) => {
    // A passing limit next to the failing one, so both kinds of row are checked.
    const rows: SettingsPatch = { 'limits.minLiquidationDistancePct': '1' };
    const evaluation = evaluateOrder({ ...orderScenario(BASE_CASE), limits: { ...LIMITS, minLiquidationDistancePct: '1' } });
    if ('error' in evaluation) throw new Error(`engine refused the case: ${evaluation.error.field}`);
    const statuses = new Set(evaluation.sides.flatMap((s) => [...s.isolated.limits, ...s.cross.limits].map((c) => c.status)));
    if (!statuses.has('pass') || !statuses.has('fail')) throw new Error(`the case shows limits ${[...statuses].join(', ')}, not both pass and fail`);
    try {
      for (const theme of ['dark', 'light'] as const) {
        await saveSettings(ctx.browser, { ...rows, theme });
        await ctx.page.bringToFront();
        await open(ctx, BASE_CASE);
        await waitForPanel(ctx.page, figuresOf(evaluation));
        await pollUntil(
          () => ctx.page.evaluate(() => document.getElementById('margin-lens-panel')?.dataset.theme ?? ''),
          (shown) => shown === theme,
          (shown) => `the panel is in the ${shown} theme, expected ${theme}`,
        );
        // Every section open (limits, pictures and their text alternatives, more figures, stress).
        const sections = await ctx.page.evaluate(() => {
          const details = [...(document.getElementById('margin-lens-panel')?.shadowRoot?.querySelectorAll('details') ?? [])];
          details.forEach((d) => (d.open = true));
          return details.map((d) => d.getAttribute('data-role') ?? d.className);
        });
        for (const role of ['limits', 'pictures']) if (!sections.includes(role)) throw new Error(`no ${role} section on the panel (${sections.join(', ')})`);
        expectReading(await clickAndRead(ctx.page, 'Buy/Long'), { pending: ['long'], submits: [] }, `${theme} theme: first Buy/Long click`);
        await expectNoAxeViolations(ctx.page, `panel, ${theme} theme, expanded with the dialog`, '#margin-lens-panel');
        await ctx.page.keyboard.press('Escape');
      }
    } finally {
      await saveSettings(ctx.browser, { 'limits.minLiquidationDistancePct': DEFAULT_SETTINGS.limits.minLiquidationDistancePct, theme: DEFAULT_SETTINGS.theme });
    }
  }),
];
