/**
 * npm run test:e2e — builds the extension if dist/ is missing, then runs every check in headless
 * Chromium and headless Firefox ESR against the stand-in, and ends with "N passed, N failed".
 *
 * Options: --browser chromium|firefox (one browser only), --grep <text> (check names), E2E_SEED=<n>.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startStandinServer, type StandinServer } from '../sites/server';
import { createServer } from 'vite';
import { launchChromium, launchFirefox, type BrowserName, type TestBrowser } from '../support/browsers';
import type { BrowserCheck } from './check';

const ROOT = path.resolve(import.meta.dirname, '../..');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function ensureBuild(): void {
  const built = ['dist/chrome/manifest.json', 'dist/firefox/manifest.json'].every((f) => existsSync(path.join(ROOT, f)));
  if (built) return;
  console.log('dist/ missing: npm run build');
  execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
}

/** Firefox reaches the stand-in on 443 (every host resolves to 127.0.0.1); retry briefly if it is busy. */
async function serverOn443(): Promise<StandinServer> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await startStandinServer({ port: 443 });
    } catch (error) {
      if (attempt >= 60 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
}

interface Result {
  browser: BrowserName;
  check: string;
  ok: boolean;
  ms: number;
  error?: string;
}

/**
 * The checks compute their expectations with the engine, which bundles its tier tables through
 * Vite's import.meta.glob: load them through Vite's SSR module loader rather than plain Node.
 */
async function loadChecks(): Promise<{ checks: BrowserCheck[]; close(): Promise<void> }> {
  const vite = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  // Every file in tests/e2e/checks/ (one per venue, one per feature) exports its CHECKS.
  const files = readdirSync(path.join(ROOT, 'tests/e2e/checks')).filter((f) => f.endsWith('.ts')).sort();
  const checks: BrowserCheck[] = [];
  for (const file of files) {
    const mod = (await vite.ssrLoadModule(`/tests/e2e/checks/${file}`)) as { CHECKS: BrowserCheck[] };
    checks.push(...mod.CHECKS);
  }
  const ordered = [...checks.filter((c) => !c.last), ...checks.filter((c) => c.last)];
  return { checks: ordered, close: () => vite.close() };
}

async function runBrowser(
  browser: TestBrowser,
  checks: BrowserCheck[],
  seed: number,
  grep: string | undefined,
  results: Result[],
): Promise<void> {
  for (const check of checks) {
    if (grep && !check.name.includes(grep)) continue;
    const started = Date.now();
    const page = await browser.newPage();
    // No exception may escape into the exchange's page (from the extension, or the page it upset).
    const pageErrors: string[] = [];
    page.on('pageerror', (error: unknown) => pageErrors.push(error instanceof Error ? error.message : String(error)));
    try {
      await check.run({ browser, page, seed });
      if (pageErrors.length > 0) throw new Error(`uncaught errors in the page:\n${pageErrors.join('\n')}`);
      results.push({ browser: browser.name, check: check.name, ok: true, ms: Date.now() - started });
      console.log(`  ok    ${browser.name}  ${check.name}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.push({ browser: browser.name, check: check.name, ok: false, ms: Date.now() - started, error: message });
      console.log(`  FAIL  ${browser.name}  ${check.name}\n${message.replace(/^/gm, '        ')}`);
    } finally {
      await page.close().catch(() => {});
    }
  }
}

async function main(): Promise<number> {
  ensureBuild();
  const only = option('--browser') as BrowserName | undefined;
  const grep = option('--grep');
  const seed = Number(process.env.E2E_SEED ?? Math.floor(Math.random() * 1_000_000));
  console.log(`stand-in seed ${seed} (E2E_SEED=${seed} to repeat)`);
  const results: Result[] = [];
  const loaded = await loadChecks();

  if (!only || only === 'chromium') {
    const server = await startStandinServer({ port: 0 });
    const browser = await launchChromium(server.port);
    console.log('chromium');
    try {
      await runBrowser(browser, loaded.checks, seed, grep, results);
    } finally {
      await browser.close();
      await server.close();
    }
  }
  if (!only || only === 'firefox') {
    const server = await serverOn443();
    const browser = await launchFirefox();
    console.log('firefox');
    try {
      await runBrowser(browser, loaded.checks, seed, grep, results);
    } finally {
      await browser.close();
      await server.close();
    }
  }

  await loaded.close();
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && results.length > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
