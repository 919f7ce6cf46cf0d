import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { D } from '../../src/shared/decimal';

/**
 * The golden vectors (tests/engine/golden-vectors.json, the team's sourced vectors; schema in
 * docs/engine.md) and their tolerance rule, shared by the golden, calc and order-path tests.
 */

export interface Tolerance {
  abs?: string;
  rel?: string;
}

export interface Vector {
  id: string;
  kind?: string;
  venue: string;
  expected: Record<string, string | null>;
  tolerance: Tolerance;
  toleranceByField?: Record<string, Tolerance>;
  [field: string]: unknown;
}

export function loadVectors(file: string): Vector[] {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { vectors?: Vector[] };
  if (!Array.isArray(doc.vectors)) throw new Error(`${file} has no "vectors" array`);
  return doc.vectors;
}

/** The vectors of tests/engine/golden-vectors.json. */
export const goldenVectors = (): Vector[] => loadVectors(join(import.meta.dirname, 'golden-vectors.json'));

export function goldenVector(id: string): Vector {
  const v = goldenVectors().find((x) => x.id === id);
  if (!v) throw new Error(`no golden vector ${id}`);
  return v;
}

/** The tolerance a vector gives one of its fields (its own, else the vector's). */
export const toleranceOf = (v: Vector, field: string): Tolerance => v.toleranceByField?.[field] ?? v.tolerance;

/** Whether `got` is within the tolerance of `expected` (absolute, or relative to the expected value). */
export function within(got: string, expected: string, tol: Tolerance): boolean {
  const diff = new D(got).minus(new D(expected)).abs();
  if (tol.abs !== undefined && diff.lte(new D(tol.abs))) return true;
  if (tol.rel !== undefined && diff.lte(new D(tol.rel).times(new D(expected).abs()))) return true;
  return false;
}
