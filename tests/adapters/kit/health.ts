/**
 * The health run every adapter goes through on its stand-in: each hook the figures need is, in turn,
 * removed, duplicated, hidden and re-rendered (replaced by a fresh copy) on the live page. While it is
 * gone, doubled or hidden, no field that depends on it may be read, so no number resting on it can be
 * shown; what does not depend on it is still read (the change hit what it meant to); once the page has
 * loaded, a hook that is gone may be required to read as a broken selector; and the page drawn again
 * (the change undone, or the part re-rendered) is read as before. One test per hook and change.
 */
import { expect, it } from 'vitest';
import type { Field, FormSnapshot, SnapshotKey } from '../../../src/contracts/snapshot';
import { reason, type ItemCode } from '../../../src/contracts/reasons';
import { evaluateSnapshot } from '../../../src/background/evaluate';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { LOADING_GRACE_MS } from '../../../src/adapters/kit/reader';
import { brokenFields } from './expect';
import type { Params, Standin } from './standin';

export type Op = 'remove' | 'duplicate' | 'hide' | 'rerender';
export const OPS: readonly Op[] = ['remove', 'duplicate', 'hide', 'rerender'];

export interface Hook {
  name: string;
  /** A page expression for the hook's live element, over the venue's `helpers`. */
  find: string;
  /** The fields that depend on it: none of them may be read while it is gone, doubled or hidden. */
  fields: SnapshotKey[];
  /** Per change, the fields it takes down when they are others than `fields`. */
  fieldsFor?: Partial<Record<Op, SnapshotKey[]>>;
  /** Fields that must still be read after the change. */
  keeps?: SnapshotKey[];
  /** The changes that apply (default: all four). */
  ops?: readonly Op[];
  /** Per change, on the loaded page: fields whose reason is a broken selector, and the item it names. */
  broke?: Partial<Record<Op, { fields: SnapshotKey[]; item?: ItemCode }>>;
  /**
   * Which figures the change must take off the panel (with the spec's `panel`): all of them (a form,
   * price, quantity, leverage, mark or own-position hook), or the cross ones (an account or other-positions
   * hook). Not set: its fields feed no figure of the panel's (Max, say).
   */
  hides?: 'all' | 'cross';
  /** Which of the venue's `redraw` scripts draws the hook's page part anew (default: the change is undone). */
  part?: string;
}

export interface HealthSpec {
  /** `si-*` parameters of the page every run starts from. */
  params: Params;
  /** Page-side declarations the hooks' `find` expressions use (`root`, …) besides PAGE_HELPERS, evaluated per change. */
  helpers: string;
  /** Which reading the checks look at: the reader's own, or one past the loading grace. */
  read: 'now' | 'loaded';
  /** After the load: move the page's reader past the loading grace (its own reads then count as loaded). */
  pastGrace?: boolean;
  /** Scripts that draw a page part anew, by name (a hook's `part`). */
  redraw?: Record<string, string>;
  /** Also check the figures the background would let the panel show (`shownFigures`). */
  panel?: boolean;
  hooks: readonly Hook[];
}

/** The panel's figures for a snapshot: every value the background would let the panel show. */
export function shownFigures(s: FormSnapshot): string[] {
  const result = evaluateSnapshot(s, DEFAULT_SETTINGS);
  if ('unavailable' in result) return [];
  return result.evaluation.sides.flatMap((side) =>
    (['isolated', 'cross'] as const).flatMap((mode) =>
      Object.entries(side[mode]).flatMap(([key, f]) => (typeof f === 'object' && f !== null && 'kind' in f && f.kind === 'value' ? [`${side.side}.${mode}.${key}`] : []))));
}

/** The fields among `keys` that are read. */
export const readAmong = (s: FormSnapshot, keys: readonly SnapshotKey[]): SnapshotKey[] => keys.filter((k) => (s[k] as Field<unknown>).status === 'read');

/** In the page, for every venue's finders: the visibility test the adapters' README describes, the visible matches of a selector, an element's text. */
export const PAGE_HELPERS = `
  const vis = (el) => el.getClientRects().length > 0 && !el.closest('[hidden], [aria-hidden="true"]') && getComputedStyle(el).visibility === 'visible';
  const visAll = (sel, scope = document) => [...scope.querySelectorAll(sel)].filter(vis);
  const txt = (el) => el.textContent.replace(/\\s+/g, ' ').trim();`;

// In the page: the four changes and their undoing, on one element found by `window.__find(name)`.
const CHANGES = `
  const copy = (el) => {
    const clone = el.cloneNode(true);
    const from = [el, ...el.querySelectorAll('input')];
    const to = [clone, ...clone.querySelectorAll('input')];
    from.forEach((input, i) => { if (input instanceof HTMLInputElement) { to[i].value = input.value; to[i].checked = input.checked; } });
    return clone;
  };
  window.__change = (op, name) => {
    const h = (window.__changed ??= {});
    const el = op.startsWith('un') || op === 'restore' ? h.el : window.__find(name);
    if (!el) return false;
    if (op === 'remove') { h.el = el; h.parent = el.parentNode; h.next = el.nextSibling; el.remove(); }
    else if (op === 'restore') h.parent.insertBefore(el, h.next);
    else if (op === 'duplicate') { h.el = copy(el); el.after(h.el); }
    else if (op === 'unduplicate') el.remove();
    else if (op === 'hide') { h.el = el; el.style.setProperty('display', 'none'); }
    else if (op === 'unhide') el.style.removeProperty('display');
    else if (op === 'rerender') el.replaceWith(copy(el));
    return true;
  };
`;

const UNDO: Partial<Record<Op, string>> = { remove: 'restore', duplicate: 'unduplicate', hide: 'unhide' };
const done = (op: Op) => (op === 'hide' ? 'hidden' : op === 'rerender' ? 're-rendered' : `${op}d`);

/** Loads the health page and installs the finders and the changes (used by venue-specific health cases too). */
export async function openHealth(si: Standin, spec: HealthSpec, extra: Params = {}): Promise<void> {
  await si.open({ ...spec.params, ...extra });
  if (spec.pastGrace) {
    expect((await si.read()).form.status).toBe('read');
    await si.advance(LOADING_GRACE_MS);
  }
  await installFinders(si, spec);
  await si.page.evaluate(CHANGES);
}

/** (Re)defines `window.__find(name)` from the hooks and helpers as the page now is. */
async function installFinders(si: Standin, spec: HealthSpec): Promise<void> {
  const finders = spec.hooks.map((h) => `${JSON.stringify(h.name)}: () => (${h.find})`).join(',\n');
  await si.page.evaluate(`window.__find = (name) => { ${PAGE_HELPERS}; ${spec.helpers}; const f = {${finders}}; return f[name](); };`);
}

/** Applies a change to a hook on the live page; fails the test when the hook is not there. */
export async function change(si: Standin, spec: HealthSpec, name: string, op: Op | 'restore' | 'unduplicate' | 'unhide'): Promise<void> {
  await installFinders(si, spec);
  const found = await si.page.evaluate((o, n) => (window as unknown as { __change(o: string, n: string): boolean }).__change(o, n), op, name);
  expect(found, `${name} found on the page`).toBe(true);
}

export function healthCases(si: Standin, spec: HealthSpec): void {
  const read = () => (spec.read === 'loaded' ? si.readLoaded() : si.read());
  const cases = spec.hooks.flatMap((h) => (h.ops ?? OPS).map((op) => [`${h.name}: ${op}`, h, op] as const));

  it.each(cases)('%s', async (_name, h, op) => {
    const fields = h.fieldsFor?.[op] ?? h.fields;
    await openHealth(si, spec);
    const before = await read();
    // The intact page reads every one of them (so the check can fail).
    expect(readAmong(before, h.fields), 'all read on the intact page').toEqual(h.fields);
    expect(readAmong(before, fields), 'all read on the intact page').toEqual(fields);
    expect(brokenFields(await si.readLoaded()), 'broken on the intact page').toEqual([]);

    await change(si, spec, h.name, op);
    const after = await read();
    if (op === 'rerender') {
      // A fresh copy of the element is the same page: read as before.
      expect(readAmong(after, h.fields), 're-rendered').toEqual(h.fields);
      for (const key of h.fields) expect(after[key], `${key} re-rendered`).toEqual(before[key]);
      return;
    }
    expect(readAmong(after, fields), `read although ${h.name} was ${done(op)}`).toEqual([]);
    const keeps = h.keeps ?? [];
    expect(keeps.filter((k) => !readAmong(after, [k]).length), `not read any more after ${h.name} was ${done(op)}`).toEqual([]);
    const broke = h.broke?.[op];
    if (broke) {
      const loaded = await si.readLoaded();
      for (const key of broke.fields) {
        const why = (loaded[key] as Field<unknown>).why;
        if (broke.item) expect(why, `${key} once loaded`).toEqual(reason('page.selectorBroke', { item: broke.item }));
        else expect(why?.code, `${key} once loaded`).toBe('page.selectorBroke');
      }
    }
    if (spec.panel && h.hides) {
      // Nothing resting on the hook may reach the panel.
      const shown = shownFigures(after);
      if (h.hides === 'cross') expect(shown.filter((f) => f.includes('.cross.') && f.endsWith('liquidationPrice')), 'cross figures shown').toEqual([]);
      else expect(shown, 'figures shown').toEqual([]);
    }

    // The page drawn again (the change undone, or the part re-rendered with new nodes) is read again.
    if (h.part !== undefined) await si.page.evaluate(spec.redraw![h.part]!);
    else await change(si, spec, h.name, UNDO[op] as 'restore');
    expect(readAmong(await read(), fields), `not read after ${h.name} was ${done(op)} and drawn again`).toEqual(fields);
  });
}
