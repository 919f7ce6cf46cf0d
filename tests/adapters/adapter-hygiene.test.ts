import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// README R4: adapters never read the stand-in's test hooks. Scans every adapter source file.
const ADAPTERS = join(import.meta.dirname, '../../src/adapters');
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

describe('adapter sources never reference stand-in test hooks (R4)', () => {
  const files = sourceFiles(ADAPTERS);
  it('finds the adapter sources', () => {
    expect(files.some((f) => f.endsWith(join('binance', 'read.ts')))).toBe(true);
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
