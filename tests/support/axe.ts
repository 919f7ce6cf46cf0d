/**
 * axe-core in a test page: the library is evaluated in the page (no script tag, so extension pages'
 * content security policy does not stand in the way) and run on the whole document or one element;
 * open shadow roots (the panel) are included by axe itself.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** The CSS paths of the offending elements (a path into a shadow root is a list). */
  targets: string[];
}

/** Every WCAG 2.1 A/AA violation axe finds in the page, or inside the element `selector` names. */
export async function axeViolations(page: Page, selector?: string): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(context ?? document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n: { target: unknown }) => JSON.stringify(n.target)),
    }));
  }, selector ?? null);
}

/** Throws with every violation listed, so a failing check says what to fix. */
export async function expectNoAxeViolations(page: Page, what: string, selector?: string): Promise<void> {
  const violations = await axeViolations(page, selector);
  if (violations.length > 0) {
    throw new Error(`${what}: ${violations.length} accessibility violation(s):\n${violations.map((v) => `  ${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`).join('\n')}`);
  }
}
