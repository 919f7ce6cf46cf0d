/**
 * The calculator's form: what the user typed (strings, as typed), filled from a tab's evaluation or
 * empty, and turned into the CalculatorInput the background computes. A field is checked by the
 * message guard itself (the background refuses what it refuses) and the reason is kept beside it.
 */
import type { CalculatorFieldError, CalculatorInput, Evaluation, InputUsed } from '../contracts/evaluation.ts';
import { UiToBg } from '../contracts/messages.ts';
import { requestProblem } from '../contracts/guards.ts';
import { reason, type ItemCode, type Side } from '../contracts/reasons.ts';
import { VENUES, venueById, type VenueId } from '../venues/registry.ts';
import { bundledTable } from '../venues/tiers.ts';

export interface PositionRowForm {
  symbol: string;
  side: Side;
  size: string;
  entryPrice: string;
  markPrice: string;
}

export interface CalculatorForm {
  venue: VenueId;
  /** One of the venue's bundled tier tables, or OTHER_SYMBOL (then `customSymbol` and the rate apply). */
  symbol: string;
  customSymbol: string;
  maintenanceRatePct: string;
  side: Side;
  entryPrice: string;
  markPrice: string;
  leverage: string;
  amountBy: 'size' | 'margin';
  amount: string;
  walletBalance: string;
  otherPositions: PositionRowForm[];
  addedIsolatedMargin: string;
  /** One of CALCULATOR_MOVES. */
  movePct: string;
}

export const OTHER_SYMBOL = '';

/** The leverage slider's bound when no tier table says it: no table is bundled for the symbol. */
export const UNBOUNDED_LEVERAGE = '100';

export function emptyForm(venue: VenueId = VENUES[0].id): CalculatorForm {
  return {
    venue,
    symbol: venueById(venue).tierTables[0] ?? OTHER_SYMBOL,
    customSymbol: '',
    maintenanceRatePct: '',
    side: 'long',
    entryPrice: '',
    markPrice: '',
    leverage: '10',
    amountBy: 'size',
    amount: '',
    walletBalance: '',
    otherPositions: [],
    addedIsolatedMargin: '',
    movePct: '0',
  };
}

export const emptyRow = (): PositionRowForm => ({ symbol: '', side: 'long', size: '', entryPrice: '', markPrice: '' });

const inputOf = (inputs: readonly InputUsed[], item: ItemCode) => inputs.find((i) => i.item === item && i.side === undefined)?.value;

/**
 * The calculator filled with a tab's order: venue and symbol, the first side the form submits, and the
 * price, mark, leverage, size, wallet and extra margin the evaluation used. The symbol's bundled table is
 * chosen when there is one; otherwise the symbol is typed and the maintenance rate the evaluation assumed.
 */
export function formFromEvaluation(venue: VenueId, evaluation: Evaluation): CalculatorForm {
  const inputs = evaluation.inputs;
  const bundled = venueById(venue).tierTables.includes(evaluation.symbol);
  const maintenance = inputs.find((i) => i.item === 'maintenanceTiers');
  return {
    ...emptyForm(venue),
    symbol: bundled ? evaluation.symbol : OTHER_SYMBOL,
    customSymbol: bundled ? '' : evaluation.symbol,
    maintenanceRatePct: !bundled && maintenance?.source === 'assumption' ? maintenance.value : '',
    side: evaluation.sides[0]?.side ?? 'long',
    entryPrice: inputOf(inputs, 'price') ?? '',
    markPrice: inputOf(inputs, 'markPrice') ?? '',
    leverage: inputOf(inputs, 'leverage') ?? '10',
    amount: inputOf(inputs, 'quantity') ?? '',
    walletBalance: inputOf(inputs, 'crossWallet') ?? '',
    addedIsolatedMargin: inputOf(inputs, 'addedIsolatedMargin') ?? '',
  };
}

export const symbolOf = (form: CalculatorForm) => (form.symbol === OTHER_SYMBOL ? form.customSymbol.trim() : form.symbol);

/** The leverage slider's upper bound: the result's first-tier maximum, else the bundled table's, else UNBOUNDED_LEVERAGE. */
export function leverageBound(form: CalculatorForm, resultMax: string | null | undefined): string {
  if (resultMax) return resultMax;
  const table = form.symbol === OTHER_SYMBOL ? undefined : bundledTable(form.venue, form.symbol);
  return table?.tiers[0]?.maxLeverage ?? UNBOUNDED_LEVERAGE;
}

/** A valid input the guard accepts: each field is checked by putting the user's value into it. */
const BASE: CalculatorInput = { venue: VENUES[0].id, symbol: 'X', side: 'long', entryPrice: '1', leverage: '1', size: '1', otherPositions: [] };
const BASE_ROW = { symbol: 'X', side: 'long', size: '1', entryPrice: '1', markPrice: '1' } as const;
const guardAccepts = (input: CalculatorInput) => requestProblem({ type: UiToBg.calculate, input }) === null;

/** The form as a CalculatorInput, or every field the guard (or a required field) refuses, with the reason. */
export function calculatorInput(form: CalculatorForm): { input: CalculatorInput } | { invalid: CalculatorFieldError[] } {
  const invalid: CalculatorFieldError[] = [];
  const text = (field: string, value: string, required: boolean): string | undefined => {
    const v = value.trim();
    if (v === '') {
      if (required) invalid.push({ field, reason: reason('input.required', { field }) });
      return undefined;
    }
    return v;
  };
  const decimal = (field: keyof CalculatorInput, value: string, required: boolean) => {
    const v = text(field, value, required);
    if (v !== undefined && !guardAccepts({ ...BASE, [field]: v })) invalid.push({ field, reason: reason('input.notDecimal', { field }) });
    return v;
  };
  const symbol = text('symbol', symbolOf(form), true);
  if (symbol !== undefined && !guardAccepts({ ...BASE, symbol })) invalid.push({ field: 'symbol', reason: reason('input.unknownSymbol', { symbol }) });
  const custom = form.symbol === OTHER_SYMBOL;
  const input: CalculatorInput = {
    venue: form.venue,
    symbol: symbol ?? '',
    side: form.side,
    entryPrice: decimal('entryPrice', form.entryPrice, true) ?? '',
    leverage: decimal('leverage', form.leverage, true) ?? '',
    otherPositions: form.otherPositions.map((row, i) => {
      const cell = (key: 'size' | 'entryPrice' | 'markPrice') => {
        const field = `otherPositions.${i}.${key}`;
        const v = text(field, row[key], true);
        if (v !== undefined && !guardAccepts({ ...BASE, otherPositions: [{ ...BASE_ROW, [key]: v }] })) invalid.push({ field, reason: reason('input.notDecimal', { field }) });
        return v ?? '';
      };
      const rowSymbol = text(`otherPositions.${i}.symbol`, row.symbol, true) ?? '';
      if (rowSymbol && !guardAccepts({ ...BASE, otherPositions: [{ ...BASE_ROW, symbol: rowSymbol }] })) {
        invalid.push({ field: `otherPositions.${i}.symbol`, reason: reason('input.unknownSymbol', { symbol: rowSymbol }) });
      }
      return { symbol: rowSymbol, side: row.side, size: cell('size'), entryPrice: cell('entryPrice'), markPrice: cell('markPrice') };
    }),
  };
  const amount = decimal(form.amountBy, form.amount, true);
  if (amount !== undefined) input[form.amountBy] = amount;
  const optionalFields = [
    ['markPrice', form.markPrice],
    ['walletBalance', form.walletBalance],
    ['addedIsolatedMargin', form.addedIsolatedMargin],
    ...(custom ? ([['maintenanceRatePct', form.maintenanceRatePct]] as const) : []),
  ] as const;
  for (const [field, value] of optionalFields) {
    const v = decimal(field, value, false);
    if (v !== undefined) input[field] = v;
  }
  return invalid.length > 0 ? { invalid } : { input };
}
