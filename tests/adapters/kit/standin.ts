/**
 * A venue's adapter against its stand-in page (tests/sites/<venue>) in headless Chromium, under the real
 * address (tests/support/browsers.ts maps the venue's hosts to the local HTTPS stand-in server). The
 * adapter is bundled with expose.ts as one IIFE and injected after each load; tests drive the page
 * through the stand-in's runtime API (`window.__standin`), which the adapter never sees. One browser
 * per test file: `useStandin` registers its start and end.
 */
import { afterAll, beforeAll } from 'vitest';
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';
import { fileURLToPath } from 'node:url';
import type { FormSnapshot, ReadScope } from '../../../src/contracts/snapshot';
import { VENUES, type VenueId } from '../../../src/venues/registry';
import { launchPlainChromium } from '../../support/browsers';
import { startStandinServer, type StandinServer } from '../../sites/server';
import './expose';

export type Params = Record<string, string | number>;

export interface StandinSpec {
  venue: VenueId;
  /** The page opened when a test names none, under the venue's first origin. */
  path: string;
  /** `si-*` parameters every load starts from (seed, delay, storm…); a test's own win. */
  defaults: Params;
}

export interface Standin {
  readonly page: Page;
  /** Loads a page state; by default waits for the stand-in to be ready. */
  open(params?: Params, path?: string, waitReady?: boolean): Promise<void>;
  read(scope?: ReadScope): Promise<FormSnapshot>;
  /** A read as on a page loaded for longer than the loading grace. */
  readLoaded(): Promise<FormSnapshot>;
  outside(): Promise<{ watched: number; settled: boolean }>;
  submit(): Promise<{ long: string[]; short: string[] }>;
  /** Moves the page reader's clock on. */
  advance(ms: number): Promise<void>;
  /** The stand-in's `apply` (page state changed in place). */
  apply(params: Params): Promise<void>;
  /** Evaluates `code` in the page with `s` bound to the stand-in's runtime API. */
  call(code: string): Promise<unknown>;
}

const bundles = new Map<VenueId, Promise<string>>();

/** The venue's adapter and expose.ts as one IIFE, to be injected with page.addScriptTag. */
function bundle(venue: VenueId): Promise<string> {
  let code = bundles.get(venue);
  if (code === undefined) {
    const adapter = fileURLToPath(new URL(`../../../src/adapters/${venue}/index.ts`, import.meta.url));
    const expose = fileURLToPath(new URL('./expose.ts', import.meta.url));
    code = build({
      stdin: { contents: `import { adapter } from ${JSON.stringify(adapter)};\nimport { expose } from ${JSON.stringify(expose)};\nexpose(adapter);\n`, loader: 'ts', resolveDir: fileURLToPath(new URL('.', import.meta.url)) },
      bundle: true,
      format: 'iife',
      target: 'es2022',
      write: false,
    }).then((out) => out.outputFiles[0]?.text ?? '');
    bundles.set(venue, code);
  }
  return code;
}

/** A stand-in page address: `path` under the venue's first origin, the parameters as `si-*` in the query. */
export function standinUrl(venue: VenueId, path: string, params: Params): string {
  const origin = VENUES.find((v) => v.id === venue)!.origins[0];
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) query.set(`si-${k}`, String(v));
  return `${origin}/${path}?${query.toString()}`;
}

export function useStandin(spec: StandinSpec): Standin {
  let server: StandinServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let code = '';

  beforeAll(async () => {
    code = await bundle(spec.venue);
    server = await startStandinServer({});
    browser = await launchPlainChromium(server.port);
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const on = (): Page => {
    if (page === undefined) throw new Error('the stand-in browser is not running (useStandin runs in beforeAll)');
    return page;
  };

  return {
    get page() {
      return on();
    },
    async open(params = {}, path = spec.path, waitReady = true) {
      await on().goto(standinUrl(spec.venue, path, { ...spec.defaults, ...params }));
      await on().addScriptTag({ content: code });
      if (waitReady) await on().evaluate(() => (window as unknown as { __standin: { ready: Promise<void> } }).__standin.ready);
    },
    read: (scope: ReadScope = 'full') => on().evaluate((sc) => window.__reader.read(sc), scope),
    readLoaded: () => on().evaluate(() => window.__reader.loaded()),
    outside: () => on().evaluate(() => window.__reader.outside()),
    submit: () => on().evaluate(() => window.__reader.submit()),
    advance: async (ms: number) => {
      await on().evaluate((n) => window.__reader.advance(n), ms);
    },
    apply: async (params: Params) => {
      await on().evaluate((p) => (window as unknown as { __standin: { apply(p: object): boolean } }).__standin.apply(p), params);
    },
    call: (js: string) => on().evaluate(`(() => { const s = window.__standin; return ${js}; })()`),
  };
}

