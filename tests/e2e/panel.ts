/**
 * Reading the extension's panel from a test: figures are read through the open shadow root of
 * #margin-lens-panel, by their data-field / data-value attributes (what the panel promises to tests).
 */
import type { Page } from 'puppeteer-core';
import { pollUntil } from './poll';

export type Figures = Record<string, string>;

export interface PanelReading {
  present: boolean;
  figures: Figures;
  text: string;
}

export async function readPanel(page: Page): Promise<PanelReading> {
  return page.evaluate(() => {
    const host = document.getElementById('margin-lens-panel');
    const shadow = host?.shadowRoot;
    if (!shadow) return { present: false, figures: {}, text: '' };
    const figures: Record<string, string> = {};
    for (const el of shadow.querySelectorAll('[data-field]')) {
      figures[el.getAttribute('data-field') ?? ''] = el.getAttribute('data-value') ?? '';
    }
    const panel = shadow.querySelector('.panel');
    return { present: true, figures, text: panel?.textContent ?? '' };
  });
}

export function diffFigures(expected: Figures, actual: Figures): string[] {
  return Object.entries(expected)
    .filter(([field, value]) => actual[field] !== value)
    .map(([field, value]) => `${field}: expected ${value}, panel ${actual[field] ?? '(absent)'}`);
}

/**
 * Polls the panel until every expected figure is shown (and the text check, if any, holds).
 * Throws with the remaining differences on timeout.
 */
export async function waitForPanel(
  page: Page,
  expected: Figures,
  opts: { timeoutMs?: number; textIncludes?: string[] } = {},
): Promise<PanelReading> {
  const missingText = (reading: PanelReading) => (opts.textIncludes ?? []).filter((t) => !reading.text.includes(t));
  return pollUntil(
    () => readPanel(page),
    (reading) => reading.present && diffFigures(expected, reading.figures).length === 0 && missingText(reading).length === 0,
    (last) =>
      [
        ...(last.present ? [] : ['no panel on the page']),
        ...diffFigures(expected, last.figures),
        ...missingText(last).map((t) => `panel text lacks ${JSON.stringify(t)} (text: ${JSON.stringify(last.text.slice(0, 400))})`),
      ].join('\n'),
    opts.timeoutMs ?? 15_000,
  );
}
