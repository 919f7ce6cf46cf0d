import { D, type Dec } from '../shared/decimal';
import type { EngineError } from '../contracts/evaluation';
import { reason, type Reason, type ReasonCode, type ReasonParams } from '../contracts/reasons';

/**
 * Bad input, named by its field: the engine answers { error: { field, reason } }, never a number.
 * Shared by the golden-vector schema and the order evaluation.
 */
export class FieldError extends Error {
  readonly reason: Reason;
  constructor(
    readonly field: string,
    code: ReasonCode,
    params: Record<string, string | number> = {},
  ) {
    super(`${field}: ${code}`);
    this.reason = { code, params } as Reason;
  }
}

export function fieldError(field: string, why: Reason): EngineError {
  return { error: { field, reason: why } };
}

/** A typed FieldError (the parameters are checked against the code). */
export function invalid<C extends ReasonCode>(field: string, code: C, params: ReasonParams[C]): FieldError {
  return new FieldError(field, code, params as Record<string, string | number>);
}

/** The engine's answer to anything it throws: a FieldError's reason, anything else as unreadable input. */
export function asEngineError(err: unknown, field: string): EngineError {
  if (err instanceof FieldError) return fieldError(err.field, err.reason);
  return fieldError(field, reason('input.unreadable', { detail: err instanceof Error ? err.message : String(err) }));
}

export type SignCheck = 'positive' | 'nonNegative' | 'any';

/**
 * The numbers the engine accepts: plain decimals, an optional '-', at most 40 digits before and 40
 * after the point (so at most 1e40 in size and 1e-40 in resolution, inside the 40-digit precision of
 * our Decimal). No exponent, no '+', no grouping, no hexadecimal, binary or octal prefix, no spaces.
 * Decimal.js would read `0x10` as 16 and build `1e9000000000000000` until memory runs out.
 */
export const ENGINE_DECIMAL = /^-?\d{1,40}(\.\d{1,40})?$/;

/** A decimal from a string; anything else throws a FieldError naming the field. */
export function parseDecimal(value: unknown, field: string, check: SignCheck = 'any'): Dec {
  if (typeof value !== 'string' || !ENGINE_DECIMAL.test(value)) throw invalid(field, 'input.notDecimal', { field });
  const d = new D(value);
  if (check === 'positive' && !d.gt(0)) throw invalid(field, 'input.notPositive', { field, value: d.toFixed() });
  if (check === 'nonNegative' && d.isNeg()) throw invalid(field, 'input.negative', { field, value: d.toFixed() });
  return d;
}
