// Conformance checks of the OKX swap stand-in against the page traits it reproduces (tests/sites/README.md):
// real loads in headless Chromium (and a Firefox ESR smoke load), started by tests/support/browsers.ts, which
// maps every registry venue's hosts to the local stand-in server.
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { useStandinPages, inPage, api, expectServerRoutes, firefoxSmoke, sampleStalehides } from '../common/harness.ts';

const ORIGIN = 'https://www.okx.com';
// The venue's page-side helpers, installed before any page script runs after the shared `vis` / `txt` / `visAll`
// (common/harness.ts): `__probe` records the first moments of hydration.
const PAGE_HELPERS = `
  window.__probe = {};
  new MutationObserver(() => {
    const p = window.__probe;
    const root = visAll('.place-order-container-common')[0];
    if (!p.form && root) {
      const avail = visAll('[data-testid="max-asset"]', root)[0];
      p.form = { title: document.title, avail: avail && txt(avail), ready: document.documentElement.dataset.siReady,
        max: visAll('[data-testid="max-trade"]', root).map(txt) };
    }
    const tab = visAll('.okui-tabs-pane-underline[role="tab"]')[0];
    if (!p.tabs && tab) p.tabs = { text: txt(tab), tables: document.querySelectorAll('.position-box table').length };
    const equity = visAll('span').find((s) => txt(s) === 'Total equity');
    if (!p.panel && equity) p.panel = { value: txt(equity.nextElementSibling) };
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

const site = useStandinPages(ORIGIN, PAGE_HELPERS);
const { open } = site;

/** The one visible form root (README: one visible form root) and what an adapter would read inside it. */
const READ_FORM = `(() => {
  const roots = visAll('.place-order-container-common');
  if (roots.length !== 1) return { found: false, roots: roots.length };
  const root = roots[0];
  const one = (sel) => { const v = visAll(sel, root); return v.length === 1 ? v[0] : null; };
  const amount = visAll('.okui-input-input', root).filter((i) => !i.closest('.price-input') && !/Px$/.test(i.getAttribute('aria-label') ?? ''));
  const head = visAll('button', root).filter((b) => /^\\d+x$/.test(txt(b)))[0];
  return {
    found: true,
    type: visAll('.okui-tabs-pane-spacing[role="tab"][aria-selected="true"]', root).map(txt),
    hedge: visAll('.okui-tabs-pane-segmented[role="tab"]', root).map((t) => txt(t) + ':' + t.getAttribute('aria-selected')),
    price: one('.price-input .okui-input-input')?.value ?? null,
    amounts: amount.length,
    qty: amount[0]?.value ?? null,
    unit: amount[0] ? txt(amount[0].closest('.okui-input').querySelector('.okui-input-suffix')) : null,
    leverage: head ? txt(head) : null,
    marginMode: head?.previousElementSibling ? txt(head.previousElementSibling) : null,
    buttons: visAll('button', root).map(txt),
    positive: visAll('button.okui-positivebutton', root).map(txt),
    negative: visAll('button.okui-negativebutton', root).map(txt),
    avail: visAll('[data-testid="max-asset"]', root).map(txt),
    max: visAll('[data-testid="max-trade"]', root).map(txt),
    maxAdjacent: (() => { const m = visAll('[data-testid="max-trade"]', root); return m.length === 2 && m[0].nextElementSibling === m[1]; })(),
    tpslBox: visAll('[class*="stopSelector"] .okui-checkbox-input', root).map((b) => b.checked),
    tpsl: visAll('input[aria-label$="Px"]', root).map((i) => i.getAttribute('aria-label') + '=' + i.value),
    liq: (() => { const l = visAll('span', root).find((s) => ['Est. liq. price', '预估强平价', 'Preço est. de liq.'].includes(txt(s))); return l ? txt(l.nextElementSibling) : null; })(),
  };
})()`;

/** The account panel pairs, the header, the bottom tabs and the positions table, read outside the form. */
const READ_PAGE = `(() => {
  const pairs = {};
  for (const e of visAll('div')) {
    if (e.children.length === 2 && e.children[0].tagName === 'SPAN' && !e.closest('.place-order-container-common') && !e.closest('table'))
      pairs[txt(e.children[0])] = txt(e.children[1]);
  }
  const box = visAll('.position-box')[0];
  const table = box && box.querySelector('table');
  const body = table && table.querySelector('tbody');
  return {
    pairs,
    last: visAll('span.last').map(txt),
    tabs: visAll('.okui-tabs-pane-underline[role="tab"]').map(txt),
    closeAll: visAll('button.position-function-btn').map(txt),
    boxes: visAll('.position-box').length,
    boxText: box ? txt(box) : null,
    header: table ? [...table.querySelectorAll('thead th')].map(txt) : null,
    firstRowHidden: body ? body.firstElementChild.getAttribute('aria-hidden') : null,
    rows: body ? visAll('tr.okui-table-row', body).map((r) => [...r.children].map((c) => c.children.length === 2 && c.querySelector('span + span')
      ? [...c.children].map(txt).join('|') : (c.querySelector('.positive-pl') ? 'L:' : c.querySelector('.negative-pl') ? 'S:' : '') + txt(c))) : [],
  };
})()`;

/** The positions rows keyed by header text (the column order may be shuffled). */
const ROWS_BY_HEADER = `(() => {
  const table = visAll('.position-box table')[0];
  const header = [...table.querySelectorAll('thead th')].map(txt);
  return visAll('tbody > tr.okui-table-row', table).map((r) => Object.fromEntries([...r.children].map((c, i) => [header[i] || 'actions', txt(c)])));
})()`;

describe('OKX swap stand-in', () => {
  it('default page state: logged in, cross 10x, one-way, limit, contracts, no positions (README: default page state)', async () => {
    const page = await open('/trade-swap/btc-usdt-swap', 'si-seed=12&si-delay=0');
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({
      found: true, type: ['Limit'], hedge: [], price: '', amounts: 1, qty: '', unit: 'Contracts', leverage: '10x', marginMode: 'Cross',
      positive: ['Buy/Long'], negative: ['Sell/Short'], avail: ['Available8,000.00 USDT'], max: ['Max long -- Contracts', 'Max short -- Contracts'],
      maxAdjacent: true, tpslBox: [false], tpsl: [], liq: null,
    });
    const pg = await inPage<any>(page, READ_PAGE);
    expect(pg.pairs).toMatchObject({ 'Mark price': '61,000.0', 'Total equity': '10,000.00 USDT', 'Maintenance margin': '0.00 USDT', 'Margin ratio': '--', 'Account mode': 'Futures mode' });
    expect(pg.tabs).toEqual(['Open positions (0)', 'Open orders (0)', 'Order history', 'Position history']);
    expect(pg).toMatchObject({ boxes: 1, closeAll: [], firstRowHidden: 'true', rows: [] });
    expect(pg.header[0]).toBe('Instrument');
    expect(pg.header.at(-1)).toBe('');
    expect(pg.boxText).toContain('No open positions');
    expect(await page.title()).toMatch(/^61,0\d\d\.\d \| BTC-USDT-SWAP \| OKX$/);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dataset.siSeed])).toEqual(['en', '12']);
    // The order book is a canvas, with no row DOM.
    expect(await page.evaluate(() => [...document.querySelector('.order-book-box')!.children].map((c) => c.tagName))).toEqual(['CANVAS']);
    await page.close();
  });

  it('the root-defining class has exactly one visible match during re-renders, for every si-stalehide (README: one visible form root)', async () => {
    // Sample on every mutation of the form slot and every 5 ms until eight re-renders were seen.
    const results = await sampleStalehides(open, '/trade-swap/btc-usdt-swap', 'si-seed=3&si-delay=0&si-rerender=40', `() => {
      const live = visAll('.place-order-container-common');
      return { count: live.length, root: live[0] };
    }`, { ms: 20000, untilRoots: 8 });
    results.forEach((r) => {
      expect(r.counts).toEqual([1]);
      expect(r.stale).toEqual([r.method]);
      expect(r.roots).toBe(8);
    });
  });

  it('two seeds give different randomised hooks (README: randomised hooks)', async () => {
    const read = async (seed: number) => {
      const page = await open('/trade-swap/btc-usdt-swap', `si-seed=${seed}&si-delay=0`);
      const hooks = await page.evaluate(() => {
        const w = window as any;
        const root = w.visAll('.place-order-container-common')[0];
        const inputs = w.visAll('.okui-input-input', root);
        return {
          rootClass: root.className, inputIds: inputs.map((i: Element) => i.id).join(','),
          stop: root.querySelector('[class*="stopSelector"]').className, chartId: document.querySelector('iframe')!.id,
          headClass: w.visAll('button', root)[0].parentElement.className,
        };
      });
      await page.close();
      return hooks;
    };
    const [a, b] = await Promise.all([read(101), read(202)]);
    for (const key of ['rootClass', 'inputIds', 'stop', 'chartId', 'headClass'] as const) expect(a[key], key).not.toBe(b[key]);
    expect(a.rootClass).toMatch(/\bplace-order-container-common\b/);
    expect(a.rootClass).toMatch(/\bindex_[a-z]+__[A-Za-z0-9]{5}\b/);
    expect(a.inputIds).toMatch(/^_r_[0-9a-z]+_,_r_[0-9a-z]+_$/);
    expect(a.stop).toMatch(/\bindex_stopSelector__[A-Za-z0-9]{5}\b/);
  });

  it('labels and number formats per locale; the path prefix decides (README: localized labels, number formats)', async () => {
    const [zh, pt, other, comma] = await Promise.all([
      open('/zh-hans/trade-swap/btc-usdt-swap', 'si-seed=2&si-delay=0&si-posmode=hedge&si-locale=pt-BR&si-mode=isolated'),
      open('/pt-br/trade-swap/btc-usdt-swap', 'si-seed=2&si-delay=0&si-price=61000.5&si-mr=8131.2&si-maxbuy=2&si-unit=base&si-liq=52345.6/--'),
      open('/fr/trade-swap/btc-usdt-swap', 'si-seed=2&si-delay=0&si-locale=zh-CN'),
      open('/trade-swap/btc-usdt-swap', 'si-seed=2&si-delay=0&si-numfmt=comma&si-price=61000.5&si-locale=zh-CN'),
    ]);
    expect(await zh.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await inPage<any>(zh, READ_FORM)).toMatchObject({ type: ['限价'], hedge: ['开仓:true', '平仓:false'], marginMode: '逐仓', unit: '张',
      positive: ['开多'], negative: ['开空'], avail: ['可用8,000.00 USDT'], max: ['可开多 -- 张', '可开空 -- 张'] });
    const zhPage = await inPage<any>(zh, READ_PAGE);
    expect(zhPage.tabs[0]).toBe('持仓 (0)');
    expect(zhPage.pairs).toMatchObject({ 标记价格: '61,000.0', 总权益: '10,000.00 USDT', 账户模式: '合约模式' });

    expect(await inPage<any>(pt, READ_FORM)).toMatchObject({ type: ['Limite'], price: '61000,5', unit: 'BTC', avail: ['Disponível8.000,00 USDT'],
      max: ['Máx. long2 BTC', 'Máx. short -- BTC'], positive: ['Comprar/Long'], liq: '52.345,6 / --' });
    const ptPage = await inPage<any>(pt, READ_PAGE);
    expect(ptPage.pairs).toMatchObject({ 'Preço de marcação': '61.000,0', 'Patrimônio total': '10.000,00 USDT', 'Índice de margem': '8.131,20%',
      'Margem de manutenção': '0,00 USDT', 'Modo da conta': 'Modo futuros' });
    expect(await pt.title()).toMatch(/^61\.0\d\d,\d \| BTC-USDT-SWAP \| OKX$/);

    expect(await other.evaluate(() => document.documentElement.lang)).toBe('en');
    expect((await inPage<any>(other, READ_FORM)).positive).toEqual(['Buy/Long']);
    expect(await comma.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await inPage<any>(comma, READ_FORM)).toMatchObject({ avail: ['可用8.000,00 USDT'], price: '61000,5' });
    await Promise.all([zh, pt, other, comma].map((p) => p.close()));
  });

  it('positions: sizes in the form unit, side classes in hedge, the measurement row first, Close all (README: OKX hooks)', async () => {
    const pos = 'BTC-USDT-SWAP,long,0.5,60000,61000,cross,20,-,-,-,500;BTC-USDT-SWAP,short,0.2,62000,61000,cross,20;ETH-USDT-SWAP,short,3,3000,2950,isolated,10,900,3268.5,-,150';
    const page = await open('/trade-swap/btc-usdt-swap', `si-seed=4&si-delay=0&si-posmode=hedge&si-action=close&si-pos=${encodeURIComponent(pos)}`);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ hedge: ['Open:false', 'Close:true'], positive: ['Close short'], negative: ['Close long'],
      max: ['Max long20 Contracts', 'Max short50 Contracts'] });
    const pg = await inPage<any>(page, READ_PAGE);
    expect(pg.tabs[0]).toBe('Open positions (3)');
    expect(pg.closeAll).toEqual(['Close all']);
    expect(pg.header).toEqual(['Instrument', 'Size', 'Position value', 'Avg. entry price', 'Mark price', 'Est. liq. price', 'Margin', 'Margin ratio', 'Unrealized PnL (ROI)', '']);
    expect(pg.firstRowHidden).toBe('true');
    expect(pg.rows).toEqual([
      ['BTCUSDT Perpetual|Cross 20x', 'L:50 Cont', '30,500.00 USDT', '60,000.0', '61,000.0', '--', '--', '--', '+500.00 USDT (--)', 'CloseReverseClose long'],
      ['BTCUSDT Perpetual|Cross 20x', 'S:20 Cont', '12,200.00 USDT', '62,000.0', '61,000.0', '--', '--', '--', '--', 'CloseReverseClose short'],
      ['ETHUSDT Perpetual|Isolated 10x', 'S:30 Cont', '8,850.00 USDT', '3,000.00', '2,950.00', '3,268.50', '900.00 USDT', '--', '+150.00 USDT (--)', 'CloseReverseClose short'],
    ]);
    // One-way, coin and quote units: signed sizes, no side classes; quote at the row's mark.
    await api(page, `s.apply({ posmode: 'oneway', unit: 'base' })`);
    expect((await inPage<any>(page, READ_PAGE)).rows.map((r: string[]) => r[1])).toEqual(['0.5 BTC', '-0.2 BTC', '-3 ETH']);
    await api(page, `s.apply({ unit: 'quote', 'si-ctval': '0.001' })`);
    expect((await inPage<any>(page, READ_PAGE)).rows.map((r: string[]) => r[1])).toEqual(['30,500 USDT', '-12,200 USDT', '-8,850 USDT']);
    // si-ctval binds to the current instrument only.
    await api(page, `s.apply({ unit: 'contracts' })`);
    expect((await inPage<any>(page, READ_PAGE)).rows.map((r: string[]) => r[1])).toEqual(['500 Cont', '-200 Cont', '-30 Cont']);
    await page.close();
  });

  it('odd seeds reorder the middle columns, never in the default order; the first and last stay (README: lists)', async () => {
    const pos = 'BTC-USDT-SWAP,long,0.5,60000,61000,cross,20,-,-,-,500';
    const orders = await Promise.all([13, 15, 17].map(async (seed) => {
      const page = await open('/trade-swap/btc-usdt-swap', `si-seed=${seed}&si-delay=0&si-pos=${encodeURIComponent(pos)}`);
      const header = (await inPage<any>(page, READ_PAGE)).header as string[];
      await api(page, `s.rerender()`);
      await api(page, `s.apply({ unit: 'base' })`);
      const again = (await inPage<any>(page, READ_PAGE)).header as string[];
      const rows = await inPage<any[]>(page, ROWS_BY_HEADER);
      await page.close();
      return { header, again, rows };
    }));
    const standard = ['Instrument', 'Size', 'Position value', 'Avg. entry price', 'Mark price', 'Est. liq. price', 'Margin', 'Margin ratio', 'Unrealized PnL (ROI)', ''];
    for (const { header, again, rows } of orders) {
      expect(header[0]).toBe('Instrument');
      expect(header.at(-1)).toBe('');
      expect(header).not.toEqual(standard);
      expect([...header].sort()).toEqual([...standard].sort());
      expect(again).toEqual(header);
      expect(rows[0]).toMatchObject({ Size: '0.5 BTC', 'Avg. entry price': '60,000.0', 'Unrealized PnL (ROI)': '+500.00 USDT (--)' });
    }
  });

  it('logged out: login buttons, no test ids, no panel, a login prompt, tabs without counts (README: logged out)', async () => {
    const page = await open('/trade-swap/btc-usdt-swap', 'si-seed=5&si-delay=0&si-auth=out&si-mode=isolated&si-lev=5&si-pos=BTC-USDT-SWAP,long,1,60000,61000,cross,20&si-liq=52345.6');
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ found: true, buttons: ['Isolated', '5x', 'Log in', 'Sign up'], positive: [], negative: [],
      avail: [], max: [], unit: 'Contracts', liq: '52,345.6' });
    const pg = await inPage<any>(page, READ_PAGE);
    expect(pg.tabs[0]).toBe('Open positions');
    expect(pg.header).toBeNull();
    expect(pg.pairs['Total equity']).toBeUndefined();
    expect(pg.pairs['Mark price']).toBe('61,000.0');
    await api(page, `s.apply({ auth: 'in' })`);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ avail: ['Available8,000.00 USDT'], positive: ['Buy/Long'] });
    expect((await inPage<any>(page, READ_PAGE)).tabs[0]).toBe('Open positions (1)');
    await page.close();
  });

  it('late hydration: skeleton first, then the form with -- values, tabs without counts and no table (README: late hydration)', async () => {
    const page = await site.newPage();
    await page.goto(`${ORIGIN}/trade-swap/btc-usdt-swap?si-seed=6&si-delay=400,700,1000&si-pos=BTC-USDT-SWAP,long,1,60000,61000,cross,20`);
    const early = await page.evaluate(() => ({ ready: document.documentElement.dataset.siReady, title: document.title,
      hooks: document.querySelectorAll('.place-order-container-common, .position-box, [data-testid]').length }));
    expect(early).toEqual({ ready: '0', title: 'OKX', hooks: 0 });
    await page.evaluate(() => (window as any).__standin.ready);
    const probe = await page.evaluate(() => (window as any).__probe);
    expect(probe.form).toMatchObject({ avail: 'Available -- USDT', ready: '0', max: ['Max long -- Contracts', 'Max short -- Contracts'] });
    expect(probe.form.title).toMatch(/ \| BTC-USDT-SWAP \| OKX$/);
    expect(probe.panel).toEqual({ value: '--' });
    expect(probe.tabs).toEqual({ text: 'Open positions', tables: 0 });
    expect((await inPage<any>(page, READ_PAGE)).tabs[0]).toBe('Open positions (1)');
    await page.close();
  });

  it('runtime API: apply, write, slider, unit and type switches, events per si-events (README: writes without events, re-renders)', async () => {
    const page = await open('/trade-swap/btc-usdt-swap', 'si-seed=7&si-delay=0&si-events=none&si-stale=0');
    await page.evaluate(() => {
      const w = window as any;
      w.events = 0;
      document.addEventListener('input', () => { w.events++; }, true);
    });
    expect(await api(page, `s.apply({ 'si-price': '60000', qty: '50' })`)).toBe(true);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ price: '60000', qty: '50' });
    expect(await page.evaluate(() => (window as any).events)).toBe(0);

    // Text-only changes keep the nodes.
    const qtyNode = await page.evaluateHandle(() => (window as any).visAll('#' + CSS.escape((window as any).visAll('.okui-input-input')[1].id))[0]);
    await api(page, `s.apply({ lev: 50, mode: 'isolated', avail: '1234.5', maxbuy: '2.621', liq: '--' })`);
    expect(await page.evaluate((n) => (n as Element).isConnected, qtyNode)).toBe(true);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ leverage: '50x', marginMode: 'Isolated', avail: ['Available1,234.50 USDT'],
      max: ['Max long262.1 Contracts', 'Max short -- Contracts'], liq: '--' });

    // The unit switch converts at the price input, rounded once: 50 contracts × 0.01 → 0.5 BTC → 30,000 USDT.
    await page.click('.si-form-slot .okui-input-suffix [role="button"]');
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ unit: 'BTC', qty: '0.5', max: ['Max long2.621 BTC', 'Max short -- BTC'] });
    expect(await page.evaluate((n) => (n as Element).isConnected, qtyNode)).toBe(false);
    await api(page, `s.apply({ unit: 'quote' })`);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ unit: 'USDT', qty: '30000', max: ['Max long159,881 USDT', 'Max short -- USDT'] });
    // The slider writes pct × si-maxbuy in the current unit: 25% × 2.621 BTC × 60000 (the price input).
    expect(await api(page, `s.slider(25)`)).toBe(true);
    expect((await inPage<any>(page, READ_FORM)).qty).toBe('39315');
    await api(page, `s.apply({ unit: 'contracts' })`);
    // 39315 USDT at 60000 × 0.01 = 65.525 contracts, rounded once half away from zero.
    expect((await inPage<any>(page, READ_FORM)).qty).toBe('65.53');

    // Order-type switch: Market has no price input; back to Limit resets the price to si-last.
    await api(page, `s.apply({ type: 'market' })`);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ type: ['Market'], price: null, tpslBox: [false] });
    expect(await api(page, `s.write('price', '1')`)).toBe(false);
    await api(page, `s.apply({ type: 'conditional' })`);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ type: ['TP/SL'], price: null, tpslBox: [], tpsl: ['tpTriggerPx=', 'slTriggerPx='], amounts: 1 });
    await api(page, `s.apply({ type: 'limit' })`);
    expect((await inPage<any>(page, READ_FORM)).price).toBe('61005.0');

    // TP/SL inputs exist only while the box is checked; write('tp') checks it.
    expect((await inPage<any>(page, READ_FORM)).tpsl).toEqual([]);
    await api(page, `s.write('tp', '65000', 'input')`);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ tpslBox: [true], tpsl: ['tpTriggerPx=65000', 'slTriggerPx='] });
    expect(await page.evaluate(() => (window as any).events)).toBe(1);

    // rerender() keeps values in new nodes.
    await api(page, `s.write('qty', '25', 'none')`);
    await api(page, `s.rerender()`);
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ qty: '25', price: '61005.0', tpsl: ['tpTriggerPx=65000', 'slTriggerPx='] });
    await page.close();
  });

  it('SPA navigation: url-first and form-first, the locale prefix kept, the title in the same task as the form (README: SPA navigation)', async () => {
    const page = await open('/pt-br/trade-swap/btc-usdt-swap', 'si-seed=8&si-delay=0&si-price=60000&si-qty=1&si-unit=base');
    const step = (order: string, instId: string) => page.evaluate(async (o, s) => {
      const w = window as any;
      const unit = () => w.txt(w.visAll('.place-order-container-common .okui-input-suffix [role="button"]')[0]);
      const done = w.__standin.navigate(s, o);
      const during = { path: location.pathname, title: document.title.split(' | ')[1], unit: unit() };
      await done;
      return { during, after: { path: location.pathname, title: document.title.split(' | ')[1], unit: unit() } };
    }, order, instId);
    const urlFirst = await step('url-first', 'ETH-USDT-SWAP');
    expect(urlFirst.during).toEqual({ path: '/pt-br/trade-swap/eth-usdt-swap', title: 'BTC-USDT-SWAP', unit: 'BTC' });
    expect(urlFirst.after).toEqual({ path: '/pt-br/trade-swap/eth-usdt-swap', title: 'ETH-USDT-SWAP', unit: 'ETH' });
    expect(await inPage<any>(page, READ_FORM)).toMatchObject({ price: '3000,50', qty: '' });
    const formFirst = await step('form-first', 'BTC-USDC-SWAP');
    expect(formFirst.during).toEqual({ path: '/pt-br/trade-swap/eth-usdt-swap', title: 'BTC-USDC-SWAP', unit: 'BTC' });
    expect(formFirst.after.path).toBe('/pt-br/trade-swap/btc-usdc-swap');
    expect((await inPage<any>(page, READ_FORM)).avail).toEqual(['Disponível8.000,00 USDC']);
    // Back: the URL returns to the ETH swap at once, the form (and with it the title) follows after the navigation delay.
    const during = await page.evaluate(() => new Promise<{ path: string; title: string | undefined }>((resolve) => {
      addEventListener('popstate', () => resolve({ path: location.pathname, title: document.title.split(' | ')[1] }), { once: true });
      history.back();
    }));
    expect(during).toEqual({ path: '/pt-br/trade-swap/eth-usdt-swap', title: 'BTC-USDC-SWAP' });
    await page.waitForFunction(() => document.title.split(' | ')[1] === 'ETH-USDT-SWAP');
    expect((await inPage<any>(page, READ_FORM)).avail).toEqual(['Disponível8.000,00 USDT']);
    await page.close();
  });

  it('the storm mutates span.last at the configured rate and redraws the canvas; si-storm=0 is quiet (README: order-book storm)', async () => {
    const measure = async (rate: number) => {
      const page = await open('/trade-swap/btc-usdt-swap', `si-seed=9&si-delay=0&si-storm=${rate}`);
      const r = await page.evaluate(() => new Promise<{ last: number; elsewhere: number; seconds: number; pixels: boolean }>((resolve) => {
        let last = 0;
        let elsewhere = 0;
        const canvas = document.querySelector('.order-book-box canvas') as HTMLCanvasElement;
        const before = canvas.toDataURL();
        const obs = new MutationObserver((list) => {
          for (const m of list) {
            const target = m.target.nodeType === 1 ? (m.target as Element) : m.target.parentElement;
            if (target?.closest('span.last')) last++;
            else if (!target?.closest('.si-chat-host')) elsewhere++;
          }
        });
        obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        const t0 = performance.now();
        setTimeout(() => { obs.disconnect(); resolve({ last, elsewhere, seconds: (performance.now() - t0) / 1000, pixels: canvas.toDataURL() !== before }); }, 1500);
      }));
      await page.close();
      return r;
    };
    const [r200, r50, r0] = await Promise.all([measure(200), measure(50), measure(0)]);
    expect(r200.last / r200.seconds).toBeGreaterThan(100);
    expect(r200.last / r200.seconds).toBeLessThan(300);
    expect(r50.last / r50.seconds).toBeGreaterThan(25);
    expect(r50.last / r50.seconds).toBeLessThan(75);
    expect(r200.pixels).toBe(true);
    expect(r0).toMatchObject({ last: 0, pixels: false });
    // Only span.last (and the title, once a second) change: nothing else in the document.
    expect(r200.elsewhere).toBe(0);
  });

  it('decoys: quick trade outside the root, the hidden decoy copy before it, chart iframe and shadow root (README: decoys, noise widgets)', async () => {
    const [on, off] = await Promise.all([
      open('/trade-swap/btc-usdt-swap', 'si-seed=10&si-delay=0&si-stalehide=aria'),
      open('/trade-swap/btc-usdt-swap', 'si-seed=10&si-delay=0&si-decoys=0'),
    ]);
    const look = (page: Page) => page.evaluate(() => {
      const w = window as any;
      const root = w.visAll('.place-order-container-common')[0];
      const all = [...document.querySelectorAll('.place-order-container-common')];
      const chat = document.querySelector('.si-chat-host')!.shadowRoot!;
      const frame = document.querySelector('iframe')!.contentDocument!;
      return {
        roots: all.length,
        hiddenCopyFirst: all.length > 1 && !w.vis(all[0]) && all.indexOf(root) > 0,
        outsideInputs: w.visAll('.okui-input-input').filter((i: Element) => !root.contains(i)).length,
        outsideTestIds: w.visAll('[data-testid]').filter((i: Element) => !root.contains(i)).length,
        outsideBuy: w.visAll('button').filter((b: Element) => w.txt(b) === 'Buy/Long' && !root.contains(b)).length,
        chatButton: chat.querySelector('button')!.textContent,
        frameInputs: frame.querySelectorAll('.okui-input-input').length,
      };
    });
    expect(await look(on)).toEqual({ roots: 2, hiddenCopyFirst: true, outsideInputs: 1, outsideTestIds: 2, outsideBuy: 1, chatButton: 'Buy/Long', frameInputs: 2 });
    expect(await look(off)).toEqual({ roots: 1, hiddenCopyFirst: false, outsideInputs: 0, outsideTestIds: 0, outsideBuy: 0, chatButton: 'Buy/Long', frameInputs: 2 });
    expect(await inPage<any>(on, READ_FORM)).toMatchObject({ found: true, avail: ['Available8,000.00 USDT'], leverage: '10x' });
    // Clicking the leverage button opens a dialog at the end of <body>, outside the root.
    await on.evaluate(() => ((window as any).visAll('.place-order-container-common button')[1] as HTMLElement).click());
    expect(await on.evaluate(() => document.body.lastElementChild?.getAttribute('role'))).toBe('dialog');
    await Promise.all([on.close(), off.close()]);
  });

  it('page parameters persist in sessionStorage; reloading without si- params reuses them (README: page parameters)', async () => {
    const page = await open('/trade-swap/btc-usdt-swap', 'si-delay=0&si-lev=33#si-lev=44');
    expect((await inPage<any>(page, READ_FORM)).leverage).toBe('44x');
    const seed1 = await page.evaluate(() => document.documentElement.dataset.siSeed);
    await page.goto(`${ORIGIN}/trade-swap/btc-usdt-swap`);
    await page.evaluate(() => (window as any).__standin.ready);
    expect((await inPage<any>(page, READ_FORM)).leverage).toBe('44x');
    expect(JSON.parse((await page.evaluate(() => sessionStorage.getItem('si-scenario')))!)).toMatchObject({ lev: '44', delay: '0' });
    expect(await page.evaluate(() => document.documentElement.dataset.siSeed)).not.toBe(seed1);
    await page.close();
  });

  it("server: serves the swap route on the venue's host only, 404 for excluded paths, the stand-in's own files under /__standin/", async () => {
    const { status } = site;
    const served = ['/trade-swap/btc-usdt-swap', '/zh-hans/trade-swap/btc-usdt-swap/', '/pt-br/trade-swap/eth-usdc-swap?x=1#y', '/en-us/trade-swap/sol-usdt-swap',
      '/__standin/standin.js', '/__standin/standin.css', '/__standin/index.html'];
    const refused = ['/trade-swap/btc-usd-swap', '/trade-futures/btc-usdt-250926', '/trade-spot/btc-usdt', '/trade-margin/btc-usdt', '/trade-option/btc-usd',
      '/balance/overview', '/trade-swap/BTC-USDT-SWAP', '/__standin/standin.test.ts', '/__standin/site.ts', '/__standin/../server.ts', '/__standin/nothing.js'];
    await expectServerRoutes(site, served, refused);
    expect(await status('/trade-swap/btc-usdt-swap', 'example.com')).toBe(404);
  });

  firefoxSmoke(site, (port) => `https://www.okx.com:${port}/pt-br/trade-swap/btc-usdt-swap?si-seed=12&si-delay=0`, async (page) => {
    expect(await page.title()).toMatch(/^61\.0\d\d,\d \| BTC-USDT-SWAP \| OKX$/);
    expect(await page.evaluate(() => [document.documentElement.lang, document.querySelectorAll('.place-order-container-common').length])).toEqual(['pt-BR', 2]);
  });

  it('made no request outside the page origin (README: no network)', () => site.expectOwnOriginOnly());
});
