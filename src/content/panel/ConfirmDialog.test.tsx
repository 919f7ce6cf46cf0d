// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConfirmView } from '../confirm';
import { CONFIRM_WINDOW_MS } from '../confirm';
import { judgeActivation } from '../verdict';
import { say } from '../../ui/text';
import { evaluatedBasis } from '../../../tests/support/verdict-basis';
import { mountPanel, PANEL_HOST_ID, type PanelHandle } from './mount';
import type { PanelView } from './Panel';

/** The engine's failures for a 20x order against a 10x limit, on both sides. */
function heldBothSides() {
  const verdict = judgeActivation(evaluatedBasis(), ['long', 'short']);
  if (verdict.kind !== 'stop') throw new Error('the fixture does not fail');
  return verdict.sides;
}

describe('ConfirmDialog on the panel', () => {
  let panel: PanelHandle;
  let onCancel: ReturnType<typeof vi.fn<() => void>>;
  let onReturn: ReturnType<typeof vi.fn<() => void>>;
  const shadow = () => document.getElementById(PANEL_HOST_ID)!.shadowRoot!;
  const dialog = () => shadow().querySelector<HTMLElement>('[role="alertdialog"]');
  const view = (confirm: ConfirmView | null, over: Partial<PanelView> = {}): PanelView => ({
    evaluation: evaluatedBasis().evaluation,
    reasons: null,
    pending: false,
    collapsed: false,
    notice: null,
    confirm,
    ...over,
  });
  const confirmView = (held = heldBothSides()): ConfirmView => ({ held, windowMs: CONFIRM_WINDOW_MS, onCancel, onReturn });

  beforeEach(() => {
    document.body.innerHTML = '<button id="buy" type="button">Buy/Long</button>';
    onCancel = vi.fn<() => void>();
    onReturn = vi.fn<() => void>();
    panel = mountPanel(document, () => {});
  });
  afterEach(() => {
    panel.remove();
    document.getElementById(PANEL_HOST_ID)?.remove();
  });

  it('is an alertdialog labelled and described by its own title and text, in the shadow root', () => {
    panel.update(view(confirmView()));
    const el = dialog()!;
    expect(el).toBeTruthy();
    expect(document.querySelector('[role="alertdialog"]')).toBeNull(); // nothing in the page's DOM
    const title = shadow().getElementById(el.getAttribute('aria-labelledby')!);
    const description = shadow().getElementById(el.getAttribute('aria-describedby')!);
    expect(title?.textContent?.length).toBeGreaterThan(10);
    expect(el.contains(title) && el.contains(description)).toBe(true);
    // Which limits fail, with their figures, per held side.
    for (const { side, failures } of heldBothSides()) {
      const section = description!.querySelector(`[data-confirm="pending"][data-side="${side}"]`)!;
      expect(section).toBeTruthy();
      for (const { mode, checks } of failures) {
        for (const check of checks) {
          const item = section.querySelector(`li[data-mode="${mode}"][data-limit="${check.limit}"]`)!;
          expect(item.getAttribute('data-reason')).toBe(check.reason.code);
          expect(item.textContent).toContain(say(check.reason));
        }
      }
    }
    expect(description!.textContent).toContain('5 s');
  });

  it('takes the focus when it opens (a screen reader reads it), on the button that submits nothing', () => {
    panel.update(view(confirmView()));
    expect(shadow().activeElement?.getAttribute('data-action')).toBe('cancel');
  });

  it('Escape and Cancel cancel; "Submit anyway" returns to the page\'s button; none reaches the page\'s key listeners', () => {
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    panel.update(view(confirmView()));
    dialog()!.querySelector('[data-action="cancel"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    (dialog()!.querySelector('[data-action="cancel"]') as HTMLButtonElement).click();
    expect(onCancel).toHaveBeenCalledTimes(2);
    (dialog()!.querySelector('[data-action="submit-anyway"]') as HTMLButtonElement).click();
    expect(onReturn).toHaveBeenCalledTimes(1);
    document.removeEventListener('keydown', pageKeys);
    expect(pageKeys).not.toHaveBeenCalled();
  });

  it('closing with the focus inside gives the focus back; closing with the focus on the page leaves it there', () => {
    panel.update(view(confirmView()));
    panel.update(view(null));
    expect(dialog()).toBeNull();
    expect(onReturn).toHaveBeenCalledTimes(1);
    panel.update(view(confirmView()));
    document.getElementById('buy')!.focus(); // the trader clicked the page's button again
    panel.update(view(null));
    expect(onReturn).toHaveBeenCalledTimes(1); // only the first close returned the focus
  });

  it('shows on a collapsed panel too, and one side\'s section goes when that side passes', () => {
    const [long, short] = heldBothSides();
    panel.update(view(confirmView([long!, short!]), { collapsed: true }));
    expect(dialog()).toBeTruthy();
    expect([...shadow().querySelectorAll('[data-confirm="pending"]')].map((el) => el.getAttribute('data-side'))).toEqual(['long', 'short']);
    panel.update(view(confirmView([short!]), { collapsed: true }));
    expect([...shadow().querySelectorAll('[data-confirm="pending"]')].map((el) => el.getAttribute('data-side'))).toEqual(['short']);
  });
});
