/**
 * The parts of a read every reader shares around its own hooks: the page that is no trading page, the
 * form root that is none or several, the title's symbol, the number format from all the texts read,
 * Max as shown, and the reading outside the form (positions list and account panel) kept for reuse.
 */
import type { Field, FormSnapshot, SizeAmount, SizeUnit } from '../../contracts/snapshot';
import { reason } from '../../contracts/reasons';
import type { VenueId } from '../../venues/registry';
import { ambiguous, missing, numberSamples, passOn, readField, resolveNum, type NumText } from './fields';
import { decideFormat, type FormatDecision } from './locale-number';
import type { RawPositionRow } from './positions';
import type { OutsideReading, VenueRead } from './reader';
import { emptySnapshot } from './snapshot';

export type RootResult = { kind: 'one'; root: Element } | { kind: 'none' } | { kind: 'many'; count: number };

/** The reader's root: the form root when exactly one was found. */
export const oneRoot = (found: RootResult): Element | null => (found.kind === 'one' ? found.root : null);

/**
 * The page's `<html lang>` and the labels for it. Unknown languages fall back to `fallback`'s labels:
 * their texts will not match, so fields fail closed.
 */
export function pageLabels<L extends string, T>(doc: Document, table: Record<L, T>, localeOf: (lang: string) => L | null, fallback: L): { lang: string; labels: T } {
  const lang = doc.documentElement.getAttribute('lang') ?? '';
  return { lang, labels: table[localeOf(lang) ?? fallback] };
}

/** The base and quote assets as fields; one the symbol does not give passes on the symbol field's reason. */
export function assetFields(symbol: Field<string>, base: string | null, quote: string | null): { baseAsset: Field<string>; quoteAsset: Field<string> } {
  return {
    baseAsset: base === null ? passOn<string>(symbol) : readField(base),
    quoteAsset: quote === null ? passOn<string>(symbol) : readField(quote),
  };
}

/** The address is not one of the venue's trading pages. */
export function notTradingPage<O extends OutsideReading>(venue: VenueId, url: string): VenueRead<O> {
  return { snapshot: emptySnapshot(venue, url, missing(reason('page.notSupportedPage'))), root: null, outside: null };
}

/** No form root, or several: the snapshot holds only what the address and title say. */
export function withoutForm<O extends OutsideReading>(venue: VenueId, url: string, found: { kind: 'none' } | { kind: 'many'; count: number }, known: Partial<FormSnapshot>): VenueRead<O> {
  const form = found.kind === 'many' ? ambiguous<true>(reason('page.several', { item: 'orderForm', count: found.count })) : missing<true>(reason('page.notFound', { item: 'orderForm' }));
  return { snapshot: { ...emptySnapshot(venue, url, form), ...known }, root: null, outside: null };
}

/** The title's second field (`{last} | {SYMBOL} | {site}`), or null when the title has fewer than three. */
export function titleSymbol(title: string, separator: string): string | null {
  const fields = title.split(separator);
  return fields.length >= 3 ? (fields[1] as string).trim() : null;
}

/** The address's symbol against the title's: not shown, or another one, is not the symbol; null when they agree. */
export function titleDisagrees(title: string, separator: string, symbol: string): Field<string> | null {
  const shown = titleSymbol(title, separator);
  if (shown === null) return missing(reason('page.symbolNotShown'), symbol);
  if (shown !== symbol) return ambiguous(reason('page.symbolMismatch', { shown, address: symbol }), symbol);
  return null;
}

/** The page's number format: `<html lang>` checked against every number text read (README.md of each adapter: Numbers). */
export function pageFormat<R extends RawPositionRow>(lang: string, fields: readonly Field<NumText>[], rows: readonly Field<R[]>[], rowNumbers: (row: R) => NumText[], more: readonly NumText[] = []): FormatDecision {
  const rowSamples = rows.flatMap((f) => f.value ?? []).flatMap(rowNumbers);
  return decideFormat(lang, [...numberSamples(fields), ...more, ...rowSamples]);
}

export type MaxAmount = { num: NumText; unit: SizeUnit };

/** The Max numbers of the fields read (for the format decision). */
export const maxSamples = (fields: readonly Field<MaxAmount>[]): NumText[] => fields.flatMap((f) => (f.value === undefined ? [] : [f.value.num]));

/** Max as shown: the parsed amount and its unit. */
export function maxAsShown(field: Field<MaxAmount>, format: FormatDecision): Field<SizeAmount> {
  if (field.status !== 'read' || field.value === undefined) return passOn(field);
  const amount = resolveNum(readField(field.value.num, field.raw), format);
  if (amount.status !== 'read') return passOn(amount);
  return readField({ amount: amount.value as string, unit: field.value.unit }, field.raw);
}

/** What a read found outside the order form: the positions list and the account panel, reused by 'form' reads while it holds. */
export interface Outside<R extends RawPositionRow, A> extends OutsideReading {
  own: Field<R[]>;
  others: Field<R[]>;
  account: A;
}

interface PartReading {
  sources: readonly Element[];
  complete: boolean;
}

export function outsideOf<R extends RawPositionRow, A>(
  key: readonly unknown[],
  positions: PartReading & { own: Field<R[]>; others: Field<R[]> },
  account: PartReading & { values: A },
): Outside<R, A> {
  return {
    key,
    sources: [...positions.sources, ...account.sources],
    complete: positions.complete && account.complete,
    own: positions.own,
    others: positions.others,
    account: account.values,
  };
}
