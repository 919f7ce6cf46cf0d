/**
 * The conventions that keep "a venue is one registry entry, one adapter folder, its data files and its
 * tests" true (README: Adding a venue). Every registry entry is checked, every adapter folder, every
 * tier file; and shared code is scanned for any venue's name.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/shared/decimal';
import { ADAPTERS } from '../adapters/kit/adapters';
import { RULES, RULE_IDS } from '../../src/engine/rules';
import { VENUES } from '../../src/venues/registry';
import { BUNDLED_TABLES } from '../../src/venues/tiers';

const ROOT = join(import.meta.dirname, '../..');
const at = (...parts: string[]) => join(ROOT, ...parts);

function files(dir: string, keep: (path: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, keep);
    return keep(path) ? [path] : [];
  });
}

describe('the venue registry', () => {
  it('lists each venue once, with an id that names its folders', () => {
    const ids = VENUES.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(VENUES.map((v) => [v.id, v] as const))('%s: rule, origins, fees with their source, assets, sizing and the assumed rate are data', (_id, venue) => {
    expect(RULE_IDS).toContain(venue.rule);
    expect(venue.name.length).toBeGreaterThan(3);
    expect(venue.origins.length).toBeGreaterThan(0);
    for (const origin of venue.origins) expect(origin).toMatch(/^https:\/\/[a-z0-9.-]+$/);
    for (const pct of [venue.fees.makerPct, venue.fees.takerPct]) {
      expect(pct).toMatch(/^\d+(\.\d+)?$/);
      expect(new D(pct).gte(0) && new D(pct).lt(1)).toBe(true);
    }
    expect(venue.fees.source).toMatch(/https:\/\//);
    expect(venue.fees.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(venue.fees.tier.length).toBeGreaterThan(3);
    expect(venue.quoteAssets.length).toBeGreaterThan(0);
    expect(Number.isInteger(venue.sizing.lotDecimals) && venue.sizing.lotDecimals >= 0).toBe(true);
    const rate = new D(venue.assumedMaintenance.rate);
    expect(rate.gt(0) && rate.lt(1)).toBe(true);
    expect(venue.assumedMaintenance.source.length).toBeGreaterThan(10);
  });

  it('has exactly one adapter per entry, each in its own folder, and no adapter without an entry', () => {
    expect(ADAPTERS.map((a) => a.venue).sort()).toEqual(VENUES.map((v) => v.id).sort());
    const folders = readdirSync(at('src/adapters')).filter((name) => statSync(at('src/adapters', name)).isDirectory() && name !== 'kit');
    expect(folders.sort()).toEqual(VENUES.map((v) => v.id).sort());
  });

  it.each(VENUES.map((v) => [v.id] as const))('%s: the adapter folder has its detection, reading, page notes and tests; the stand-in its site', (id) => {
    const folder = at('src/adapters', id);
    for (const file of ['index.ts', 'content.ts', 'route.ts', 'read.ts', 'README.md']) expect(existsSync(join(folder, file)), `src/adapters/${id}/${file}`).toBe(true);
    const tests = at('tests/adapters', id);
    for (const file of ['route.test.ts', 'read.test.ts', 'standin.test.ts']) expect(existsSync(join(tests, file)), `tests/adapters/${id}/${file}`).toBe(true);
    for (const file of ['site.ts', 'index.html']) expect(existsSync(at('tests/sites', id, file)), `tests/sites/${id}/${file}`).toBe(true);
    const adapter = ADAPTERS.find((a) => a.venue === id)!;
    // The adapter recognises a page on each of its origins' hosts only (no other venue's pages).
    for (const other of VENUES.filter((v) => v.id !== id)) {
      for (const origin of other.origins) expect(adapter.detect(`${origin}/`)).toBeNull();
    }
  });

  it.each(VENUES.map((v) => [v.id, v] as const))('%s: the bundled tier tables listed are exactly its tier files', (_id, venue) => {
    const onDisk = readdirSync(at('src/venues/tiers'))
      .filter((name) => name.startsWith(`${venue.id}-`) && name.endsWith('.json'))
      .map((name) => name.slice(venue.id.length + 1, -'.json'.length));
    expect(onDisk.sort()).toEqual([...venue.tierTables].sort());
  });
});

describe('the bundled tier files', () => {
  const ids = VENUES.map((v) => v.id) as string[];
  it('are all loaded, each named <venue>-<symbol>.json after its own venue and symbol', () => {
    const names = readdirSync(at('src/venues/tiers')).filter((n) => n.endsWith('.json'));
    expect(BUNDLED_TABLES.length).toBe(names.length);
    for (const table of BUNDLED_TABLES) {
      expect(ids, `venue of ${table.symbol}`).toContain(table.venue);
      expect(names).toContain(`${table.venue}-${table.symbol}.json`);
    }
  });

  it.each(BUNDLED_TABLES.map((t) => [`${t.venue} ${t.symbol}`, t] as const))('%s: bounds ascending, rates in (0,1), amounts by the recurrence, date and source', (_name, table) => {
    expect(table.source.length).toBeGreaterThan(20);
    // A date, or null only where the source itself is undated (the panel then says so).
    if (table.asOf !== null) expect(table.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(['notional', 'contracts']).toContain(table.unit);
    expect(['[floor, cap)', '(floor, cap]']).toContain(table.bounds);
    expect(typeof table.partial).toBe('boolean');
    const venue = VENUES.find((v) => v.id === table.venue)!;
    const withDeduction = RULES[venue.rule].hasDeduction;
    let previous: { floor: InstanceType<typeof D>; cap: InstanceType<typeof D> | null; rate: InstanceType<typeof D>; amount: InstanceType<typeof D> } | null = null;
    for (const tier of table.tiers) {
      const where = `tier ${tier.tier}`;
      expect(tier.floor, where).toMatch(/^\d+(\.\d+)?$/);
      const floor = new D(tier.floor!);
      const cap = tier.cap === null ? null : new D(tier.cap);
      const rate = new D(tier.rate!);
      expect(rate.gt(0) && rate.lt(1), `${where} rate ${tier.rate}`).toBe(true);
      expect(new D(tier.maxLeverage!).gt(0), `${where} maxLeverage`).toBe(true);
      if (cap) expect(cap.gt(floor), `${where} cap above floor`).toBe(true);
      const amount = new D(tier.amount ?? '0');
      if (previous === null) {
        expect(floor.isZero(), 'the first tier starts at 0').toBe(true);
        if (withDeduction) expect(amount.isZero(), 'the first amount is 0').toBe(true);
      } else {
        expect(floor.gt(previous.floor), `${where} floor ascending`).toBe(true);
        if (previous.cap) expect(previous.cap.eq(floor), `${where} starts where the previous ends`).toBe(true);
        if (withDeduction) {
          const expected = previous.amount.plus(floor.times(rate.minus(previous.rate)));
          expect(amount.minus(expected).abs().lte('1e-9'), `${where} amount ${amount} vs recurrence ${expected}`).toBe(true);
        }
      }
      previous = { floor, cap, rate, amount };
    }
  });
});

/** Shared code: everything but the registry, the adapter folders, the rule table and the tier data. */
const SHARED_DIRS = ['src/adapters/kit', 'src/shared', 'src/background', 'src/content', 'src/ui', 'src/popup', 'src/options', 'src/contracts', 'src/engine', 'scripts/build', 'tests/adapters/kit'];
const SHARED_FILES = ['src/adapters/adapter.ts', 'src/venues/tiers.ts', 'tests/support/browsers.ts', 'tests/sites/server.ts', 'tests/e2e/run.ts'];
const NOT_SHARED = new Set(['src/engine/rules.ts']);

function venueWords(): RegExp {
  const words = new Set<string>();
  for (const venue of VENUES) {
    words.add(venue.id);
    words.add(venue.name.split(' ')[0]!);
    for (const origin of venue.origins) words.add(new URL(origin).hostname.split('.').slice(-2, -1)[0]!);
  }
  for (const rule of RULE_IDS) words.add(rule);
  const escaped = [...words].map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'));
  return new RegExp(`\\b(${escaped.join('|')})\\b`, 'i');
}

describe('shared code names no venue', () => {
  const pattern = venueWords();
  const shared = [
    ...SHARED_DIRS.flatMap((dir) => files(at(dir), (p) => /\.(ts|tsx|css|html)$/.test(p) && !/\.test\.tsx?$/.test(p))),
    ...SHARED_FILES.map((f) => at(f)),
  ].filter((p) => !NOT_SHARED.has(relative(ROOT, p)));

  it('scans the shared sources', () => {
    expect(shared.length).toBeGreaterThan(30);
    expect(pattern.test('the Binance rule')).toBe(true);
    expect(pattern.test('okx')).toBe(true);
  });

  // An asset as a value in shared code is a venue's default in disguise (assets come from the page or the registry).
  const assetLiteral = /['"`](USDT|USDC|BTC|ETH)['"`]/;
  it.each(shared.map((p) => [relative(ROOT, p), p] as const))('%s', (_name, path) => {
    const lines = readFileSync(path, 'utf8').split('\n');
    const hits = lines.flatMap((line, i) => (pattern.test(line) || assetLiteral.test(line) ? [`${i + 1}: ${line.trim()}`] : []));
    expect(hits).toEqual([]);
  });
});

describe('comments cite public sources or documents inside this repository', () => {
  const sources = files(ROOT, (p) => {
    const rel = relative(ROOT, p);
    return !rel.startsWith('node_modules') && !rel.startsWith('dist') && !rel.startsWith('.git') && /\.(ts|tsx|js|css|html|md|sh)$/.test(rel);
  });
  // Section numbers and rule codes of the team's reference notes, and paths to them.
  const outside = /\u00a7|\bshared\/(sites|reference)\b|\/work\/|\b(?:README|spec)\s+[RPT]\d{1,2}\b/;
  it('finds the sources', () => expect(sources.length).toBeGreaterThan(80));
  it.each(sources.map((p) => [relative(ROOT, p), p] as const))('%s', (_name, path) => {
    const lines = readFileSync(path, 'utf8').split('\n');
    const hits = lines.flatMap((line, i) => (outside.test(line) ? [`${i + 1}: ${line.trim()}`] : []));
    expect(hits).toEqual([]);
  });
});
