/** One end-to-end check: a name, and what it does with a page in one of the test browsers. */
import type { Page } from 'puppeteer-core';
import type { TestBrowser } from '../support/browsers';
import { diffFigures, type Figures } from './panel';

export interface CheckContext {
  browser: TestBrowser;
  page: Page;
  seed: number;
}

export interface BrowserCheck {
  name: string;
  run(ctx: CheckContext): Promise<void>;
  /** Runs after every other check of the browser (it leaves the browser unusable, e.g. removes the extension). */
  last?: true;
}

/** A check whose expectation could not tell two page states apart would pass on a broken extension. */
export function mustDiffer(a: Figures, b: Figures, what: string): void {
  if (diffFigures(a, b).length === 0) throw new Error(`the case cannot tell ${what} apart: the engine gives the same figures`);
}
