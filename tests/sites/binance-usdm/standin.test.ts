// Conformance checks of the Binance USDⓈ-M stand-in against the page traits it reproduces
// (tests/sites/README.md): real loads in headless Chromium (and a Firefox ESR smoke load), started by
// tests/support/browsers.ts, which maps every registry venue's hosts to the local stand-in server.
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { useStandinPages, inPage, api, expectServerRoutes, firefoxSmoke, sampleStalehides, expectStormRates } from '../common/harness.ts';

const ORIGIN = 'https://www.binance.com';
// The venue's page-side helpers, installed before any page script runs after the shared `vis` / `txt` / `visAll`
// (common/harness.ts): `__probe` records the first moments of hydration for the late-hydration checks.
const PAGE_HELPERS = `
  window.__probe = {};
  new MutationObserver(() => {
    const p = window.__probe;
    if (!p.form && visAll('input[id^="unitAmount-"]').length) {
      const avbl = visAll('span').find((s) => txt(s) === 'Avbl');
      p.form = { title: document.title, avbl: avbl && txt(avbl.nextElementSibling), ready: document.documentElement.dataset.siReady,
        panel: visAll('span').some((s) => txt(s) === 'Wallet Balance'), tabs: visAll('[role="tab"]').some((t) => /^Positions/.test(txt(t))) };
    }
    if (!p.panel && visAll('span').some((s) => txt(s) === 'Wallet Balance')) {
      p.panel = { tabs: visAll('[role="tab"]').some((t) => /^Positions/.test(txt(t))), ready: document.documentElement.dataset.siReady };
    }
    const tabs = visAll('[role="tab"]').filter((t) => /^Positions/.test(txt(t)));
    if (!p.tabs && tabs.length) {
      p.tabs = { text: txt(tabs[0]), rows: document.querySelectorAll('.list-item-container').length,
        emptyText: document.body.textContent.includes('You have no position.') };
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

const site = useStandinPages(ORIGIN, PAGE_HELPERS);
const { open } = site;

/** The derived form root (README: one visible form root) and a summary of what an adapter would read from it. */
const READ_FORM = `(() => {
  const qty = visAll('input[id^="unitAmount-"]');
  const tab = visAll('[role="tab"][data-tab-key][aria-selected="true"]');
  if (qty.length !== 1 || tab.length !== 1) return { found: false, qty: qty.length, tab: tab.length };
  let root = qty[0];
  while (!root.contains(tab[0])) root = root.parentElement;
  const pairValue = (label) => {
    const hits = visAll('*', root).filter((e) => e.children.length === 2 && txt(e.children[0]) === label);
    return hits.length === 1 ? txt(hits[0].children[1]) : hits.length;
  };
  const one = (sel) => { const v = visAll(sel, root); return v.length === 1 ? v[0] : null; };
  return {
    found: true,
    type: tab[0].dataset.tabKey,
    price: one('input[id^="limitPrice-"]')?.value ?? null,
    qty: qty[0].value,
    unit: txt(qty[0].closest('div[target^="unitAmount-"]').querySelector('.bn-input-suffix')),
    buttons: visAll('button', root).map(txt),
    direction: visAll('#position-direction [role="tab"]', root).map((t) => txt(t) + ':' + t.getAttribute('aria-selected')),
    checkboxes: visAll('label[role="checkbox"]', root).map((l) => txt(l) + ':' + l.getAttribute('aria-checked')),
    avbl: pairValue(document.documentElement.lang === 'zh-CN' ? '可用' : document.documentElement.lang === 'pt-BR' ? 'Disp.' : 'Avbl'),
    maxBuy: one('[data-testid="max-buy-amount"]') && txt(one('[data-testid="max-buy-amount"]')),
    maxSell: one('[data-testid="max-sell-amount"]') && txt(one('[data-testid="max-sell-amount"]')),
    tpsl: visAll('input[aria-label]', root).map((i) => i.getAttribute('aria-label')),
    priceLabel: one('input[id^="limitPrice-"]')?.getAttribute('aria-label') ?? null,
    qtyLabel: qty[0].getAttribute('aria-label'),
  };
})()`;

/** Account panel pairs, the Mark pair, the account tabs and the positions list, read outside the form. */
const READ_ACCOUNT = `(() => {
  const pairs = {};
  for (const e of visAll('div')) {
    if (e.children.length === 2 && e.children[0].tagName === 'SPAN') pairs[txt(e.children[0])] = txt(e.children[1]);
  }
  const tablist = visAll('[role="tablist"]').find((l) => !l.querySelector('[data-tab-key]'));
  let scope = tablist;
  while (scope && !visAll('[role="tabpanel"]', scope).length) scope = scope.parentElement;
  const panel = scope && visAll('[role="tabpanel"]', scope)[0];
  const first = panel && panel.querySelector('.list-item-container');
  const list = first ? first.parentElement : panel && panel.querySelector('div > div');
  return {
    pairs,
    tabs: tablist ? [...tablist.children].map(txt) : [],
    header: first ? [...first.previousElementSibling.children].map(txt) : null,
    rows: first ? [...list.children].filter((r) => r.classList.contains('list-item-container'))
      .map((r) => [...r.children].map((c) => c.children.length > 1 && c.querySelector('span') ? [...c.children].map(txt).join('|') : txt(c))) : [],
    panelText: panel ? txt(panel) : null,
    hideOther: visAll('label[role="checkbox"][name="hideOtherSymbol"]').map((l) => l.getAttribute('aria-checked')),
  };
})()`;

describe('Binance USDⓈ-M stand-in', () => {
  it('default page state: logged in, cross 20x, one-way, limit, base unit, no positions (README: default page state)', async () => {
    const page = await open('/en/futures/BTCUSDT', 'si-seed=11&si-delay=0');
    const form = await inPage<any>(page, READ_FORM);
    expect(form).toMatchObject({
      found: true, type: 'LIMIT', price: '', qty: '', unit: 'BTC', avbl: '8,000.00 USDT', maxBuy: '--', maxSell: '--',
      buttons: ['Cross 20x', 'S', 'Buy/Long', 'Sell/Short'], direction: [], priceLabel: 'Price', qtyLabel: 'Size',
    });
    expect(form.checkboxes).toContain('Reduce-Only:false');
    expect(form.checkboxes).toContain('TP/SL:false');
    const acc = await inPage<any>(page, READ_ACCOUNT);
    expect(acc.pairs).toMatchObject({
      Mark: '61,000.0', 'Margin Ratio': '--', 'Maintenance Margin': '0.00 USDT', 'Margin Balance': '10,000.00 USDT',
      'Wallet Balance': '10,000.00 USDT', 'Unrealized PNL': '0.00 USDT',
    });
    expect(acc.tabs).toEqual(['Positions(0)', 'Open Orders(0)', 'Order History', 'Trade History', 'Transaction History']);
    expect(acc.panelText).toContain('You have no position.');
    expect(await page.title()).toMatch(/^61,0\d\d\.\d \| BTCUSDT \| Binance USD\u24C8-M Futures$/);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dataset.siSeed])).toEqual(['en', '11']);
    await page.close();
  });

  it('root-defining hooks have exactly one visible match during re-renders, for every si-stalehide (README: one visible form root)', async () => {
    const results = await sampleStalehides(open, '/en/futures/BTCUSDT', 'si-seed=3&si-delay=0&si-rerender=40', `() => ({
      count: visAll('input[id^="unitAmount-"]').length + '/' + visAll('[role="tab"][data-tab-key][aria-selected="true"]').length,
      root: visAll('input[id^="unitAmount-"]')[0] })`);
    results.forEach((r) => {
      expect(r.counts).toEqual(['1/1']);
      expect(r.stale).toEqual([r.method]);
      expect(r.n).toBeGreaterThan(20);
    });
  });

  it('two seeds give different randomised hooks (README: randomised hooks)', async () => {
    const read = async (seed: number) => {
      const page = await open('/en/futures/BTCUSDT', `si-seed=${seed}&si-delay=0`);
      const hooks = await page.evaluate(() => {
        const w = window as any;
        const qty = w.visAll('input[id^="unitAmount-"]')[0];
        const tab = w.visAll('[role="tab"][data-tab-key][aria-selected="true"]')[0];
        const appData = JSON.parse(document.getElementById('__APP_DATA')!.textContent!);
        return {
          qtyId: qty.id, priceId: w.visAll('input[id^="limitPrice-"]')[0].id,
          rootClass: qty.closest('.si-form').className, tabId: tab.id, paneId: tab.getAttribute('aria-controls'),
          routeId: Object.keys(appData.appState.loader.dataByRouteId)[0],
          chartId: document.querySelector('iframe')!.id,
          // aria-controls pane ids collide across the order-type and account tab groups (README: randomised hooks)
          collide: [...document.querySelectorAll('[role="tablist"]:not(:has([data-tab-key])) [role="tab"]')]
            .some((t) => t.getAttribute('aria-controls') === tab.getAttribute('aria-controls')),
        };
      });
      await page.close();
      return hooks;
    };
    const [a, b] = await Promise.all([read(101), read(202)]);
    expect(a.collide && b.collide).toBe(true);
    for (const key of ['qtyId', 'priceId', 'rootClass', 'tabId', 'paneId', 'routeId', 'chartId'] as const) {
      expect(a[key], key).not.toBe(b[key]);
    }
    expect(a.qtyId).toMatch(/^unitAmount-\d+$/);
    expect(a.rootClass).toMatch(/^css-[0-9a-z]{6}\b/);
    expect(a.routeId).toMatch(/^[0-9a-z]{4}$/);
  });

  it('labels and number formats per locale (README: localized labels, number formats)', async () => {
    const [zh, pt, enIn, comma] = await Promise.all([
      open('/zh-CN/futures/BTCUSDT', 'si-seed=1&si-delay=0&si-posmode=hedge&si-locale=pt-BR'),
      open('/pt-BR/futures/BTCUSDT', 'si-seed=1&si-delay=0&si-price=61000.5&si-mr=0.52'),
      open('/en-IN/futures/BTCUSDT', 'si-seed=1&si-delay=0&si-locale=zh-CN'),
      open('/futures/BTCUSDT', 'si-seed=1&si-delay=0&si-numfmt=comma&si-price=61000.5'),
    ]);
    const zhForm = await inPage<any>(zh, READ_FORM);
    expect(await zh.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(zhForm).toMatchObject({ buttons: ['全仓 20x', 'S', '开多', '开空'], direction: ['开仓:true', '平仓:false'], avbl: '8,000.00 USDT',
      priceLabel: '委托价格', qtyLabel: '数量' });
    const zhAcc = await inPage<any>(zh, READ_ACCOUNT);
    expect(zhAcc.tabs[0]).toBe('仓位(0)');
    expect(zhAcc.pairs).toMatchObject({ 标记价格: '61,000.0', 钱包余额: '10,000.00 USDT', 保证金比率: '--' });

    const ptForm = await inPage<any>(pt, READ_FORM);
    expect(ptForm).toMatchObject({ buttons: ['Cruzada 20x', 'S', 'Comprar/Long', 'Vender/Short'], avbl: '8.000,00 USDT', price: '61000,5',
      priceLabel: 'Preço', qtyLabel: 'Tamanho' });
    const ptAcc = await inPage<any>(pt, READ_ACCOUNT);
    expect(ptAcc.pairs).toMatchObject({ Marcação: '61.000,0', 'Saldo da Carteira': '10.000,00 USDT', 'Índice de Margem': '0,52%',
      'Margem de Manutenção': '0,00 USDT' });
    expect(await pt.title()).toMatch(/^61\.0\d\d,\d \| BTCUSDT \|/);

    expect(await enIn.evaluate(() => document.documentElement.lang)).toBe('en');
    expect((await inPage<any>(enIn, READ_FORM)).buttons).toContain('Buy/Long');

    const commaForm = await inPage<any>(comma, READ_FORM);
    expect(await comma.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(commaForm).toMatchObject({ avbl: '8.000,00 USDT', price: '61000,5' });
    await Promise.all([zh, pt, enIn, comma].map((p) => p.close()));
  });

  it('hedge mode: Open/Close tabs, four submit labels, no Reduce-Only, closeable Max (README: hedge mode)', async () => {
    const pos = 'BTCUSDT,long,0.5,60000,61000,cross,20;BTCUSDT,short,0.2,62000,61000,cross,20;ETHUSDT,short,3,3000,2950,isolated,10,900,3268.5,5,-12.5';
    const page = await open('/en/futures/BTCUSDT', `si-seed=4&si-delay=0&si-posmode=hedge&si-action=close&si-pos=${encodeURIComponent(pos)}`);
    const form = await inPage<any>(page, READ_FORM);
    expect(form).toMatchObject({ direction: ['Open:false', 'Close:true'], maxBuy: '0.200 BTC', maxSell: '0.500 BTC' });
    expect(form.buttons).toEqual(['Cross 20x', 'S', 'Close Long', 'Close Short']);
    expect(form.checkboxes.some((c: string) => c.startsWith('Reduce-Only'))).toBe(false);
    const acc = await inPage<any>(page, READ_ACCOUNT);
    expect(acc.tabs[0]).toBe('Positions(3)');
    expect(acc.header[0]).toBe('Symbol');
    expect(acc.header.at(-1)).toBe('Close All Positions');
    expect(acc.rows.map((r: string[]) => r.slice(0, 9))).toEqual([
      ['BTCUSDT|Perp|Cross 20x', '0.500 BTC', '60,000.0', '--', '61,000.0', '--', '--', '--', '--'],
      ['BTCUSDT|Perp|Cross 20x', '-0.200 BTC', '62,000.0', '--', '61,000.0', '--', '--', '--', '--'],
      ['ETHUSDT|Perp|Isolated 10x', '-3.000 ETH', '3,000.00', '--', '2,950.00', '3,268.50', '--', '900.00 USDT', '-12.50 USDT (--)'],
    ]);
    expect(acc.rows[0][9]).toBe('MarketLimitClose Long');
    expect(acc.rows[2][9]).toBe('MarketLimitClose Short');

    // Quote unit: the Size column and Max follow the form's unit (converted at the row's / header mark).
    await page.evaluate(() => (window as any).__standin.apply({ unit: 'quote', hideother: 1 }));
    const quoted = await inPage<any>(page, READ_ACCOUNT);
    expect(quoted.tabs[0]).toBe('Positions(2)');
    expect(quoted.rows.map((r: string[]) => r[1])).toEqual(['30,500.0 USDT', '-12,200.0 USDT']);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ unit: 'USDT', maxBuy: '12,200.0 USDT', maxSell: '30,500.0 USDT' });
    await page.close();
  });

  it('logged out: login buttons, Avbl --, no Max/Cost/asset mode, login prompts without counts (README: logged out)', async () => {
    const page = await open('/en/futures/BTCUSDT', 'si-seed=5&si-delay=0&si-auth=out&si-mode=isolated&si-lev=5&si-pos=BTCUSDT,long,1,60000,61000,cross,20');
    const form = await inPage<any>(page, READ_FORM);
    expect(form).toMatchObject({ found: true, buttons: ['Isolated 5x', 'Log In', 'Register Now'], avbl: '--', maxBuy: null, maxSell: null });
    const acc = await inPage<any>(page, READ_ACCOUNT);
    expect(acc.tabs[0]).toBe('Positions');
    expect(acc.header).toBeNull();
    expect(acc.pairs['Wallet Balance']).toBeUndefined();
    expect(acc.pairs.Mark).toBe('61,000.0');
    // Logging in after hydration shows the account data at once (README: late hydration).
    await page.evaluate(() => (window as any).__standin.apply({ auth: 'in' }));
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ avbl: '8,000.00 USDT', buttons: ['Isolated 5x', 'S', 'Buy/Long', 'Sell/Short'] });
    expect((await inPage<any>(page, READ_ACCOUNT)).tabs[0]).toBe('Positions(1)');
    await page.close();
  });

  it('late hydration: skeleton first, then the form with -- values and tabs without counts (README: late hydration)', async () => {
    const page = await site.newPage();
    await page.goto(`${ORIGIN}/en/futures/BTCUSDT?si-seed=6&si-delay=rand&si-pos=BTCUSDT,long,1,60000,61000,cross,20`);
    const early = await page.evaluate(() => ({
      ready: document.documentElement.dataset.siReady, title: document.title,
      hooks: document.querySelectorAll('input[id^="unitAmount-"], [data-tab-key], [role="tabpanel"]').length,
    }));
    expect(early).toEqual({ ready: '0', title: 'Binance USDⓈ-M Futures', hooks: 0 });
    await page.evaluate(() => (window as any).__standin.ready);
    const probe = await page.evaluate(() => (window as any).__probe);
    expect(probe.form).toMatchObject({ avbl: '--', ready: '0' });
    expect(probe.form.title).toMatch(/ \| BTCUSDT \| /);
    expect(probe.tabs).toEqual({ text: 'Positions', rows: 0, emptyText: false });
    expect((await inPage<any>(page, READ_ACCOUNT)).tabs[0]).toBe('Positions(1)');
    await page.close();
  });

  it('late hydration with one delay per part: the form, then the account panel, then the lists (README: late hydration)', async () => {
    const page = await site.newPage();
    await page.goto(`${ORIGIN}/en/futures/BTCUSDT?si-seed=6&si-delay=0,300,600&si-pos=BTCUSDT,long,1,60000,61000,cross,20`);
    await page.evaluate(() => (window as any).__standin.ready);
    const probe = await page.evaluate(() => (window as any).__probe);
    expect(probe.form).toMatchObject({ avbl: '--', ready: '0', panel: false, tabs: false });
    expect(probe.panel).toEqual({ tabs: false, ready: '0' });
    expect(probe.tabs).toEqual({ text: 'Positions', rows: 0, emptyText: false });
    expect((await inPage<any>(page, READ_ACCOUNT)).tabs[0]).toBe('Positions(1)');
    await page.close();
  });

  it('runtime API: apply, write, slider, unit and type switches, events per si-events (README: writes without events, re-renders, unit switching)', async () => {
    const page = await open('/en/futures/BTCUSDT', 'si-seed=7&si-delay=0&si-events=none&si-stale=0');
    const api = (code: string) => page.evaluate(`(() => { const s = window.__standin; return ${code}; })()`);
    await page.evaluate(() => {
      const w = window as any;
      w.events = 0;
      document.addEventListener('input', () => { w.events++; }, true);
    });
    expect(await api(`s.apply({ 'si-price': '60000', qty: '0.5' })`)).toBe(true);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ price: '60000', qty: '0.5' });
    expect(await page.evaluate(() => (window as any).events)).toBe(0);

    // Text-only changes keep the nodes (no re-render).
    const qtyNode = await page.evaluateHandle(() => (window as any).visAll('input[id^="unitAmount-"]')[0]);
    await api(`s.apply({ lev: 50, mode: 'isolated', avail: '1234.5', maxbuy: '2.621' })`);
    expect(await page.evaluate((n) => (n as Element).isConnected, qtyNode)).toBe(true);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ avbl: '1,234.50 USDT', maxBuy: '2.621 BTC', maxSell: '--' });
    expect((await inPage<any>(page, READ_FORM)).buttons[0]).toBe('Isolated 50x');

    // Unit switch converts at the price input, rounded once; leaving percent empties the box.
    await api(`s.apply({ unit: 'quote' })`);
    expect(await page.evaluate((n) => (n as Element).isConnected, qtyNode)).toBe(false);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ unit: 'USDT', qty: '30000.0', price: '60000', maxBuy: '159,881.0 USDT' });
    await api(`s.write('qty', '1000', 'none')`);
    await page.click('.si-form-slot .bn-input-suffix [role="button"]');
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ unit: 'BTC', qty: '0.017' });
    expect(await api(`s.slider(25)`)).toBe(true);
    expect((await inPage<any>(page, READ_FORM)).qty).toBe('25%');
    await api(`s.apply({ unit: 'quote' })`);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ unit: 'USDT', qty: '' });

    // Order-type switch: Market has no price input; back to Limit resets the price to si-last.
    await api(`s.apply({ type: 'market' })`);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ type: 'MARKET', price: null });
    expect(await api(`s.write('price', '1')`)).toBe(false);
    await api(`s.apply({ type: 'limit' })`);
    expect((await inPage<any>(page, READ_FORM)).price).toBe('61005.0');

    // TP/SL inputs exist only while the box is checked; write('tp') checks it.
    expect((await inPage<any>(page, READ_FORM)).tpsl).toEqual(['Price', 'Size']);
    await api(`s.write('tp', '65000', 'input')`);
    const tp = await inPage<any>(page, READ_FORM);
    expect(tp.tpsl).toEqual(['Price', 'Size', 'Take Profit', 'Stop Loss']);
    expect(tp.checkboxes).toContain('TP/SL:true');
    expect(await page.evaluate(() => (window as any).events)).toBe(1);

    // rerender() keeps values in new nodes.
    await api(`s.write('qty', '0.25', 'none')`);
    await api(`s.rerender()`);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ qty: '0.25', price: '61005.0' });
    await page.close();
  });

  it('SPA navigation: url-first and form-first orders, title in the same task as the form (README: SPA navigation)', async () => {
    const page = await open('/en/futures/BTCUSDT', 'si-seed=8&si-delay=0&si-price=60000&si-qty=1');
    const step = (order: string, symbol: string) => page.evaluate(async (o, s) => {
      const w = window as any;
      const qtyUnit = () => w.txt(w.visAll('div[target^="unitAmount-"] .bn-input-suffix')[0]);
      const done = w.__standin.navigate(s, o);
      const during = { path: location.pathname, title: document.title.split(' | ')[1], unit: qtyUnit() };
      await done;
      return { during, after: { path: location.pathname, title: document.title.split(' | ')[1], unit: qtyUnit() } };
    }, order, symbol);
    const urlFirst = await step('url-first', 'ETHUSDT');
    expect(urlFirst.during).toEqual({ path: '/en/futures/ETHUSDT', title: 'BTCUSDT', unit: 'BTC' });
    expect(urlFirst.after).toEqual({ path: '/en/futures/ETHUSDT', title: 'ETHUSDT', unit: 'ETH' });
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ price: '3000.50', qty: '' });
    const formFirst = await step('form-first', 'BTCUSDC');
    expect(formFirst.during).toEqual({ path: '/en/futures/ETHUSDT', title: 'BTCUSDC', unit: 'BTC' });
    expect(formFirst.after.path).toBe('/en/futures/BTCUSDC');
    expect((await inPage<any>(page, READ_FORM)).avbl).toBe('8,000.00 USDC');
    // Back: the URL returns to ETHUSDT at once, the form (and with it the title) follows after the navigation delay.
    const during = await page.evaluate(() => new Promise<{ path: string; title: string | undefined }>((resolve) => {
      addEventListener('popstate', () => resolve({ path: location.pathname, title: document.title.split(' | ')[1] }), { once: true });
      history.back();
    }));
    expect(during).toEqual({ path: '/en/futures/ETHUSDT', title: 'BTCUSDC' });
    await page.waitForFunction(() => document.title.split(' | ')[1] === 'ETHUSDT');
    expect((await inPage<any>(page, READ_FORM)).avbl).toBe('8,000.00 USDT');
    await page.close();
  });

  it('order-book storm mutates at the configured rate; si-storm=0 is quiet (README: order-book storm)', async () => {
    await expectStormRates(open, '/en/futures/BTCUSDT', 'si-seed=9&si-delay=0', '.si-book');
  });

  it('decoys: quick trade outside the root, hidden decoy copy before it, chart iframe and shadow root (README: decoys, noise widgets)', async () => {
    const [on, off] = await Promise.all([
      open('/en/futures/BTCUSDT', 'si-seed=10&si-delay=0&si-stalehide=aria'),
      open('/en/futures/BTCUSDT', 'si-seed=10&si-delay=0&si-decoys=0'),
    ]);
    const look = (page: Page) => page.evaluate(() => {
      const w = window as any;
      const root = w.visAll('input[id^="unitAmount-"]')[0].closest('.si-form');
      const prices = w.visAll('input[id^="limitPrice-"]');
      const allQty = [...document.querySelectorAll('input[id^="unitAmount-"]')];
      const chat = document.querySelector('.si-chat-host')!.shadowRoot!;
      const frame = document.querySelector('iframe')!.contentDocument!;
      return {
        visiblePrice: prices.length,
        outsidePrice: prices.filter((p: Element) => !root.contains(p)).length,
        hiddenCopyFirst: allQty.length > 1 && !w.vis(allQty[0]) && allQty.indexOf(w.visAll('input[id^="unitAmount-"]')[0]) > 0,
        outsideBuy: w.visAll('button').filter((b: Element) => w.txt(b) === 'Buy/Long' && !root.contains(b)).length,
        chatButton: chat.querySelector('button')!.textContent,
        frameInputs: frame.querySelectorAll('input[id^="unitAmount-"]').length,
      };
    });
    expect(await look(on)).toEqual({ visiblePrice: 2, outsidePrice: 1, hiddenCopyFirst: true, outsideBuy: 1, chatButton: 'Buy/Long', frameInputs: 1 });
    expect(await look(off)).toEqual({ visiblePrice: 1, outsidePrice: 0, hiddenCopyFirst: false, outsideBuy: 0, chatButton: 'Buy/Long', frameInputs: 1 });
    expect(await inPage<any>(on, READ_FORM)).toMatchObject({ found: true, avbl: '8,000.00 USDT', buttons: ['Cross 20x', 'S', 'Buy/Long', 'Sell/Short'] });
    await Promise.all([on.close(), off.close()]);
  });

  it('records the submit clicks its own buttons receive, not those of decoys or hidden copies (README: runtime API)', async () => {
    const pos = encodeURIComponent('BTCUSDT,short,0.2,62000,61000,cross,20');
    const page = await open('/en/futures/BTCUSDT', `si-seed=11&si-delay=0&si-storm=0&si-posmode=hedge&si-action=open&si-pos=${pos}`);
    const clickLabel = (label: string) =>
      page.evaluate((l) => {
        for (const b of [...document.querySelectorAll('button')].filter((el) => (window as any).txt(el) === l)) (b as HTMLButtonElement).click();
      }, label);
    await clickLabel('Open Long'); // the live button, the hidden block in the root, the quick-trade widget's
    await page.evaluate(() => (window as any).__standin.apply({ action: 'close' }));
    expect(await page.evaluate(() => [...document.querySelectorAll('.list-item-container button')].map((b) => (window as any).txt(b)))).toContain('Close Short');
    await clickLabel('Close Short'); // the live button, and the position row's submit-label button
    expect(await page.evaluate(() => (window as any).__standin.submits())).toEqual(['openLong', 'closeShort']);
    await page.close();
  });

  it('page parameters persist in sessionStorage; reloading without si- params reuses it (README: page parameters)', async () => {
    const page = await open('/en/futures/BTCUSDT', 'si-delay=0&si-lev=33#si-lev=44');
    expect((await inPage<any>(page, READ_FORM)).buttons[0]).toBe('Cross 44x');
    const seed1 = await page.evaluate(() => document.documentElement.dataset.siSeed);
    await page.goto(`${ORIGIN}/en/futures/BTCUSDT`);
    await page.evaluate(() => (window as any).__standin.ready);
    expect((await inPage<any>(page, READ_FORM)).buttons[0]).toBe('Cross 44x');
    expect(JSON.parse((await page.evaluate(() => sessionStorage.getItem('si-scenario')))!)).toMatchObject({ lev: '44', delay: '0' });
    // No seed was given: a new one is drawn on each load.
    expect(await page.evaluate(() => document.documentElement.dataset.siSeed)).not.toBe(seed1);
    await page.close();
  });

  it('server: serves the route on the venue\'s host only, 404 for excluded paths, the stand-in\'s own files under /__standin/', async () => {
    const { status } = site;
    const served = ['/futures/BTCUSDT', '/en/futures/BTCUSDT', '/zh-CN/futures/BTCUSDT/', '/pt-BR/futures/ETHUSDC?x=1#y',
      '/en-IN/futures/BTCUSDT', '/en/futures/BTCUSDT_251226', '/__standin/standin.js', '/__standin/standin.css', '/__standin/index.html'];
    const refused = ['/en/my/wallet/futures/BTCUSDT', '/en/futures/trading-rules/perpetual', '/en/delivery/BTCUSD_PERPETUAL',
      '/en/futures/BTCUSD_PERPETUAL', '/en/futures/btcusdt', '/__standin/standin.test.ts', '/__standin/site.ts',
      '/__standin/../server.ts', '/__standin/%2e%2e/server.ts', '/__standin/binance/standin.js', '/__standin/nothing.js'];
    await expectServerRoutes(site, served, refused);
    expect(await status('/en/futures/BTCUSDT', 'example.com')).toBe(404);
    expect(await status('/__standin/standin.js', 'example.com')).toBe(404);
  });

  // The test server is on a random port; in e2e it runs on 443 and the URL carries no port.
  firefoxSmoke(site, (port) => `https://www.binance.com:${port}/pt-BR/futures/BTCUSDT?si-seed=12&si-delay=0`, async (page) => {
    expect(await page.title()).toMatch(/^61\.0\d\d,\d \| BTCUSDT \| /);
    expect(await page.evaluate(() => [document.documentElement.lang,
      document.querySelectorAll('iframe')[0]!.contentDocument!.querySelectorAll('input').length])).toEqual(['pt-BR', 2]);
  });

  it('made no request outside the page origin (README: no network)', () => site.expectOwnOriginOnly());
});
