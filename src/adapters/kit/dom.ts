/**
 * Venue-neutral DOM helpers for adapters (the reading rules in src/adapters/README.md).
 * Pure reads: no writes, no timers, no events. Adapters pass `isVisible` around so tests
 * without layout (happy-dom) can inject their own visibility rule.
 */

export type VisibilityTest = (el: Element) => boolean;

/** Visible: has a client rect, no `hidden` / `aria-hidden="true"` on itself or an ancestor, computed visibility visible. */
export function isVisible(el: Element): boolean {
  if (el.getClientRects().length === 0) return false;
  if (el.closest('[hidden], [aria-hidden="true"]') !== null) return false;
  const view = el.ownerDocument.defaultView;
  if (view === null) return false;
  // Browsers compute visible | hidden | collapse; testing the two hidden values also works in DOMs without a UA stylesheet.
  const visibility = view.getComputedStyle(el).visibility;
  return visibility !== 'hidden' && visibility !== 'collapse';
}

/** An element's text: textContent with every whitespace run (incl. U+00A0) collapsed to one space, trimmed, NFC. */
export function collapseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().normalize('NFC');
}

export function textOf(el: Element): string {
  return collapseText(el.textContent ?? '');
}

/** Every visible match inside `scope` (never first-match: ids and classes repeat in stale and decoy copies). */
export function visibleAll(scope: ParentNode, selector: string, visible: VisibilityTest): Element[] {
  return Array.from(scope.querySelectorAll(selector)).filter(visible);
}

/** The element children of `parent` that are visible. */
export function visibleChildren(parent: Element, visible: VisibilityTest): Element[] {
  return Array.from(parent.children).filter(visible);
}

export type One<T> =
  | { kind: 'one'; item: T }
  | { kind: 'none' }
  | { kind: 'many'; count: number };

/** A single-value hook must match exactly once; none and several are both "can't read". */
export function exactlyOne<T>(items: readonly T[]): One<T> {
  if (items.length === 1) return { kind: 'one', item: items[0] as T };
  if (items.length === 0) return { kind: 'none' };
  return { kind: 'many', count: items.length };
}

export interface LabelValuePair {
  label: string;
  value: string;
  labelEl: Element;
  valueEl: Element;
}

/**
 * Label/value pairs inside `scope` whose label text is one of `labels`: a parent with exactly two visible
 * element children, the label first, the value second. Text is compared before visibility,
 * because computed style is the expensive part on a busy page.
 */
export function labelValuePairs(
  scope: ParentNode,
  labels: ReadonlySet<string>,
  visible: VisibilityTest,
  exclude?: (el: Element) => boolean,
): LabelValuePair[] {
  const pairs: LabelValuePair[] = [];
  const longest = Math.max(0, ...Array.from(labels, (l) => l.length));
  for (const el of Array.from(scope.querySelectorAll('*'))) {
    const parent = el.parentElement;
    // A label has its value after it; big subtrees cannot be a label (cheap checks before text and style).
    if (parent === null || el.nextElementSibling === null) continue;
    if ((el.textContent ?? '').length > longest * 4 + 32) continue;
    const label = textOf(el);
    if (!labels.has(label)) continue;
    if (exclude?.(el) === true) continue;
    const kids = visibleChildren(parent, visible);
    if (kids.length !== 2 || kids[0] !== el) continue;
    if (!visible(el)) continue;
    const valueEl = kids[1] as Element;
    pairs.push({ label, value: textOf(valueEl), labelEl: el, valueEl });
  }
  return pairs;
}

/** The nearest common ancestor of two elements (each counts as its own ancestor). */
export function commonAncestor(a: Element, b: Element): Element | null {
  for (let node: Element | null = a; node !== null; node = node.parentElement) {
    if (node.contains(b)) return node;
  }
  return null;
}
