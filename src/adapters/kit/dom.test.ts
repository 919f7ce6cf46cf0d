// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collapseText, commonAncestor, exactlyOne, isVisible, labelValuePairs, textOf, visibleAll } from './dom';

const html = (markup: string): void => {
  document.body.innerHTML = markup;
};
const byId = (id: string): Element => document.querySelector(`[data-t="${id}"]`) as Element;
const notHiddenAttr = (el: Element): boolean => el.closest('[hidden], [aria-hidden="true"]') === null;

afterEach(() => vi.restoreAllMocks());

describe('isVisible (R5)', () => {
  // happy-dom has no layout: give every element one client rect unless it sits under display:none.
  const withRects = (): void => {
    vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(function (this: Element) {
      const hiddenByDisplay = this.closest('[style*="display: none"], [style*="display:none"]') !== null;
      return (hiddenByDisplay ? [] : [{}]) as unknown as DOMRectList;
    });
  };

  it('is true for a plain element and false for each of the four hiding methods', () => {
    withRects();
    html(`<span data-t="plain">a</span>
      <div style="display:none"><span data-t="display">b</span></div>
      <div hidden><span data-t="hidden">c</span></div>
      <div aria-hidden="true"><span data-t="aria">d</span></div>
      <div style="visibility:hidden"><span data-t="visibility">e</span></div>
      <div style="opacity:0"><span data-t="opacity">f</span></div>`);
    expect(isVisible(byId('plain'))).toBe(true);
    expect(isVisible(byId('display'))).toBe(false);
    expect(isVisible(byId('hidden'))).toBe(false);
    expect(isVisible(byId('aria'))).toBe(false);
    expect(isVisible(byId('visibility'))).toBe(false);
    // opacity does not hide (R5)
    expect(isVisible(byId('opacity'))).toBe(true);
  });

  it('needs a client rect', () => {
    vi.spyOn(Element.prototype, 'getClientRects').mockReturnValue([] as unknown as DOMRectList);
    html('<span data-t="x">x</span>');
    expect(isVisible(byId('x'))).toBe(false);
  });
});

describe('textOf (R2)', () => {
  it('collapses whitespace incl. NBSP and trims', () => {
    html('<div data-t="x">  8,000.00\u00a0\n USDT </div>');
    expect(textOf(byId('x'))).toBe('8,000.00 USDT');
  });
  it('normalises to NFC', () => {
    expect(collapseText('Pre\u0063\u0327o')).toBe('Preço'.normalize('NFC'));
    expect(collapseText('Pre\u0063\u0327o')).toBe('Pre\u00e7o');
  });
});

describe('visibleAll, exactlyOne, commonAncestor', () => {
  it('returns every visible match in scope', () => {
    html('<div data-t="s"><i class="a"></i><i class="a" hidden></i><i class="a"></i></div><i class="a"></i>');
    expect(visibleAll(byId('s'), '.a', notHiddenAttr)).toHaveLength(2);
  });
  it('exactlyOne distinguishes none, one and many', () => {
    expect(exactlyOne([])).toEqual({ kind: 'none' });
    expect(exactlyOne([1])).toEqual({ kind: 'one', item: 1 });
    expect(exactlyOne([1, 2])).toEqual({ kind: 'many', count: 2 });
  });
  it('finds the nearest common ancestor', () => {
    html('<div data-t="r"><p><b data-t="a"></b></p><p><b data-t="b"></b></p></div>');
    expect(commonAncestor(byId('a'), byId('b'))).toBe(byId('r'));
    expect(commonAncestor(byId('a'), byId('a'))).toBe(byId('a'));
  });
});

describe('labelValuePairs (P1)', () => {
  it('takes parents with exactly two visible element children, the label first', () => {
    html(`<div data-t="scope">
      <div><span>Avbl</span><span> 8,000.00  USDT</span></div>
      <div><span>1.00 USDT</span><span>Avbl</span></div>
      <div><span>Avbl</span><span>2</span><span>3</span></div>
      <div><span>Avbl</span><span hidden>x</span><span>4.00 USDT</span></div>
      <div><span>Mark</span><span>61,000.0</span></div>
    </div>`);
    const pairs = labelValuePairs(byId('scope'), new Set(['Avbl']), notHiddenAttr);
    expect(pairs.map((p) => p.value)).toEqual(['8,000.00 USDT', '4.00 USDT']);
  });
  it('skips hidden labels and excluded subtrees', () => {
    html(`<div data-t="scope"><div hidden><div><span>Avbl</span><span>1</span></div></div>
      <div class="x"><div><span>Avbl</span><span>2</span></div></div></div>`);
    const pairs = labelValuePairs(byId('scope'), new Set(['Avbl']), notHiddenAttr, (el) => el.closest('.x') !== null);
    expect(pairs).toEqual([]);
  });
});
