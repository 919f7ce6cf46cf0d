/**
 * The positions list the way every reader reports it (src/adapters/README.md, "Tables", "Fail closed"):
 * rows read as page text, then parsed once the page's number format is decided; a list that is not
 * whole is never "no position"; the form's own symbol and the other symbols are told apart.
 */
import type { Field, MarginMode, PositionRow, Side, SizeUnit } from '../../contracts/snapshot';
import { reason, type Reason } from '../../contracts/reasons';
import { ambiguous, missing, parseNum, passOn, readField, type NumText } from './fields';
import type { FormatDecision } from './locale-number';

/** A row as read, its numbers still page text. */
export interface RawPositionRow {
  symbol: string;
  quoteAsset: string;
  side: Side;
  /** Unsigned size text in `sizeUnit`. */
  size: NumText;
  sizeUnit: SizeUnit;
  entryPrice: NumText;
  /** null: the row shows no mark (`--`); it cannot be priced. */
  markPrice: NumText | null;
  marginMode: MarginMode;
  /** As shown (`20`), or page text to parse when the page writes it with decimals (`10.00`). */
  leverage: string | NumText;
  margin?: NumText;
  exchangeLiquidationPrice: NumText | null;
}

/** Why a list is not read: by the page's own state (missing) or because it cannot be told (ambiguous). */
export type Status = { kind: 'missing' | 'ambiguous'; why: Reason };

export function unreadList<R>({ kind, why }: Status, raw: string | undefined): Field<R[]> {
  return kind === 'missing' ? missing<R[]>(why, raw) : ambiguous<R[]>(why, raw);
}

/** Logged out or not known to be logged in: no list to read. */
export function loginStatus(loggedIn: Field<boolean>): Status | null {
  if (loggedIn.status !== 'read') return { kind: 'missing', why: reason('positions.loginUnknown') };
  if (loggedIn.value === false) return { kind: 'missing', why: reason('page.loginToSee', { item: 'positions' }) };
  return null;
}

/** The rows must be as many as the tab counts. */
export function countStatus(rows: number, count: number): Status | null {
  if (rows < count) return { kind: 'missing', why: reason('positions.incomplete', { missing: count - rows, count }) };
  if (rows > count) return { kind: 'ambiguous', why: reason('positions.tooMany', { rows, count }) };
  return null;
}

/** The form symbol's rows and the others, both read. */
export function splitOwn<R extends { symbol: string }>(rows: readonly R[], symbol: string | null, raw: string | undefined): { own: Field<R[]>; others: Field<R[]> } {
  return { own: readField(rows.filter((row) => row.symbol === symbol), raw), others: readField(rows.filter((row) => row.symbol !== symbol), raw) };
}

/** A signed size text (`-0.300`): its side and magnitude; null when it is zero (no position). */
export function signedSize(text: string): { side: Side; magnitude: string } | null {
  const magnitude = text.replace(/^[+-]/, '');
  if (/^[0.,]+$/.test(magnitude)) return null;
  return { side: text.startsWith('-') ? 'short' : 'long', magnitude };
}

/** Every page number in a row, in the order the page's format is decided from. */
export function rowNumbers(row: RawPositionRow): NumText[] {
  const leverage = typeof row.leverage === 'string' ? null : row.leverage;
  return [row.size, row.entryPrice, row.markPrice, leverage, row.margin, row.exchangeLiquidationPrice].filter((n): n is NumText => n != null);
}

/** `10.00` → `10`, `12.50` → `12.5`: a leverage as a plain number. */
export function trimZeros(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

type RowItem = 'positionSize' | 'positionEntry' | 'positionMark' | 'positionLeverage' | 'positionMargin' | 'positionLiquidation';

/** The rows parsed with the decided format; one number that is not one makes the whole list unreadable. */
export function resolvePositions(field: Field<RawPositionRow[]>, format: FormatDecision): Field<PositionRow[]> {
  if (field.status !== 'read' || field.value === undefined) return passOn(field);
  if (format.status !== 'read') return ambiguous(format.why, field.raw);
  const rows: PositionRow[] = [];
  for (const raw of field.value) {
    const num = (n: NumText): string | null => parseNum(n, format);
    const size = num(raw.size);
    const entryPrice = num(raw.entryPrice);
    const markPrice = raw.markPrice === null ? null : num(raw.markPrice);
    const parsedLeverage = typeof raw.leverage === 'string' ? raw.leverage : num(raw.leverage);
    const leverage = typeof raw.leverage === 'string' || parsedLeverage === null ? parsedLeverage : trimZeros(parsedLeverage);
    const liq = raw.exchangeLiquidationPrice === null ? null : num(raw.exchangeLiquidationPrice);
    const margin = raw.margin === undefined ? undefined : num(raw.margin);
    const bad = (item: RowItem, text: string) => ambiguous<PositionRow[]>(reason('positions.rowUnreadable', { symbol: raw.symbol, item, text }), field.raw);
    if (size === null) return bad('positionSize', raw.size.text);
    if (entryPrice === null) return bad('positionEntry', raw.entryPrice.text);
    if (markPrice === null) return bad('positionMark', raw.markPrice?.text ?? '--');
    if (leverage === null) return bad('positionLeverage', (raw.leverage as NumText).text);
    if (margin === null) return bad('positionMargin', raw.margin?.text ?? '');
    if (raw.exchangeLiquidationPrice !== null && liq === null) return bad('positionLiquidation', raw.exchangeLiquidationPrice.text);
    const row: PositionRow = {
      symbol: raw.symbol,
      quoteAsset: raw.quoteAsset,
      side: raw.side,
      size,
      sizeUnit: raw.sizeUnit,
      entryPrice,
      markPrice,
      marginMode: raw.marginMode,
      leverage,
      exchangeLiquidationPrice: liq,
    };
    if (margin !== undefined) row.margin = margin;
    rows.push(row);
  }
  return readField(rows, field.raw);
}

/** A positions list as read: this symbol's rows and the others', where they came from, and whether all was there. */
export interface PositionsReading<R extends RawPositionRow> {
  own: Field<R[]>;
  others: Field<R[]>;
  /** What the reading came from (the watcher observes it). */
  sources: Element[];
  /** False while a part is not on the page at all. */
  complete: boolean;
}
