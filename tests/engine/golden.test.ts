import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeVector, type VectorOutput } from '../../src/engine/vector';
import { goldenVectors, loadVectors, toleranceOf, within, type Vector } from './golden';

/**
 * Every vector of tests/engine/golden-vectors.json (the team's sourced vectors), plus every *.json in
 * $GOLDEN_EXTRA_DIR (same schema), must pass with its own tolerance (docs/engine.md, golden vectors).
 */

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
    const tol = toleranceOf(v, field);
    if (!within(got, expected, tol)) problems.push(`${field}: expected ${expected} (${JSON.stringify(tol)}), got ${got}`);
  }
  return problems;
}

const sets: { name: string; vectors: Vector[] }[] = [
  { name: 'golden-vectors.json', vectors: goldenVectors() },
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
