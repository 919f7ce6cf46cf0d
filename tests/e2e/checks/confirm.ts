/**
 * The confirm step end to end (README: Pre-submit check), in both browsers on every venue's stand-in: a
 * failing and a passing limit on the panel, the first click of a failing order held back and the second
 * within 5 s let through, closing and reducing orders and unevaluable forms never held. The flow and its
 * engine-derived expectations are tests/e2e/confirm-step.ts; here, what each venue's form offers: its
 * submit labels, how an order only reduces or closes (Binance: Reduce-Only, an order against the position,
 * the hedge Close tab; Bybit and OKX: the hedge Close tab, and one-way, their reduce-only box unread, an order
 * that opens or adds held while one that would flip passes;
 * Hyperliquid: Reduce Only and an order against the position, one submit for the side the toggle selects).
 */
import type { OrderScenario } from '../../../src/contracts/evaluation';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { saveSettings } from '../../support/extension-pages';
import { expectNoAxeViolations } from '../../support/axe';
import { pollUntil } from '../../support/poll';
import * as binance from '../cases/binance-usdm';
import * as bybit from '../cases/bybit';
import * as hyperliquid from '../cases/hyperliquid';
import * as okx from '../cases/okx';
import type { PositionSpec } from '../cases/common';
import { mustDiffer, type BrowserCheck } from '../check';
import { confirmStep, evaluate, expectHeld, shownFor } from '../confirm-step';
import { pageWrite, standin, BINANCE_FORM_ROOT } from '../standin';
import { waitForPanel } from '../panel';

const hedge = (scenario: OrderScenario): OrderScenario => ({ ...scenario, positionMode: 'hedge' });
const HEDGE_OPEN = { 'si-posmode': 'hedge', 'si-action': 'open' };
/** A long on the symbol smaller than the 0.1 order: the sell button flips it, the buy button adds to it. */
const smallerLong = (symbol: string, c: { mark: string; mode: 'isolated' | 'cross'; lev: number }): PositionSpec => ({ symbol, side: 'long', size: '0.05', entry: '59000', mark: c.mark, mode: c.mode, lev: c.lev });

// ---- Binance USDⓈ-M: the stand-in records the submit clicks its own listener received, by label key.

/** The Binance stand-in's submit label keys and their English labels (tests/sites/binance-usdm/labels.js). */
const BINANCE_LABELS: Record<string, string> = {
  buyLong: 'Buy/Long', sellShort: 'Sell/Short', openLong: 'Open Long', openShort: 'Open Short', closeLong: 'Close Long', closeShort: 'Close Short',
};
const bn = confirmStep<binance.Case>({
  cases: binance.CASES,
  formRoot: BINANCE_FORM_ROOT,
  submits: async (page) => (await standin(page).submits()).map((key) => BINANCE_LABELS[key] ?? key),
  submitLabels: Object.values(BINANCE_LABELS),
});
const BN = binance.BASE_CASE;
/** A 0.1 order against a 0.05 long: the buy button adds, the sell button flips it (both held back)... */
const flipsOwnLong: binance.Case = { ...BN, positions: [smallerLong(BN.symbol, BN)] };
/** ...while a 0.03 sell only reduces it. */
const reducesOwnLong: binance.Case = { ...flipsOwnLong, qty: '0.03' };

const BINANCE: BrowserCheck[] = [
  bn.heldThenPassed(
    'a click that breaks a limit is held back, the second within 5 s passes, each side on its own, judged afresh after the window',
    BN,
    binance.orderScenario(BN),
    { long: 'Buy/Long', short: 'Sell/Short' },
  ),

  bn.withConfirm('the dialog takes the focus and Escape cancels the hold', async (ctx) => {
    await bn.open(ctx, BN);
    await waitForPanel(ctx.page, shownFor(evaluate(binance.orderScenario(BN))));
    bn.expectReading(await bn.clickAndRead(ctx.page, 'Buy/Long'), { pending: ['long'], submits: [] }, 'first click');
    const focused = await ctx.page.evaluate(() => document.getElementById('margin-lens-panel')?.shadowRoot?.activeElement?.getAttribute('data-action') ?? null);
    if (focused !== 'cancel') throw new Error(`the dialog's Cancel button does not have the focus (${String(focused)})`);
    await bn.escape(ctx.page, []);
    // Cancelled: the next click is judged afresh, not let through.
    bn.expectReading(await bn.clickAndRead(ctx.page, 'Buy/Long'), { pending: ['long'], submits: [] }, 'a click after Escape');
  }),

  bn.withConfirm('reduce-only ticked, an order that only reduces, and the hedge Close tab are never held back', async (ctx) => {
    // Reduce-only: the sell button flips the long (held back) until the box is ticked.
    const flips = binance.orderScenario(flipsOwnLong);
    expectHeld(evaluate(flips), 'short', true);
    await bn.open(ctx, flipsOwnLong);
    await waitForPanel(ctx.page, shownFor(evaluate(flips)));
    bn.expectReading(await bn.clickAndRead(ctx.page, 'Sell/Short'), { pending: ['short'], submits: [] }, 'Sell/Short flipping the long');
    const cancel = await ctx.page.evaluateHandle(() => document.getElementById('margin-lens-panel')!.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="cancel"]')!);
    await cancel.click(); // the dialog's own Cancel button, with the mouse
    await cancel.dispose();
    bn.expectReading(await bn.read(ctx.page), { pending: [], submits: [] }, 'after Cancel');
    const reduceOnly = shownFor(evaluate({ ...flips, account: { ...flips.account, reduceOnly: true } }));
    mustDiffer(shownFor(evaluate(flips)), reduceOnly, 'Reduce-Only ticked and not');
    await bn.click(ctx.page, 'Reduce-Only');
    await waitForPanel(ctx.page, reduceOnly);
    bn.expectReading(await bn.clickAndRead(ctx.page, 'Sell/Short'), { pending: [], submits: ['Sell/Short'] }, 'Sell/Short with Reduce-Only ticked');
    await bn.click(ctx.page, 'Reduce-Only');

    // An order against the position that does not flip it: never held, while the other side (adds) is.
    const reduces = evaluate(binance.orderScenario(reducesOwnLong));
    expectHeld(reduces, 'short', false);
    expectHeld(reduces, 'long', true);
    await pageWrite(ctx.page, 'qty', reducesOwnLong.qty);
    await waitForPanel(ctx.page, shownFor(reduces));
    bn.expectReading(await bn.clickAndRead(ctx.page, 'Sell/Short'), { pending: [], submits: ['Sell/Short', 'Sell/Short'] }, 'Sell/Short reducing the long');
    bn.expectReading(await bn.clickAndRead(ctx.page, 'Buy/Long'), { pending: ['long'], submits: ['Sell/Short', 'Sell/Short'] }, 'Buy/Long adding to the long');

    // Hedge mode: the Open tab is held back, the Close tab never.
    await bn.closeTab(ctx, BN, hedge(binance.orderScenario(BN)), { close: 'Close', openLong: 'Open Long', closeLong: 'Close Long', closeShort: 'Close Short' }, HEDGE_OPEN);
  }),

  bn.unevaluableNeverHeld('an unevaluable form is never held back', BN, binance.orderScenario(BN), 'Buy/Long', 'long'),

  bn.withConfirm('the panel has no accessibility violation (axe-core) in either theme: expanded, limits and pictures open, the dialog shown', async (ctx) => {
    const evaluation = evaluate(binance.orderScenario(BN));
    try {
      for (const theme of ['dark', 'light'] as const) {
        await saveSettings(ctx.browser, { theme });
        await ctx.page.bringToFront();
        await bn.open(ctx, BN);
        await waitForPanel(ctx.page, shownFor(evaluation));
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
        bn.expectReading(await bn.clickAndRead(ctx.page, 'Buy/Long'), { pending: ['long'], submits: [] }, `${theme} theme: first Buy/Long click`);
        await expectNoAxeViolations(ctx.page, `panel, ${theme} theme, expanded with the dialog`, '#margin-lens-panel');
        await ctx.page.keyboard.press('Escape');
      }
    } finally {
      await saveSettings(ctx.browser, { theme: DEFAULT_SETTINGS.theme });
    }
  }),
];

// ---- Bybit and OKX: one button per side; in hedge mode the form has no reduce-only box; the one-way box
// is not read (each adapter's README), so there only orders that open or add are judged.

const by = confirmStep<bybit.Case>({
  cases: bybit.CASES,
  formRoot: bybit.FORM_ROOT,
  submitLabels: ['Buy/Long', 'Sell/Short', 'Open Long', 'Open Short', 'Close Short', 'Close Long'],
});
/** 20x against the 10x limit (the base case is 10x). */
const BY: bybit.Case = { ...bybit.BASE_CASE, lev: 20 };

const ox = confirmStep<okx.Case>({
  cases: okx.CASES,
  formRoot: okx.FORM_ROOT,
  submitLabels: ['Buy/Long', 'Sell/Short', 'Open long', 'Open short', 'Close short', 'Close long'],
});
const OX: okx.Case = { ...okx.BASE_CASE, lev: 20 };

/**
 * A hedge form with one button per side: the Open tab held back, the Close tab never, an unevaluable form
 * never; one-way, the reduce-only box unread, an opening order held and a flipping one not. `labels`: the
 * hedge Open and Close buttons; `flips`: the one-way base case with a smaller long on the symbol.
 */
function hedgeVenue<C extends { qty: string }>(
  step: ReturnType<typeof confirmStep<C>>,
  base: C,
  oneWay: OrderScenario,
  flips: C,
  flipsScenario: OrderScenario,
  labels: { openLong: string; openShort: string; closeLong: string; closeShort: string },
): BrowserCheck[] {
  const hedged = hedge(oneWay);
  return [
    step.heldThenPassed(
      'hedge Open tab: a click that breaks a limit is held back, the second within 5 s passes, each side on its own, judged afresh after the window',
      base,
      hedged,
      { long: labels.openLong, short: labels.openShort },
      HEDGE_OPEN,
    ),
    step.closeTabNeverHeld('the hedge Close tab is never held back, the Open tab is', base, hedged, { close: 'Close', ...labels }, HEDGE_OPEN),
    step.unevaluableNeverHeld('an unevaluable form is never held back', base, hedged, labels.openLong, 'long', HEDGE_OPEN),
    step.reduceOnlyUnread('one-way, its reduce-only box unread: an opening or adding order held back, a flipping one not', base, oneWay, flips, flipsScenario, {
      long: 'Buy/Long',
      short: 'Sell/Short',
    }),
  ];
}

const BY_FLIPS: bybit.Case = { ...BY, positions: [smallerLong(BY.symbol, BY)] };
const OX_FLIPS: okx.Case = { ...OX, positions: [smallerLong(OX.symbol, OX)] };

const TWO_BUTTON_VENUES: BrowserCheck[] = [
  ...hedgeVenue(by, BY, bybit.orderScenario(BY), BY_FLIPS, bybit.orderScenario(BY_FLIPS), { openLong: 'Open Long', openShort: 'Open Short', closeLong: 'Close Long', closeShort: 'Close Short' }),
  // The Close tab's positive button buys: it closes the short (src/adapters/okx/README.md: Submit buttons).
  ...hedgeVenue(ox, OX, okx.orderScenario(OX), OX_FLIPS, okx.orderScenario(OX_FLIPS), { openLong: 'Open long', openShort: 'Open short', closeLong: 'Close long', closeShort: 'Close short' }),
];

// ---- Hyperliquid: one submit button, Place Order, for the side the toggle selects; one-way only.

const hl = confirmStep<hyperliquid.Case>({
  cases: hyperliquid.CASES,
  formRoot: hyperliquid.FORM_ROOT,
  submitLabels: ['Place Order'],
});
const HL = hyperliquid.BASE_CASE;
const PLACE = 'Place Order';
const hlOwnLong: PositionSpec = { symbol: 'BTC', side: 'long', size: '0.05', entry: '59000', mark: HL.mark, mode: 'cross', lev: 20 };
/** Sell 0.1 against a 0.05 long: flips it (held back)... */
const hlFlips: hyperliquid.Case = { ...HL, side: 'sell', positions: [hlOwnLong] };
/** ...sell 0.03 only reduces it; buy 0.03 adds to it. */
const hlReduces: hyperliquid.Case = { ...hlFlips, qty: '0.03' };
const hlAdds: hyperliquid.Case = { ...hlReduces, side: 'buy' };

const HYPERLIQUID: BrowserCheck[] = [
  hl.withConfirm('a click that breaks a limit is held back, the second within 5 s passes, each side on its own (the toggle), judged afresh after the window', async (ctx) => {
    const buy = evaluate(hyperliquid.orderScenario(HL));
    const sell = evaluate(hyperliquid.orderScenario({ ...HL, side: 'sell' }));
    expectHeld(buy, 'long', true);
    expectHeld(sell, 'short', true);
    await hl.open(ctx, HL);
    await waitForPanel(ctx.page, shownFor(buy));
    hl.expectReading(await hl.clickAndRead(ctx.page, PLACE), { pending: ['long'], submits: [] }, 'first Place Order (Buy)');
    hl.expectReading(await hl.clickAndRead(ctx.page, PLACE), { pending: [], submits: [PLACE] }, 'second Place Order (Buy)');
    hl.expectReading(await hl.clickAndRead(ctx.page, PLACE), { pending: ['long'], submits: [PLACE] }, 'third Place Order (Buy)');
    await pollUntil(
      () => hl.read(ctx.page),
      (r) => r.pending.length === 0 && r.dialogs === 0,
      (r) => `the hold did not clear after its window: ${JSON.stringify(r)}`,
    );
    hl.expectReading(await hl.clickAndRead(ctx.page, PLACE), { pending: ['long'], submits: [PLACE] }, 'a click after the window');
    await hl.escape(ctx.page, [PLACE]);
    // The toggle makes Place Order the short side's button: its hold is the short side's own.
    await hyperliquid.clickToggle(ctx.page, 'Sell / Short');
    await waitForPanel(ctx.page, shownFor(sell));
    hl.expectReading(await hl.clickAndRead(ctx.page, PLACE), { pending: ['short'], submits: [PLACE] }, 'first Place Order (Sell)');
    hl.expectReading(await hl.clickAndRead(ctx.page, PLACE), { pending: [], submits: [PLACE, PLACE] }, 'second Place Order (Sell)');
  }),

  hl.withConfirm('Reduce Only ticked and an order that only reduces are never held back', async (ctx) => {
    const flips = hyperliquid.orderScenario(hlFlips);
    expectHeld(evaluate(flips), 'short', true);
    await hl.open(ctx, hlFlips);
    await waitForPanel(ctx.page, shownFor(evaluate(flips)));
    hl.expectReading(await hl.clickAndRead(ctx.page, PLACE), { pending: ['short'], submits: [] }, 'Place Order (Sell) flipping the long');
    await hl.escape(ctx.page, []);
    const reduceOnly = shownFor(evaluate({ ...flips, account: { ...flips.account, reduceOnly: true } }));
    mustDiffer(shownFor(evaluate(flips)), reduceOnly, 'Reduce Only ticked and not');
    await hl.click(ctx.page, 'Reduce Only');
    await waitForPanel(ctx.page, reduceOnly);
    hl.expectReading(await hl.clickAndRead(ctx.page, PLACE), { pending: [], submits: [PLACE] }, 'Place Order (Sell) with Reduce Only ticked');
    await hl.click(ctx.page, 'Reduce Only');

    // Sell 0.03 against the 0.05 long only reduces it: never held; Buy 0.03 adds to it: held.
    const reduces = evaluate(hyperliquid.orderScenario(hlReduces));
    expectHeld(reduces, 'short', false);
    await pageWrite(ctx.page, 'qty', hlReduces.qty);
    await waitForPanel(ctx.page, shownFor(reduces));
    hl.expectReading(await hl.clickAndRead(ctx.page, PLACE), { pending: [], submits: [PLACE, PLACE] }, 'Place Order (Sell) reducing the long');
    const adds = evaluate(hyperliquid.orderScenario(hlAdds));
    expectHeld(adds, 'long', true);
    await hyperliquid.clickToggle(ctx.page, 'Buy / Long');
    await waitForPanel(ctx.page, shownFor(adds));
    hl.expectReading(await hl.clickAndRead(ctx.page, PLACE), { pending: ['long'], submits: [PLACE, PLACE] }, 'Place Order (Buy) adding to the long');
  }),

  hl.unevaluableNeverHeld('an unevaluable form is never held back', HL, hyperliquid.orderScenario(HL), PLACE, 'long'),
];

export const CHECKS: BrowserCheck[] = [...BINANCE, ...TWO_BUTTON_VENUES, ...HYPERLIQUID];
