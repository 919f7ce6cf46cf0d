/**
 * Reading tab groups and tables the way every supported page draws them (src/adapters/README.md,
 * "Tables"): a tab's count as `Label(n)` or `Label (n)`, a header row whose cells name the columns,
 * rows as the header's following siblings with one cell per column.
 */
import { exactlyOne, textOf, visibleChildren, type VisibilityTest } from './dom';

/** The text pages show for a value they do not know (yet). */
export const MISSING_VALUE = '--';

const TAB_COUNT_RE = /^(.*?) ?\((\d+)\)$/;

/** A tab's label and the count it shows (null: no count shown, e.g. still loading or logged out). */
export function tabLabel(tab: Element): { label: string; count: number | null } {
  const text = textOf(tab);
  const m = TAB_COUNT_RE.exec(text);
  return m === null ? { label: text, count: null } : { label: m[1] as string, count: Number(m[2]) };
}

export type HeaderResult<K extends string> =
  | { kind: 'one'; header: Element; cellCount: number; column: Record<K, number> }
  | { kind: 'none' }
  | { kind: 'many'; count: number }
  | { kind: 'noColumn'; label: string };

/**
 * The one visible header row inside `scope`: an element whose children's texts include `anchors`,
 * then every wanted column located by its label. Text is compared before visibility, because
 * computed style is the expensive part on a busy page.
 */
export function findHeaderRow<K extends string>(
  scope: Element,
  columns: Record<K, string>,
  anchors: readonly string[],
  visible: VisibilityTest,
): HeaderResult<K> {
  const candidates = Array.from(scope.querySelectorAll('*')).filter((el) => {
    if (el.childElementCount < anchors.length) return false;
    const texts = Array.from(el.children, textOf);
    return anchors.every((a) => texts.includes(a)) && visible(el);
  });
  const one = exactlyOne(candidates);
  if (one.kind === 'none') return { kind: 'none' };
  if (one.kind === 'many') return { kind: 'many', count: one.count };
  const texts = visibleChildren(one.item, visible).map(textOf);
  const column = {} as Record<K, number>;
  for (const key of Object.keys(columns) as K[]) {
    const index = texts.indexOf(columns[key]);
    if (index < 0) return { kind: 'noColumn', label: columns[key] };
    column[key] = index;
  }
  return { kind: 'one', header: one.item, cellCount: texts.length, column };
}

/** The visible siblings after the header row, split into rows (matching `rowSelector`) and anything else. */
export function rowsAfterHeader(header: Element, rowSelector: string, visible: VisibilityTest): { rows: Element[]; others: number } {
  const siblings = visibleChildren(header.parentElement as Element, visible);
  const after = siblings.slice(siblings.indexOf(header) + 1);
  const rows = after.filter((el) => el.matches(rowSelector));
  return { rows, others: after.length - rows.length };
}
