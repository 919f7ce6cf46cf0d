/**
 * The OKX swap end-to-end checks, run in both browsers. Each opens the stand-in (tests/sites/okx) at its real URL,
 * drives it like the page or the trader would, and waits for the panel to show the engine's figures for the case
 * (tests/e2e/cases/okx.ts). Page traits are named as in tests/sites/README.md.
 */
import { reason } from '../../../src/contracts/reasons';
import {
  BASE_CASE, clickBottomTab, expectedFigures, expectedNoteCodes, onPage, shownQuantity, standinUrl, type Case, type Hidden,
} from '../cases/okx';
import { mustDiffer, type BrowserCheck, type CheckContext } from '../check';
import { allUnavailable, onlyIsolated } from '../expect';
import { waitForPanel } from '../panel';
import { pageWrite, standin, typeQuantity } from '../standin';

/** Defaults for every load: a short hydration delay, no storm, unless a check says otherwise. */
function open(ctx: CheckContext, c: Case, extra: Record<string, string> = {}): Promise<unknown> {
  return ctx.page.goto(standinUrl(c, { 'si-seed': String(ctx.seed), 'si-delay': '150', 'si-storm': '0', ...extra }), { waitUntil: 'domcontentloaded' });
}

const zhIsolated20: Case = { ...BASE_CASE, locale: 'zh-CN', mode: 'isolated', lev: 20, qty: '0.25' };
const ptCoin50: Case = { ...BASE_CASE, locale: 'pt-BR', unit: 'base', lev: 50, price: '60000.5', qty: '0.2' };
const quoteIsolated75: Case = { ...BASE_CASE, unit: 'quote', mode: 'isolated', lev: 75, price: '61000', qty: '0.05' };
const ethContracts: Case = { ...BASE_CASE, symbol: 'ETH-USDT-SWAP', lev: 5, price: '3000', mark: '3000', qty: '2' };
const ownPosition = { symbol: 'BTC-USDT-SWAP', side: 'long', size: '0.05', entry: '59000', mark: BASE_CASE.mark, mode: 'cross', lev: 10 } as const;
const ethShort = { symbol: 'ETH-USDT-SWAP', side: 'short', size: '2', entry: '3100', mark: '3000', mode: 'cross', lev: 10 } as const;
/** SOL-USDT-SWAP has no contract value in the registry: its size converts only from coin or quote. */
const solIsolated = { symbol: 'SOL-USDT-SWAP', side: 'long', size: '10', entry: '150', mark: '140', mode: 'isolated', lev: 5, margin: '300' } as const;
const solCross = { ...solIsolated, mode: 'cross', margin: undefined } as const;
const withPositions: Case = { ...BASE_CASE, positions: [ownPosition, ethShort] };
/** The same account without the position on the order's own instrument. */
const withoutOwn: Case = { ...withPositions, positions: [ethShort] };
const withPositionsQuote: Case = { ...BASE_CASE, unit: 'quote', qty: '0.05', positions: [ownPosition, ethShort, solIsolated] };
const withSol: Case = { ...BASE_CASE, positions: [ownPosition, solCross] };

function openAndCheck(name: string, c: Case, hidden: Hidden = {}): BrowserCheck {
  return {
    name: `okx: ${name}`,
    async run(ctx) {
      await open(ctx, c);
      await waitForPanel(ctx.page, expectedFigures(c, hidden), { onlyNotes: expectedNoteCodes(c, hidden) });
    },
  };
}

/**
 * Installed before the page's own scripts: records every moment the panel shows a figure while the stand-in's
 * account data is not in yet (<html data-si-ready="0">). Until then the positions box holds no table (README:
 * late hydration), so the position on the instrument is unknown.
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

export const CHECKS: BrowserCheck[] = [
  openAndCheck('en, contracts, cross 10x', BASE_CASE),
  openAndCheck('zh-CN (zh-hans), contracts 张, isolated 20x', zhIsolated20),
  openAndCheck('pt-BR (pt-br, decimal comma), coin unit, cross 50x', ptCoin50),
  openAndCheck('en, quote unit, isolated 75x', quoteIsolated75),
  openAndCheck('ETH-USDT-SWAP in contracts (0.1 ETH each), cross 5x', ethContracts),
  openAndCheck('other positions in contracts (the same instrument and another, cross)', withPositions),
  openAndCheck('other positions in the quote unit (the same instrument, others isolated and cross)', withPositionsQuote),
  openAndCheck(
    'another position without a contract value: isolated figures, cross unavailable',
    withSol,
    { crossUnavailable: reason('cross.otherPositionsUnknown', { cause: reason('evaluate.noContractValue', { symbol: 'SOL-USDT-SWAP' }) }) },
  ),
  {
    name: 'okx: an instrument without a contract value, sized in contracts: no figure, the contract value named',
    async run(ctx) {
      const usdc: Case = { ...BASE_CASE, symbol: 'BTC-USDC-SWAP' };
      await open(ctx, usdc);
      await waitForPanel(ctx.page, allUnavailable(expectedFigures(BASE_CASE)), { onlyNotes: ['evaluate.noContractValue'] });
    },
  },
  {
    name: 'okx: page writes the amount without any event',
    async run(ctx) {
      await open(ctx, BASE_CASE);
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      const next: Case = { ...BASE_CASE, qty: '0.25' };
      await pageWrite(ctx.page, 'qty', shownQuantity(next));
      await waitForPanel(ctx.page, expectedFigures(next), { inputs: { quantity: '0.25' } });
    },
  },
  {
    name: 'okx: the page converts the amount on a unit switch (no event): same figures in coin',
    async run(ctx) {
      await open(ctx, BASE_CASE, { 'si-stale': '0', 'si-events': 'none' });
      const expected = expectedFigures(BASE_CASE);
      await waitForPanel(ctx.page, expected);
      await ctx.page.click('.si-form-slot .okui-input-suffix [role="button"]');
      await waitForPanel(ctx.page, expected, { inputs: { quantity: '0.1' } });
    },
  },
  {
    name: 'okx: form re-render, then a page write into the new form',
    async run(ctx) {
      await open(ctx, BASE_CASE, { 'si-stale': '1' });
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      await standin(ctx.page).rerender();
      const next: Case = { ...BASE_CASE, qty: '0.3' };
      await pageWrite(ctx.page, 'qty', shownQuantity(next));
      await waitForPanel(ctx.page, expectedFigures(next));
    },
  },
  {
    name: 'okx: SPA instrument switches (URL first, then form first) take the old figures down until the new form is read',
    async run(ctx) {
      await open(ctx, BASE_CASE);
      const btc = expectedFigures(BASE_CASE);
      await waitForPanel(ctx.page, btc);
      // A switch empties the amount and resets the price to the new instrument's last price (README: re-renders).
      await standin(ctx.page).navigate('ETH-USDT-SWAP', 'url-first');
      await waitForPanel(ctx.page, allUnavailable(btc));
      const eth: Case = { ...BASE_CASE, symbol: 'ETH-USDT-SWAP', price: '3000.5', mark: '3000', qty: '2' };
      await pageWrite(ctx.page, 'qty', shownQuantity(eth));
      await waitForPanel(ctx.page, expectedFigures(eth));
      await standin(ctx.page).navigate('BTC-USDT-SWAP', 'form-first');
      await waitForPanel(ctx.page, allUnavailable(btc));
      const back: Case = { ...BASE_CASE, price: '61005', qty: '0.2' };
      await pageWrite(ctx.page, 'qty', shownQuantity(back));
      await waitForPanel(ctx.page, expectedFigures(back));
    },
  },
  {
    name: 'okx: late form (hydration after 2.5 s)',
    async run(ctx) {
      await open(ctx, zhIsolated20, { 'si-delay': '2500' });
      await waitForPanel(ctx.page, expectedFigures(zhIsolated20));
    },
  },
  {
    name: 'okx: late account panel and positions: no figure before the position is known, then figures with it',
    async run(ctx) {
      mustDiffer(expectedFigures(withPositions), expectedFigures(withoutOwn), 'the position on the instrument and no position');
      await ctx.page.evaluateOnNewDocument(RECORD_EARLY_FIGURES);
      await open(ctx, withPositions, { 'si-delay': '150,6000,7000' });
      await waitForPanel(ctx.page, expectedFigures(withPositions), { onlyNotes: expectedNoteCodes(withPositions), timeoutMs: 30_000 });
      const early = await ctx.page.evaluate(() => (window as unknown as { __earlyFigures: { looks: number; shown: string[] } }).__earlyFigures);
      if (early.looks === 0) throw new Error('the panel was never seen before the account data arrived: the check saw nothing');
      if (early.shown.length > 0) throw new Error(`figures shown before the account data was on the page:\n${early.shown.slice(0, 3).join('\n')}`);
    },
  },
  {
    name: 'okx: positions unknown (Open orders tab selected): every figure unavailable, the position named as unknown',
    async run(ctx) {
      const expected = expectedFigures(withPositions);
      await open(ctx, withPositions);
      await waitForPanel(ctx.page, expected, { onlyNotes: expectedNoteCodes(withPositions) });
      await clickBottomTab(ctx.page, 'Open orders');
      await waitForPanel(ctx.page, allUnavailable(expected), { onlyNotes: ['evaluate.positionUnknown'] });
      await clickBottomTab(ctx.page, 'Open positions');
      await waitForPanel(ctx.page, expected, { onlyNotes: expectedNoteCodes(withPositions) });
    },
  },
  {
    name: 'okx: positions incomplete (fewer rows than the tab count): every figure unavailable',
    async run(ctx) {
      const expected = expectedFigures(withPositions);
      await open(ctx, withPositions);
      await waitForPanel(ctx.page, expected);
      // The page now draws one row fewer than its count says (as a list that renders only part of its rows).
      await onPage(ctx.page, `document.querySelectorAll('.position-box tbody > tr.okui-table-row:not([aria-hidden])')[1].remove()`);
      await waitForPanel(ctx.page, allUnavailable(expected), { onlyNotes: ['evaluate.positionUnknown'] });
    },
  },
  {
    name: 'okx: order-book storm (400 mutations/s) while typing the amount',
    async run(ctx) {
      await open(ctx, BASE_CASE, { 'si-storm': '400' });
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      const typed: Case = { ...BASE_CASE, qty: '0.42' };
      await typeQuantity(ctx.page, shownQuantity(typed));
      await waitForPanel(ctx.page, expectedFigures(typed));
    },
  },
  {
    name: "okx: missing amount: can't read instead of figures",
    async run(ctx) {
      await open(ctx, BASE_CASE);
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      await pageWrite(ctx.page, 'qty', '');
      await waitForPanel(ctx.page, allUnavailable(expectedFigures(BASE_CASE)), { onlyNotes: ['evaluate.cantRead'] });
    },
  },
  {
    name: 'okx: a hook gone from the loaded page (the leverage button): this page changed, figures disabled',
    async run(ctx) {
      await open(ctx, BASE_CASE, { 'si-stale': '0' });
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      await onPage(ctx.page, `[...document.querySelectorAll('.place-order-container-common button')].filter((b) => /^\\d+x$/.test(b.textContent.trim())).forEach((b) => b.remove())`);
      await waitForPanel(ctx.page, allUnavailable(expectedFigures(BASE_CASE)), { onlyNotes: ['evaluate.pageChanged'], timeoutMs: 20_000 });
    },
  },
  {
    name: 'okx: logged out: isolated from the form, cross asks to log in',
    async run(ctx) {
      const out: Case = { ...BASE_CASE, auth: 'out', mode: 'isolated', lev: 20 };
      await open(ctx, out);
      const expected = expectedFigures(out);
      if (Object.values(onlyIsolated(expected)).filter((v) => v !== 'unavailable').length === 0) throw new Error('the engine gave no isolated figure for the logged-out case');
      await waitForPanel(ctx.page, onlyIsolated(expected), { notes: ['cross.loggedOut'], onlyNotes: expectedNoteCodes(out) });
    },
  },
  ...(['multi', 'portfolio'] as const).map((assetmode): BrowserCheck => ({
    name: `okx: ${assetmode === 'multi' ? 'multi-currency' : 'portfolio'} margin account: no figures, the account mode named`,
    async run(ctx) {
      await open(ctx, { ...BASE_CASE, assetmode });
      await waitForPanel(ctx.page, allUnavailable(expectedFigures(BASE_CASE)), { onlyNotes: ['evaluate.accountModeNotSupported'] });
    },
  })),
];
