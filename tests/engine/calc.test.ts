import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeVector } from '../../src/engine/vector';
import { say } from '../../src/ui/text/index';
import { goldenVector, goldenVectors } from './golden';

/**
 * The `calc` command line (scripts/calc.ts) on a batch: a bad entry gets an error object in its place,
 * the other entries their own results, exactly as computeVector gives them alone.
 */

const ROOT = join(import.meta.dirname, '..', '..');

function calc(input: unknown): { status: number | null; out: unknown; stderr: string } {
  const run = spawnSync('npx', ['tsx', 'scripts/calc.ts'], {
    cwd: ROOT,
    input: JSON.stringify(input),
    encoding: 'utf8',
    // A guard, not an assertion: a run that tries to write out a huge number is stopped (and fails below).
    timeout: 60_000,
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=512' },
  });
  let out: unknown;
  try {
    out = JSON.parse(run.stdout);
  } catch {
    out = { unparsable: run.stdout.slice(0, 200) };
  }
  return { status: run.status, out, stderr: run.stderr };
}

/** What calc prints for one entry: computeVector's result, its reasons in words. */
function expectedAlone(v: unknown): unknown {
  const out = computeVector(v);
  if ('error' in out) throw new Error(`fixture vector is bad: ${JSON.stringify(out)}`);
  if (!out.unavailable) return out;
  return { ...out, unavailable: Object.fromEntries(Object.entries(out.unavailable).map(([k, r]) => [k, say(r)])) };
}


describe('calc command line', () => {
  it('answers a batch entry by entry: the bad ones get an error, the others their own results', () => {
    const good: Record<string, unknown>[] = [goldenVector('binance-ft-iso-eth-long'), goldenVector('binance-ft-cross-eth-long'), goldenVectors().find((v) => v.kind === 'tierLookup')!];
    const huge = structuredClone(good[0]!) as { position: Record<string, unknown> };
    huge.position.quantity = '1e9000000000000000';
    const hex = structuredClone(good[1]!) as { position: Record<string, unknown> };
    hex.position.entryPrice = '0x10';
    const jsonNumber = structuredClone(good[0]!) as { collateral: Record<string, unknown> };
    jsonNumber.collateral.isolatedMargin = 1535443.01;
    // One vector with a figure it cannot give (no leverage: no initial margin), so `unavailable` is compared too.
    const withUnavailable = { venue: 'binance', mode: 'cross', position: { side: 'long', quantity: '1', entryPrice: '60000' }, collateral: { walletBalance: '10000' }, maintenance: { rate: '0.004' } };

    const batch = [good[0], huge, good[1], hex, good[2], jsonNumber, withUnavailable];
    const { status, out, stderr } = calc(batch);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(Array.isArray(out)).toBe(true);
    const results = out as unknown[];
    expect(results).toHaveLength(batch.length);

    const notDecimal = (field: string) => ({ error: { field, code: 'input.notDecimal', message: expect.any(String) } });
    expect(results[1]).toEqual(notDecimal('position.quantity'));
    expect(results[3]).toEqual(notDecimal('position.entryPrice'));
    expect(results[5]).toEqual(notDecimal('collateral.isolatedMargin'));

    expect(results[0]).toEqual(expectedAlone(good[0]));
    expect(results[2]).toEqual(expectedAlone(good[1]));
    expect(results[4]).toEqual(expectedAlone(good[2]));
    expect(results[6]).toEqual(expectedAlone(withUnavailable));
    expect(results[6]).toHaveProperty('unavailable.initialMargin');
  });
});
