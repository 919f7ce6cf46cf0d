// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FormSnapshot } from '../contracts/snapshot';
import type { Evaluation } from '../contracts/evaluation';
import type { EvaluateResult, PanelState, RouterError } from '../contracts/messages';
import { reason } from '../contracts/reasons';
import { unavailableEvaluation } from '../ui/placeholder';
import { buildSnapshot, missing, read } from '../../tests/support/snapshots';
import { startController, type Controller } from './controller';
import type { PanelView } from './panel/Panel';

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const NO_FORM = reason('page.notFound', { item: 'orderForm' });
const snapshot = (qty: string, form: 'read' | 'missing' = 'read'): FormSnapshot =>
  buildSnapshot({ quantity: read(qty) }, form === 'read' ? {} : { form: missing(NO_FORM) });

function evaluationFor(qty: string): Evaluation {
  const e = unavailableEvaluation(reason('figure.notComputable'), { symbol: 'BTCUSDT', quoteAsset: 'USDT' });
  e.inputs = [{ item: 'quantity', value: qty, source: 'orderForm' }];
  return e;
}

describe('startController', () => {
  let current: FormSnapshot;
  let replies: Array<{ qty: string; resolve: (r: EvaluateResult | RouterError) => void }>;
  let views: PanelView[];
  let removed: boolean;
  let pendingMarks: number;
  let orphaned: boolean;
  let controller: Controller;
  let frames: Array<() => void>;
  let panelState: PanelState;
  /** Runs the animation frame the watcher asked for, so its next trigger reads at once. */
  const nextFrame = () => {
    const due = frames;
    frames = [];
    due.forEach((cb) => cb());
  };
  const typeInForm = async (qty: string) => {
    nextFrame();
    current = snapshot(qty);
    document.querySelector('input')!.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
  };

  beforeEach(() => {
    document.body.innerHTML = '<form id="root"><input></form>';
    current = snapshot('0.1');
    replies = [];
    views = [];
    removed = false;
    pendingMarks = 0;
    orphaned = false;
    frames = [];
    panelState = { collapsed: false, preSubmitCheck: 'warn', theme: 'auto', enabled: true, notice: null };
    controller = startController(makeDeps());
  });
  afterEach(() => controller.stop());

  const makeDeps = (): Parameters<typeof startController>[0] => ({
    doc: document,
    source: {
      findRoot: () => document.getElementById('root'),
      read: () => current,
      outsideParts: () => ({ watch: [], settled: true }),
      submitControls: () => ({ long: [], short: [] }),
    },
    evaluate: (s) =>
      new Promise((resolve) => replies.push({ qty: (s.quantity.value as string) ?? '', resolve })),
    loadPanelState: async () => ({ panel: panelState }),
    saveCollapsed: async () => ({}),
    isOrphaned: () => orphaned,
    mountPanel: () => ({
      update: (v) => void views.push(v),
      markPending: () => void pendingMarks++,
      place: () => {},
      remove: () => void (removed = true),
    }),
    timing: { requestFrame: (cb) => void frames.push(cb), setInterval: () => 0, clearInterval: () => {}, pollMs: 250, fullReadMs: 1000, settlePollMs: 100 },
    retryMs: 0,
  });

  const last = () => views.at(-1)!;
  const shownQty = () => last().evaluation?.inputs[0]?.value;

  it('mounts the panel as "updating", flags it pending at once on a change, renders "updating" in the next frame, then the newest reply', async () => {
    await settle();
    expect(pendingMarks).toBe(0); // mounted once the settings say this venue is on, already showing "updating"
    expect(last().pending).toBe(true);
    replies[0]!.resolve({ evaluation: evaluationFor('0.1') });
    await settle();
    expect(last().pending).toBe(false);
    expect(shownQty()).toBe('0.1');

    await typeInForm('0.2');
    expect(pendingMarks).toBe(1); // flagged in the same task as the change
    nextFrame();
    expect(last().pending).toBe(true); // the 0.1 figures are not painted again
    expect(replies.map((r) => r.qty)).toEqual(['0.1', '0.2']);
  });

  it('renders no "updating" state when the reply comes back before the next frame', async () => {
    await settle();
    replies[0]!.resolve({ evaluation: evaluationFor('0.1') });
    await settle();
    await typeInForm('0.2');
    const rendered = views.length;
    replies[1]!.resolve({ evaluation: evaluationFor('0.2') });
    await settle();
    nextFrame();
    expect(views.slice(rendered).map((v) => v.pending)).toEqual([false]);
    expect(shownQty()).toBe('0.2');
  });

  it('drops a late reply to an older snapshot', async () => {
    await settle();
    // Two requests out: answer the newer first, then the older.
    const first = replies[0]!;
    await typeInForm('0.5');
    replies[1]!.resolve({ evaluation: evaluationFor('0.5') });
    await settle();
    first.resolve({ evaluation: evaluationFor('0.1') });
    await settle();
    expect(shownQty()).toBe('0.5');
    expect(last().pending).toBe(false);
  });

  it('shows the reasons instead of figures when the background says unavailable', async () => {
    await settle();
    const cantRead = reason('evaluate.cantRead', { item: 'quantity', cause: reason('page.empty', { item: 'quantity' }) });
    const noLeverage = reason('evaluate.cantRead', { item: 'leverage', cause: reason('page.notFound', { item: 'leverageButton' }) });
    replies[0]!.resolve({ unavailable: [cantRead, noLeverage] });
    await settle();
    const figure = last().evaluation!.sides[0]!.isolated.liquidationPrice;
    expect(figure).toEqual({ kind: 'unavailable', reason: cantRead });
    expect(last().reasons).toEqual([cantRead, noLeverage]);
  });

  it('says the background did not answer (a reason with the detail) and asks again', async () => {
    await settle();
    replies[0]!.resolve({ error: 'refused: test' });
    await settle();
    expect(last().reasons).toEqual([reason('background.unreachable', { detail: 'refused: test' })]);
    await settle(); // retryMs 0
    expect(replies).toHaveLength(2);
  });

  it('hands the corrupted-settings notice from the background to the panel', async () => {
    controller.stop();
    views = [];
    const notice = reason('settings.reset', { cause: reason('settings.notObject') });
    panelState = { collapsed: true, preSubmitCheck: 'warn', theme: 'auto', enabled: true, notice };
    controller = startController(makeDeps());
    await settle();
    expect(last()).toMatchObject({ notice, collapsed: true });
  });

  it('mounts no panel while there is no form', async () => {
    controller.stop();
    views = [];
    current = snapshot('0.1', 'missing');
    controller = startController(makeDeps());
    await settle();
    expect(views).toEqual([]);
    expect(replies).toHaveLength(1); // the earlier controller's request only
  });

  it('removes the panel and stops when the extension context is gone', async () => {
    await settle();
    orphaned = true;
    replies[0]!.resolve({ error: 'could not reach the background: Extension context invalidated.' });
    await settle();
    expect(removed).toBe(true);
  });
});
