/**
 * Locale number formats: the separators expected from `<html lang>` (en and zh-CN pages group with
 * ',' and use '.', pt-BR the other way round), checked against the numbers the page actually shows,
 * then strict parsing to plain decimals. String work only: no floats ever touch a page number.
 */
import { reason, type Reason } from '../../contracts/reasons';

/** `dot`: 61,000.5 (group ',' decimal '.'); `comma`: 61.000,5 (group '.' decimal ','). */
export type NumberFormat = 'dot' | 'comma';

export type FormatDecision =
  | { status: 'read'; format: NumberFormat }
  | { status: 'ambiguous'; why: Reason };

/** Formats per language, as far as the supported pages show them; other languages have no expectation. */
export function expectedFormat(lang: string): NumberFormat | null {
  const tag = lang.trim().toLowerCase();
  if (tag === 'pt-br') return 'comma';
  if (tag === 'en' || tag.startsWith('en-') || tag === 'zh-cn') return 'dot';
  return null;
}

/** A sample of page text holding one number: display values may be grouped, input values never are. */
export interface NumberSample {
  text: string;
  grouped: boolean;
}

const NUMBER_TOKEN = /\d[\d.,]*\d|\d/g;

/** What one number token says about the decimal mark, or null when it could be either. */
function evidenceOf(token: string, grouped: boolean): NumberFormat | null {
  const dots = token.split('.').length - 1;
  const commas = token.split(',').length - 1;
  if (dots === 0 && commas === 0) return null;
  if (dots > 0 && commas > 0) return token.lastIndexOf('.') > token.lastIndexOf(',') ? 'dot' : 'comma';
  const sep = dots > 0 ? '.' : ',';
  const asDecimal: NumberFormat = sep === '.' ? 'dot' : 'comma';
  const asGroup: NumberFormat = sep === '.' ? 'comma' : 'dot';
  if (!grouped) return asDecimal; // input values are never grouped
  if (dots + commas > 1) return asGroup; // a decimal mark appears at most once
  const [intPart = '', fraction = ''] = token.split(sep);
  // "8,000" could be eight thousand or eight; "0,500" and "1,25" can only be decimals.
  if (fraction.length !== 3 || intPart === '0' || intPart.length > 3) return asDecimal;
  return null;
}

/** The page's format: `lang` sets the expectation, the page text must not contradict it. */
export function decideFormat(lang: string, samples: readonly NumberSample[]): FormatDecision {
  const seen = new Map<NumberFormat, string>();
  for (const sample of samples) {
    for (const token of sample.text.match(NUMBER_TOKEN) ?? []) {
      const format = evidenceOf(token, sample.grouped);
      if (format !== null && !seen.has(format)) seen.set(format, sample.text);
    }
  }
  const expected = expectedFormat(lang);
  if (seen.size > 1) {
    return { status: 'ambiguous', why: reason('page.mixedNumberFormats', { first: seen.get('dot') ?? '', second: seen.get('comma') ?? '' }) };
  }
  const [shown] = [...seen.entries()];
  if (shown !== undefined && expected !== null && shown[0] !== expected) {
    return { status: 'ambiguous', why: reason('page.numberFormatContradicted', { lang, expected, text: shown[1] }) };
  }
  const format = shown?.[0] ?? expected;
  if (format === null) return { status: 'ambiguous', why: reason('page.numberFormatUnknown', { lang }) };
  return { status: 'read', format };
}

const SEPARATORS: Record<NumberFormat, { group: string; decimal: string }> = {
  dot: { group: ',', decimal: '.' },
  comma: { group: '.', decimal: ',' },
};

function escapeRe(ch: string): string {
  return ch === '.' ? '\\.' : ch;
}

/**
 * A displayed number (`61,000.5`, `-0.300`, `+45.60`, `8.000,00`) as a plain decimal string
 * (`61000.5`, `-0.300`, `45.60`), or null when it is not a well-formed number in `format`.
 * Grouping must be regular (groups of three); an explicit '+' is dropped.
 */
export function parseDisplayNumber(text: string, format: NumberFormat): string | null {
  const { group, decimal } = SEPARATORS[format];
  const g = escapeRe(group);
  const d = escapeRe(decimal);
  const re = new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d+))?$`);
  const m = re.exec(text.trim());
  if (m === null) return null;
  return plain(m[1] ?? '', (m[2] ?? '').split(group).join(''), m[3]);
}

/** An input's value (never grouped, page decimal mark): `61000,5` → `61000.5`; `.5` → `0.5`. */
export function parseInputNumber(text: string, format: NumberFormat): string | null {
  const d = escapeRe(SEPARATORS[format].decimal);
  const m = new RegExp(`^(\\d*)(?:${d}(\\d*))?$`).exec(text.trim());
  if (m === null) return null;
  const int = m[1] ?? '';
  const fraction = m[2] ?? '';
  if (int === '' && fraction === '') return null;
  return plain('', int === '' ? '0' : int, fraction === '' ? undefined : fraction);
}

function plain(sign: string, int: string, fraction: string | undefined): string {
  const body = fraction === undefined ? int : `${int}.${fraction}`;
  return sign === '-' ? `-${body}` : body;
}
