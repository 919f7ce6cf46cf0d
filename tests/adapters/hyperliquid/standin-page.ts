/**
 * The Hyperliquid adapter in the real stand-in page (tests/sites/hyperliquid) in headless Chromium, under
 * the real address (tests/support/browsers.ts maps the venue's hosts to the local stand-in server). The
 * adapter is bundled from standin-entry.ts and injected after each load; tests drive the page through the
 * stand-in's runtime API, which the adapter never sees. Shared by standin.test.ts and health.test.ts.
 */
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { D } from '../../../src/shared/decimal';
import type { Field, FormSnapshot, ReadScope } from '../../../src/contracts/snapshot';
import { launchPlainChromium } from '../../support/browsers';
import { startStandinServer, type StandinServer } from '../../sites/server';

export interface StandinSession {
  page: Page;
  close(): Promise<void>;
}

let adapterCode = '';

export async function startSession(): Promise<StandinSession & { server: StandinServer; browser: Browser }> {
  if (adapterCode === '') {
    const bundled = await build({
      entryPoints: [fileURLToPath(new URL('./standin-entry.ts', import.meta.url))],
      bundle: true,
      format: 'iife',
      target: 'es2022',
      write: false,
    });
    adapterCode = bundled.outputFiles[0]?.text ?? '';
  }
  const server = await startStandinServer({});
  const browser = await launchPlainChromium(server.port);
  const page = await browser.newPage();
  return {
    server,
    browser,
    page,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Load a page state; by default wait for the stand-in to be ready. Quick hydration, no storm, unless given. */
export async function openStandin(page: Page, params: Record<string, string | number>, path = 'trade/BTC', waitReady = true): Promise<void> {
  const query = new URLSearchParams({ 'si-seed': '11', 'si-delay': '0', 'si-storm': '0' });
  for (const [k, v] of Object.entries(params)) query.set(`si-${k}`, String(v));
  await page.goto(`https://app.hyperliquid.xyz/${path}?${query.toString()}`);
  await page.addScriptTag({ content: adapterCode });
  if (waitReady) await page.evaluate(() => (window as unknown as { __standin: { ready: Promise<void> } }).__standin.ready);
}

export const readPage = (page: Page, scope: ReadScope = 'full'): Promise<FormSnapshot> => page.evaluate((sc) => window.__readHyperliquid(sc), scope);
export const readPageLoaded = (page: Page): Promise<FormSnapshot> => page.evaluate(() => window.__readHyperliquidLoaded());

export async function applyStandin(page: Page, params: Record<string, string | number>): Promise<void> {
  await page.evaluate((p) => (window as unknown as { __standin: { apply(p: object): boolean } }).__standin.apply(p), params);
}

export async function standinCall(page: Page, code: string): Promise<unknown> {
  return page.evaluate(`(() => { const s = window.__standin; return ${code}; })()`);
}

/** The fields of a snapshot that report a broken selector. */
export function brokenFields(s: FormSnapshot): string[] {
  return Object.entries(s).flatMap(([key, f]) => ((f as Field<unknown>).why?.code === 'page.selectorBroke' ? [key] : []));
}

/** A read field whose decimal equals `expected` (so '0.500' matches '0.5'). */
export function expectNum(field: Field<string>, expected: string, name = ''): void {
  expect(field.status, `${name} ${JSON.stringify(field)}`).toBe('read');
  expect(D(field.value as string).eq(D(expected)), `${name} ${field.value} ≠ ${expected}`).toBe(true);
}

export function expectRead<T>(field: Field<T>, expected: T, name = ''): void {
  expect(field, name).toMatchObject({ status: 'read', value: expected });
}
