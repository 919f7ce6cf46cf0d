import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/shared/decimal';
import { computeVector, type VectorOutput } from '../../src/engine/vector';

/**
 * Every vector of tests/engine/golden-vectors.json (the team's sourced vectors), plus every *.json in
 * $GOLDEN_EXTRA_DIR (same schema), must pass with its own tolerance (docs/engine.md, golden vectors).
 */

interface Tolerance {
  abs?: string;
  rel?: string;
}
interface Vector {
  id: string;
  expected: Record<string, string | null>;
  tolerance: Tolerance;
  toleranceByField?: Record<string, Tolerance>;
}

function loadVectors(file: string): Vector[] {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { vectors?: Vector[] };
  if (!Array.isArray(doc.vectors)) throw new Error(`${file} has no "vectors" array`);
  return doc.vectors;
}

function within(got: string, expected: string, tol: Tolerance): boolean {
  const diff = new D(got).minus(new D(expected)).abs();
  if (tol.abs !== undefined && diff.lte(new D(tol.abs))) return true;
  if (tol.rel !== undefined && diff.lte(new D(tol.rel).times(new D(expected).abs()))) return true;
  return false;
}

export function checkVector(v: Vector): string[] {
  const out = computeVector(v);
  if ('error' in out) return [`engine error on ${out.error.field}: ${out.error.reason.code} ${JSON.stringify(out.error.reason.params)}`];
  const problems: string[] = [];
  for (const [field, expected] of Object.entries(v.expected)) {
    const got = (out as VectorOutput as Record<string, unknown>)[field];
    if (expected === null) {
      if (got !== null) problems.push(`${field}: expected none, got ${JSON.stringify(got)}`);
      continue;
    }
    if (typeof got !== 'string') {
      problems.push(`${field}: expected ${expected}, got ${JSON.stringify(got)} ${JSON.stringify(out.unavailable ?? {})}`);
      continue;
    }
    if (field === 'tier') {
      if (got !== expected) problems.push(`tier: expected ${expected}, got ${got}`);
      continue;
    }
    const tol = v.toleranceByField?.[field] ?? v.tolerance;
    if (!within(got, expected, tol)) problems.push(`${field}: expected ${expected} (${JSON.stringify(tol)}), got ${got}`);
  }
  return problems;
}

const sets: { name: string; vectors: Vector[] }[] = [
  { name: 'golden-vectors.json', vectors: loadVectors(join(import.meta.dirname, 'golden-vectors.json')) },
];
const extraDir = process.env.GOLDEN_EXTRA_DIR;
if (extraDir) {
  for (const file of readdirSync(extraDir).filter((f) => f.endsWith('.json')).sort()) {
    sets.push({ name: file, vectors: loadVectors(join(extraDir, file)) });
  }
}

for (const set of sets) {
  describe(`golden vectors: ${set.name}`, () => {
    it('has vectors', () => expect(set.vectors.length).toBeGreaterThan(0));
    for (const v of set.vectors) {
      it(v.id, () => expect(checkVector(v)).toEqual([]));
    }
  });
}

describe('the golden check itself', () => {
  it('rejects a result outside the tolerance and a wrong "none"', () => {
    const base = sets[0]!.vectors.find((v) => v.id === 'binance-ft-cross-eth-long')!;
    expect(checkVector({ ...base, expected: { liquidationPrice: '1153.27' } })).toHaveLength(1);
    expect(checkVector({ ...base, expected: { liquidationPrice: null } })).toHaveLength(1);
    expect(checkVector({ ...base, expected: { tier: '2' } })).toHaveLength(1);
  });
});
