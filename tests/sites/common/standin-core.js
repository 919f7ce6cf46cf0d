// The mechanics every stand-in's entry module (standin.js) shares (tests/sites/README.md: page traits, runtime
// API): page writes' notification, stale copies, parameter changes, the re-render clock, SPA navigation's two
// orders and back/forward, `apply()`'s parameter intake and late hydration. What a page renders and which
// parameters re-render it stay in the venue's standin.js.
import { hideElement } from './rng.js';
import { store } from './params.js';
import { givenInputText, reexpressValues } from './format.js';

/** Fields `write()` and `apply()` can write into the form. */
export const WRITE_KEYS = ['price', 'qty', 'tp', 'sl'];
/** `apply()` parameters that re-render the form (tests/sites/README.md: runtime API); a venue may add its own. */
export const FORM_KEYS = ['type', 'action', 'posmode', 'unit', 'auth', 'locale', 'numfmt', 'decoys', 'seed', 'quote'];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The notification style of one page write (tests/sites/README.md: writes without events). */
export function notifyMode(requested, events, beh) {
  if (requested === 'none' || requested === 'input') return requested;
  return events === 'mixed' ? beh.pick(['none', 'input']) : events;
}

/** Retire a re-rendered form root: removed, or with si-stale=1 hidden in place for 0–2 s (tests/sites/README.md: re-renders with stale copies). */
export function retire(old, { stale, stalehide, rng, beh }) {
  if (stale !== '1') return old.remove();
  hideElement(old, stalehide, rng);
  old.setAttribute('data-si-stale', '1');
  setTimeout(() => old.remove(), beh.int(0, 2000));
}

/** Set (or, at its default, drop) one explicit parameter and store them all. */
export function setParam(explicit, defaults, name, value) {
  if (value === '' || value === defaults[name]) delete explicit[name];
  else explicit[name] = value;
  store(explicit);
}

/** The si-rerender clock: clears `timer` and returns the new one (0 when `every` is 0). */
export function restartRerender(timer, every, rerender) {
  clearInterval(timer);
  return every > 0 ? setInterval(rerender, every) : 0;
}

/**
 * SPA navigation (tests/sites/README.md: SPA navigation): the URL and the form change 200–1500 ms apart, in the
 * `order` asked for, else si-nav's (`random` draws one).
 */
export async function navigateInOrder(order, { nav, beh, pushUrl, changeForm }) {
  let o = order === 'url-first' || order === 'form-first' ? order : nav;
  if (o === 'random') o = beh.pick(['url-first', 'form-first']);
  if (o === 'url-first') {
    pushUrl();
    await sleep(beh.int(200, 1500));
    changeForm();
  } else {
    changeForm();
    await sleep(beh.int(200, 1500));
    pushUrl();
  }
}

/**
 * Back/forward: the form follows the URL's symbol after the navigation delay, unless the URL moved on meanwhile.
 * `behaviour()` is the current behaviour stream (read at each event: it is seeded after this is set up, and
 * re-seeded by `apply({ seed })`); `symbolOf(pathname)` is the path's symbol (undefined: nothing to follow);
 * `onUrl(symbol)` runs at once.
 */
export function followHistory({ behaviour, symbolOf, onUrl = () => {}, changeForm }) {
  addEventListener('popstate', async () => {
    const sym = symbolOf(location.pathname);
    if (sym === undefined) return;
    onUrl(sym);
    await sleep(behaviour().int(200, 1500));
    if (symbolOf(location.pathname) === sym) changeForm(sym);
  });
}

/** `apply()`'s parameters, `si-` prefix optional, normalised; invalid ones and an empty seed dropped. */
export function givenParams(params, normalizeParam) {
  const given = {};
  for (const [rawKey, raw] of Object.entries(params ?? {})) {
    const name = rawKey.startsWith('si-') ? rawKey.slice(3) : rawKey;
    const v = normalizeParam(name, raw);
    if (v === null || (name === 'seed' && v === '')) continue;
    given[name] = v;
  }
  return given;
}

/**
 * `apply()`'s field writes, after any re-render: each given field as a page write (an empty TP/SL skipped while
 * the box is closed); `suffix(text)` lets a page append its unit to the quantity.
 */
export function writeGiven(given, { live, fmt, writeField, qtySuffix = (text) => text }) {
  for (const name of WRITE_KEYS) {
    if (!(name in given) || !live()) continue;
    if ((name === 'tp' || name === 'sl') && given[name] === '' && !live().refs.tp) continue;
    const text = givenInputText(given[name], fmt());
    writeField(name, name === 'qty' ? qtySuffix(text) : text);
  }
}

/** A promise and its resolver (`window.__standin.ready`). */
export function deferred() {
  let resolve;
  const promise = new Promise((r) => { resolve = r; });
  return { promise, resolve };
}

/**
 * Late hydration (tests/sites/README.md: late hydration): the form (with the header, the widgets and the re-render
 * clock), the panel and the account area (`page.bottom`, default `account`) each appear after their si-delay
 * (`rand`: 300–2500 ms each), marked in `page.arrived`; the account data then arrives in one task (`setLoaded`, the
 * form's texts, panel and area updated), after which `<html data-si-ready>` turns 1 and `page.ready` resolves.
 */
export function hydrate(page) {
  const { delay, beh } = page;
  const given = delay.split(',').map(Number);
  const delays = [0, 1, 2].map((i) => (delay === 'rand' ? beh.int(300, 2500) : given.length === 3 ? given[i] : given[0]));
  const parts = [
    ['form', () => {
      page.renderForm(page.initialValues());
      page.renderHeader();
      page.renderWidgets();
      page.restartRerender();
    }],
    ['panel', page.renderPanel],
    [page.bottom ?? 'account', page.renderBottom],
  ];
  const arrive = ([part, render], i) => new Promise((resolve) => setTimeout(() => {
    page.arrived[part] = true;
    render();
    resolve();
  }, delays[i]));
  Promise.all(parts.map(arrive)).then(() => setTimeout(() => {
    // The account data arrives in one task for form, panel and tables.
    page.setLoaded();
    page.updateFormTexts();
    page.renderPanel();
    page.renderBottom();
    document.documentElement.setAttribute('data-si-ready', '1');
    page.ready.resolve();
  }, 0));
}

/**
 * `window.__standin.apply(params)` (tests/sites/README.md: runtime API): store the given parameters, re-seed and
 * re-localise, switch the order type and the unit as the page's own switches do, re-render the form when a
 * `formKeys` parameter changed (else update its texts in place), then write the given fields as page writes.
 * `page` is the venue's side: its state accessors, renderers and the rules that differ (`resetsPrice(type)`:
 * a switch to `type` resets the price; `typeValues(type, values)`: what the switch keeps).
 */
export function applyParams(params, page) {
  const given = givenParams(params, page.normalizeParam);
  const oldFmt = page.fmt();
  const oldValues = page.live() ? page.readValues() : null;
  const writes = {};
  let formChange = false;

  for (const [name, v] of Object.entries(given)) {
    if (name === 'type' || name === 'unit') continue; // handled like the page's own switches below
    page.setParam(name, v);
    if (WRITE_KEYS.includes(name)) continue;
    page.bind(name, v);
    if (page.formKeys.includes(name)) formChange = true;
  }
  page.store();
  if ('seed' in given) page.reseed(given.seed);
  page.applyLocale();

  let values = oldValues && reexpressValues(oldValues, oldFmt, page.fmt(), { percent: page.percentUnit });

  if ('type' in given) {
    const type = given.type || page.defaults.type;
    if (type !== page.param('type') && page.resetsPrice(type) && !('price' in given)) writes.price = page.resetPrice();
    if (values && page.typeValues) values = page.typeValues(type, values);
    page.setParam('type', type);
    formChange = true;
  }
  if ('unit' in given) {
    const qty = page.switchUnit(given.unit || page.defaults.unit);
    if (qty !== null && !('qty' in given)) writes.qty = qty;
    formChange = true;
  }

  if (page.live() && formChange) page.renderForm(values, writes);
  else if (page.live()) page.updateFormTexts();
  if ('storm' in given) page.startStorm();
  if ('rerender' in given) page.restartRerender();
  page.renderOutsideForm();

  writeGiven(given, { live: page.live, fmt: page.fmt, writeField: page.writeField, qtySuffix: page.qtySuffix });
  return true;
}
