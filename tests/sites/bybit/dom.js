// Tiny element builder. Every element gets a fresh CSS-module-style class (a randomised hook,
// tests/sites/README.md: stable and randomised hooks); the stable classes are given as `class`.
import { moduleClass } from './rng.js';

/**
 * `h(tag, attrs, ...children)`. attrs: `class` adds static classes; `on<event>` adds listeners;
 * `style` is a cssText string; other keys become attributes (false/null/undefined skipped).
 * Children: nodes, strings (text nodes) and nested arrays; null/false skipped.
 */
export function makeBuilder(rng) {
  return function h(tag, attrs = {}, ...children) {
    const el = document.createElement(tag);
    el.className = [moduleClass(rng), attrs.class].filter(Boolean).join(' ');
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class' || v === null || v === undefined || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'style') el.style.cssText = v;
      else if (k === 'checked') el.checked = Boolean(v);
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
 * A page write (tests/sites/README.md: writes without events): set the value through the native setter,
 * as React does, then notify per `notify` ('none' | 'input'); the value attribute is never touched.
 */
export function pageWrite(input, text, notify) {
  nativeValueSetter.call(input, text);
  if (notify === 'input') {
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
}
