/**
 * Where the fixed-position panel goes: beside the order form, never over it.
 * Pure geometry so it can be tested without a layout engine.
 */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Position {
  left: number;
  top: number;
  side: 'left' | 'right' | 'below' | 'corner';
}

const GAP = 8;

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}

/**
 * Prefer the side of the form with room for the whole panel (left first: exchanges put the order form
 * on the right edge), top-aligned with the form; else under the form; else the viewport's bottom-left
 * corner, which is away from a right-hand order form.
 */
export function placeBesideForm(form: Rect, panel: Size, viewport: Size): Position {
  const top = clamp(form.top, GAP, viewport.height - panel.height - GAP);
  if (form.left - GAP - panel.width >= 0) {
    return { left: form.left - GAP - panel.width, top, side: 'left' };
  }
  if (form.right + GAP + panel.width <= viewport.width) {
    return { left: form.right + GAP, top, side: 'right' };
  }
  if (form.bottom + GAP + panel.height <= viewport.height) {
    return { left: clamp(form.left, GAP, viewport.width - panel.width - GAP), top: form.bottom + GAP, side: 'below' };
  }
  return { left: GAP, top: Math.max(GAP, viewport.height - panel.height - GAP), side: 'corner' };
}
