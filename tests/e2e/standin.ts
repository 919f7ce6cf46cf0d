/**
 * Driving the Binance USDⓈ-M stand-in from a test, through its test API `window.__standin` or real
 * clicks (tests may; the extension never does). Trait names refer to tests/sites/README.md.
 */
import type { ElementHandle, Page } from 'puppeteer-core';

interface StandinApi {
  apply(params: Record<string, string | number>): boolean;
  write(field: string, text: string, notify: 'none' | 'input'): boolean;
  rerender(): void;
  navigate(symbol: string, order: string): Promise<void>;
  submits(): string[];
  ready: Promise<void>;
}

export function standin(page: Page) {
  return {
    rerender: () => page.evaluate(() => (window as unknown as { __standin: StandinApi }).__standin.rerender()),
    navigate: (symbol: string, order: 'url-first' | 'form-first') =>
      page.evaluate((s, o) => (window as unknown as { __standin: StandinApi }).__standin.navigate(s, o), symbol, order),
    /** Page parameters applied at run time (the account panel and lists are redrawn at once). */
    apply: (params: Record<string, string | number>) =>
      page.evaluate((p) => (window as unknown as { __standin: StandinApi }).__standin.apply(p), params),
    /** Resolves once the form, the account panel and the lists are in, with the account data. */
    ready: () => page.evaluate(() => (window as unknown as { __standin: StandinApi }).__standin.ready),
    /** The label keys of the submit clicks the page's own buttons received (README: runtime API, submits). */
    submits: () => page.evaluate(() => (window as unknown as { __standin: StandinApi }).__standin.submits()),
  };
}

/**
 * An in-page function source `(visible) => Element | null` that finds a venue's live form root as its
 * adapter's README says (decoys with the same labels sit outside it or hidden). `visible` is the test below.
 */
export type FormRootFinder = string;

const VISIBLE = `(el) => el.getClientRects().length > 0 && !el.closest('[hidden],[aria-hidden="true"]') && getComputedStyle(el).visibility === 'visible'`;

/**
 * The Binance USDⓈ-M form root (src/adapters/binance-usdm/README.md): the common ancestor of the visible
 * size input and the selected order-type tab.
 */
export const BINANCE_FORM_ROOT: FormRootFinder = `(visible) => {
  const qty = [...document.querySelectorAll('input[id^="unitAmount-"]')].filter(visible);
  const tab = [...document.querySelectorAll('[role="tab"][data-tab-key][aria-selected="true"]')].filter(visible);
  if (qty.length !== 1 || tab.length !== 1) return null;
  let root = qty[0];
  while (root && !root.contains(tab[0])) root = root.parentElement;
  return root;
}`;

/**
 * The one visible element of the live form root with exactly this text (a submit button, a tab, a
 * reduce-only box or its label), for a real mouse click.
 */
export async function formControl(page: Page, root: FormRootFinder, text: string): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle(`(() => {
    const visible = ${VISIBLE};
    const textOf = (el) => (el.textContent || '').replace(/\\s+/g, ' ').trim();
    const root = (${root})(visible);
    const hits = root ? [...root.querySelectorAll('button, [role="tab"], [role="checkbox"], label')].filter((el) => visible(el) && textOf(el) === ${JSON.stringify(text)}) : [];
    return hits.length === 1 ? hits[0] : null;
  })()`);
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) {
    await handle.dispose();
    throw new Error(`no single visible "${text}" in the live order form`);
  }
  return element;
}

/** The control with this text in the live Binance USDⓈ-M form (the demo's too). */
export function liveFormControl(page: Page, text: string): Promise<ElementHandle<Element>> {
  return formControl(page, BINANCE_FORM_ROOT, text);
}

/** Runs `code` on the live page's DOM (to make it lose or break a part, as a changed page would). */
export function onPage(page: Page, code: string): Promise<unknown> {
  return page.evaluate(code);
}

/**
 * Clicks a tab below the form by its label, count removed (`Positions(2)`, `Open positions (2)`), like a
 * trader would: the one visible element matching `tabs` (outside `outside`, when given) with that label.
 */
export async function clickTab(page: Page, tabs: string, label: string, outside?: string): Promise<void> {
  const clicked = await page.evaluate(
    (selector, want, not) => {
      const visible = (el: Element) => el.getClientRects().length > 0 && !el.closest('[hidden],[aria-hidden="true"]');
      const tab = [...document.querySelectorAll<HTMLElement>(selector)]
        .filter((t) => visible(t) && !(not && t.closest(not)))
        .find((t) => (t.textContent ?? '').replace(/\s*\(\d+\)$/, '').trim() === want);
      tab?.click();
      return tab !== undefined;
    },
    tabs,
    label,
    outside ?? '',
  );
  if (!clicked) throw new Error(`no tab "${label}" to click`);
}

/** A page write through the stand-in's own code path (README: writes without events): native setter, no event. */
export async function pageWrite(page: Page, field: 'qty' | 'price', text: string): Promise<void> {
  const ok = await page.evaluate(
    (f, t) => (window as unknown as { __standin: StandinApi }).__standin.write(f, t, 'none'),
    field,
    text,
  );
  if (!ok) throw new Error(`the stand-in has no ${field} field to write`);
}

/**
 * Clicks a tab of the account area (below the form) by its label, count removed, like a trader would:
 * the tab whose text starts with `label` in the visible tablist that has no order-type tabs.
 */
export async function clickAccountTab(page: Page, label: string): Promise<void> {
  const clicked = await page.evaluate((want) => {
    const visible = (el: Element) => el.getClientRects().length > 0 && !el.closest('[hidden],[aria-hidden="true"]');
    const lists = [...document.querySelectorAll('[role="tablist"]')].filter((l) => visible(l) && !l.querySelector('[data-tab-key]'));
    const tabs = lists.flatMap((l) => [...l.querySelectorAll<HTMLElement>('[role="tab"]')]);
    const tab = tabs.find((t) => (t.textContent ?? '').replace(/\(\d+\)$/, '').trim() === want);
    tab?.click();
    return tab ? tab.getAttribute('aria-selected') : null;
  }, label);
  if (clicked === null) throw new Error(`no account tab "${label}" to click`);
}

/** The aria-selected account tab's label (count removed), or null. */
export function selectedAccountTab(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const lists = [...document.querySelectorAll('[role="tablist"]')].filter((l) => l.getClientRects().length > 0 && !l.querySelector('[data-tab-key]'));
    const tab = lists.flatMap((l) => [...l.querySelectorAll('[role="tab"][aria-selected="true"]')])[0];
    return tab ? (tab.textContent ?? '').replace(/\(\d+\)$/, '').trim() : null;
  });
}

/**
 * Focuses the live quantity input with its text selected. The live input is found by a marker the
 * stand-in writes into it, because visible decoys share its id prefix (README: decoys).
 */
export async function focusQuantity(page: Page): Promise<void> {
  const marker = '0.987';
  await pageWrite(page, 'qty', marker);
  const focused = await page.evaluate((m) => {
    const input = [...document.querySelectorAll('input')].find(
      (i) => i.value === m && i.getClientRects().length > 0 && !i.closest('[hidden],[aria-hidden="true"]'),
    );
    if (!input) return false;
    input.focus();
    input.select();
    return true;
  }, marker);
  if (!focused) throw new Error('no visible quantity input to type into');
}

/** Replaces the quantity by real key presses. */
export async function typeQuantity(page: Page, text: string): Promise<void> {
  await focusQuantity(page);
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}
