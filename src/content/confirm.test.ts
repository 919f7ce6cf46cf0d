// @vitest-environment happy-dom
/**
 * The confirm step's listeners on a fake form, with real dispatched events: whether the page's own
 * listeners ran, and whether the default action was prevented.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SubmitControls } from '../adapters/adapter';
import { buildSnapshot, read } from '../../tests/support/snapshots';
import { evaluatedBasis } from '../../tests/support/verdict-basis';
import { CONFIRM_WINDOW_MS, createConfirmStep, startConfirm, type ConfirmDeps, type ConfirmView } from './confirm';
import type { VerdictBasis } from './verdict';

/** Both sides fail (20x against a 10x limit). */
const FAILING = evaluatedBasis();
/** An existing 0.5 long: a 0.1 order on the short button only reduces it; the long button adds (fails). */
const SHORT_REDUCES = evaluatedBasis({ order: { quantity: '0.1' }, account: { existing: [{ side: 'long', size: '0.5', entryPrice: '60000', mode: 'cross' }] } });

describe('the confirm step on the page', () => {
  let buy: HTMLButtonElement;
  let sell: HTMLButtonElement;
  let qty: HTMLInputElement;
  let controls: SubmitControls;
  let basis: VerdictBasis;
  let shown: ConfirmView | null;
  /** What the page's own listeners received: the button's and a capture listener on the document. */
  let pageGot: string[];
  let running: AbortController;

  const deps = (): ConfirmDeps => ({
    doc: document,
    controls: () => controls,
    formRoot: () => document.getElementById('root'),
    basis: () => basis,
    show: (view) => void (shown = view),
  });

  const pageListener = (event: Event) => {
    const target = event.target as Element;
    pageGot.push(`${event.type} ${target.id || target.tagName.toLowerCase()}`);
  };

  const click = (el: Element) => {
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    el.dispatchEvent(event);
    return event;
  };
  const enter = (el: Element, init: KeyboardEventInit = {}) => {
    const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, composed: true, ...init });
    el.dispatchEvent(event);
    return event;
  };
  const heldSides = () => shown?.held.map((h) => h.side) ?? [];

  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = `
      <div id="root">
        <input id="qty">
        <div><button id="buy" type="button"><span id="buy-label">Buy/Long</span></button></div>
        <div><button id="sell" type="button">Sell/Short</button></div>
      </div>
      <button id="decoy" type="button">Buy/Long</button>`;
    buy = document.getElementById('buy') as HTMLButtonElement;
    sell = document.getElementById('sell') as HTMLButtonElement;
    qty = document.getElementById('qty') as HTMLInputElement;
    controls = { long: [buy], short: [sell] };
    basis = FAILING;
    shown = null;
    pageGot = [];
    // The page's listeners, registered before the content script runs: on the buttons, and a capture
    // listener on the document (the earliest a page usually listens).
    for (const el of [buy, sell, qty, document.getElementById('decoy')!]) {
      el.addEventListener('click', pageListener);
      el.addEventListener('keydown', pageListener);
    }
    document.addEventListener('click', pageListener, true);
    running = new AbortController();
    startConfirm(deps(), running.signal);
  });

  afterEach(() => {
    running.abort();
    document.removeEventListener('click', pageListener, true);
    vi.useRealTimers();
  });

  it('holds back a click that fails, before any page listener, and shows which limits fail', () => {
    const event = click(buy);
    expect(event.defaultPrevented).toBe(true);
    expect(pageGot).toEqual([]);
    expect(heldSides()).toEqual(['long']);
    expect(shown!.held[0]!.failures).toEqual([
      { mode: 'cross', checks: [expect.objectContaining({ limit: 'maxLeverage', status: 'fail', reason: expect.objectContaining({ code: 'limit.maxLeverage' }) })] },
    ]);
    expect(shown!.windowMs).toBe(CONFIRM_WINDOW_MS);
  });

  it('judges a click on an element inside the button', () => {
    expect(click(document.getElementById('buy-label')!).defaultPrevented).toBe(true);
    expect(pageGot).toEqual([]);
  });

  it('lets the second click of that side through untouched within the window, and clears the hold', () => {
    click(buy);
    vi.advanceTimersByTime(CONFIRM_WINDOW_MS - 1);
    const second = click(buy);
    expect(second.defaultPrevented).toBe(false);
    expect(pageGot).toEqual(['click buy', 'click buy']); // the document capture listener, then the button's
    expect(shown).toBeNull();
    // The window is used up: the next click (a task later) is judged afresh.
    vi.advanceTimersByTime(1);
    expect(click(buy).defaultPrevented).toBe(true);
  });

  it('after the window the hold clears by itself, and a later click is judged afresh', () => {
    click(buy);
    vi.advanceTimersByTime(CONFIRM_WINDOW_MS);
    expect(shown).toBeNull();
    expect(click(buy).defaultPrevented).toBe(true);
    expect(pageGot).toEqual([]);
    expect(heldSides()).toEqual(['long']);
  });

  it('judges the other side on its own: its click is held too, and each window belongs to its side', () => {
    click(buy);
    expect(click(sell).defaultPrevented).toBe(true);
    expect(heldSides()).toEqual(['long', 'short']);
    expect(click(sell).defaultPrevented).toBe(false);
    expect(heldSides()).toEqual(['long']);
    expect(click(buy).defaultPrevented).toBe(false);
    expect(shown).toBeNull();
    expect(pageGot).toEqual(['click sell', 'click sell', 'click buy', 'click buy']);
  });

  it('a held side does not let the other side through: the other is judged (and passes when it only reduces)', () => {
    basis = SHORT_REDUCES;
    expect(click(buy).defaultPrevented).toBe(true);
    expect(click(sell).defaultPrevented).toBe(false);
    expect(heldSides()).toEqual(['long']); // the long window is still open
    expect(pageGot).toEqual(['click sell', 'click sell']);
  });

  it('never holds a reduce-only order, the hedge Close tab, a pending or an unevaluable form', () => {
    const cases: VerdictBasis[] = [
      evaluatedBasis({ account: { reduceOnly: true } }, buildSnapshot({ reduceOnly: read(true) })),
      evaluatedBasis({ top: { positionMode: 'hedge', action: 'close' } }, buildSnapshot({ positionMode: read('hedge' as const), action: read('close' as const) })),
      { kind: 'pending' },
      { kind: 'unevaluable' },
    ];
    for (const c of cases) {
      basis = c;
      expect(click(buy).defaultPrevented).toBe(false);
    }
    expect(pageGot).toHaveLength(2 * cases.length);
    expect(shown).toBeNull();
  });

  it('ignores buttons that are not the form\'s own (a decoy with the same label)', () => {
    expect(click(document.getElementById('decoy')!).defaultPrevented).toBe(false);
    expect(pageGot).toEqual(['click decoy', 'click decoy']);
  });

  it('a re-rendered button: the next read\'s controls are used, and the window belongs to the side', () => {
    click(buy);
    const fresh = buy.cloneNode(true) as HTMLButtonElement;
    fresh.addEventListener('click', pageListener);
    buy.replaceWith(fresh);
    controls = { long: [fresh], short: [sell] };
    expect(click(fresh).defaultPrevented).toBe(false);
    expect(pageGot).toEqual(['click buy', 'click buy']);
    expect(shown).toBeNull();
  });

  describe('Enter', () => {
    it('in a field of a form with a button per side: held when both sides fail, both windows open', () => {
      const event = enter(qty);
      expect(event.defaultPrevented).toBe(true);
      expect(pageGot).toEqual([]);
      expect(heldSides()).toEqual(['long', 'short']);
      // Enter again: passes, and so does the click the browser makes of it on the default button.
      expect(enter(qty).defaultPrevented).toBe(false);
      expect(click(buy).defaultPrevented).toBe(false);
      expect(shown).toBeNull();
      expect(pageGot).toEqual(['keydown qty', 'click buy', 'click buy']);
      vi.runOnlyPendingTimers();
      expect(click(buy).defaultPrevented).toBe(true); // judged afresh after that task
    });

    it('in a field: passes when either side would pass (the side it submits is not known)', () => {
      basis = SHORT_REDUCES;
      expect(enter(qty).defaultPrevented).toBe(false);
      expect(pageGot).toEqual(['keydown qty']);
    });

    it('in a form that submits one side: judged as that side', () => {
      basis = { ...FAILING, snapshot: buildSnapshot({ sides: read(['short'] as ('long' | 'short')[]) }) };
      expect(enter(qty).defaultPrevented).toBe(true);
      expect(heldSides()).toEqual(['short']);
    });

    it('on a native button: left to the click the browser makes of it', () => {
      expect(enter(buy).defaultPrevented).toBe(false);
      expect(pageGot).toEqual(['keydown buy']);
      expect(click(buy).defaultPrevented).toBe(true);
    });

    it('on a control that is not a native button: judged on the key', () => {
      const div = document.createElement('div');
      div.setAttribute('role', 'button');
      div.addEventListener('keydown', pageListener);
      document.getElementById('root')!.append(div);
      controls = { long: [buy], short: [div] };
      expect(enter(div).defaultPrevented).toBe(true);
      expect(heldSides()).toEqual(['short']);
      expect(pageGot).toEqual([]);
    });

    it('a held-down key: its repeats are held with it (no second activation)', () => {
      click(buy);
      expect(enter(buy, { repeat: true }).defaultPrevented).toBe(true);
      expect(heldSides()).toEqual(['long']);
      expect(pageGot).toEqual([]);
    });

    it('ignores Enter outside the form, while composing text, and other keys', () => {
      const outside = document.getElementById('decoy')!;
      expect(enter(outside).defaultPrevented).toBe(false);
      expect(enter(qty, { isComposing: true }).defaultPrevented).toBe(false);
      const other = new KeyboardEvent('keydown', { key: 'a', bubbles: true, cancelable: true });
      qty.dispatchEvent(other);
      expect(other.defaultPrevented).toBe(false);
      expect(shown).toBeNull();
    });
  });

  it('Cancel forgets the hold: the next click is judged afresh', () => {
    click(buy);
    shown!.onCancel();
    expect(shown).toBeNull();
    expect(click(buy).defaultPrevented).toBe(true);
  });

  it('"Submit anyway" only moves the focus back to the held button; it never clicks it', () => {
    click(buy);
    shown!.onReturn();
    expect(document.activeElement).toBe(buy);
    expect(pageGot).toEqual([]);
    expect(heldSides()).toEqual(['long']);
    // The button re-rendered meanwhile: the side's current button gets the focus.
    const fresh = buy.cloneNode(true) as HTMLButtonElement;
    buy.replaceWith(fresh);
    controls = { long: [fresh], short: [sell] };
    qty.focus();
    shown!.onReturn();
    expect(document.activeElement).toBe(fresh);
  });

  it('the abort removes every listener, every timer and the dialog', () => {
    click(buy);
    running.abort();
    expect(shown).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    expect(click(buy).defaultPrevented).toBe(false);
    expect(enter(qty).defaultPrevented).toBe(false);
    expect(pageGot).toEqual(['click buy', 'click buy', 'keydown qty']);
  });
});

describe('createConfirmStep: it follows the pre-submit check setting', () => {
  let shown: ConfirmView | null;
  let button: HTMLButtonElement;
  const step = () =>
    createConfirmStep({
      doc: document,
      controls: () => ({ long: [button], short: [] }),
      formRoot: () => document.body,
      basis: () => evaluatedBasis(),
      show: (view) => void (shown = view),
    });
  const held = () => {
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    button.dispatchEvent(event);
    return event.defaultPrevented;
  };

  beforeEach(() => {
    document.body.innerHTML = '<button type="button">Buy/Long</button>';
    button = document.querySelector('button')!;
    shown = null;
  });

  it('off and warn never stop; confirm on a disabled venue never stops', () => {
    const confirm = step();
    for (const [check, enabled] of [['off', true], ['warn', true], ['confirm', false]] as const) {
      confirm.follow(check, enabled);
      expect(held(), `${check} ${enabled}`).toBe(false);
    }
    confirm.stop();
  });

  it('switched to confirm live, it holds; switched away, the dialog goes and nothing is held', () => {
    const confirm = step();
    confirm.follow('warn', true);
    confirm.follow('confirm', true);
    confirm.follow('confirm', true); // the same setting again: still one set of listeners
    expect(held()).toBe(true);
    expect(shown?.held.map((h) => h.side)).toEqual(['long']);
    confirm.follow('warn', true);
    expect(shown).toBeNull();
    expect(held()).toBe(false);
    confirm.follow('confirm', true);
    expect(held()).toBe(true);
    confirm.stop();
    expect(shown).toBeNull();
    expect(held()).toBe(false);
  });

  it('reset (SPA navigation) drops the hold: the next click is judged afresh', () => {
    const confirm = step();
    confirm.follow('confirm', true);
    expect(held()).toBe(true);
    confirm.reset();
    expect(shown).toBeNull();
    expect(held()).toBe(true);
    confirm.stop();
  });
});
