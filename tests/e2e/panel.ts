/**
 * Reading the extension's panel from a test, through the open shadow root of #margin-lens-panel and the
 * attributes the panel promises to tests: every figure's data-field / data-value, the reason code of
 * each note (data-reason), and the inputs used as rows [data-input="<item>"].
 */
import type { Page } from 'puppeteer-core';
import { pollUntil } from '../support/poll';

export type Figures = Record<string, string>;

export interface PanelReading {
  present: boolean;
  /** 'ready' or 'pending' (the panel's data-state), '' when there is no panel. */
  state: string;
  figures: Figures;
  /** Reason codes of the notes that say why figures are missing, in panel order. */
  notes: string[];
  /** Reason codes of the assumptions listed. */
  assumptions: string[];
  /** data-input → the value cell's text, e.g. { quantity: '0.1 BTC', crossWallet: '10000 USDT' }. */
  inputs: Record<string, string>;
}

export async function readPanel(page: Page): Promise<PanelReading> {
  return page.evaluate(() => {
    const host = document.getElementById('margin-lens-panel');
    const shadow = host?.shadowRoot;
    if (!shadow) return { present: false, state: '', figures: {}, notes: [], assumptions: [], inputs: {} };
    const figures: Record<string, string> = {};
    for (const el of shadow.querySelectorAll('[data-field]')) {
      figures[el.getAttribute('data-field') ?? ''] = el.getAttribute('data-value') ?? '';
    }
    const codes = (selector: string) => [...shadow.querySelectorAll(selector)].map((el) => el.getAttribute('data-reason') ?? '');
    const inputs: Record<string, string> = {};
    for (const row of shadow.querySelectorAll('[data-input]')) {
      inputs[row.getAttribute('data-input') ?? ''] = row.querySelector('.input-value')?.textContent ?? '';
    }
    return {
      present: true,
      state: shadow.querySelector('.panel')?.getAttribute('data-state') ?? '',
      figures,
      notes: codes('[data-role="missing"] [data-reason]'),
      assumptions: codes('[data-role="assumptions"] [data-reason]'),
      inputs,
    };
  });
}

export function diffFigures(expected: Figures, actual: Figures): string[] {
  return Object.entries(expected)
    .filter(([field, value]) => actual[field] !== value)
    .map(([field, value]) => `${field}: expected ${value}, panel ${actual[field] ?? '(absent)'}`);
}

export interface PanelExpectation {
  timeoutMs?: number;
  /** Reason codes that must be among the notes. */
  notes?: string[];
  /** The notes must be exactly these codes (any order, each once); [] = no note at all. */
  onlyNotes?: string[];
  /** Inputs-used rows that must show these values. */
  inputs?: Record<string, string>;
}

/** What differs between a reading and the expectation ([] = it holds). */
export function panelDifferences(reading: PanelReading, expected: Figures, opts: PanelExpectation = {}): string[] {
  if (!reading.present) return ['no panel on the page'];
  const out = diffFigures(expected, reading.figures);
  if (reading.state !== 'ready') out.push(`panel state ${reading.state}`);
  for (const code of opts.notes ?? []) {
    if (!reading.notes.includes(code)) out.push(`no note with data-reason="${code}" (notes: ${JSON.stringify(reading.notes)})`);
  }
  if (opts.onlyNotes) {
    const want = [...opts.onlyNotes].sort();
    const have = [...new Set(reading.notes)].sort();
    if (JSON.stringify(want) !== JSON.stringify(have) || have.length !== reading.notes.length) {
      out.push(`notes ${JSON.stringify(reading.notes)}, expected exactly ${JSON.stringify(want)}`);
    }
  }
  for (const [item, value] of Object.entries(opts.inputs ?? {})) {
    if (reading.inputs[item] !== value) out.push(`input ${item}: expected ${JSON.stringify(value)}, panel ${JSON.stringify(reading.inputs[item] ?? '(absent)')}`);
  }
  return out;
}

/**
 * Polls the panel until every expected figure is shown (and the note and input checks hold).
 * Throws with the remaining differences on timeout.
 */
export async function waitForPanel(page: Page, expected: Figures, opts: PanelExpectation = {}): Promise<PanelReading> {
  return pollUntil(
    () => readPanel(page),
    (reading) => panelDifferences(reading, expected, opts).length === 0,
    (last) => panelDifferences(last, expected, opts).join('\n'),
    opts.timeoutMs ?? 15_000,
  );
}
