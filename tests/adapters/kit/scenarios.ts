/**
 * Stand-in cases every adapter runs alike, each given the venue's page data and what it must read:
 * number formats, modes, logged out, and the timing cases (hydration, the form before the rest,
 * re-renders with stale copies, a symbol switch). Each call registers its tests in the current describe.
 */
import { expect, it } from 'vitest';
import type { Field, FormSnapshot, ReadScope, SnapshotKey } from '../../../src/contracts/snapshot';
import { reason, type ItemCode, type Reason } from '../../../src/contracts/reasons';
import { brokenFields, expectNum, expectRead, expectWhy } from './expect';
import type { Params, Standin } from './standin';

type Check = (s: FormSnapshot) => void;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Labels of one language with the other's number format: every listed number is refused, not misread. */
export function numberFormatCases(si: Standin, c: {
  /** A path whose page language writes decimal commas (pt-BR). */
  commaPath?: string;
  commaParams?: Params;
  commaRefused: SnapshotKey[];
  /** What is still read there (no number format in it). */
  commaStill?: Check;
  /** On the default (en) page with comma numbers. */
  dotRefused: SnapshotKey[];
}): void {
  it('pt-BR labels with dot numbers (si-numfmt=dot): numbers refused, not misread', async () => {
    await si.open({ price: '61000.5', ...c.commaParams, numfmt: 'dot' }, c.commaPath);
    const s = await si.read();
    for (const key of c.commaRefused) {
      expect(s[key], key).toMatchObject({ status: 'ambiguous', why: { code: 'page.numberFormatContradicted', params: { lang: 'pt-BR', expected: 'comma' } } });
    }
    c.commaStill?.(s);
  });

  it('en labels with comma numbers (si-numfmt=comma): numbers refused', async () => {
    await si.open({ price: '61000.5', numfmt: 'comma' });
    const s = await si.read();
    for (const key of c.dotRefused) expect((s[key] as Field<unknown>).status, key).toBe('ambiguous');
  });
}

/** Cross and isolated at several leverages, the page's text updated in place. */
export function marginModeCase(si: Standin, levs: readonly (readonly ['cross' | 'isolated', number])[]): void {
  it('cross and isolated at several leverages (text updated in place)', async () => {
    await si.open({});
    for (const [mode, lev] of levs) {
      await si.apply({ mode, lev });
      const s = await si.read();
      expectRead(s.marginMode, mode, `${mode} ${lev}`);
      expectRead(s.leverage, String(lev), `${mode} ${lev}`);
    }
  });
}

/** A market order: no price, the page's mark; `qty` is read as typed when given. */
export function marketOrderCase(si: Standin, c: { title: string; qty?: string }): void {
  it(c.title, async () => {
    await si.open({ type: 'market', ...(c.qty === undefined ? {} : { qty: c.qty }) });
    const s = await si.read();
    expectRead(s.orderType, 'market');
    expectWhy(s.price, 'missing', reason('page.marketOrder'));
    expectNum(s.markPrice, '61000');
    if (c.qty !== undefined) expectNum(s.quantity, c.qty);
  });
}

export function silentWriteCase(si: Standin, price: string): void {
  it('a silent page write (no event, no attribute change) is read from the value property', async () => {
    await si.open({ price });
    await si.call(`s.write('price', '60123.4', 'none')`);
    expectNum((await si.read()).price, '60123.4');
  });
}

export function tpslCase(si: Standin): void {
  it('TP/SL values', async () => {
    await si.open({ tp: '65000', sl: '58000.5' });
    const s = await si.read();
    expectNum(s.takeProfit, '65000');
    expectNum(s.stopLoss, '58000.5');
  });
}

export function assetModeCases(si: Standin, title: string, cases: readonly (readonly [string, string])[]): void {
  it.each(cases)(title, async (assetmode, expected) => {
    await si.open({ assetmode });
    expectRead((await si.read()).assetMode, expected as never);
  });
}

/** Logged out, an isolated 10x order at 61000.5: the inputs are read (those and `inputs`), each of `loginToSee` says log in to see that item. */
export function loggedOutCase(si: Standin, c: { title: string; params: Params; inputs?: Check; loginToSee: readonly (readonly [SnapshotKey, ItemCode])[]; after?: () => Promise<void> }): void {
  it(c.title, async () => {
    await si.open({ auth: 'out', mode: 'isolated', lev: 10, price: '61000.5', ...c.params });
    const s = await si.read();
    expectRead(s.loggedIn, false);
    expectRead(s.marginMode, 'isolated');
    expectRead(s.leverage, '10');
    expectNum(s.price, '61000.5');
    c.inputs?.(s);
    const checks: [Field<unknown>, Reason][] = c.loginToSee.map(([key, item]) => [s[key] as Field<unknown>, reason('page.loginToSee', { item })]);
    for (const [field, why] of checks) expectWhy(field, 'missing', why, why.code);
    await c.after?.();
  });
}

/** Before hydration and while the account data arrives: never a wrong value, never a broken selector. */
export function hydrationCase(si: Standin, c: { params: Params; path?: string; check?: Check }): void {
  it('before hydration and while the account data arrives: never a wrong value, never a broken selector', async () => {
    await si.open({ delay: 1200, avail: '7654.32', price: '61000.5', ...c.params }, c.path, false);
    const seen = new Set<string>();
    for (;;) {
      const { s, ready } = await si.page.evaluate(() => ({ s: window.__reader.read(), ready: document.documentElement.getAttribute('data-si-ready') === '1' }));
      seen.add(`${s.form.status}/${s.available.status}/${s.otherPositions.status}`);
      // All of it arrives well inside the loading grace: a part not there yet is never "selector broke".
      expect(brokenFields(s)).toEqual([]);
      if (s.available.status === 'read') expectNum(s.available, '7654.32');
      if (s.price.status === 'read') expectNum(s.price, '61000.5');
      if (s.ownPositions.status === 'read') expect(s.ownPositions.value).toEqual([]);
      if (s.otherPositions.status === 'read') expect(s.otherPositions.value).toHaveLength(1);
      c.check?.(s);
      if (ready) {
        expectNum(s.available, '7654.32');
        expectRead(s.ownPositions, []);
        expect(s.otherPositions.value).toHaveLength(1);
        break;
      }
      await pause(40);
    }
    // The first reads saw no form at all.
    expect([...seen][0]).toMatch(/^missing\//);
  });
}

/**
 * si-delay=<form>,<panel>,<account>: the form at once, the account panel and the positions 2 s later, with
 * one position (`pos`) and the wallet 12345.67. The early reading is not settled and breaks nothing; `notYet`
 * is not read in it; 'form' reads once the rest is there (as while typing) show the wallet in `balance`, the
 * own position as `own` and no other position.
 */
export function formFirstCase(si: Standin, c: { pos: string; params?: Params; notYet: SnapshotKey[]; balance: SnapshotKey; own: readonly object[] }): void {
  it("the form arrives first, the account panel and positions later: typing ('form' reads) shows them once there", async () => {
    await si.open({ delay: '0,2000,2000', pos: c.pos, wallet: '12345.67', ...c.params }, undefined, false);
    let early: FormSnapshot | null = null;
    let ready = false;
    while (!ready) {
      const scope: ReadScope = early === null ? 'full' : 'form';
      const now: { s: FormSnapshot; settled: boolean; ready: boolean } = await si.page.evaluate((sc) => ({
        s: window.__reader.read(sc),
        settled: window.__reader.outside().settled,
        ready: document.documentElement.getAttribute('data-si-ready') === '1',
      }), scope);
      ready = now.ready;
      if (early === null && now.s.form.status === 'read' && !ready) {
        early = now.s;
        // A reading taken before the rest of the page came: not settled, nothing broken.
        expect(now.settled).toBe(false);
        expect(brokenFields(now.s)).toEqual([]);
      }
      await pause(30);
    }
    const first = early as FormSnapshot | null;
    expect(first, 'the form was read before the page finished loading').not.toBeNull();
    for (const key of c.notYet) expect((first?.[key] as Field<unknown> | undefined)?.status, key).not.toBe('read');
    const typed = await si.read('form');
    expectNum(typed[c.balance] as Field<string>, '12345.67', c.balance);
    expect(typed.ownPositions).toMatchObject({ status: 'read', value: c.own });
    expectRead(typed.otherPositions, []);
    expect((await si.outside()).settled).toBe(true);
  });
}

/** Periodic re-renders with a stale copy hidden each way, decoys and a mutation storm on: the same reading throughout. */
export function rerenderCases(si: Standin, c: { params: Params; check: Check }): void {
  it.each(['display', 'hidden', 'aria', 'visibility'])('periodic re-renders with stale copies hidden by %s, decoys and storm on', async (stalehide) => {
    await si.open({ rerender: 150, stale: 1, stalehide, storm: 200, lev: 33, mode: 'isolated', price: '61000.5', ...c.params });
    for (let i = 0; i < 12; i++) {
      const s = await si.read();
      expectRead(s.form, true);
      expectRead(s.leverage, '33');
      expectNum(s.price, '61000.5');
      c.check(s);
      await pause(60);
    }
  });
}

/**
 * A symbol switch with the address first or the form first: never the new symbol with the old form,
 * nor the reverse; the in-between state is seen and reported as ambiguous.
 */
export function symbolSwitchCases(si: Standin, c: { params: Params; from: string; to: string; unitRaw: (to: boolean) => string }): void {
  it.each(['url-first', 'form-first'] as const)('symbol switch %s: never the new address symbol with the old form, nor the reverse', async (order) => {
    await si.open({ price: '61000.5', ...c.params });
    await si.page.evaluate((o, to) => {
      const w = window as unknown as { __navDone: boolean; __standin: { navigate(s: string, o: string): Promise<void> } };
      w.__navDone = false;
      void w.__standin.navigate(to, o).then(() => { w.__navDone = true; });
    }, order, c.to);
    const statuses: string[] = [];
    for (;;) {
      const { s, done } = await si.page.evaluate(() => ({ s: window.__reader.read(), done: (window as unknown as { __navDone: boolean }).__navDone }));
      statuses.push(s.symbol.status === 'read' ? String(s.symbol.value) : s.symbol.status);
      if (s.symbol.status === 'read') {
        const to = s.symbol.value === c.to;
        if (!to) expect(s.symbol.value).toBe(c.from);
        expect(s.quantityUnit.raw).toBe(c.unitRaw(to));
        expectNum(s.markPrice, to ? '3000' : '61000');
      }
      if (done) {
        expectRead(s.symbol, c.to);
        expectNum(s.price, '3000.5'); // reset to the new symbol's last
        expect(s.quantity.status).toBe('missing');
        break;
      }
      await pause(30);
    }
    expect(statuses).toContain('ambiguous');
  });
}

/**
 * Seeds 1–6 draw the stand-in's randomised hooks, decoys and stale copies afresh, then the form re-renders:
 * an isolated 7x order at 61000.5 reads the same each time (`check` adds the venue's own reading).
 */
export function seedCases(si: Standin, c: { title: string; params: (seed: number) => Params; check: (s: FormSnapshot, seed: number) => void }): void {
  it.each([1, 2, 3, 4, 5, 6])(c.title, async (seed) => {
    await si.open({ seed, mode: 'isolated', lev: 7, price: '61000.5', ...c.params(seed) });
    await si.call('s.rerender()');
    const s = await si.read();
    expectRead(s.leverage, '7');
    expectNum(s.price, '61000.5');
    c.check(s, seed);
  });
}
