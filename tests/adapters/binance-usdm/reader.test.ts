// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createBinanceReader, findBinanceFormRoot } from '../../src/adapters/binance/read';
import type { FormSnapshot } from '../../src/adapters/types';
import { attributeVisible, loadPage, urlFor } from './binance-fixture';

const opts = { isVisible: attributeVisible };
const wallet = (s: FormSnapshot) => s.walletBalance.value;

/** Rewrites the account panel's wallet balance text, as the page does when the balance moves. */
function setWalletText(text: string): void {
  const span = [...document.querySelectorAll('span')].find((el) => /^[\d,.]+ USDT$/.test(el.textContent ?? '') && el.previousElementSibling?.textContent === 'Wallet Balance');
  span!.textContent = text;
}

function setQuantity(value: string): void {
  (document.getElementById('unitAmount-38') as HTMLInputElement).value = value;
}

describe('createBinanceReader', () => {
  let url: string;
  const reader = () => createBinanceReader(document, () => url, opts);

  beforeEach(() => {
    url = urlFor();
    loadPage(document, { qty: '0.010', account: { walletBalance: '10,000.00 USDT' } });
  });

  it("reads the form afresh on a 'form' read but keeps the last account reading; a 'full' read refreshes it", () => {
    const r = reader();
    expect(wallet(r.read('full'))).toBe('10000.00');
    setWalletText('9,000.00 USDT');
    setQuantity('0.020');
    const typed = r.read('form');
    expect(typed.quantity.value).toBe('0.020');
    expect(wallet(typed)).toBe('10000.00');
    expect(wallet(r.read('full'))).toBe('9000.00');
  });

  it("reads the whole page on a 'form' read with nothing kept yet", () => {
    expect(wallet(reader().read('form'))).toBe('10000.00');
  });

  it('reads the whole page again when the form root was replaced (re-render)', () => {
    const r = reader();
    r.read('full');
    const root = findBinanceFormRoot(document, opts)!;
    root.replaceWith(root.cloneNode(true));
    setWalletText('9,000.00 USDT');
    expect(wallet(r.read('form'))).toBe('9000.00');
  });

  it('reads the whole page again when the address changed', () => {
    const r = reader();
    r.read('full');
    setWalletText('9,000.00 USDT');
    url = `${urlFor()}?type=limit`;
    expect(wallet(r.read('form'))).toBe('9000.00');
  });

  it('reads the whole page again when the login state changed in the same form', () => {
    const r = reader();
    r.read('full');
    const buttons = [...findBinanceFormRoot(document, opts)!.querySelectorAll('button')].filter((b) => /Long|Short/.test(b.textContent ?? ''));
    buttons[0]!.textContent = 'Log In';
    buttons[1]!.textContent = 'Register Now';
    setWalletText('9,000.00 USDT');
    const out = r.read('form');
    expect(out.loggedIn.value).toBe(false);
    expect(wallet(out)).toBe('9000.00');
  });
});
