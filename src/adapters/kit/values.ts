/**
 * One value as the page shows it, the way every reader takes it (src/adapters/README.md, "Fail closed"):
 * `--` and the login state, an amount with its unit, a percentage, a word from a fixed set, a hook that
 * is none or several. Page text only: the number inside is parsed once the page's format is decided.
 */
import type { Field } from '../../contracts/snapshot';
import { reason, type ItemCode, type Reason } from '../../contracts/reasons';
import { ambiguous, missing, readField, type NumText } from './fields';

export const notFound = <T>(item: ItemCode): Field<T> => missing<T>(reason('page.notFound', { item }));
export const several = <T>(item: ItemCode, count: number): Field<T> => ambiguous<T>(reason('page.several', { item, count }));

export const loggedOut = (loggedIn: Field<boolean>): boolean => loggedIn.status === 'read' && loggedIn.value === false;

/** `--`: logged out, or, logged in, not loaded yet or not known to the page (README.md of each adapter: Loading, Logged out). */
export function notShownWhy(item: ItemCode, loggedIn: Field<boolean>): Reason {
  return loggedOut(loggedIn) ? reason('page.loginToSee', { item }) : reason('page.notShownYet', { item });
}

export interface Amount {
  num: NumText;
  unit: string;
}

/** An amount with its unit (`8,000.00 USDT`) by the venue's pattern: group 1 the number, group 2 the unit. */
export function amountWithUnit(pattern: RegExp, text: string): Amount | null {
  const m = pattern.exec(text);
  return m === null ? null : { num: { text: m[1] as string, grouped: true }, unit: m[2] as string };
}

/** An amount that must be in `unit` (null: the unit is not known, nothing matches). */
export function amountIn(item: ItemCode, text: string, amount: Amount | null, unit: string | null): Field<NumText> {
  if (amount === null) return ambiguous(reason('page.unreadable', { item, text }), text);
  if (amount.unit !== unit) return ambiguous(reason('page.wrongUnit', { item, unit: amount.unit, expected: unit ?? '' }), text);
  return readField(amount.num, text);
}

/** A percentage (`0.52%`) as the number before the sign. */
export function percent(item: ItemCode, text: string): Field<NumText> {
  return text.endsWith('%') ? readField({ text: text.slice(0, -1), grouped: true }, text) : ambiguous(reason('page.unreadable', { item, text }), text);
}

/** One of a fixed set of words (`Futures mode` → single). */
export function wordOf<T>(item: ItemCode, words: Readonly<Record<string, T>>, text: string): Field<T> {
  const value = Object.hasOwn(words, text) ? words[text] : undefined;
  return value === undefined ? ambiguous(reason('page.unreadable', { item, text }), text) : readField(value, text);
}

/** An input's value as page text, never grouped: empty is "can't read", with the item named. */
export function inputText(input: Element, item: ItemCode): Field<NumText> {
  const text = (input as HTMLInputElement).value.trim();
  return text === '' ? missing(reason('page.empty', { item }), text) : readField({ text, grouped: false }, text);
}
