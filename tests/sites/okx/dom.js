// Tiny element builder. Most elements get a fresh CSS-module class (a randomised hook, tests/sites/README.md:
// stable and randomised hooks); stable class tokens are given by the caller.
import { moduleClass } from './prng.js';

/**
 * `h(tag, attrs, ...children)`. attrs: `class` adds static classes; `on<event>` adds listeners; `style` is a
 * cssText string; `prop:<name>` sets a property; other keys become attributes (false/null/undefined skipped).
 * Children: nodes, strings (text nodes) and nested arrays; null/false skipped.
 */
export function makeBuilder(rng) {
  return function h(tag, attrs = {}, ...children) {
    const el = document.createElement(tag);
    // Table structure elements keep their own classes only (the row hook is a bare class list).
    const noise = !['tr', 'td', 'th', 'thead', 'tbody', 'table', 'input', 'span'].includes(tag) && rng() < 0.85;
    el.className = [noise ? moduleClass(rng) : '', attrs.class].filter(Boolean).join(' ');
    if (!el.className) el.removeAttribute('class');
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class' || v === null || v === undefined || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'style') el.style.cssText = v;
      else if (k.startsWith('prop:')) el[k.slice(5)] = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    appendAll(el, children);
    return el;
  };
}

function appendAll(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) appendAll(el, c);
    else el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** Set text only when it changed (in-place updates must not churn nodes). */
export function setText(el, text) {
  if (el && el.textContent !== text) el.textContent = text;
}

const nativeValueSetter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;

/**
 * A page write (tests/sites/README.md: writes without events): the value through the native setter, as React
 * does, then notify per `notify` ('none' | 'input'); the value attribute is never touched.
 */
export function pageWrite(input, text, notify) {
  nativeValueSetter.call(input, text);
  if (notify === 'input') {
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
}
