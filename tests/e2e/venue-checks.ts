/**
 * The checks every venue's stand-in gets, built once: each venue's file (tests/e2e/checks/<venue>.ts) names
 * its cases and the page specifics (which tab hides the positions, which hook to break) and takes the rest
 * from here. Every check opens the stand-in at the venue's real URL, drives it like the page or the trader
 * would, and waits for the panel to show the engine's figures for the case, or to say why it shows none.
 * Page traits are named as in tests/sites/README.md.
 */
import type { Page } from 'puppeteer-core';
import type { Evaluation } from '../../src/contracts/evaluation';
import type { Hidden } from './cases/common';
import { mustDiffer, type BrowserCheck, type CheckContext } from './check';
import { allUnavailable, figuresOf, noteCodesOf, onlyIsolated, stressFiguresOf } from './expect';
import { waitForPanel, type Figures } from './panel';
import { pageWrite, standin, typeQuantity } from './standin';

/** What a venue's checks need to know of its cases. */
export interface VenueCases<C extends { qty: string }> {
  /** The venue id: every check's name starts with it. */
  id: string;
  standinUrl(c: C, extra: Record<string, string>): string;
  /** The engine's Evaluation for the page a case renders. */
  evaluationOf(c: C, hidden?: Hidden): Evaluation;
  /** What the quantity input shows for a case, when not its qty as written (e.g. contracts). */
  shownQuantity?(c: C): string;
}

type Run = (ctx: CheckContext) => Promise<void>;

/**
 * Installed before the page's own scripts: records every moment the panel shows a figure (a value or
 * "none") while the stand-in's account data is not in yet (<html data-si-ready="0">). Until then the
 * positions list holds no rows (README: late hydration), so the position on the symbol is unknown.
 */
const RECORD_EARLY_FIGURES = `(() => {
  const early = (window.__earlyFigures = { looks: 0, shown: [] });
  let shadow = null;
  const check = () => {
    if (document.documentElement.getAttribute('data-si-ready') === '1' || !shadow) return;
    early.looks++;
    const shown = [...shadow.querySelectorAll('[data-field]')].filter((el) => el.getAttribute('data-value') !== 'unavailable');
    if (shown.length) early.shown.push(shown.map((el) => el.getAttribute('data-field') + '=' + el.getAttribute('data-value')).join(' '));
  };
  const panelObserver = new MutationObserver(check);
  new MutationObserver(() => {
    const root = document.getElementById('margin-lens-panel')?.shadowRoot ?? null;
    if (root && root !== shadow) {
      shadow = root;
      panelObserver.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
      check();
    }
  }).observe(document, { subtree: true, childList: true });
})()`;

function earlyFigures(page: Page): Promise<{ looks: number; shown: string[] }> {
  return page.evaluate(() => (window as unknown as { __earlyFigures: { looks: number; shown: string[] } }).__earlyFigures);
}

/** The check builders for one venue. */
export function venueChecks<C extends { qty: string }>(v: VenueCases<C>) {
  const named = (name: string): string => `${v.id}: ${name}`;
  const check = (name: string, run: Run): BrowserCheck => ({ name: named(name), run });
  const figures = (c: C, hidden?: Hidden): Figures => figuresOf(v.evaluationOf(c, hidden));
  const notes = (c: C, hidden?: Hidden): string[] => noteCodesOf(v.evaluationOf(c, hidden));
  const shown = (c: C): string => v.shownQuantity?.(c) ?? c.qty;
  const sized = (c: C, qty: string): C => ({ ...c, qty });

  /** Defaults for every load: a short hydration delay, no storm, unless a check says otherwise. */
  const open = (ctx: CheckContext, c: C, extra: Record<string, string> = {}): Promise<unknown> =>
    ctx.page.goto(v.standinUrl(c, { 'si-seed': String(ctx.seed), 'si-delay': '150', 'si-storm': '0', ...extra }), { waitUntil: 'domcontentloaded' });

  /** Opens the base case, waits for its figures, then writes a new quantity through the page's own code path. */
  const openThenWrite = async (ctx: CheckContext, base: C, next: C, extra: Record<string, string> = {}) => {
    await open(ctx, base, extra);
    await waitForPanel(ctx.page, figures(base));
    await pageWrite(ctx.page, 'qty', shown(next));
  };

  return {
    named,
    check,
    open,
    figures,
    notes,

    /**
     * Open the stand-in in one state and check every panel figure and note against the engine; with
     * `stressVersus` (the same account without the other cross positions) the cross stress figure too.
     */
    openAndCheck(name: string, c: C, opts: { hidden?: Hidden; stressVersus?: C } = {}): BrowserCheck {
      return check(name, async (ctx) => {
        let expected = figures(c, opts.hidden);
        if (opts.stressVersus) {
          const stress = stressFiguresOf(v.evaluationOf(c, opts.hidden));
          mustDiffer(stress, stressFiguresOf(v.evaluationOf(opts.stressVersus, opts.hidden)), 'the account with and without other cross positions under stress');
          expected = { ...expected, ...stress };
        }
        await open(ctx, c);
        await waitForPanel(ctx.page, expected, { onlyNotes: notes(c, opts.hidden) });
      });
    },

    pageWrites(name: string, base: C, qty: string): BrowserCheck {
      return check(name, async (ctx) => {
        const next = sized(base, qty);
        await openThenWrite(ctx, base, next);
        await waitForPanel(ctx.page, figures(next), { inputs: { quantity: qty } });
      });
    },

    rerenderThenWrite(name: string, base: C, qty: string): BrowserCheck {
      return check(name, async (ctx) => {
        await open(ctx, base, { 'si-stale': '1' });
        await waitForPanel(ctx.page, figures(base));
        await standin(ctx.page).rerender();
        const next = sized(base, qty);
        await pageWrite(ctx.page, 'qty', shown(next));
        await waitForPanel(ctx.page, figures(next));
      });
    },

    /**
     * A symbol change empties the quantity and resets the price to the new symbol's last price (README:
     * re-renders with stale copies): `to` is the other symbol's case, `back` the first one's after returning.
     */
    symbolSwitches(name: string, base: C, to: { symbol: string; c: C }, back: { symbol: string; c: C }): BrowserCheck {
      return check(name, async (ctx) => {
        await open(ctx, base);
        const first = figures(base);
        await waitForPanel(ctx.page, first);
        await standin(ctx.page).navigate(to.symbol, 'url-first');
        await waitForPanel(ctx.page, allUnavailable(first));
        await pageWrite(ctx.page, 'qty', shown(to.c));
        await waitForPanel(ctx.page, figures(to.c));
        await standin(ctx.page).navigate(back.symbol, 'form-first');
        await waitForPanel(ctx.page, allUnavailable(first));
        await pageWrite(ctx.page, 'qty', shown(back.c));
        await waitForPanel(ctx.page, figures(back.c));
      });
    },

    lateForm(name: string, c: C): BrowserCheck {
      return check(name, async (ctx) => {
        await open(ctx, c, { 'si-delay': '2500' });
        await waitForPanel(ctx.page, figures(c));
      });
    },

    /**
     * The form first, the account panel and the positions list seconds later, past the adapter's loading
     * grace (README: late hydration). No figure may stand before the position on the symbol is known, and
     * once the parts are there the panel must count it in. `telling` keeps the figures that must tell
     * the position and no position apart (e.g. only the isolated ones where cross is unavailable).
     */
    lateAccount(name: string, withPositions: C, withoutOwn: C, telling: (f: Figures) => Figures = (f) => f): BrowserCheck {
      return check(name, async (ctx) => {
        mustDiffer(telling(figures(withPositions)), telling(figures(withoutOwn)), 'the position on the symbol and no position');
        await ctx.page.evaluateOnNewDocument(RECORD_EARLY_FIGURES);
        await open(ctx, withPositions, { 'si-delay': '150,6000,7000' });
        await waitForPanel(ctx.page, figures(withPositions), { onlyNotes: notes(withPositions), timeoutMs: 30_000 });
        const early = await earlyFigures(ctx.page);
        if (early.looks === 0) throw new Error('the panel was never seen before the account data arrived: the check saw nothing');
        if (early.shown.length > 0) throw new Error(`figures shown before the account data was on the page:\n${early.shown.slice(0, 3).join('\n')}`);
      });
    },

    /** Another tab takes the positions list off the page: every figure unavailable until it is back. */
    positionsUnknown(name: string, c: C, away: (page: Page) => Promise<void>, back: (page: Page) => Promise<void>): BrowserCheck {
      return check(name, async (ctx) => {
        const expected = figures(c);
        await open(ctx, c);
        await waitForPanel(ctx.page, expected, { onlyNotes: notes(c) });
        await away(ctx.page);
        await waitForPanel(ctx.page, allUnavailable(expected), { onlyNotes: ['evaluate.positionUnknown'] });
        await back(ctx.page);
        await waitForPanel(ctx.page, expected, { onlyNotes: notes(c) });
      });
    },

    storm(name: string, base: C, qty: string): BrowserCheck {
      return check(name, async (ctx) => {
        await open(ctx, base, { 'si-storm': '400' });
        await waitForPanel(ctx.page, figures(base));
        const typed = sized(base, qty);
        await typeQuantity(ctx.page, shown(typed));
        await waitForPanel(ctx.page, figures(typed));
      });
    },

    missingQuantity(name: string, base: C): BrowserCheck {
      return check(name, async (ctx) => {
        await open(ctx, base);
        await waitForPanel(ctx.page, figures(base));
        await pageWrite(ctx.page, 'qty', '');
        await waitForPanel(ctx.page, allUnavailable(figures(base)), { onlyNotes: ['evaluate.cantRead'] });
      });
    },

    loggedOut(name: string, out: C): BrowserCheck {
      return check(name, async (ctx) => {
        await open(ctx, out);
        const expected = figures(out);
        if (Object.values(onlyIsolated(expected)).filter((value) => value !== 'unavailable').length === 0) {
          throw new Error('the engine gave no isolated figure for the logged-out case');
        }
        await waitForPanel(ctx.page, onlyIsolated(expected), { notes: ['cross.loggedOut'], onlyNotes: notes(out) });
      });
    },

    /** A page the extension does not compute (an account mode, an instrument): every figure of `like` unavailable, `code` the only note. */
    noFigures(name: string, c: C, code: string, opts: { like?: C; extra?: Record<string, string> } = {}): BrowserCheck {
      return check(name, async (ctx) => {
        await open(ctx, c, opts.extra);
        await waitForPanel(ctx.page, allUnavailable(figures(opts.like ?? c)), { onlyNotes: [code] });
      });
    },

    /** A hook gone from a loaded page (past the loading grace) is a broken selector: figures disabled, the page changed. */
    pageChanged(name: string, base: C, breakPage: (page: Page) => Promise<void>, opts: { extra?: Record<string, string>; timeoutMs?: number } = {}): BrowserCheck {
      return check(name, async (ctx) => {
        await open(ctx, base, opts.extra);
        await waitForPanel(ctx.page, figures(base));
        await breakPage(ctx.page);
        await waitForPanel(ctx.page, allUnavailable(figures(base)), { onlyNotes: ['evaluate.pageChanged'], ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) });
      });
    },
  };
}
