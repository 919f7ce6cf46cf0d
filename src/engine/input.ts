import { D, type Dec } from '../shared/decimal';
import type { EngineError } from './evaluation';

/**
 * Bad input, named by its field: the engine answers { error: { field, message } }, never a number.
 * Shared by the canonical scenario schema and the order evaluation.
 */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function fieldError(field: string, message: string): EngineError {
  return { error: { field, message } };
}

export type SignCheck = 'positive' | 'nonNegative' | 'any';

/** A decimal from a string (or a finite JSON number, read through its string form); throws a FieldError. */
export function parseDecimal(value: unknown, field: string, check: SignCheck = 'any'): Dec {
  if (typeof value !== 'string' && typeof value !== 'number') throw new FieldError(field, `${field} must be a decimal string`);
  let d: Dec;
  try {
    d = new D(typeof value === 'number' ? String(value) : value.trim());
  } catch {
    throw new FieldError(field, `${field} is not a number: ${JSON.stringify(value)}`);
  }
  if (!d.isFinite()) throw new FieldError(field, `${field} must be finite, got ${String(value)}`);
  if (check === 'positive' && !d.gt(0)) throw new FieldError(field, `${field} must be greater than 0, got ${d.toFixed()}`);
  if (check === 'nonNegative' && d.isNeg()) throw new FieldError(field, `${field} must not be negative, got ${d.toFixed()}`);
  return d;
}
