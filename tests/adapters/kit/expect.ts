/** Assertions on snapshot fields, shared by every adapter's tests (happy-dom and browser ones alike). */
import { expect } from 'vitest';
import { D } from '../../../src/shared/decimal';
import type { Field, FormSnapshot, SizeAmount, SizeUnit } from '../../../src/contracts/snapshot';
import type { Reason } from '../../../src/contracts/reasons';

/** A field's value when it was read, else undefined. */
export const value = <T>(f: { status: string; value?: T }): T | undefined => (f.status === 'read' ? f.value : undefined);

/** The fields of a snapshot that report a broken selector. */
export function brokenFields(s: FormSnapshot): string[] {
  return Object.entries(s).flatMap(([key, f]) => ((f as Field<unknown>).why?.code === 'page.selectorBroke' ? [key] : []));
}

export function expectWhy(field: Field<unknown>, status: Field<unknown>['status'], why: Reason, name = ''): void {
  expect(field, name).toMatchObject({ status, why });
}

/** A read field whose decimal equals `expected` (so '0.500' matches '0.5'). */
export function expectNum(field: Field<string>, expected: string, name = ''): void {
  expect(field.status, `${name} ${JSON.stringify(field)}`).toBe('read');
  expect(D(field.value as string).eq(D(expected)), `${name} ${field.value} ≠ ${expected}`).toBe(true);
}

/** A Max as shown: the amount (compared as a number) and its unit. */
export function expectMax(field: Field<SizeAmount>, amount: string, unit: SizeUnit, name = ''): void {
  expect(field.status, `${name} ${JSON.stringify(field)}`).toBe('read');
  expect(field.value?.unit, name).toBe(unit);
  expect(D(field.value!.amount).eq(D(amount)), `${name} ${field.value!.amount} ≠ ${amount}`).toBe(true);
}

export function expectRead<T>(field: Field<T>, expected: T, name = ''): void {
  expect(field, name).toMatchObject({ status: 'read', value: expected });
}
