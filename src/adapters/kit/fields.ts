/**
 * Field constructors and the two-phase number handling every reader uses: values are first read as
 * page text (NumText), then, once the page's number format is decided from all of them, parsed.
 */
import type { Field } from '../../contracts/snapshot';
import { reason, type Reason } from '../../contracts/reasons';
import {
  type FormatDecision,
  type NumberSample,
  parseDisplayNumber,
  parseInputNumber,
} from './locale-number';

export function readField<T>(value: T, raw?: string): Field<T> {
  return raw === undefined ? { status: 'read', value } : { status: 'read', value, raw };
}

function notRead<T>(status: 'missing' | 'ambiguous' | 'unsupported', why: Reason, raw?: string): Field<T> {
  return raw === undefined ? { status, why } : { status, why, raw };
}

export const missing = <T>(why: Reason, raw?: string): Field<T> => notRead<T>('missing', why, raw);
export const ambiguous = <T>(why: Reason, raw?: string): Field<T> => notRead<T>('ambiguous', why, raw);
export const unsupported = <T>(why: Reason, raw?: string): Field<T> => notRead<T>('unsupported', why, raw);

/** A field that is not 'read', re-typed (it carries no value). */
export function passOn<T>(field: Field<unknown>): Field<T> {
  const { status, raw, why } = field;
  return notRead<T>(status === 'read' ? 'missing' : status, why ?? reason('figure.notComputable'), raw);
}

/** Page text holding one number: `grouped` for display values, false for input values. */
export type NumText = NumberSample;

export function numberSamples(fields: readonly Field<NumText>[]): NumText[] {
  return fields.flatMap((f) => (f.status === 'read' && f.value !== undefined ? [f.value] : []));
}

/** One number text → plain decimal string, or null when it is not a number in `format`. */
export function parseNum(num: NumText, format: FormatDecision): string | null {
  if (format.status !== 'read') return null;
  return num.grouped ? parseDisplayNumber(num.text, format.format) : parseInputNumber(num.text, format.format);
}

/** Resolve a NumText field with the decided format; keeps the page text as raw. */
export function resolveNum(field: Field<NumText>, format: FormatDecision): Field<string> {
  if (field.status !== 'read' || field.value === undefined) return passOn(field);
  const raw = field.raw ?? field.value.text;
  if (format.status !== 'read') return ambiguous(format.why, raw);
  const value = parseNum(field.value, format);
  return value === null ? ambiguous(reason('page.notANumber', { text: field.value.text }), raw) : readField(value, raw);
}
