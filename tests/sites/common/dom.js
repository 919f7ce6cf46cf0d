// Tiny element builder and the page's own writes, shared by every stand-in. Each element gets the venue's
// fresh randomised classes (tests/sites/README.md: stable and randomised hooks); stable classes are given as `class`.

/**
 * `makeBuilder(rng, noise)` → `h(tag, attrs, ...children)`. `noise(rng, tag)` draws the element's randomised
 * classes ('' for none). attrs: `class` adds static classes; `on<event>` adds listeners; `style` is a cssText
 * string; `checked` and `prop:<name>` set properties; other keys become attributes (false/null/undefined skipped).
 * Children: nodes, strings (text nodes) and nested arrays; null/false skipped.
 */
export function makeBuilder(rng, noise) {
  return function h(tag, attrs = {}, ...children) {
    const el = document.createElement(tag);
    el.className = [noise(rng, tag), attrs.class].filter(Boolean).join(' ');
    if (!el.className) el.removeAttribute('class');
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class' || v === null || v === undefined || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'style') el.style.cssText = v;
      else if (k === 'checked') el.checked = Boolean(v);
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
 * A page write (tests/sites/README.md: writes without events): set the value through the native setter, as
 * React does, then notify per `notify` ('none' | 'input'); the value attribute is never touched.
 */
export function pageWrite(input, text, notify) {
  nativeValueSetter.call(input, text);
  if (notify === 'input') {
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
}
