import { describe, expect, it } from 'vitest';
import { placeBesideForm, type Rect } from './placement';

const viewport = { width: 1600, height: 900 };
const panel = { width: 300, height: 400 };
const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const asRect = (p: { left: number; top: number }): Rect => ({ left: p.left, top: p.top, right: p.left + panel.width, bottom: p.top + panel.height });

describe('placeBesideForm', () => {
  it('goes left of a right-hand form, top-aligned, without overlapping it', () => {
    const form = { left: 1280, top: 100, right: 1600, bottom: 800 };
    const at = placeBesideForm(form, panel, viewport);
    expect(at.side).toBe('left');
    expect(at.top).toBe(100);
    expect(overlaps(asRect(at), form)).toBe(false);
  });
  it('goes right of a left-hand form', () => {
    const form = { left: 0, top: 50, right: 320, bottom: 700 };
    const at = placeBesideForm(form, panel, viewport);
    expect(at.side).toBe('right');
    expect(overlaps(asRect(at), form)).toBe(false);
  });
  it('goes below a full-width form when neither side has room', () => {
    const form = { left: 0, top: 0, right: 1600, bottom: 300 };
    const at = placeBesideForm(form, panel, viewport);
    expect(at.side).toBe('below');
    expect(overlaps(asRect(at), form)).toBe(false);
  });
  it('stays inside the viewport when the form is scrolled partly out of view', () => {
    const form = { left: 1280, top: 700, right: 1600, bottom: 1500 };
    const at = placeBesideForm(form, panel, viewport);
    expect(at.top + panel.height).toBeLessThanOrEqual(viewport.height);
    expect(overlaps(asRect(at), form)).toBe(false);
  });
});
