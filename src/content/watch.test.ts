// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReadScope } from '../contracts/snapshot';
import { watchForm, type FormWatcher, type WatchTiming } from './watch';

/** Manual clock: frames and intervals run only when the test says so. */
function manualTiming() {
  let frames: Array<() => void> = [];
  const intervals = new Map<number, { fn: () => void; ms: number }>();
  let nextId = 1;
  const timing: WatchTiming = {
    requestFrame: (cb) => void frames.push(cb),
    setInterval: (fn, ms) => {
      intervals.set(nextId, { fn, ms });
      return nextId++;
    },
    clearInterval: (id) => void intervals.delete(id as number),
    pollMs: 250,
    fullReadMs: 1000,
    settlePollMs: 100,
  };
  return {
    timing,
    frame() {
      const due = frames;
      frames = [];
      for (const cb of due) cb();
    },
    every(ms: number) {
      for (const { fn, ms: m } of intervals.values()) if (m === ms) fn();
    },
    intervalCount: () => intervals.size,
  };
}

/** Lets queued microtasks (reads) and mutation records run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function buildPage() {
  document.body.innerHTML = `
    <div id="app">
      <div id="book"><span class="price">61000.0</span></div>
      <div id="account"><span id="wallet">1,000.00</span></div>
      <div id="positions"><span id="count">Positions(0)</span></div>
      <div id="col"><form id="root"><input id="qty" value=""><input id="price" value="61000"></form></div>
    </div>`;
}

describe('watchForm', () => {
  let clock: ReturnType<typeof manualTiming>;
  let reads: number;
  let scopes: ReadScope[];
  let changes: string[];
  let roots: Array<Element | null>;
  let watcher: FormWatcher;
  /** What the source says about the parts outside the form after each read. */
  let outside: { watch: Element[]; settled: boolean };

  const start = () => {
    watcher = watchForm(
      document,
      {
        findRoot: () => document.querySelector('form'),
        read: (scope) => {
          reads++;
          scopes.push(scope);
          const inputs = [...document.querySelectorAll('form input')] as HTMLInputElement[];
          return { values: inputs.map((i) => i.value), href: location.href };
        },
        outsideParts: () => outside,
      },
      {
        onChange: (s) => changes.push(s.values.join('|')),
        onRoot: (r) => roots.push(r),
        onError: (e) => {
          throw e;
        },
      },
      clock.timing,
    );
  };

  beforeEach(() => {
    buildPage();
    clock = manualTiming();
    reads = 0;
    scopes = [];
    changes = [];
    roots = [];
    outside = { watch: [document.getElementById('account')!, document.getElementById('positions')!], settled: true };
  });
  afterEach(() => watcher.stop());

  it('reads once at start and reports the first snapshot and root', async () => {
    start();
    await settle();
    expect(reads).toBe(1);
    expect(changes).toEqual(['|61000']);
    expect(roots).toEqual([document.getElementById('root')]);
  });

  it('folds a burst of triggers within one frame into one read now and one at the next frame', async () => {
    start();
    await settle();
    clock.frame();
    const qty = document.getElementById('qty') as HTMLInputElement;
    for (const text of ['0', '0.', '0.1']) {
      qty.value = text;
      qty.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await settle();
    expect(reads).toBe(2); // the leading read of this frame
    clock.frame();
    await settle();
    expect(reads).toBe(3); // the trailing read for the rest of the burst
    expect(changes.at(-1)).toBe('0.1|61000');
    clock.frame();
    await settle();
    expect(reads).toBe(3); // nothing more pending
  });

  it('does not re-read for mutations outside the form (order-book storm)', async () => {
    start();
    await settle();
    clock.frame();
    const book = document.getElementById('book')!;
    for (let i = 0; i < 300; i++) {
      const row = document.createElement('div');
      row.textContent = String(61000 + i);
      book.appendChild(row);
      book.firstElementChild!.classList.toggle('flash');
    }
    document.title = '61,010.0 | BTCUSDT';
    await settle();
    clock.frame();
    await settle();
    expect(reads).toBe(1);
  });

  it('notices a value written without events or mutations on the next poll', async () => {
    start();
    await settle();
    clock.frame();
    (document.getElementById('qty') as HTMLInputElement).value = '0.25'; // property only: no event, no attribute
    await settle();
    expect(reads).toBe(1);
    clock.every(250);
    await settle();
    expect(reads).toBe(2);
    expect(changes.at(-1)).toBe('0.25|61000');
  });

  it('reports nothing when a read gives the same snapshot', async () => {
    start();
    await settle();
    clock.frame();
    clock.every(1000);
    await settle();
    expect(reads).toBe(2);
    expect(changes).toHaveLength(1);
  });

  it('follows a replaced root and reacts to typing in the new one', async () => {
    start();
    await settle();
    clock.frame();
    const old = document.getElementById('root')!;
    const fresh = old.cloneNode(true) as HTMLElement;
    fresh.id = 'root2';
    old.replaceWith(fresh);
    await settle(); // parent childList record → read → re-attached
    expect(roots.at(-1)).toBe(fresh);
    clock.frame();
    const qty = fresh.querySelector('input')!;
    qty.value = '2';
    qty.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(changes.at(-1)).toBe('2|61000');
  });

  it('notices an SPA URL change on the next poll', async () => {
    start();
    await settle();
    clock.frame();
    history.pushState({}, '', '/en/futures/ETHUSDT');
    clock.every(250);
    await settle();
    expect(reads).toBe(2);
  });

  it('reads only the form for typing, and the whole page at start, on navigation and on the low-rate re-read', async () => {
    start();
    await settle();
    clock.frame();
    const qty = document.getElementById('qty') as HTMLInputElement;
    qty.value = '1';
    qty.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    clock.frame();
    qty.value = '2'; // no event: found by the value poll
    clock.every(250);
    await settle();
    clock.frame();
    clock.every(1000);
    await settle();
    clock.frame();
    history.pushState({}, '', '/en/futures/SOLUSDT');
    clock.every(250);
    await settle();
    expect(scopes).toEqual(['full', 'form', 'form', 'full', 'full']);
  });

  it('makes the trailing read of a frame a full one when any trigger in it asked for the whole page', async () => {
    start();
    await settle();
    clock.frame();
    const qty = document.getElementById('qty') as HTMLInputElement;
    qty.value = '1';
    qty.dispatchEvent(new Event('input', { bubbles: true })); // leading read, form
    qty.value = '2';
    qty.dispatchEvent(new Event('input', { bubbles: true })); // trailing: form…
    clock.every(1000); // …widened to full
    qty.value = '3';
    qty.dispatchEvent(new Event('input', { bubbles: true })); // and stays full
    await settle();
    clock.frame();
    await settle();
    expect(scopes).toEqual(['full', 'form', 'full']);
  });

  it('reads the whole page at once when something changes inside a part outside the form the source read', async () => {
    start();
    await settle();
    clock.frame();
    document.getElementById('wallet')!.textContent = '900.00'; // no form event, no form mutation
    await settle();
    expect(scopes).toEqual(['full', 'full']);
    clock.frame();
    document.getElementById('count')!.setAttribute('data-count', '1');
    await settle();
    expect(scopes).toEqual(['full', 'full', 'full']);
  });

  it('reads the whole page at once when a watched part is replaced, then watches the new part, not the old one', async () => {
    start();
    await settle();
    clock.frame();
    const old = document.getElementById('account')!;
    const fresh = old.cloneNode(true) as HTMLElement;
    outside = { watch: [fresh, document.getElementById('positions')!], settled: true };
    old.replaceWith(fresh); // the parent's child list changes: a full read, no timer needed
    await settle();
    clock.frame();
    expect(reads).toBe(2);
    expect(scopes.at(-1)).toBe('full');
    old.textContent = 'detached';
    await settle();
    expect(reads).toBe(2);
    fresh.querySelector('span')!.textContent = '800.00';
    await settle();
    expect(reads).toBe(3);
    expect(scopes.at(-1)).toBe('full');
  });

  it('while an outside part is not on the page yet, reads the whole page every settle poll, and stops once it is there', async () => {
    outside = { watch: [document.getElementById('positions')!], settled: false };
    start();
    await settle();
    clock.frame();
    expect(clock.intervalCount()).toBe(3); // value poll, low-rate read, settle poll
    clock.every(100);
    await settle();
    clock.frame();
    clock.every(100);
    await settle();
    clock.frame();
    expect(scopes).toEqual(['full', 'full', 'full']);
    outside = { watch: [document.getElementById('account')!, document.getElementById('positions')!], settled: true };
    clock.every(100); // this read finds everything: the poll ends
    await settle();
    clock.frame();
    expect(reads).toBe(4);
    expect(clock.intervalCount()).toBe(2);
    clock.every(100);
    await settle();
    expect(reads).toBe(4);
  });

  it('starts no settle poll while every outside part was found', async () => {
    start();
    await settle();
    expect(clock.intervalCount()).toBe(2);
    clock.every(100);
    await settle();
    expect(reads).toBe(1);
  });

  it('does not run the settle poll while the page is hidden', async () => {
    outside = { watch: [], settled: false };
    start();
    await settle();
    clock.frame();
    expect(document.visibilityState).toBe('visible');
    const own = Object.getOwnPropertyDescriptor(document, 'visibilityState');
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      clock.every(100);
      await settle();
      expect(reads).toBe(1);
    } finally {
      if (own) Object.defineProperty(document, 'visibilityState', own);
      else delete (document as { visibilityState?: unknown }).visibilityState;
    }
    expect(document.visibilityState).toBe('visible');
    clock.every(100);
    await settle();
    expect(reads).toBe(2);
  });

  it('stops listening and polling when stopped', async () => {
    start();
    await settle();
    clock.frame();
    watcher.stop();
    expect(clock.intervalCount()).toBe(0);
    const qty = document.getElementById('qty') as HTMLInputElement;
    qty.value = '9';
    qty.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(reads).toBe(1);
  });
});
