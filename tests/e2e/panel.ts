/**
 * Reading the extension's panel from a test: figures are read through the open shadow root of
 * #margin-lens-panel, by their data-field / data-value attributes (what the panel promises to tests).
 */
import type { Page } from 'puppeteer-core';

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls the panel until every expected figure is shown (and the text check, if any, holds).
 * Throws with the remaining differences on timeout; the timeout only bounds a wait, it asserts no speed.
 */
export async function waitForPanel(
  page: Page,
  expected: Figures,
  opts: { timeoutMs?: number; textIncludes?: string[] } = {},
): Promise<PanelReading> {
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  let last: PanelReading = { present: false, figures: {}, text: '' };
  for (;;) {
    last = await readPanel(page);
    const diffs = diffFigures(expected, last.figures);
    const missingText = (opts.textIncludes ?? []).filter((t) => !last.text.includes(t));
    if (last.present && diffs.length === 0 && missingText.length === 0) return last;
    if (Date.now() > deadline) {
      const problems = [
        ...(last.present ? [] : ['no panel on the page']),
        ...diffs,
        ...missingText.map((t) => `panel text lacks ${JSON.stringify(t)} (text: ${JSON.stringify(last.text.slice(0, 400))})`),
      ];
      throw new Error(problems.join('\n'));
    }
    await sleep(100);
  }
}
