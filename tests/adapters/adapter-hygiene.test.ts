import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Adapters never read the stand-in pages' test hooks (src/adapters/README.md, "Reading rules").
// Scans every adapter source file.
const ADAPTERS = join(import.meta.dirname, '../../src/adapters');
// The adapter folders that must be scanned (a moved folder would otherwise leave nothing to check).
const EXPECTED = [join('binance-usdm', 'read.ts'), join('kit', 'reader.ts'), 'adapter.ts'];
const FORBIDDEN: [string, RegExp][] = [
  ['data-si- attribute', /data-si-/],
  ['si-scenario storage key', /si-scenario/],
  ['__standin runtime', /__standin/],
  ['si- query parameter', /['"`?&#]si-[a-z]/],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('adapter sources never reference stand-in test hooks', () => {
  const files = sourceFiles(ADAPTERS);
  it('finds the adapter sources', () => {
    for (const name of EXPECTED) expect(files, name).toContain(join(ADAPTERS, name));
    expect(files.some((f) => /\.test\.tsx?$/.test(f))).toBe(false);
  });
  it.each(files.map((f) => [f.slice(ADAPTERS.length + 1), f]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    for (const [what, re] of FORBIDDEN) expect(re.test(text), `${what} in ${file}`).toBe(false);
  });
  it('the patterns catch what they should', () => {
    for (const sample of ['el.closest("[data-si-ready]")', "sessionStorage['si-scenario']", 'window.__standin', "params.get('si-seed')", 'url + "?si-auth=out"']) {
      expect(FORBIDDEN.some(([, re]) => re.test(sample)), sample).toBe(true);
    }
  });
});
