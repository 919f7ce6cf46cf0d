// Conformance checks of the Hyperliquid stand-in against the page traits it reproduces
// (tests/sites/README.md): real loads in headless Chromium (and a Firefox ESR smoke load), started by
// tests/support/browsers.ts, which maps every registry venue's hosts to the local stand-in server.
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { useStandinPages, inPage, api, expectServerRoutes, firefoxSmoke, sampleStalehides, expectStormRates } from '../common/harness.ts';

const ORIGIN = 'https://app.hyperliquid.xyz';
// The venue's page-side helpers, installed before any page script runs after the shared `vis` / `txt` / `visAll`
// (common/harness.ts): the derived form root (README: Hyperliquid hooks) and `__probe`, recording the first
// moments of hydration.
const PAGE_HELPERS = `
  window.buttonsWith = (text, root = document) => visAll('button', root).filter((b) => txt(b) === text);
  window.formRoot = (buyText = 'Buy / Long', sellText = 'Sell / Short') => {
    const buy = buttonsWith(buyText);
    const sell = buttonsWith(sellText);
    if (buy.length !== 1 || sell.length !== 1) return { error: buy.length + '/' + sell.length };
    const after = (el, ref) => ref.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING;
    const primary = visAll('button[color="primary"]').find((b) => after(b, buy[0]) && after(b, sell[0]));
    if (!primary) return { error: 'no primary' };
    let root = buy[0];
    while (!root.contains(sell[0]) || !root.contains(primary)) root = root.parentElement;
    return { root, buy: buy[0], sell: sell[0], primary };
  };
  window.__probe = {};
  new MutationObserver(() => {
    const p = window.__probe;
    const f = buttonsWith('Buy / Long').length ? formRoot() : null;
    if (!p.form && f && f.root) {
      const pairs = visAll('*', f.root).filter((e) => e.children.length === 2 && txt(e.children[0]) === 'Available to Trade');
      p.form = { title: document.title, avail: pairs.length === 1 ? txt(pairs[0].children[1]) : pairs.length, ready: document.documentElement.dataset.siReady,
        panel: visAll('div').some((d) => d.children.length === 0 && txt(d) === 'Balance'),
        table: !!document.querySelector('#accountTable table') };
    }
    const tab = document.querySelector('#accountTable') && visAll('#accountTable *').find((e) => /^Positions( \\(\\d+\\))?$/.test(txt(e)) && e.children.length === 0);
    if (!p.tabs && tab) p.tabs = { text: txt(tab), table: !!document.querySelector('#accountTable table'), ready: document.documentElement.dataset.siReady };
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

const site = useStandinPages(ORIGIN, PAGE_HELPERS);
const { open } = site;

/** A summary of what an adapter would read from the form root (README: Hyperliquid hooks). */
const readForm = (buy = 'Buy / Long', sell = 'Sell / Short', labels: Record<string, string> = {}) => `(() => {
  const L = Object.assign({ price: 'Price (USD)', size: 'Size', trigger: 'Trigger Price', tp: 'TP Price', sl: 'SL Price',
    avail: 'Available to Trade', current: 'Current Position', liq: 'Liquidation Price' }, ${JSON.stringify(labels)});
  const f = formRoot(${JSON.stringify(buy)}, ${JSON.stringify(sell)});
  if (!f.root) return { found: false, error: f.error };
  const root = f.root;
  const inputOf = (label) => {
    const hits = visAll('input', root).filter((i) => i.parentElement.firstElementChild !== i && txt(i.parentElement.firstElementChild) === label);
    return hits.length === 1 ? hits[0] : hits.length === 0 ? null : 'several';
  };
  const pairValue = (label) => {
    const hits = visAll('*', root).filter((e) => e.children.length === 2 && txt(e.children[0]) === label);
    return hits.length === 1 ? txt(hits[0].children[1]) : hits.length;
  };
  const size = inputOf(L.size);
  const lev = visAll('button', root).filter((b) => /^\\d+x$/.test(txt(b)));
  return {
    found: true,
    primary: txt(f.primary),
    primaries: visAll('button[color="primary"]', root).length,
    buyClass: [...f.buy.classList].filter((c) => c.startsWith('variant_')),
    sellClass: [...f.sell.classList].filter((c) => c.startsWith('variant_')),
    submitClass: [...f.primary.classList].filter((c) => c.startsWith('variant_')),
    variants: root.querySelectorAll('.variant_green, .variant_red').length,
    leverage: lev.length === 1 ? txt(lev[0]) : lev.length,
    margin: lev.length === 1 && lev[0].previousElementSibling ? txt(lev[0].previousElementSibling) : null,
    price: inputOf(L.price)?.value ?? null,
    trigger: inputOf(L.trigger) ? true : false,
    qty: size?.value ?? null,
    unit: size ? [...size.parentElement.children].filter((e) => e.matches('[role="button"]')).map(txt) : null,
    tp: inputOf(L.tp)?.value ?? null,
    sl: inputOf(L.sl)?.value ?? null,
    checkboxes: visAll('label', root).map((l) => txt(l) + ':' + l.querySelector('input[type="checkbox"]').checked),
    avail: pairValue(L.avail),
    current: pairValue(L.current),
    liq: pairValue(L.liq),
    pct: visAll('input', root).find((i) => i.nextElementSibling && txt(i.nextElementSibling) === '%')?.value ?? null,
    hooksInside: !!root.querySelector('input') && root.contains(f.buy),
  };
})()`;

/** The account panel pairs, `#marketData` pairs, the account tabs and the positions table. */
const READ_ACCOUNT = `(() => {
  const pairs = {};
  const acct = document.querySelector('#accountTable');
  const f = formRoot();
  for (const e of visAll('div')) {
    if (e.children.length === 2 && !(f.root && f.root.contains(e)) && !(acct && acct.contains(e)) && !e.closest('#marketData')) pairs[txt(e.children[0])] = txt(e.children[1]);
  }
  const market = {};
  for (const e of visAll('#marketData > div')) if (e.children.length === 2) market[txt(e.children[0])] = txt(e.children[1]);
  const tables = acct ? visAll('table', acct) : [];
  const table = tables[0];
  return {
    pairs, market,
    tabs: acct ? [...acct.firstElementChild.children].map(txt) : [],
    tables: tables.length,
    header: table ? [...table.querySelectorAll(':scope > thead > tr > *')].map((c) => c.tagName + ':' + txt(c)) : null,
    rows: table ? [...table.querySelectorAll(':scope > tbody > tr')].map((r) => [...r.children].map((c) => c.children.length === 2 && c.firstElementChild.tagName === 'SPAN' ? [...c.children].map(txt).join('|') : txt(c))) : [],
    areaText: acct ? txt(acct) : null,
  };
})()`;

describe('Hyperliquid stand-in', () => {
  it('default page state: logged in, Standard, cross 20x, limit, Buy, coin unit, no positions (README: default page state)', async () => {
    const page = await open('/trade/BTC', 'si-seed=11&si-delay=0');
    expect(await inPage<any>(page, readForm())).toMatchObject({
      found: true, primary: 'Place Order', primaries: 1, buyClass: ['variant_green'], sellClass: [], submitClass: ['variant_green'], variants: 2,
      leverage: '20x', margin: 'Cross', price: '', trigger: false, qty: '', unit: ['BTC'], tp: null, sl: null, avail: '8,000.00 USDC',
      current: '0.00000 BTC', liq: 'N/A', pct: '0', hooksInside: true,
      checkboxes: ['Reduce Only:false', 'Take Profit / Stop Loss:false'],
    });
    const acc = await inPage<any>(page, READ_ACCOUNT);
    expect(acc.pairs).toMatchObject({
      Balance: '$10,000.00', 'Unrealized PNL': '$0.00', 'Cross Margin Ratio': '--', 'Maintenance Margin': '$0.00',
      'Cross Account Leverage': '--', 'Account Mode': 'Standard',
    });
    expect(acc.market).toEqual({ Mark: '61,000', Oracle: '--' });
    expect(acc.tabs).toEqual(['Balances', 'Positions (0)', 'Open Orders (0)', 'TWAP', 'Trade History', 'Funding History', 'Order History']);
    expect(acc.tables).toBe(1);
    expect(acc.header).toEqual(['Coin', 'Size', 'Position Value', 'Entry Price', 'Mark Price', 'PNL (ROE %)', 'Liq. Price', 'Margin', 'Funding', 'Close All', 'TP/SL'].map((t) => `TD:${t}`));
    expect(acc.rows).toEqual([['No open positions yet']]);
    expect(await page.title()).toMatch(/^61,0\d\d \| BTC \| Hyperliquid$/);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.className, document.documentElement.dataset.siSeed])).toEqual(['en', 'theme-dark', '11']);
    expect(await page.evaluate(() => [!!document.querySelector('#root'), !!document.querySelector('#tv_chart_container > iframe'), !!document.querySelector('#favoriteCoins')])).toEqual([true, true, true]);
    await page.close();
  });

  it('root-defining hooks have exactly one visible match during re-renders, for every si-stalehide (README: one visible form root)', async () => {
    const results = await sampleStalehides(open, '/trade/BTC', 'si-seed=3&si-delay=0&si-storm=0&si-rerender=40', `() => {
      const f = formRoot();
      return { count: buttonsWith('Buy / Long').length + '/' + buttonsWith('Sell / Short').length + '/' + (f.root ? txt(f.primary) : f.error),
        root: f.root };
    }`);
    results.forEach((r) => {
      expect(r.counts).toEqual(['1/1/Place Order']);
      expect(r.stale).toEqual([r.method]);
      // The samples spanned several re-renders (each a new live root).
      expect(r.roots).toBeGreaterThan(2);
    });
  });

  it('two seeds give different randomised hooks: styled-components classes, the odd id, the selected tab class (README: randomised hooks)', async () => {
    const read = async (seed: number) => {
      const page = await open('/trade/BTC', `si-seed=${seed}&si-delay=0`);
      const hooks = await page.evaluate(() => {
        const w = window as any;
        const f = w.formRoot();
        const tabs = [...document.querySelector('#accountTable')!.firstElementChild!.children];
        const selected = tabs.find((t) => w.txt(t).startsWith('Positions'))!;
        const other = tabs.find((t) => w.txt(t) === 'TWAP')!;
        return {
          rootClass: f.root.className,
          buyClass: [...f.buy.classList].filter((c: string) => !c.startsWith('variant_')).join(' '),
          oddId: document.querySelector('.si-app')!.id,
          tableClass: document.querySelector('#accountTable table')!.className,
          selectedExtra: [...selected.classList].filter((c) => !other.classList.contains(c) && !/^sc-/.test(c)).length,
        };
      });
      await page.close();
      return hooks;
    };
    const [a, b] = await Promise.all([read(101), read(202)]);
    for (const key of ['rootClass', 'buyClass', 'oddId', 'tableClass'] as const) expect(a[key], key).not.toBe(b[key]);
    expect(a.rootClass).toMatch(/^sc-[A-Za-z]{6} [A-Za-z]{6}\b/);
    expect(a.oddId).toMatch(/^[a-z]{6}$/);
    expect(a.selectedExtra).toBeGreaterThan(0);
  });

  it('labels and number formats per locale (README: localized labels, number formats)', async () => {
    const pos = 'BTC,long,0.05,59000,61000,cross,20,152.5,41234.5,-,10';
    const [zh, pt, comma] = await Promise.all([
      open('/trade/BTC', `si-seed=1&si-delay=0&si-locale=zh-CN&si-mode=isolated&si-pos=${pos}`),
      open('/trade/ETH', `si-seed=1&si-delay=0&si-locale=pt-BR&si-price=3000.5&si-mr=0.12&si-upnl=-12.5&si-pos=${pos}`),
      open('/trade/BTC', 'si-seed=1&si-delay=0&si-numfmt=comma&si-price=61000.5'),
    ]);
    expect(await inPage<any>(zh, readForm('买入 / 做多', '卖出 / 做空', { price: '价格 (USD)', size: '数量', avail: '可交易', current: '当前仓位', liq: '强平价格' }))).toMatchObject({
      found: true, primary: '下单', margin: '逐仓', leverage: '20x', avail: '8,000.00 USDC', current: '0.05000 BTC',
      checkboxes: ['只减仓:false', '止盈 / 止损:false'],
    });
    const zhAcc = await inPage<any>(zh, READ_ACCOUNT);
    expect(zhAcc.pairs).toMatchObject({ 余额: '$10,000.00', 账户模式: '标准', 全仓保证金率: '--' });
    expect(zhAcc.market).toMatchObject({ 标记价格: '61,000' });
    expect(zhAcc.tabs[1]).toBe('Positions (1)');
    expect(zhAcc.header.map((h: string) => h.slice(3))).toEqual(['币种', '数量', '仓位价值', '开仓价格', '标记价格', '盈亏 (ROE %)', '强平价格', '保证金', '资金费', 'Close All', '止盈/止损']);
    expect(zhAcc.rows[0].slice(0, 9)).toEqual(['BTC|20x', '0.05000 BTC', '$3,050.00', '59,000', '61,000', '+$10.00 (--)', '41,234.5', '$152.50 (全仓)', '--']);
    expect(zhAcc.rows[0][9]).toBe('限价市价反向');

    expect(await inPage<any>(pt, readForm('Comprar / Long', 'Vender / Short', { price: 'Preço (USD)', size: 'Tamanho', avail: 'Disponível para Negociar', current: 'Posição Atual', liq: 'Preço de Liquidação' }))).toMatchObject({
      found: true, primary: 'Enviar Ordem', margin: 'Cruzada', price: '3000,5', avail: '8.000,00 USDC', current: '0,00000 ETH',
    });
    const ptAcc = await inPage<any>(pt, READ_ACCOUNT);
    expect(ptAcc.pairs).toMatchObject({ Saldo: '$10.000,00', 'PNL não realizado': '-$12,50', 'Índice de margem cruzada': '0,12%', 'Modo da Conta': 'Padrão' });
    expect(ptAcc.market).toMatchObject({ Marcação: '3.000,0' });
    expect(ptAcc.rows[0].slice(0, 8)).toEqual(['BTC|20x', '0,05000 BTC', '$3.050,00', '59.000', '61.000', '+$10,00 (--)', '41.234,5', '$152,50 (Cruzada)']);
    expect(await pt.title()).toMatch(/^3\.0\d\d,\d \| ETH \| Hyperliquid$/);

    expect(await comma.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await inPage<any>(comma, readForm())).toMatchObject({ avail: '8.000,00 USDC', price: '61000,5' });
    await Promise.all([zh, pt, comma].map((p) => p.close()));
  });

  it('side toggle: the selected side and the submit carry its variant; a click re-renders (README: side toggle)', async () => {
    const page = await open('/trade/BTC', 'si-seed=2&si-delay=0&si-side=sell&si-liq=52345/70123.5&si-stale=0&si-price=60000&si-qty=0.2');
    expect(await inPage<any>(page, readForm())).toMatchObject({ buyClass: [], sellClass: ['variant_red'], submitClass: ['variant_red'], variants: 2, liq: '70,123.5' });
    const before = await page.evaluateHandle(() => (window as any).formRoot().root);
    await page.evaluate(() => (window as any).buttonsWith('Buy / Long')[0].click());
    expect(await page.evaluate((r) => (r as Element).isConnected, before)).toBe(false);
    expect(await inPage<any>(page, readForm())).toMatchObject({ buyClass: ['variant_green'], sellClass: [], submitClass: ['variant_green'], liq: '52,345', price: '60000', qty: '0.2' });
    await page.evaluate(() => (window as any).__standin.apply({ liq: '61000' }));
    expect((await inPage<any>(page, readForm())).liq).toBe('61,000');
    await page.evaluate(() => (window as any).__standin.apply({ liq: '--/3000', side: 'sell' }));
    expect((await inPage<any>(page, readForm())).liq).toBe('3,000.0');
    await page.evaluate(() => (window as any).__standin.apply({ side: 'buy' }));
    expect((await inPage<any>(page, readForm())).liq).toBe('N/A');
    await page.close();
  });

  it('logged out and no agent: Connect / Enable Trading decide, Current Position absent, -- values, a connect prompt (README: logged out)', async () => {
    const page = await open('/trade/BTC', 'si-seed=5&si-delay=0&si-auth=out&si-mode=isolated&si-lev=5&si-liq=50000&si-pos=BTC,long,1,60000,61000,cross,20');
    expect(await inPage<any>(page, readForm())).toMatchObject({ found: true, primary: 'Connect', leverage: '5x', margin: 'Isolated', avail: '--', current: 0, liq: '50,000' });
    const acc = await inPage<any>(page, READ_ACCOUNT);
    expect(acc.tabs[1]).toBe('Positions');
    expect(acc.tables).toBe(0);
    expect(acc.pairs).toMatchObject({ Balance: '--', 'Account Mode': '--' });
    expect(acc.market.Mark).toBe('61,000');
    await page.evaluate(() => (window as any).__standin.apply({ auth: 'noagent' }));
    expect(await inPage<any>(page, readForm())).toMatchObject({ primary: 'Enable Trading', avail: '8,000.00 USDC', current: '1.00000 BTC' });
    await page.evaluate(() => (window as any).__standin.apply({ auth: 'in' }));
    expect((await inPage<any>(page, readForm())).primary).toBe('Place Order');
    expect((await inPage<any>(page, READ_ACCOUNT)).tabs[1]).toBe('Positions (1)');
    await page.close();
  });

  it('late hydration: skeleton and site title first, then the form with -- values, tabs without counts and no table (README: late hydration)', async () => {
    const page = await site.newPage();
    await page.goto(`${ORIGIN}/trade/BTC?si-seed=6&si-delay=400,700,1000&si-pos=BTC,long,1,60000,61000,cross,20`);
    const early = await page.evaluate(() => ({
      ready: document.documentElement.dataset.siReady, title: document.title,
      hooks: document.querySelectorAll('#marketData, #accountTable, button[color="primary"] ~ *, input').length,
    }));
    expect(early).toEqual({ ready: '0', title: 'Hyperliquid', hooks: 0 });
    await page.evaluate(() => (window as any).__standin.ready);
    const probe = await page.evaluate(() => (window as any).__probe);
    expect(probe.form).toMatchObject({ avail: '--', ready: '0', panel: false, table: false });
    expect(probe.form.title).toMatch(/ \| BTC \| Hyperliquid$/);
    expect(probe.tabs).toEqual({ text: 'Positions', table: false, ready: '0' });
    expect((await inPage<any>(page, READ_ACCOUNT)).tabs[1]).toBe('Positions (1)');
    expect((await inPage<any>(page, readForm())).current).toBe('1.00000 BTC');
    await page.close();
  });

  it('runtime API: apply, write, slider, unit and type switches, Pro, TP/SL rows, events per si-events (README: runtime API)', async () => {
    const page = await open('/trade/BTC', 'si-seed=7&si-delay=0&si-events=none&si-stale=0');
    const api = (code: string) => page.evaluate(`(() => { const s = window.__standin; return ${code}; })()`);
    await page.evaluate(() => {
      const w = window as any;
      w.events = 0;
      document.addEventListener('input', () => { w.events++; }, true);
    });
    expect(await api(`s.apply({ 'si-price': '60000', qty: '0.5' })`)).toBe(true);
    expect(await inPage<any>(page, readForm())).toMatchObject({ price: '60000', qty: '0.5' });
    expect(await page.evaluate(() => (window as any).events)).toBe(0);

    // Text-only changes keep the nodes.
    const node = await page.evaluateHandle(() => (window as any).formRoot().root);
    await api(`s.apply({ lev: 50, mode: 'isolated', avail: '1234.5', maxbuy: '2', maxsell: '1' })`);
    expect(await page.evaluate((n) => (n as Element).isConnected, node)).toBe(true);
    expect(await inPage<any>(page, readForm())).toMatchObject({ leverage: '50x', margin: 'Isolated', avail: '1,234.50 USDC' });
    expect(await api(`s.apply({ lev: 51 })`)).toBe(true);
    expect((await inPage<any>(page, readForm())).leverage).toBe('50x');

    // Unit switch converts at the price input, rounded once; back to the coin at 5 decimals.
    await api(`s.apply({ unit: 'quote' })`);
    expect(await page.evaluate((n) => (n as Element).isConnected, node)).toBe(false);
    expect(await inPage<any>(page, readForm())).toMatchObject({ unit: ['USDC'], qty: '30000.00', price: '60000' });
    await api(`s.write('qty', '1000', 'none')`);
    await page.evaluate(() => {
      const w = window as any;
      const size = w.visAll('input', w.formRoot().root).find((i: Element) => w.txt(i.parentElement!.firstElementChild!) === 'Size');
      size.parentElement.querySelector('[role="button"]').click();
    });
    expect(await inPage<any>(page, readForm())).toMatchObject({ unit: ['BTC'], qty: '0.01667' });

    // The slider writes pct × si-maxbuy (Buy) or si-maxsell (Sell) into Size; the % input shows the percent.
    expect(await api(`s.slider(25)`)).toBe(true);
    expect(await inPage<any>(page, readForm())).toMatchObject({ qty: '0.50000', pct: '25' });
    await api(`s.apply({ side: 'sell' })`);
    expect(await api(`s.slider(40)`)).toBe(true);
    expect((await inPage<any>(page, readForm())).qty).toBe('0.40000');
    await api(`s.apply({ unit: 'quote' })`);
    await api(`s.slider(10)`);
    expect((await inPage<any>(page, readForm())).qty).toBe('6000.00');
    await api(`s.apply({ maxsell: '' })`);
    await api(`s.slider(10)`);
    expect((await inPage<any>(page, readForm())).qty).toBe('');

    // Order types: Market has no price input; back to Limit resets the price to si-last; Pro has a trigger, no price, no TP/SL.
    await api(`s.apply({ type: 'market' })`);
    expect(await inPage<any>(page, readForm())).toMatchObject({ price: null, trigger: false });
    expect(await api(`s.write('price', '1')`)).toBe(false);
    await api(`s.apply({ type: 'limit' })`);
    expect((await inPage<any>(page, readForm())).price).toBe('61005');
    await api(`s.apply({ type: 'conditional' })`);
    const pro = await inPage<any>(page, readForm());
    expect(pro).toMatchObject({ price: null, trigger: true, checkboxes: ['Reduce Only:false'] });
    expect(await api(`s.write('tp', '1')`)).toBe(false);
    await api(`s.apply({ type: 'limit' })`);

    // TP/SL rows exist only while the box is checked; write('tp') checks it.
    expect((await inPage<any>(page, readForm())).tp).toBeNull();
    await api(`s.write('tp', '65000', 'input')`);
    expect(await inPage<any>(page, readForm())).toMatchObject({ tp: '65000', sl: '', checkboxes: ['Reduce Only:false', 'Take Profit / Stop Loss:true'] });
    expect(await page.evaluate(() => (window as any).events)).toBe(1);

    // rerender() keeps values in new nodes.
    await api(`s.write('qty', '0.25', 'none')`);
    await api(`s.rerender()`);
    expect(await inPage<any>(page, readForm())).toMatchObject({ qty: '0.25', price: '61005', tp: '65000' });
    await page.close();
  });

  it('SPA navigation: url-first and form-first orders, the title in the same task as the form; /trade shows the last coin (README: SPA navigation)', async () => {
    const page = await open('/trade/BTC', 'si-seed=8&si-delay=0&si-price=60000&si-qty=1');
    const step = (order: string, coin: string) => page.evaluate(async (o, c) => {
      const w = window as any;
      const unit = () => {
        const size = w.visAll('input', w.formRoot().root).find((i: Element) => w.txt(i.parentElement!.firstElementChild!) === 'Size');
        return w.txt(size.parentElement.querySelector('[role="button"]'));
      };
      const done = w.__standin.navigate(c, o);
      const during = { path: location.pathname, title: document.title.split(' | ')[1], unit: unit() };
      await done;
      return { during, after: { path: location.pathname, title: document.title.split(' | ')[1], unit: unit() } };
    }, order, coin);
    const urlFirst = await step('url-first', 'ETH');
    expect(urlFirst.during).toEqual({ path: '/trade/ETH', title: 'BTC', unit: 'BTC' });
    expect(urlFirst.after).toEqual({ path: '/trade/ETH', title: 'ETH', unit: 'ETH' });
    expect(await inPage<any>(page, readForm())).toMatchObject({ price: '3000.5', qty: '' });
    const formFirst = await step('form-first', 'xyz:TSLA');
    expect(formFirst.during).toEqual({ path: '/trade/ETH', title: 'xyz:TSLA', unit: 'TSLA' });
    expect(formFirst.after.path).toBe('/trade/xyz:TSLA');
    expect(await page.title()).toBe('-- | xyz:TSLA | Hyperliquid');
    // A reload of /trade alone shows the last coin.
    await page.goto(`${ORIGIN}/trade`);
    await page.evaluate(() => (window as any).__standin.ready);
    expect(await page.title()).toBe('-- | xyz:TSLA | Hyperliquid');
    await page.close();
  });

  it('positions table: rows in si-pos order, HIP-3 sizes after the colon, liquidation, margin with the mode; Open Orders has no Liq. Price (README: lists)', async () => {
    const pos = 'BTC,long,0.05,59000,61000,cross,20,152.5,41234;ETH,short,2,3100,2950,isolated,10,620,3401.5,-,-12.5;xyz:TSLA,long,1,250,251,isolated,5';
    const page = await open('/trade/BTC', `si-seed=9&si-delay=0&si-mark=61500&si-orders=ETH,sell,limit,3100,1&si-pos=${encodeURIComponent(pos)}`);
    const acc = await inPage<any>(page, READ_ACCOUNT);
    expect(acc.tabs.slice(1, 3)).toEqual(['Positions (3)', 'Open Orders (1)']);
    expect(acc.rows.map((r: string[]) => r.slice(0, 9))).toEqual([
      ['BTC|20x', '0.05000 BTC', '$3,075.00', '59,000', '61,500', '--', '41,234', '$152.50 (Cross)', '--'],
      ['ETH|10x', '-2.00000 ETH', '$5,900.00', '3,100.0', '2,950.0', '-$12.50 (--)', '3,401.5', '$620.00 (Isolated)', '--'],
      ['xyz:TSLA|5x', '1.00000 TSLA', '$251.00', '250.00', '251.00', '--', 'N/A', '-- (Isolated)', '--'],
    ]);
    expect(acc.rows[0][10]).toBe('-- / --');
    expect((await inPage<any>(page, readForm())).current).toBe('0.05000 BTC');
    await page.evaluate(() => {
      const w = window as any;
      w.visAll('#accountTable *').find((e: Element) => w.txt(e) === 'Open Orders (1)').click();
    });
    const orders = await inPage<any>(page, READ_ACCOUNT);
    expect(orders.tables).toBe(1);
    expect(orders.header.some((h: string) => h.endsWith('Liq. Price'))).toBe(false);
    expect(orders.rows).toHaveLength(1);
    await page.evaluate(() => {
      const w = window as any;
      w.visAll('#accountTable *').find((e: Element) => w.txt(e) === 'TWAP').click();
    });
    expect((await inPage<any>(page, READ_ACCOUNT)).tables).toBe(0);
    await page.close();
  });

  it('account modes: Standard, Unified Account, Portfolio Margin in every locale (README: Hyperliquid hooks)', async () => {
    const page = await open('/trade/BTC', 'si-seed=10&si-delay=0&si-assetmode=multi');
    expect((await inPage<any>(page, READ_ACCOUNT)).pairs['Account Mode']).toBe('Unified Account');
    await page.evaluate(() => (window as any).__standin.apply({ assetmode: 'portfolio', locale: 'pt-BR' }));
    expect((await inPage<any>(page, READ_ACCOUNT)).pairs['Modo da Conta']).toBe('Margem de Portfólio');
    await page.evaluate(() => (window as any).__standin.apply({ assetmode: 'single', locale: 'zh-CN' }));
    expect((await inPage<any>(page, READ_ACCOUNT)).pairs['账户模式']).toBe('标准');
    await page.close();
  });

  it('order-book storm mutates at the configured rate; si-storm=0 is quiet (README: order-book storm)', async () => {
    await expectStormRates(open, '/trade/BTC', 'si-seed=9&si-delay=0', '.si-book');
  });

  it('decoys: quick trade after the root, hidden decoy copy before it, chart iframe and shadow root (README: decoys, noise widgets)', async () => {
    const [on, off] = await Promise.all([
      open('/trade/BTC', 'si-seed=10&si-delay=0&si-stalehide=aria'),
      open('/trade/BTC', 'si-seed=10&si-delay=0&si-decoys=0'),
    ]);
    const look = (page: Page) => page.evaluate(() => {
      const w = window as any;
      const f = w.formRoot();
      const allBuy = [...document.querySelectorAll('button')].filter((b) => w.txt(b) === 'Buy / Long');
      const chat = document.querySelector('.si-chat-host')!.shadowRoot!;
      const frame = document.querySelector('#tv_chart_container iframe') as HTMLIFrameElement;
      return {
        visiblePrimaries: w.visAll('button[color="primary"]').map(w.txt),
        outsideSize: w.visAll('input').filter((i: Element) => !f.root.contains(i) && w.txt(i.parentElement!.firstElementChild!) === 'Size').length,
        hiddenCopyFirst: allBuy.length > 1 && !w.vis(allBuy[0]) && allBuy.indexOf(f.buy) > 0,
        visibleBuy: w.buttonsWith('Buy / Long').length,
        chatButton: chat.querySelector('button')!.textContent,
        frameInputs: frame.contentDocument!.querySelectorAll('input').length,
      };
    });
    expect(await look(on)).toEqual({ visiblePrimaries: ['Deposit', 'Place Order', 'Place Order'], outsideSize: 1, hiddenCopyFirst: true, visibleBuy: 1, chatButton: 'Place Order', frameInputs: 2 });
    expect(await look(off)).toEqual({ visiblePrimaries: ['Deposit', 'Place Order'], outsideSize: 0, hiddenCopyFirst: false, visibleBuy: 1, chatButton: 'Place Order', frameInputs: 2 });
    expect(await inPage<any>(on, readForm())).toMatchObject({ found: true, avail: '8,000.00 USDC', leverage: '20x', primaries: 1 });
    await Promise.all([on.close(), off.close()]);
  });

  it('page parameters persist in sessionStorage; reloading without si- params reuses them (README: page parameters)', async () => {
    const page = await open('/trade/BTC', 'si-delay=0&si-lev=33#si-lev=44');
    expect((await inPage<any>(page, readForm())).leverage).toBe('44x');
    const seed1 = await page.evaluate(() => document.documentElement.dataset.siSeed);
    await page.goto(`${ORIGIN}/trade/BTC`);
    await page.evaluate(() => (window as any).__standin.ready);
    expect((await inPage<any>(page, readForm())).leverage).toBe('44x');
    expect(JSON.parse((await page.evaluate(() => sessionStorage.getItem('si-scenario')))!)).toMatchObject({ lev: '44', delay: '0' });
    expect(await page.evaluate(() => document.documentElement.dataset.siSeed)).not.toBe(seed1);
    await page.close();
  });

  it("server: serves the route on the venue's hosts only, 404 for excluded paths, the stand-in's own files under /__standin/", async () => {
    const { status } = site;
    const served = ['/trade', '/trade/', '/trade/BTC', '/trade/kPEPE/', '/trade/xyz:TSLA', '/trade/ETH?x=1', '/__standin/standin.js', '/__standin/index.html'];
    const refused = ['/trade/BTC/USDC', '/trade/@107', '/portfolio', '/vaults', '/en/trade/BTC', '/trade/XYZ:TSLA', '/__standin/site.ts', '/__standin/../server.ts'];
    await expectServerRoutes(site, served, refused);
    expect(await status('/trade/BTC', 'app.hyperliquid.com')).toBe(200);
    expect(await status('/trade/BTC', 'app.hyperliquid-testnet.xyz')).toBe(404);
  });

  firefoxSmoke(site, (port) => `https://app.hyperliquid.xyz:${port}/trade/BTC?si-seed=12&si-delay=0&si-locale=pt-BR`, async (page) => {
    expect(await page.title()).toMatch(/^61\.0\d\d \| BTC \| Hyperliquid$/);
    expect(await page.evaluate(() => [document.documentElement.lang,
      (document.querySelector('#tv_chart_container iframe') as HTMLIFrameElement).contentDocument!.querySelectorAll('input').length])).toEqual(['pt-BR', 2]);
  });

  it('made no request outside the page origin (README: no network)', () => site.expectOwnOriginOnly());
});
