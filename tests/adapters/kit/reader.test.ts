// @vitest-environment happy-dom
/**
 * The venue-neutral reader (src/adapters/kit/reader.ts) with a stand-in venue spec: when a 'form'
 * read is offered the previous outside reading, the loading grace, errors, and outsideParts().
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createSnapshotReader, LOADING_GRACE_MS, type OutsideReading, type ReadContext, type ReaderSpec } from '../../../src/adapters/kit/reader';
import { emptySnapshot } from '../../../src/adapters/kit/snapshot';
import { readField } from '../../../src/adapters/kit/fields';
import { reason } from '../../../src/contracts/reasons';

interface Outside extends OutsideReading {
  n: number;
}

/** What the spec saw on each call, and what it is told to answer. */
interface Probe {
  offered: (Outside | null)[];
  loading: boolean[];
  root: Element | null;
  key: unknown[];
  sources: Element[];
  complete: boolean;
  throws: string | null;
}

let probe: Probe;
let readings = 0;

const spec: ReaderSpec<Outside> = {
  venue: 'binance-usdm',
  findRoot: () => probe.root,
  read(ctx: ReadContext<Outside>) {
    if (probe.throws !== null) throw new Error(probe.throws);
    const reused = ctx.reusable(probe.key);
    probe.offered.push(reused);
    probe.loading.push(ctx.loading);
    const outside = reused ?? { key: [...probe.key], sources: [...probe.sources], complete: probe.complete, n: ++readings };
    return { snapshot: emptySnapshot('binance-usdm', ctx.url, readField(true)), root: probe.root, outside: probe.root === null ? null : outside };
  },
};

let clock: number;
const make = () => createSnapshotReader(spec, document, () => 'https://www.binance.com/en/futures/BTCUSDT', { isVisible: () => true, now: () => clock });

beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div><div id="panel"></div>';
  clock = 0;
  readings = 0;
  probe = {
    offered: [],
    loading: [],
    root: document.getElementById('root'),
    key: ['k'],
    sources: [document.getElementById('panel') as Element],
    complete: true,
    throws: null,
  };
});

describe('createSnapshotReader: reusing the outside reading', () => {
  it("offers the previous reading to a 'form' read only; a 'full' read never gets it", () => {
    const r = make();
    r.read('full');
    r.read('form');
    r.read('full');
    expect(probe.offered.map((o) => o?.n ?? null)).toEqual([null, 1, null]);
  });

  it('does not offer an incomplete reading', () => {
    probe.complete = false;
    const r = make();
    r.read('full');
    r.read('form');
    expect(probe.offered).toEqual([null, null]);
  });

  it('does not offer a reading whose source left the page', () => {
    const r = make();
    r.read('full');
    document.getElementById('panel')!.remove();
    r.read('form');
    expect(probe.offered).toEqual([null, null]);
  });

  it('does not offer a reading made under another key', () => {
    const r = make();
    r.read('full');
    probe.key = ['other'];
    r.read('form');
    probe.key = ['other', 'longer'];
    r.read('form');
    expect(probe.offered[1]).toBeNull();
    expect(probe.offered[2]).toBeNull();
  });
});

describe('createSnapshotReader: the loading grace', () => {
  it('counts from the first read that found the form, and starts again after the form went away', () => {
    const r = make();
    r.read('full'); // t = 0: the form appears
    clock = LOADING_GRACE_MS - 1;
    r.read('full');
    clock = LOADING_GRACE_MS;
    r.read('full');
    probe.root = null;
    r.read('full');
    probe.root = document.getElementById('root');
    clock += 10;
    r.read('full');
    expect(probe.loading).toEqual([true, true, false, false, true]);
  });
});

describe('createSnapshotReader: errors and outsideParts()', () => {
  it('an exception becomes a snapshot with the form missing and the detail, and nothing stays watched', () => {
    const r = make();
    r.read('full');
    expect(r.outsideParts()).toEqual({ watch: [document.getElementById('panel')], settled: true });
    probe.throws = 'x'.repeat(300);
    const s = r.read('full');
    expect(s.form).toEqual({ status: 'missing', why: reason('page.adapterError', { detail: 'x'.repeat(200) }) });
    expect(s.walletBalance.why).toEqual(reason('page.adapterError', { detail: 'x'.repeat(200) }));
    expect(r.outsideParts()).toEqual({ watch: [], settled: false });
  });

  it('reports the last reading: settled only when complete; no form, nothing to watch', () => {
    const r = make();
    probe.complete = false;
    r.read('full');
    expect(r.outsideParts().settled).toBe(false);
    probe.root = null;
    r.read('full');
    expect(r.outsideParts()).toEqual({ watch: [], settled: false });
  });
});

describe('a loaded page: not found is a broken selector', () => {
  it('reports a field not found as not found while loading, and as a broken selector once the grace is over', () => {
    const notFound = { ...spec, read: (ctx: ReadContext<Outside>) => {
      const result = spec.read(ctx);
      return { ...result, snapshot: { ...result.snapshot, quantity: { status: 'missing' as const, why: reason('page.notFound', { item: 'quantity' }) }, price: { status: 'missing' as const, why: reason('page.empty', { item: 'price' }) } } };
    } };
    const r = createSnapshotReader(notFound, document, () => 'https://www.binance.com/en/futures/BTCUSDT', { isVisible: () => true, now: () => clock });
    expect(r.read('full').quantity.why).toEqual(reason('page.notFound', { item: 'quantity' }));
    clock += LOADING_GRACE_MS;
    const loaded = r.read('full');
    expect(loaded.quantity.why).toEqual(reason('page.selectorBroke', { item: 'quantity' }));
    expect(loaded.price.why).toEqual(reason('page.empty', { item: 'price' })); // an empty input is no broken page
  });
});
