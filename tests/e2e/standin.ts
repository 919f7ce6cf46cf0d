/** Driving the Binance stand-in from a test, through its test API (tests may; the extension never does). */
import type { Page } from 'puppeteer-core';

interface StandinApi {
  write(field: string, text: string, notify: 'none' | 'input'): boolean;
  rerender(): void;
  navigate(symbol: string, order: string): Promise<void>;
}

export function standin(page: Page) {
  return {
    rerender: () => page.evaluate(() => (window as unknown as { __standin: StandinApi }).__standin.rerender()),
    navigate: (symbol: string, order: 'url-first' | 'form-first') =>
      page.evaluate((s, o) => (window as unknown as { __standin: StandinApi }).__standin.navigate(s, o), symbol, order),
  };
}

/** A page write through the stand-in's own code path (T1): native setter, no event. */
export async function pageWrite(page: Page, field: 'qty' | 'price', text: string): Promise<void> {
  const ok = await page.evaluate(
    (f, t) => (window as unknown as { __standin: StandinApi }).__standin.write(f, t, 'none'),
    field,
    text,
  );
  if (!ok) throw new Error(`the stand-in has no ${field} field to write`);
}

/**
 * Focuses the live quantity input with its text selected. The live input is found by a marker the
 * stand-in writes into it, because visible decoys share its id prefix (T11).
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

