/**
 * The confirm step end to end (README: Pre-submit check), the same way on every venue's stand-in: limits
 * and preSubmitCheck 'confirm' are saved through the background from an extension page, the stand-in is
 * opened, and the trader's real clicks on the form's own submit buttons are either held back (the page
 * never sees the click) or reach the page. Every expectation of whether a click may be held comes from the
 * engine's figures for the same form (evaluateOrder with the same limits), and the panel must show the
 * limit checks the engine gives: a failing one (leverage) and a passing one (distance to liquidation).
 */
import type { Page } from 'puppeteer-core';
import type { Evaluation, OrderScenario, RiskLimits, Side } from '../../src/contracts/evaluation';
import { DEFAULT_SETTINGS, type SettingsPatch } from '../../src/shared/settings';
import { saveSettings } from '../support/extension-pages';
import { pollUntil } from '../support/poll';
import { evaluated } from './cases/common';
import { mustDiffer, type BrowserCheck, type CheckContext } from './check';
import { allUnavailable, figuresOf, limitFiguresOf } from './expect';
import { waitForPanel, type Figures } from './panel';
import { formControl, pageWrite, type FormRootFinder } from './standin';
import { venueChecks, type VenueCases } from './venue-checks';

/**
 * 20x on the forms against a 10x limit fails in both margin modes whatever the order's size; a 1%
 * distance to liquidation passes at 20x, so the panel shows a passing check beside the failing one.
 */
export const LIMITS: RiskLimits = { maxLeverage: '10', minLiquidationDistancePct: '1' };
const CONFIRM: SettingsPatch = { 'limits.maxLeverage': LIMITS.maxLeverage!, 'limits.minLiquidationDistancePct': LIMITS.minLiquidationDistancePct!, preSubmitCheck: 'confirm' };
const DEFAULTS: SettingsPatch = {
  'limits.maxLeverage': DEFAULT_SETTINGS.limits.maxLeverage,
  'limits.minLiquidationDistancePct': DEFAULT_SETTINGS.limits.minLiquidationDistancePct,
  preSubmitCheck: DEFAULT_SETTINGS.preSubmitCheck,
};

/** The engine's Evaluation for a scenario under the confirm checks' limits. */
export function evaluate(scenario: OrderScenario): Evaluation {
  return evaluated({ ...scenario, limits: LIMITS });
}

/** What the panel must show for an Evaluation here: the figures and every limit check. */
export function shownFor(evaluation: Evaluation): Figures {
  return { ...figuresOf(evaluation), ...limitFiguresOf(evaluation) };
}

/** The premise of a check, from the engine: whether a click on that side's button may be held back. */
export function expectHeld(evaluation: Evaluation, side: Side, held: boolean): void {
  const figures = evaluation.sides.find((s) => s.side === side);
  if (!figures) throw new Error(`the engine gives no ${side} side`);
  const current = evaluation.currentMode ?? 'cross';
  const fails = figures[current].limits.some((c) => c.status === 'fail');
  const reduces = figures.effect === 'reduces' || figures.effect === 'closes';
  if (held !== (fails && !reduces && figures.effect !== null)) {
    throw new Error(`the case cannot show it: the engine says ${side} ${figures.effect ?? 'unknown effect'}, limits ${figures[current].limits.map((c) => c.status).join(',') || 'none'}`);
  }
}

/** The premise that the panel shows a failing and a passing limit check for the case. */
function expectFailAndPass(evaluation: Evaluation): void {
  const statuses = new Set(Object.values(limitFiguresOf(evaluation)));
  if (!statuses.has('pass') || !statuses.has('fail')) throw new Error(`the case shows limits ${[...statuses].join(', ')}, not both pass and fail`);
}

/** A venue's page as the confirm checks drive it. */
export interface ConfirmPage<C extends { qty: string }> {
  /** The venue's cases (its id prefixes every check's name; its stand-in is opened as the venue checks do). */
  cases: VenueCases<C>;
  formRoot: FormRootFinder;
  /**
   * The labels of the submit clicks the page received, in order. Without it, a listener on the document
   * records the clicks on these labels: the confirm step holds a click on the window, before it.
   */
  submits?(page: Page): Promise<string[]>;
  submitLabels: readonly string[];
}

/** Installed in the page after each load: the submit clicks that reached the document. */
function recordSubmits(page: Page, labels: readonly string[]): Promise<unknown> {
  return page.evaluate(`(() => {
    const labels = ${JSON.stringify(labels)};
    const seen = (window.__e2eSubmits = []);
    document.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      const text = button ? (button.textContent || '').replace(/\\s+/g, ' ').trim() : '';
      if (labels.includes(text)) seen.push(text);
    }, true);
  })()`);
}

/** The hedge form's labels: the Close tab, the long side's Open button, and the two Close buttons. */
export interface CloseTabLabels {
  close: string;
  openLong: string;
  closeLong: string;
  closeShort: string;
}

interface ConfirmReading {
  pending: string[];
  dialogs: number;
  submits: string[];
}

/** The confirm checks' driver of one venue's page. */
export function confirmStep<C extends { qty: string }>(venue: ConfirmPage<C>) {
  const openStandin = venueChecks(venue.cases).open;
  const open = async (ctx: CheckContext, c: C, extra: Record<string, string> = {}): Promise<void> => {
    await openStandin(ctx, c, extra);
    if (!venue.submits) await recordSubmits(ctx.page, venue.submitLabels);
  };

  const submits = (page: Page): Promise<string[]> =>
    venue.submits ? venue.submits(page) : page.evaluate(() => (window as unknown as { __e2eSubmits: string[] }).__e2eSubmits);

  const read = async (page: Page): Promise<ConfirmReading> => {
    const panel = await page.evaluate(() => {
      const shadow = document.getElementById('margin-lens-panel')?.shadowRoot;
      return {
        pending: [...(shadow?.querySelectorAll('[data-confirm="pending"]') ?? [])].map((el) => el.getAttribute('data-side') ?? ''),
        dialogs: shadow?.querySelectorAll('[role="alertdialog"]').length ?? 0,
      };
    });
    return { ...panel, submits: await submits(page) };
  };

  /** A real mouse click on the live form's control with this label. */
  const click = async (page: Page, label: string): Promise<void> => {
    const control = await formControl(page, venue.formRoot, label);
    await control.click();
    await control.dispose();
  };

  /** A real mouse click on the live form's button with this label, then what the panel and the page show. */
  const clickAndRead = async (page: Page, label: string): Promise<ConfirmReading> => {
    await click(page, label);
    return read(page);
  };

  const expectReading = (actual: ConfirmReading, expected: { pending: string[]; submits: string[] }, what: string): void => {
    const dialogs = expected.pending.length > 0 ? 1 : 0;
    const same =
      JSON.stringify(actual.pending) === JSON.stringify(expected.pending) && JSON.stringify(actual.submits) === JSON.stringify(expected.submits) && actual.dialogs === dialogs;
    if (!same) {
      throw new Error(`${what}: expected held ${JSON.stringify(expected.pending)}, ${dialogs} dialog, submits ${JSON.stringify(expected.submits)}; got ${JSON.stringify(actual)}`);
    }
  };

  /** Escape in the dialog: nothing held any more, nothing submitted since `submitted`. */
  const escape = async (page: Page, submitted: string[]): Promise<void> => {
    await page.keyboard.press('Escape');
    expectReading(await read(page), { pending: [], submits: submitted }, 'after Escape');
  };

  /** Runs a check with the limits and the confirm step on, and puts the defaults back for the checks after it. */
  const withConfirm = (name: string, run: (ctx: CheckContext) => Promise<void>): BrowserCheck => ({
    name: `${venue.cases.id}: confirm: ${name}`,
    async run(ctx) {
      await saveSettings(ctx.browser, CONFIRM);
      try {
        await run(ctx);
      } finally {
        await saveSettings(ctx.browser, DEFAULTS);
      }
    },
  });

  /** The hedge Open tab's buttons are held back, the Close tab's never (they only close). */
  const closeTab = async (ctx: CheckContext, base: C, hedge: OrderScenario, labels: CloseTabLabels, extra: Record<string, string>): Promise<void> => {
    const opening = evaluate(hedge);
    expectHeld(opening, 'long', true);
    const closing = evaluate({ ...hedge, action: 'close' });
    expectHeld(closing, 'long', false);
    expectHeld(closing, 'short', false);
    mustDiffer(shownFor(opening), shownFor(closing), 'the Open and the Close tab');
    await open(ctx, base, extra);
    await waitForPanel(ctx.page, shownFor(opening));
    expectReading(await clickAndRead(ctx.page, labels.openLong), { pending: ['long'], submits: [] }, labels.openLong);
    // The hold belongs to the long side, and Close Long is the long side's button: cancel it first.
    await escape(ctx.page, []);
    await click(ctx.page, labels.close);
    await waitForPanel(ctx.page, shownFor(closing));
    expectReading(await clickAndRead(ctx.page, labels.closeLong), { pending: [], submits: [labels.closeLong] }, labels.closeLong);
    expectReading(await clickAndRead(ctx.page, labels.closeShort), { pending: [], submits: [labels.closeLong, labels.closeShort] }, labels.closeShort);
  };

  return {
    open,
    read,
    closeTab,
    click,
    clickAndRead,
    expectReading,
    escape,
    withConfirm,

    /**
     * A form with one button per side: the first click of each is held back, the second within 5 s
     * passes, each side on its own; a click after one passed is judged afresh, and its hold clears by
     * itself when the window ends.
     */
    heldThenPassed(name: string, base: C, scenario: OrderScenario, buttons: Record<Side, string>, extra: Record<string, string> = {}): BrowserCheck {
      return withConfirm(name, async (ctx) => {
        const evaluation = evaluate(scenario);
        expectFailAndPass(evaluation);
        expectHeld(evaluation, 'long', true);
        expectHeld(evaluation, 'short', true);
        await open(ctx, base, extra);
        await waitForPanel(ctx.page, shownFor(evaluation));
        const { long, short } = buttons;
        expectReading(await clickAndRead(ctx.page, long), { pending: ['long'], submits: [] }, `first ${long} click`);
        expectReading(await clickAndRead(ctx.page, short), { pending: ['long', 'short'], submits: [] }, `first ${short} click`);
        expectReading(await clickAndRead(ctx.page, long), { pending: ['short'], submits: [long] }, `second ${long} click`);
        expectReading(await clickAndRead(ctx.page, short), { pending: [], submits: [long, short] }, `second ${short} click`);
        expectReading(await clickAndRead(ctx.page, long), { pending: ['long'], submits: [long, short] }, `third ${long} click`);
        await pollUntil(
          () => read(ctx.page),
          (r) => r.pending.length === 0 && r.dialogs === 0,
          (r) => `the hold did not clear after its window: ${JSON.stringify(r)}`,
        );
        expectReading(await clickAndRead(ctx.page, long), { pending: ['long'], submits: [long, short] }, 'a click after the window');
      });
    },

    /** A check of `closeTab` on its own. */
    closeTabNeverHeld(name: string, base: C, hedge: OrderScenario, labels: CloseTabLabels, extra: Record<string, string>): BrowserCheck {
      return withConfirm(name, (ctx) => closeTab(ctx, base, hedge, labels, extra));
    },

    /** A click held back on the readable form passes once the quantity is gone (no figures: never held). */
    unevaluableNeverHeld(name: string, base: C, scenario: OrderScenario, label: string, side: Side, extra: Record<string, string> = {}): BrowserCheck {
      return withConfirm(name, async (ctx) => {
        const evaluation = evaluate(scenario);
        expectHeld(evaluation, side, true);
        await open(ctx, base, extra);
        await waitForPanel(ctx.page, shownFor(evaluation));
        expectReading(await clickAndRead(ctx.page, label), { pending: [side], submits: [] }, 'a click on the readable form');
        await escape(ctx.page, []);
        await pageWrite(ctx.page, 'qty', '');
        await waitForPanel(ctx.page, allUnavailable(figuresOf(evaluation)), { onlyNotes: ['evaluate.cantRead'] });
        expectReading(await clickAndRead(ctx.page, label), { pending: [], submits: [label] }, 'a click on the form without a quantity');
      });
    },

    /**
     * A form whose reduce-only box the adapter does not read (its README): an order that opens or adds is
     * held back all the same (ticked, the exchange would not place it), one that would flip the position
     * passes unjudged (ticked, it would only close it). `flips`: the base case with a long on the symbol
     * smaller than the order, so the sell button flips it and the buy button adds to it.
     */
    reduceOnlyUnread(name: string, base: C, scenario: OrderScenario, flips: C, flipsScenario: OrderScenario, buttons: Record<Side, string>): BrowserCheck {
      return withConfirm(name, async (ctx) => {
        const opens = evaluate(scenario);
        expectHeld(opens, 'long', true);
        await open(ctx, base);
        await waitForPanel(ctx.page, shownFor(opens));
        expectReading(await clickAndRead(ctx.page, buttons.long), { pending: ['long'], submits: [] }, `${buttons.long} opening, the reduce-only box unread`);
        await escape(ctx.page, []);

        const flipping = evaluate(flipsScenario);
        const effects = flipping.sides.map((s) => `${s.side} ${s.effect ?? 'unknown'}`).join(', ');
        if (effects !== 'long adds, short flips') throw new Error(`the case cannot show it: the engine says ${effects}`);
        expectHeld(flipping, 'short', true);
        expectHeld(flipping, 'long', true);
        await open(ctx, flips);
        await waitForPanel(ctx.page, shownFor(flipping));
        expectReading(await clickAndRead(ctx.page, buttons.short), { pending: [], submits: [buttons.short] }, `${buttons.short} flipping the long, the reduce-only box unread`);
        expectReading(await clickAndRead(ctx.page, buttons.long), { pending: ['long'], submits: [buttons.short] }, `${buttons.long} adding to the long, the reduce-only box unread`);
      });
    },
  };
}
