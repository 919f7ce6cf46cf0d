// Conformance checks of the Bybit stand-in against the page traits it reproduces (tests/sites/README.md):
// real loads in headless Chromium (and a Firefox ESR smoke load), started by tests/support/browsers.ts,
// which maps every registry venue's hosts to the local stand-in server.
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { useStandinPages, inPage, api, expectServerRoutes, firefoxSmoke, sampleStalehides, expectStormRates } from '../common/harness.ts';

const ORIGIN = 'https://www.bybit.com';
const BTC = '/en-US/trade/usdt/BTCUSDT';
// The venue's page-side helpers, installed before any page script runs after the shared `vis` / `txt` / `visAll`
// (common/harness.ts): `__probe` records the first moments of hydration.
const PAGE_HELPERS = `
  window.__probe = {};
  document.addEventListener('DOMContentLoaded', () => {
    window.__probe.loaded = { ready: document.documentElement.dataset.siReady, title: document.title,
      hooks: document.querySelectorAll('.oc-head-leverage, .trade-assets__body, table, .contract-detail').length };
  });
  new MutationObserver(() => {
    const p = window.__probe;
    const pairValue = (label) => { const l = visAll('span').find((s) => txt(s) === label); return l ? txt(l.nextElementSibling) : null; };
    if (!p.form && visAll('.oc-head-leverage').length) {
      p.form = { title: document.title, avail: pairValue('Available Balance'), ready: document.documentElement.dataset.siReady,
        panel: visAll('.trade-assets__body').length, tabs: visAll('[role="tab"]').some((t) => /^Positions/.test(txt(t))) };
    }
    if (!p.panel && visAll('.trade-assets__body').length) {
      p.panel = { margin: pairValue('Margin Balance'), ready: document.documentElement.dataset.siReady };
    }
    const tabs = visAll('[role="tab"]').filter((t) => /^Positions/.test(txt(t)));
    if (!p.tabs && tabs.length) p.tabs = { text: txt(tabs[0]), tables: document.querySelectorAll('table').length };
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

const site = useStandinPages(ORIGIN, PAGE_HELPERS);
const { open } = site;

/** The derived form root (README: one visible form root) and what an adapter would read from it. */
const READ_FORM = `(() => {
  const lev = visAll('.oc-head-leverage');
  const tpsl = visAll('.oc__tp-sl-chk-text');
  if (lev.length !== 1 || tpsl.length !== 1) return { found: false, lev: lev.length, tpsl: tpsl.length };
  let root = lev[0];
  while (!root.contains(tpsl[0])) root = root.parentElement;
  const pairValue = (label) => {
    const hits = visAll('*', root).filter((e) => e.children.length === 2 && txt(e.children[0]) === label);
    return hits.length === 1 ? txt(hits[0].children[1]) : hits.length;
  };
  const lists = visAll('[role="tablist"]', root).map((l) => visAll('[role="tab"]', l).map((t) => txt(t) + ':' + t.getAttribute('aria-selected')));
  const boxes = visAll('.by-input__container', root).map((b) => ({ label: txt(b.previousElementSibling), value: b.querySelector('input').value,
    suffix: txt(b.querySelector('.by-input__right-icon')) }));
  const L = { en: ['Available Balance', 'Liq. Price'], 'zh-CN': ['可用余额', '强平价格'], 'pt-BR': ['Saldo disponível', 'Preço de liq.'] }[document.documentElement.lang];
  const label = tpsl[0].parentElement;
  return {
    found: true,
    header: visAll(':scope > *', lev[0].parentElement).map(txt),
    levSibling: lev[0].previousElementSibling && txt(lev[0].previousElementSibling),
    lists,
    boxes,
    modeSwitch: visAll('span[role="button"]', root).map(txt),
    textInputs: visAll('input[type="text"]', root).map((i) => i.value),
    buttons: visAll('button', root).map(txt),
    avail: pairValue(L[0]),
    liq: pairValue(L[1]),
    tpsl: { tag: label.tagName, checked: label.querySelector('input[type="checkbox"]').checked,
      rows: visAll('.oc__row-bottom--12', root).map((r) => txt(r.querySelector('.tpsl-modal-item__title')) + '=' + r.querySelector('.profit-input .by-input__inner').value) },
  };
})()`;

/** The account panel, the header's Mark Price, the bottom tabs and the positions table, read outside the form. */
const READ_ACCOUNT = `(() => {
  const panels = visAll('.trade-assets__body');
  const pairs = {};
  for (const e of panels.length === 1 ? [...panels[0].children] : []) if (e.children.length === 2) pairs[txt(e.children[0])] = txt(e.children[1]);
  const detail = visAll('.contract-detail');
  const mark = detail.length === 1 && detail[0].children[0] ? txt(detail[0].children[0].children[1]) : null;
  const tablist = visAll('[role="tablist"]').find((l) => !l.closest('.si-form') && /^(Positions|仓位|Posições)/.test(txt(l)));
  const tables = visAll('table');
  const table = tables[0];
  return {
    panels: panels.length,
    panelText: panels[0] ? txt(panels[0]) : null,
    pairs,
    mark,
    ticker: visAll('[data-testid="HeaderTickerPrice"]').map(txt),
    tabs: tablist ? visAll('[role="tab"]', tablist).map(txt) : [],
    selected: tablist ? visAll('[role="tab"][aria-selected="true"]', tablist).map(txt) : [],
    tables: tables.length,
    header: table ? [...table.querySelectorAll('thead th')].map(txt) : null,
    icons: table ? [...table.querySelectorAll('thead th')].map((th) => th.querySelectorAll('.bb__colum-close-icon, .bb__colum-drag-icon, .bb__colum-sort-icon').length) : null,
    rows: table ? [...table.querySelector('tbody').children].map((r) => ({ index: r.getAttribute('data-index'),
      cells: [...r.children].map((c) => c.tagName === 'TD' && c.children.length === 2 && c.querySelectorAll('span').length === 2 ? [...c.children].map(txt).join('|') : txt(c)) })) : [],
  };
})()`;

/** A row's cells keyed by header text (columns may be reordered). */
function byHeader(acc: { header: string[] | null; rows: { cells: string[] }[] }): Record<string, string>[] {
  return acc.rows.map((r) => Object.fromEntries((acc.header ?? []).map((h, i) => [h, r.cells[i] as string])));
}

const POS = 'BTCUSDT,long,0.5,60000,61000,cross,20,1525,52345.6,152.5,500;ETHUSDT,short,3,3000,2950,isolated,10,900,3268.5';

describe('Bybit stand-in', () => {
  it('default page state: logged in, cross 10x, one-way, limit, Order by Qty, no positions (README: default page state)', async () => {
    const page = await open(BTC, 'si-seed=12&si-delay=0');
    const form = await inPage<any>(page, READ_FORM);
    expect(form).toMatchObject({
      found: true, header: ['Cross', '10.00x'], levSibling: 'Cross',
      lists: [['Limit:true', 'Market:false', 'Conditional:false']],
      boxes: [{ label: 'Price', value: '', suffix: 'USDT' }, { label: 'Order by Qty', value: '', suffix: 'BTC' }],
      modeSwitch: ['Order by Qty'], textInputs: ['', ''], buttons: ['Buy/Long', 'Sell/Short'], avail: '8,000.00 USDT', liq: 0,
      tpsl: { tag: 'LABEL', checked: false, rows: [] },
    });
    const acc = await inPage<any>(page, READ_ACCOUNT);
    expect(acc).toMatchObject({
      panels: 1, mark: '61,000.00', tabs: ['Positions(0)', 'Current Orders(0)', 'Order History', 'Trade History'], selected: ['Positions(0)'], tables: 1,
    });
    expect(acc.pairs).toEqual({
      Equity: '10,000.00 USDT', 'Margin Balance': '10,000.00 USDT', 'Initial Margin': '--', 'Maintenance Margin': '0.00 USDT', 'Margin Mode': 'Cross Margin',
    });
    // Even seed: the default column order; the header icons carry no text.
    expect(acc.header).toEqual(['Contracts', 'Qty', 'Value', 'Entry Price', 'Mark Price', 'Liq. Price', 'IM', 'MM', 'Unrealized P&L', 'Realized P&L', 'TP/SL', 'Close By']);
    expect(acc.icons.every((n: number) => n === 3)).toBe(true);
    expect(acc.rows).toEqual([{ index: null, cells: ['No data'] }]);
    expect(await page.title()).toMatch(/^61,0\d\d\.\d\d \| BTCUSDT \| Bybit$/);
    expect(acc.ticker).toHaveLength(1);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dataset.siSeed])).toEqual(['en', '12']);
    await page.close();
  });

  it('root-defining hooks have exactly one visible match during re-renders, for every si-stalehide (README: one visible form root)', async () => {
    const results = await sampleStalehides(open, BTC, 'si-seed=3&si-delay=0&si-rerender=40', `() => ({
      count: visAll('.oc-head-leverage').length + '/' + visAll('.oc__tp-sl-chk-text').length,
      root: visAll('.oc-head-leverage')[0] })`, {
      // The permanent hidden decoy copy sits before the live root, hidden the same way.
      after: (page) => page.evaluate(() => {
        const all = [...document.querySelectorAll('.oc-head-leverage')];
        const live = (window as any).visAll('.oc-head-leverage')[0];
        return { before: all.indexOf(live) > 0, text: all[0]!.textContent, live: live.textContent };
      }),
    });
    results.forEach((r) => {
      expect(r.counts).toEqual(['1/1']);
      expect(r.stale).toEqual([r.method]);
      expect(r.roots).toBeGreaterThan(3);
      expect(r.n).toBeGreaterThan(r.roots);
      expect(r.extra).toEqual({ before: true, text: '13.00x', live: '10.00x' });
    });
  });

  it('two seeds give different randomised hooks; pane ids collide across tab groups (README: randomised hooks)', async () => {
    const read = async (seed: number) => {
      const page = await open(BTC, `si-seed=${seed}&si-delay=0`);
      const hooks = await page.evaluate(() => {
        const w = window as any;
        const lev = w.visAll('.oc-head-leverage')[0];
        const tab = w.visAll('.si-form [role="tab"][aria-selected="true"]')[0];
        const bottom = [...document.querySelectorAll('.si-account [role="tab"]')];
        return {
          rootClass: lev.closest('.si-form').className, levClass: lev.className, tabId: tab.id, paneId: tab.getAttribute('aria-controls'),
          chartId: document.querySelector('iframe')!.id,
          rowClass: [...document.querySelector('.si-asks')!.children[0]!.classList].find((c) => c.startsWith('ob__row-')),
          collide: bottom.some((t) => t.getAttribute('aria-controls') === tab.getAttribute('aria-controls')),
        };
      });
      await page.close();
      return hooks;
    };
    const [a, b] = await Promise.all([read(102), read(202)]);
    expect(a.collide && b.collide).toBe(true);
    for (const key of ['rootClass', 'levClass', 'tabId', 'paneId', 'chartId', 'rowClass'] as const) expect(a[key], key).not.toBe(b[key]);
    expect(a.rootClass).toMatch(/^_[a-z]+_[0-9a-z]{5}_\d\b/);
    expect(a.levClass).toMatch(/^_[a-z]+_[0-9a-z]{5}_\d oc-head-leverage$/);
  });

  it('labels and number formats per locale; the path prefix decides (README: localized labels, number formats)', async () => {
    const [zh, pt, fr, bare, comma] = await Promise.all([
      open('/zh-MY/trade/usdt/BTCUSDT', 'si-seed=2&si-delay=0&si-posmode=hedge&si-locale=pt-BR&si-liq=52345.6'),
      open('/pt-BR/trade/usdt/BTCUSDT', 'si-seed=2&si-delay=0&si-price=61000.5&si-lev=25&si-mm=12.34&si-pos=' + encodeURIComponent(POS)),
      open('/fr-FR/trade/usdt/BTCUSDT', 'si-seed=2&si-delay=0&si-locale=zh-CN'),
      open('/trade/usdt/BTCUSDT', 'si-seed=2&si-delay=0&si-locale=zh-CN'),
      open(BTC, 'si-seed=2&si-delay=0&si-numfmt=comma&si-price=61000.5'),
    ]);
    expect(await zh.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await inPage<any>(zh, READ_FORM)).toMatchObject({
      header: ['全仓', '10.00x'], lists: [['开仓:true', '平仓:false'], ['限价:true', '市价:false', '条件单:false']],
      boxes: [{ label: '价格' }, { label: '按数量下单', suffix: 'BTC' }], buttons: ['开多', '开空'], avail: '8,000.00 USDT', liq: '52,345.60',
    });
    const zhAcc = await inPage<any>(zh, READ_ACCOUNT);
    expect(zhAcc.tabs[0]).toBe('仓位(0)');
    expect(zhAcc.pairs).toMatchObject({ 权益: '10,000.00 USDT', 保证金余额: '10,000.00 USDT', 保证金模式: '全仓保证金' });
    expect(zhAcc.rows).toEqual([{ index: null, cells: ['暂无数据'] }]);

    expect(await inPage<any>(pt, READ_FORM)).toMatchObject({
      header: ['Cruzada', '25,00x'], boxes: [{ label: 'Preço', value: '61000,5' }, { label: 'Ordem por Qtd' }], buttons: ['Comprar/Long', 'Vender/Short'],
      avail: '8.000,00 USDT',
    });
    const ptAcc = await inPage<any>(pt, READ_ACCOUNT);
    expect(ptAcc.mark).toBe('61.000,00');
    expect(ptAcc.pairs).toMatchObject({ 'Saldo de margem': '10.000,00 USDT', 'Margem de manutenção': '12,34 USDT', 'Modo de margem': 'Margem cruzada' });
    expect(ptAcc.tabs[0]).toBe('Posições(2)');
    expect(byHeader(ptAcc)[0]).toMatchObject({ Contratos: 'BTCUSDT|Cruzada 20,00x', Qtd: '0,500 BTC', Valor: '30.500,00 USDT', 'Preço de liq.': '52.345,60' });
    expect(await pt.title()).toMatch(/^61\.0\d\d,\d\d \| BTCUSDT \| Bybit$/);

    // An unmapped prefix serves en (si-locale ignored); no prefix: si-locale decides.
    expect(await fr.evaluate(() => document.documentElement.lang)).toBe('en');
    expect((await inPage<any>(fr, READ_FORM)).buttons).toEqual(['Buy/Long', 'Sell/Short']);
    expect(await bare.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await comma.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await inPage<any>(comma, READ_FORM)).toMatchObject({ avail: '8.000,00 USDT', header: ['Cross', '10,00x'], boxes: [{ value: '61000,5' }, {}] });
    await Promise.all([zh, pt, fr, bare, comma].map((p) => p.close()));
  });

  it('hedge mode: Open/Close tabs, four submit labels, per-side leverage in isolated, two rows per symbol (README: hedge mode)', async () => {
    const pos = 'BTCUSDT,long,0.5,60000,61000,isolated,20,1525;BTCUSDT,short,0.2,62000,61000,isolated,5,2480';
    const page = await open(BTC, `si-seed=4&si-delay=0&si-posmode=hedge&si-action=close&si-mode=isolated&si-lev=20&si-lev-short=5&si-pos=${encodeURIComponent(pos)}`);
    const form = await inPage<any>(page, READ_FORM);
    expect(form).toMatchObject({ header: ['Isolated', '20.00x / 5.00x'], lists: [['Open:false', 'Close:true'], ['Limit:true', 'Market:false', 'Conditional:false']] });
    expect(form.buttons).toEqual(['Close Short', 'Close Long']);
    const acc = await inPage<any>(page, READ_ACCOUNT);
    expect(acc.tabs[0]).toBe('Positions(2)');
    expect(byHeader(acc).map((r) => [r.Contracts, r.Qty, r.IM, r['Close By']])).toEqual([
      ['BTCUSDT|Isolated 20.00x', '0.500 BTC', '1,525.00 USDT', 'MarketLimitClose Long'],
      ['BTCUSDT|Isolated 5.00x', '-0.200 BTC', '2,480.00 USDT', 'MarketLimitClose Short'],
    ]);
    // Equal side leverages show one number; the Open tab and one-way mode show one too.
    await api(page, `s.apply({ 'lev-short': 20, action: 'open' })`);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ header: ['Isolated', '20.00x'], buttons: ['Open Long', 'Open Short'] });
    await api(page, `s.apply({ 'lev-short': 7, posmode: 'oneway' })`);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ header: ['Isolated', '20.00x'], lists: [['Limit:true', 'Market:false', 'Conditional:false']] });
    await page.close();
  });

  it('positions table: cell formats, virtualised rows, reordered columns for odd seeds (README: Bybit positions table)', async () => {
    const three = `${POS};SOLUSDT,long,12,150,155,cross,5,360`;
    const [page, virt, odd] = await Promise.all([
      open(BTC, `si-seed=6&si-delay=0&si-pos=${encodeURIComponent(three)}`),
      open(BTC, `si-seed=6&si-delay=0&si-virtual=2&si-pos=${encodeURIComponent(three)}`),
      open(BTC, `si-seed=7&si-delay=0&si-pos=${encodeURIComponent(three)}`),
    ]);
    const acc = await inPage<any>(page, READ_ACCOUNT);
    expect(acc.rows.map((r: any) => r.index)).toEqual([null, null, null]);
    expect(byHeader(acc)).toEqual([
      { Contracts: 'BTCUSDT|Cross 20.00x', Qty: '0.500 BTC', Value: '30,500.00 USDT', 'Entry Price': '60,000.00', 'Mark Price': '61,000.00', 'Liq. Price': '52,345.60',
        IM: '1,525.00 USDT', MM: '152.50 USDT', 'Unrealized P&L': '+500.00 USDT (--)', 'Realized P&L': '--', 'TP/SL': '-- / --', 'Close By': 'MarketLimitSell/Short' },
      { Contracts: 'ETHUSDT|Isolated 10.00x', Qty: '-3.000 ETH', Value: '8,850.00 USDT', 'Entry Price': '3,000.00', 'Mark Price': '2,950.00', 'Liq. Price': '3,268.50',
        IM: '900.00 USDT', MM: '--', 'Unrealized P&L': '--', 'Realized P&L': '--', 'TP/SL': '-- / --', 'Close By': 'MarketLimitBuy/Long' },
      { Contracts: 'SOLUSDT|Cross 5.00x', Qty: '12.000 SOL', Value: '1,860.00 USDT', 'Entry Price': '150.00', 'Mark Price': '155.00', 'Liq. Price': '--',
        IM: '360.00 USDT', MM: '--', 'Unrealized P&L': '--', 'Realized P&L': '--', 'TP/SL': '-- / --', 'Close By': 'MarketLimitSell/Short' },
    ]);
    // si-virtual=2: only the first two rows, as tr[data-index]; the tab count tells the truth.
    const v = await inPage<any>(virt, READ_ACCOUNT);
    expect(v.tabs[0]).toBe('Positions(3)');
    expect(v.rows.map((r: any) => [r.index, r.cells[0]])).toEqual([['0', 'BTCUSDT|Cross 20.00x'], ['1', 'ETHUSDT|Isolated 10.00x']]);
    // Odd seed: Contracts first, Close By last, the middle never in the default order; rows follow the header.
    const o = await inPage<any>(odd, READ_ACCOUNT);
    expect(o.header[0]).toBe('Contracts');
    expect(o.header.at(-1)).toBe('Close By');
    expect(o.header).not.toEqual(acc.header);
    expect([...o.header].sort()).toEqual([...acc.header].sort());
    expect(byHeader(o)).toEqual(byHeader(acc));
    // The order stays for the whole load (a re-render keeps it).
    await api(odd, `s.apply({ upnl: '5' })`);
    expect((await inPage<any>(odd, READ_ACCOUNT)).header).toEqual(o.header);
    await Promise.all([page, virt, odd].map((p) => p.close()));
  });

  it('the form\'s own liquidation estimate: every si-liq form, logged in or out (README: Bybit liquidation estimate)', async () => {
    const cases: [string, string | number][] = [
      ['52345.6/70123.4', '52,345.60 / 70,123.40'], ['52345.6', '52,345.60'], ['--', '--'], ['52345.6/', '52,345.60 / --'], ['/70123.4', '-- / 70,123.40'], ['none', 0],
    ];
    const pages = await Promise.all(cases.map(([liq], i) => open(BTC, `si-seed=8&si-delay=0&si-auth=${i % 2 ? 'out' : 'in'}&si-liq=${encodeURIComponent(liq)}`)));
    for (const [i, page] of pages.entries()) {
      const form = await inPage<any>(page, READ_FORM);
      expect(form.liq, cases[i]![0]).toBe(cases[i]![1]);
      // After the submit buttons.
      if (typeof cases[i]![1] === 'string') {
        expect(await page.evaluate(() => {
          const w = window as any;
          const liq = w.visAll('span').find((s: Element) => ['Liq. Price'].includes(w.txt(s)) && s.closest('.si-form'));
          const buttons = w.visAll('.si-form button');
          return buttons.every((b: Element) => b.compareDocumentPosition(liq) & Node.DOCUMENT_POSITION_FOLLOWING);
        })).toBe(true);
      }
    }
    await Promise.all(pages.map((p) => p.close()));
  });

  it('logged out: login buttons, Available --, login prompts, tabs without counts; header and inputs stay (README: logged out)', async () => {
    const page = await open(BTC, `si-seed=5&si-delay=0&si-auth=out&si-mode=isolated&si-lev=5&si-pos=${encodeURIComponent(POS)}`);
    const form = await inPage<any>(page, READ_FORM);
    expect(form).toMatchObject({ found: true, header: ['Isolated', '5.00x'], buttons: ['Log In', 'Sign Up'], avail: '--', boxes: [{ label: 'Price' }, { label: 'Order by Qty' }] });
    const acc = await inPage<any>(page, READ_ACCOUNT);
    expect(acc).toMatchObject({ panels: 1, pairs: {}, tabs: ['Positions', 'Current Orders', 'Order History', 'Trade History'], tables: 0, mark: '61,000.00' });
    // Logging in after hydration shows the account data at once (README: late hydration).
    await api(page, `s.apply({ auth: 'in' })`);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ avail: '8,000.00 USDT', buttons: ['Buy/Long', 'Sell/Short'] });
    expect(await inPage<any>(page, READ_ACCOUNT)).toMatchObject({ tabs: ['Positions(2)', 'Current Orders(0)', 'Order History', 'Trade History'], tables: 1 });
    expect((await inPage<any>(page, READ_ACCOUNT)).pairs['Margin Mode']).toBe('Isolated Margin');
    await page.close();
  });

  it('portfolio margin: the header and the panel say Portfolio (README: Bybit leverage and margin mode)', async () => {
    const page = await open(BTC, 'si-seed=5&si-delay=0&si-assetmode=portfolio');
    expect((await inPage<any>(page, READ_FORM)).header).toEqual(['Portfolio', '10.00x']);
    expect((await inPage<any>(page, READ_ACCOUNT)).pairs['Margin Mode']).toBe('Portfolio Margin');
    await api(page, `s.apply({ assetmode: 'multi' })`);
    expect((await inPage<any>(page, READ_FORM)).header).toEqual(['Cross', '10.00x']);
    await page.close();
  });

  it('late hydration: skeleton and the bare title first, then the form with -- values, tabs without counts and no table (README: late hydration)', async () => {
    const page = await site.newPage();
    await page.goto(`${ORIGIN}${BTC}?si-seed=6&si-delay=200,500,800&si-pos=BTCUSDT,long,1,60000,61000,cross,20`);
    await page.evaluate(() => (window as any).__standin.ready);
    const probe = await page.evaluate(() => (window as any).__probe);
    expect(probe.loaded).toEqual({ ready: '0', title: 'Bybit', hooks: 0 });
    expect(probe.form).toMatchObject({ avail: '--', ready: '0', panel: 0, tabs: false });
    expect(probe.form.title).toMatch(/ \| BTCUSDT \| Bybit$/);
    expect(probe.panel).toEqual({ margin: '--', ready: '0' });
    expect(probe.tabs).toEqual({ text: 'Positions', tables: 0 });
    expect((await inPage<any>(page, READ_ACCOUNT)).tabs[0]).toBe('Positions(1)');
    await page.close();
  });

  it('runtime API: apply, write, the slider, unit and type switches, TP/SL, events per si-events (README: writes without events, unit switching)', async () => {
    const page = await open(BTC, 'si-seed=7&si-delay=0&si-events=none&si-stale=0');
    await page.evaluate(() => {
      const w = window as any;
      w.events = 0;
      document.addEventListener('input', () => { w.events++; }, true);
    });
    expect(await api(page, `s.apply({ 'si-price': '60000', qty: '0.5' })`)).toBe(true);
    expect((await inPage<any>(page, READ_FORM)).textInputs).toEqual(['60000', '0.5']);
    expect(await page.evaluate(() => (window as any).events)).toBe(0);

    // Text-only changes keep the nodes (no re-render).
    const node = await page.evaluateHandle(() => (window as any).visAll('.oc-head-leverage')[0]);
    await api(page, `s.apply({ lev: 50, mode: 'isolated', avail: '1234.5', maxbuy: '2' })`);
    expect(await page.evaluate((n) => (n as Element).isConnected, node)).toBe(true);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ header: ['Isolated', '50.00x'], avail: '1,234.50 USDT' });

    // Qty ↔ Value converts at the price input, rounded once; Cost in or out empties the box.
    await api(page, `s.apply({ unit: 'quote' })`);
    expect(await page.evaluate((n) => (n as Element).isConnected, node)).toBe(false);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ modeSwitch: ['Order by Value'], boxes: [{ value: '60000' }, { value: '30000.00', suffix: 'USDT' }] });
    expect(await api(page, 's.slider(25)')).toBe(true);
    expect((await inPage<any>(page, READ_FORM)).boxes[1].value).toBe('30000.00'); // 25% × 2 BTC × 60000
    await api(page, `s.write('qty', '1000', 'none')`);
    await api(page, `s.apply({ unit: 'base' })`);
    expect((await inPage<any>(page, READ_FORM)).boxes[1]).toMatchObject({ value: '0.017', suffix: 'BTC' });
    expect(await api(page, 's.slider(10)')).toBe(true);
    expect((await inPage<any>(page, READ_FORM)).boxes[1].value).toBe('0.200');
    await api(page, `s.apply({ unit: 'cost' })`);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ modeSwitch: ['Order by Cost'], boxes: [{}, { value: '', suffix: 'USDT' }] });
    await api(page, 's.slider(50)');
    expect((await inPage<any>(page, READ_FORM)).boxes[1].value).toBe('');
    await api(page, `s.write('qty', '300', 'none')`);
    await api(page, `s.apply({ unit: 'quote' })`);
    expect((await inPage<any>(page, READ_FORM)).boxes[1].value).toBe('');

    // The qty-mode picker: a menu at the end of <body>, outside the root, with no span[role=button].
    await page.click('.si-form-slot span[role="button"]');
    expect(await page.evaluate(() => {
      const menu = document.querySelector('[role="menu"]')!;
      return { last: document.body.lastElementChild === menu, spans: menu.querySelectorAll('span[role="button"]').length, items: [...menu.children].map((c) => c.textContent) };
    })).toEqual({ last: true, spans: 0, items: ['Order by Qty', 'Order by Value', 'Order by Cost'] });
    await page.click('[role="menu"] [role="menuitem"]');
    expect((await inPage<any>(page, READ_FORM)).modeSwitch).toEqual(['Order by Qty']);

    // Order-type switch: Market has no price row; back to Limit resets the price to si-last at price precision.
    await api(page, `s.apply({ type: 'market' })`);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ lists: [['Limit:false', 'Market:true', 'Conditional:false']], boxes: [{ label: 'Order by Qty' }] });
    expect(await api(page, `s.write('price', '1')`)).toBe(false);
    await api(page, `s.apply({ type: 'limit' })`);
    expect((await inPage<any>(page, READ_FORM)).boxes[0]).toMatchObject({ label: 'Price', value: '61005.00' });
    await api(page, `s.apply({ type: 'conditional' })`);
    expect((await inPage<any>(page, READ_FORM)).boxes.map((b: any) => b.label)).toEqual(['Price', 'Order by Qty']);

    // TP/SL rows exist only while the box is checked; write('tp') checks it (the one input event so far).
    await api(page, `s.write('tp', '65000', 'input')`);
    expect((await inPage<any>(page, READ_FORM)).tpsl).toEqual({ tag: 'LABEL', checked: true, rows: ['Take Profit=65000', 'Stop Loss='] });
    expect(await page.evaluate(() => (window as any).events)).toBe(1);
    await page.click('.si-form-slot label');
    expect((await inPage<any>(page, READ_FORM)).tpsl).toMatchObject({ checked: false, rows: [] });

    // rerender() keeps the values in new nodes.
    await api(page, `s.write('qty', '0.25', 'none')`);
    await api(page, 's.rerender()');
    expect((await inPage<any>(page, READ_FORM)).textInputs).toEqual(['61005.00', '0.25']);
    await page.close();
  });

  it('the leverage dialog opens only on a click, at the end of <body>, and edits the header in place (README: leverage dialog)', async () => {
    const page = await open(BTC, 'si-seed=9&si-delay=0');
    expect(await page.evaluate(() => document.querySelectorAll('[role="dialog"]').length)).toBe(0);
    await page.click('.si-form-slot .oc-head-leverage');
    const dialog = await page.evaluate(() => {
      const d = document.querySelector('[role="dialog"]')!;
      return { last: document.body.lastElementChild === d, title: d.querySelector('.poz-mode-switch__lvg-wrap .poz-mode-switch__lvg-title')?.textContent,
        input: (d.querySelector('.by-input__inner') as HTMLInputElement).value, confirm: d.querySelector('button')?.textContent };
    });
    expect(dialog).toEqual({ last: true, title: 'Leverage', input: '10', confirm: 'Confirm' });
    await page.evaluate(() => { (document.querySelector('[role="dialog"] .by-input__inner') as HTMLInputElement).value = '33'; });
    await page.click('[role="dialog"] button');
    expect((await inPage<any>(page, READ_FORM)).header).toEqual(['Cross', '33.00x']);
    await page.close();
  });

  it('SPA navigation: url-first and form-first, the locale prefix added, the title in the same task as the form (README: SPA navigation)', async () => {
    const page = await open('/trade/usdt/BTCUSDT', 'si-seed=8&si-delay=0&si-price=60000&si-qty=1');
    const step = (order: string, symbol: string) => page.evaluate(async (o, s) => {
      const w = window as any;
      const unit = () => w.txt(w.visAll('.si-form .by-input__container')[1].querySelector('.by-input__right-icon'));
      const done = w.__standin.navigate(s, o);
      const during = { path: location.pathname, title: document.title.split(' | ')[1], unit: unit() };
      await done;
      return { during, after: { path: location.pathname, title: document.title.split(' | ')[1], unit: unit() } };
    }, order, symbol);
    const urlFirst = await step('url-first', 'ETHUSDT');
    expect(urlFirst.during).toEqual({ path: '/en-US/trade/usdt/ETHUSDT', title: 'BTCUSDT', unit: 'BTC' });
    expect(urlFirst.after).toEqual({ path: '/en-US/trade/usdt/ETHUSDT', title: 'ETHUSDT', unit: 'ETH' });
    expect((await inPage<any>(page, READ_FORM)).textInputs).toEqual(['3000.50', '']);
    const formFirst = await step('form-first', 'SOLUSDT');
    expect(formFirst.during).toEqual({ path: '/en-US/trade/usdt/ETHUSDT', title: 'SOLUSDT', unit: 'SOL' });
    expect(formFirst.after.path).toBe('/en-US/trade/usdt/SOLUSDT');
    // No default last price for SOL: the title and the reset price say so.
    expect(await page.title()).toMatch(/^-- \| SOLUSDT \| Bybit$/);
    expect((await inPage<any>(page, READ_FORM)).textInputs).toEqual(['', '']);
    await page.close();
  });

  it('order-book storm mutates at the configured rate; si-storm=0 is quiet (README: order-book storm)', async () => {
    const lastPrice = await expectStormRates(open, BTC, 'si-seed=9&si-delay=0', '.si-book',
      (page) => page.evaluate(() => document.querySelectorAll('.ob__market-price-bg .ob__market-price').length));
    expect(lastPrice).toBe(1);
  });

  it('decoys: quick trade outside the root, hidden copies, chart iframe and shadow root; si-decoys=0 removes them (README: decoys, noise widgets)', async () => {
    const [on, off] = await Promise.all([
      open(BTC, `si-seed=10&si-delay=0&si-stalehide=aria&si-pos=${encodeURIComponent(POS)}`),
      open(BTC, `si-seed=10&si-delay=0&si-decoys=0&si-pos=${encodeURIComponent(POS)}`),
    ]);
    const look = (page: Page) => page.evaluate(() => {
      const w = window as any;
      const root = w.visAll('.oc-head-leverage')[0].closest('.si-form');
      const inputs = w.visAll('input.by-input__inner');
      const chat = document.querySelector('.si-chat-host')!.shadowRoot!;
      const frame = document.querySelector('iframe')!.contentDocument!;
      return {
        outsideInputs: inputs.filter((i: Element) => !root.contains(i)).length,
        hiddenCopies: document.querySelectorAll('.oc-head-leverage').length - 1,
        outsideBuy: w.visAll('button').filter((b: Element) => w.txt(b) === 'Buy/Long' && !root.contains(b)).length,
        hiddenInRoot: [...root.querySelectorAll('button')].filter((b) => !w.vis(b)).length,
        chat: [chat.querySelector('button')!.textContent, chat.querySelectorAll('.oc-head-leverage').length],
        frame: frame.querySelectorAll('.oc-head-leverage, .oc__tp-sl-chk-text, .by-input__inner').length,
      };
    });
    expect(await look(on)).toEqual({ outsideInputs: 2, hiddenCopies: 1, outsideBuy: 2, hiddenInRoot: 2, chat: ['Buy/Long', 1], frame: 3 });
    expect(await look(off)).toEqual({ outsideInputs: 0, hiddenCopies: 0, outsideBuy: 0, hiddenInRoot: 0, chat: ['Buy/Long', 1], frame: 3 });
    expect((await inPage<any>(on, READ_FORM)).buttons).toEqual(['Buy/Long', 'Sell/Short']);
    await Promise.all([on.close(), off.close()]);
  });

  it('page parameters persist in sessionStorage; reloading without si- params reuses them (README: page parameters)', async () => {
    const page = await open(BTC, 'si-delay=0&si-lev=33#si-lev=44');
    expect((await inPage<any>(page, READ_FORM)).header).toEqual(['Cross', '44.00x']);
    const seed1 = await page.evaluate(() => document.documentElement.dataset.siSeed);
    await page.goto(`${ORIGIN}${BTC}`);
    await page.evaluate(() => (window as any).__standin.ready);
    expect((await inPage<any>(page, READ_FORM)).header).toEqual(['Cross', '44.00x']);
    expect(JSON.parse((await page.evaluate(() => sessionStorage.getItem('si-scenario')))!)).toMatchObject({ lev: '44', delay: '0' });
    expect(await page.evaluate(() => document.documentElement.dataset.siSeed)).not.toBe(seed1);
    // Values the site does not allow are ignored: leverage above 100, a percent unit.
    await page.goto(`${ORIGIN}${BTC}?si-delay=0&si-lev=125&si-unit=percent`);
    await page.evaluate(() => (window as any).__standin.ready);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ header: ['Cross', '10.00x'], modeSwitch: ['Order by Qty'] });
    await page.close();
  });

  it("server: serves the route on the venue's host only, 404 for excluded paths, the stand-in's own files under /__standin/", async () => {
    const { status } = site;
    const served = ['/trade/usdt/BTCUSDT', '/en-US/trade/usdt/BTCUSDT', '/zh-MY/trade/usdt/ETHUSDT/', '/pt-BR/trade/usdt/1000PEPEUSDT?x=1#y',
      '/fr-FR/trade/usdt/BTCUSDT', '/__standin/standin.js', '/__standin/standin.css', '/__standin/index.html'];
    const refused = ['/trade/inverse/BTCUSD', '/en-US/trade/spot/BTC/USDT', '/trade/option/usdc/BTC', '/trade/usdc/BTCPERP', '/en-US/trade/usdt/btcusdt',
      '/en/trade/usdt/BTCUSDT', '/trade/usdt/BTCUSDC', '/__standin/standin.test.ts', '/__standin/site.ts', '/__standin/../server.ts'];
    await expectServerRoutes(site, served, refused);
    expect(await status('/trade/usdt/BTCUSDT', 'example.com')).toBe(404);
  });

  firefoxSmoke(site, (port) => `https://www.bybit.com:${port}/pt-BR/trade/usdt/BTCUSDT?si-seed=12&si-delay=0`, async (page) => {
    expect(await page.title()).toMatch(/^61\.0\d\d,\d\d \| BTCUSDT \| Bybit$/);
    expect(await page.evaluate(() => [document.documentElement.lang, document.querySelectorAll('.oc-head-leverage').length,
      document.querySelectorAll('iframe')[0]!.contentDocument!.querySelectorAll('.by-input__inner').length])).toEqual(['pt-BR', 2, 1]);
  });

  it('made no request outside the page origin (README: no network)', () => site.expectOwnOriginOnly());
});
