/**
 * The calculator: an order typed by hand (any tab, supported or not). Every figure comes from the
 * background's engine (ui-bg-calculate): edits are gathered into one request per animation frame and
 * a reply older than the last request is dropped. A field the guard or the engine refuses shows its
 * reason beside it, and no figures are shown until it is fixed.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CalculatorFieldError, CalculatorInput, CalculatorResult, FigureKey, Mode, ModeAtMove, PriceMove } from '../contracts/evaluation.ts';
import { isRouterError, UiToBg } from '../contracts/messages.ts';
import { reason, type Reason, type Side } from '../contracts/reasons.ts';
import type { sendToBackground } from '../shared/messaging.ts';
import { FigureView } from '../ui/Figure.tsx';
import { SideLine } from '../ui/LimitChecks.tsx';
import { SidePictures } from '../ui/pictures/index.ts';
import { popupText, say } from '../ui/text/index.ts';
import { VENUES, venueById, type VenueId } from '../venues/registry.ts';
import { calculatorInput, emptyRow, leverageBound, OTHER_SYMBOL, type CalculatorForm, type PositionRowForm } from './form.ts';

/** Runs `callback` before the next paint (requestAnimationFrame in the pop-up; injected in tests). */
export type FrameScheduler = (callback: () => void) => void;

export interface CalculatorProps {
  initial: CalculatorForm;
  send: typeof sendToBackground;
  frame: FrameScheduler;
}

type Outcome =
  | { kind: 'waiting' }
  | { kind: 'invalid'; errors: CalculatorFieldError[] }
  | { kind: 'failed'; reason: Reason }
  | { kind: 'ready'; input: CalculatorInput; result: CalculatorResult };

const t = popupText;
const MODES: readonly Mode[] = ['isolated', 'cross'];
const FIGURE_ROWS = Object.keys(t.figureRows) as FigureKey[];
const PERCENT_FIGURES: ReadonlySet<FigureKey> = new Set(['liquidationDistancePct', 'worstCaseLossPct', 'marginRatio']);
const MONEY_FIGURES: ReadonlySet<FigureKey> = new Set(['initialMargin', 'maintenanceMargin', 'openFee', 'worstCaseLoss']);
const id = (field: string) => `calc-${field.replaceAll('.', '-')}`;

/** A reason beside its field, naming the field by its label rather than its key. */
function sayFor(why: Reason, label: string): string {
  const params = why.params as Record<string, unknown>;
  return 'field' in params ? say({ ...why, params: { ...params, field: label } } as Reason) : say(why);
}

export function Calculator({ initial, send, frame }: CalculatorProps) {
  const [form, setForm] = useState<CalculatorForm>(initial);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'waiting' });
  const latest = useRef(form);
  latest.current = form;
  const scheduled = useRef(false);
  const requests = useRef(0);
  const lastSent = useRef<string | null>(null);

  useEffect(() => {
    if (scheduled.current) return;
    scheduled.current = true;
    frame(() => {
      scheduled.current = false;
      const prepared = calculatorInput(latest.current);
      if ('invalid' in prepared) {
        requests.current++; // a reply still on its way describes an input that is gone
        lastSent.current = null;
        setOutcome({ kind: 'invalid', errors: prepared.invalid });
        return;
      }
      const key = JSON.stringify(prepared.input);
      if (key === lastSent.current) return; // only the price-move slider moved: the moves are all there
      lastSent.current = key;
      const request = ++requests.current;
      void send({ type: UiToBg.calculate, input: prepared.input }).then((answer) => {
        if (request !== requests.current) return;
        if (isRouterError(answer)) setOutcome({ kind: 'failed', reason: reason('background.unreachable', { detail: answer.error }) });
        else if ('invalid' in answer) setOutcome({ kind: 'invalid', errors: answer.invalid });
        else setOutcome({ kind: 'ready', input: prepared.input, result: answer });
      });
    });
  }, [form, frame, send]);

  const set = (patch: Partial<CalculatorForm>) => setForm((f) => ({ ...f, ...patch }));
  const setRow = (i: number, patch: Partial<PositionRowForm>) =>
    setForm((f) => ({ ...f, otherPositions: f.otherPositions.map((row, j) => (j === i ? { ...row, ...patch } : row)) }));
  const errors = outcome.kind === 'invalid' ? outcome.errors : [];
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  const ready = outcome.kind === 'ready' ? outcome : null;
  const venue = venueById(form.venue);
  const bound = leverageBound(form, ready?.result.maxLeverage);

  const field = (name: keyof typeof t.fields, value: string, onInput: (v: string) => void, errorKey: string = name) => {
    const error = errorFor(errorKey);
    return (
      <div class="field">
        <label for={id(errorKey)}>{t.fields[name]}</label>
        <input
          id={id(errorKey)}
          name={errorKey}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id(errorKey)}-error` : undefined}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        <FieldError error={error} label={t.fields[name]} />
      </div>
    );
  };

  return (
    <form class="calculator" data-section="calculator" onSubmit={(e) => e.preventDefault()} aria-labelledby="calc-heading">
      <h2 id="calc-heading" tabIndex={-1}>
        {t.calculator}
      </h2>
      <div class="field">
        <label for="calc-venue">{t.fields.venue}</label>
        <select
          id="calc-venue"
          name="venue"
          value={form.venue}
          onChange={(e) => {
            const next = e.currentTarget.value as VenueId;
            set({ venue: next, symbol: venueById(next).tierTables[0] ?? OTHER_SYMBOL });
          }}
        >
          {VENUES.map((v) => (
            <option value={v.id}>{v.name}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="calc-symbol-choice">{t.fields.symbol}</label>
        <select id="calc-symbol-choice" name="symbolChoice" value={form.symbol} onChange={(e) => set({ symbol: e.currentTarget.value })}>
          {venue.tierTables.map((symbol) => (
            <option value={symbol}>{symbol}</option>
          ))}
          <option value={OTHER_SYMBOL}>{t.fields.otherSymbol}</option>
        </select>
      </div>
      {form.symbol === OTHER_SYMBOL ? (
        <>
          <div class="field">
            <label for="calc-symbol">{t.fields.customSymbol}</label>
            <input id="calc-symbol" name="symbol" type="text" autoComplete="off" value={form.customSymbol} aria-invalid={errorFor('symbol') ? 'true' : undefined}
              aria-describedby={errorFor('symbol') ? 'calc-symbol-error' : undefined} onInput={(e) => set({ customSymbol: e.currentTarget.value })} />
            <FieldError error={errorFor('symbol')} label={t.fields.customSymbol} />
          </div>
          {field('maintenanceRatePct', form.maintenanceRatePct, (v) => set({ maintenanceRatePct: v }))}
        </>
      ) : null}
      <fieldset class="choice">
        <legend>{t.fields.side}</legend>
        {(['long', 'short'] as const).map((s) => (
          <label>
            <input type="radio" name="side" value={s} checked={form.side === s} onChange={() => set({ side: s })} /> {t.sides[s]}
          </label>
        ))}
      </fieldset>
      {field('entryPrice', form.entryPrice, (v) => set({ entryPrice: v }))}
      {field('markPrice', form.markPrice, (v) => set({ markPrice: v }))}
      <div class="field">
        <label for="calc-leverage">{t.fields.leverage}</label>
        <input
          id="calc-leverage"
          name="leverage"
          type="range"
          min="1"
          max={bound}
          step="1"
          value={form.leverage}
          aria-valuetext={t.leverageValue(form.leverage, bound)}
          aria-describedby="calc-leverage-value"
          onInput={(e) => set({ leverage: e.currentTarget.value })}
        />
        <output id="calc-leverage-value" for="calc-leverage" data-value={form.leverage}>
          {t.leverageValue(form.leverage, bound)}
        </output>
        <FieldError error={errorFor('leverage')} label={t.fields.leverage} />
      </div>
      <fieldset class="choice">
        <legend>{t.fields.amountBy}</legend>
        {(['size', 'margin'] as const).map((by) => (
          <label>
            <input type="radio" name="amountBy" value={by} checked={form.amountBy === by} onChange={() => set({ amountBy: by })} /> {t.fields[by]}
          </label>
        ))}
      </fieldset>
      {field(form.amountBy, form.amount, (v) => set({ amount: v }))}
      {field('walletBalance', form.walletBalance, (v) => set({ walletBalance: v }))}
      <fieldset class="others">
        <legend>{t.fields.otherPositions}</legend>
        {form.otherPositions.map((row, i) => (
          <OtherPositionRow row={row} index={i} errorFor={errorFor} onChange={(patch) => setRow(i, patch)}
            onRemove={() => setForm((f) => ({ ...f, otherPositions: f.otherPositions.filter((_, j) => j !== i) }))} />
        ))}
        <button type="button" data-action="add-position" onClick={() => setForm((f) => ({ ...f, otherPositions: [...f.otherPositions, emptyRow()] }))}>
          {t.addPosition}
        </button>
      </fieldset>
      {field('addedIsolatedMargin', form.addedIsolatedMargin, (v) => set({ addedIsolatedMargin: v }))}
      <Results outcome={outcome} form={form} onMove={(movePct) => set({ movePct })} />
    </form>
  );
}

/** The fields the form shows now, each with its place for an error. */
function shownFields(form: CalculatorForm): Set<string> {
  const fields = ['entryPrice', 'markPrice', 'leverage', form.amountBy, 'walletBalance', 'addedIsolatedMargin'];
  if (form.symbol === OTHER_SYMBOL) fields.push('symbol', 'maintenanceRatePct');
  form.otherPositions.forEach((_, i) => fields.push(...['symbol', 'size', 'entryPrice', 'markPrice'].map((key) => `otherPositions.${i}.${key}`)));
  return new Set(fields);
}

function FieldError({ error, label }: { error: CalculatorFieldError | undefined; label: string }) {
  if (!error) return null;
  return (
    <p class="field-error" id={`${id(error.field)}-error`} data-error-for={error.field} data-reason={error.reason.code}>
      {sayFor(error.reason, label)}
    </p>
  );
}

interface RowProps {
  row: PositionRowForm;
  index: number;
  errorFor(field: string): CalculatorFieldError | undefined;
  onChange(patch: Partial<PositionRowForm>): void;
  onRemove(): void;
}

function OtherPositionRow({ row, index, errorFor, onChange, onRemove }: RowProps) {
  const n = index + 1;
  const cell = (key: 'symbol' | 'size' | 'entryPrice' | 'markPrice') => {
    const field = `otherPositions.${index}.${key}`;
    const label = t.rowField(n, t.rowFields[key]);
    const error = errorFor(field);
    return (
      <div class="cell">
        <label for={id(field)}>{t.rowFields[key]}</label>
        <input id={id(field)} name={field} type="text" autoComplete="off" inputMode={key === 'symbol' ? undefined : 'decimal'} value={row[key]}
          aria-label={label} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id(field)}-error` : undefined}
          onInput={(e) => onChange({ [key]: e.currentTarget.value })} />
        <FieldError error={error} label={label} />
      </div>
    );
  };
  return (
    <div class="position-row" data-row={index}>
      {cell('symbol')}
      <div class="cell">
        <label for={id(`otherPositions.${index}.side`)}>{t.rowFields.side}</label>
        <select id={id(`otherPositions.${index}.side`)} name={`otherPositions.${index}.side`} aria-label={t.rowField(n, t.rowFields.side)} value={row.side}
          onChange={(e) => onChange({ side: e.currentTarget.value as Side })}>
          <option value="long">{t.sides.long}</option>
          <option value="short">{t.sides.short}</option>
        </select>
      </div>
      {cell('size')}
      {cell('entryPrice')}
      {cell('markPrice')}
      <button type="button" class="remove" data-action="remove-position" onClick={onRemove}>
        {t.removePosition(n)}
      </button>
    </div>
  );
}

function Results({ outcome, form, onMove }: { outcome: Outcome; form: CalculatorForm; onMove(movePct: string): void }) {
  if (outcome.kind === 'waiting') return <p class="status" data-calc="waiting">{t.calculating}</p>;
  if (outcome.kind === 'failed') {
    return (
      <p class="status error" data-calc="failed" data-reason={outcome.reason.code}>
        {say(outcome.reason)}
      </p>
    );
  }
  if (outcome.kind === 'invalid') {
    // Errors the form cannot place beside a field (e.g. the venue's) are said here.
    const unplaced = outcome.errors.filter((e) => !shownFields(form).has(e.field));
    return (
      <div class="status" data-calc="invalid">
        <p>{t.noFigures}</p>
        {unplaced.map((e) => (
          <p class="field-error" data-error-for={e.field} data-reason={e.reason.code}>
            {say(e.reason)}
          </p>
        ))}
      </div>
    );
  }
  const { result } = outcome;
  const evaluation = result.evaluation;
  const side = evaluation.sides[0]!;
  const move = result.moves.find((m) => m.movePct === form.movePct) ?? result.moves.find((m) => m.movePct === '0')!;
  const notes = [...new Map(MODES.flatMap((mode) => FIGURE_ROWS.map((key) => side[mode][key])).filter((f) => f.kind !== 'value').map((f) => [JSON.stringify(f.reason), f.reason])).values()];
  return (
    <section class="results" data-calc="ready" aria-live="polite">
      <table class="figures">
        <thead>
          <tr>
            <th scope="col">{t.sides[side.side]}</th>
            {MODES.map((mode) => (
              <th scope="col" data-mode={mode}>{t.modes[mode]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {FIGURE_ROWS.map((key) => (
            <tr>
              <th scope="row">
                {t.figureRows[key]}
                {MONEY_FIGURES.has(key) ? <span class="unit"> {evaluation.quoteAsset}</span> : null}
              </th>
              {MODES.map((mode) => (
                <td>
                  <FigureView field={`${side.side}.${mode}.${key}`} figure={side[mode][key]} unit={PERCENT_FIGURES.has(key) ? '%' : ''} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {notes.length > 0 ? (
        <ul class="notes" data-role="missing">
          {notes.map((n) => (
            <li data-reason={n.code}>{say(n)}</li>
          ))}
        </ul>
      ) : null}
      <SideLine side={side} currentMode={evaluation.currentMode} pending={false} />
      <MoveSlider moves={result.moves} move={move} onMove={onMove} />
      <SidePictures evaluation={evaluation} side={side} />
      {evaluation.assumptions.length > 0 ? (
        <ul class="assumptions" data-role="assumptions">
          {evaluation.assumptions.map((a) => (
            <li data-reason={a.code}>{say(a)}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function MoveSlider({ moves, move, onMove }: { moves: readonly PriceMove[]; move: PriceMove; onMove(movePct: string): void }) {
  const index = moves.indexOf(move);
  const shown = t.atMove(t.moveValue(move.movePct), move.price);
  return (
    <div class="moves" data-role="moves" data-move={move.movePct}>
      <label for="calc-move">{t.fields.move}</label>
      <input
        id="calc-move"
        name="movePct"
        type="range"
        min="0"
        max={String(moves.length - 1)}
        step="1"
        value={String(index)}
        aria-valuetext={shown}
        aria-describedby="calc-move-value"
        onInput={(e) => onMove(moves[Number(e.currentTarget.value)]!.movePct)}
      />
      <output id="calc-move-value" for="calc-move" data-value={move.movePct}>
        {shown}
      </output>
      <table class="move-figures">
        <thead>
          <tr>
            <td />
            {MODES.map((mode) => (
              <th scope="col" data-mode={mode}>{t.modes[mode]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(['pnl', 'marginRatioPct', 'risk'] as const).map((row) => (
            <tr>
              <th scope="row">{t.moveRows[row]}</th>
              {MODES.map((mode) => (
                <td>
                  <MoveFigure field={`move.${mode}.${row}`} at={move[mode]} row={row} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One figure at the slider's move, under the same data-field / data-value contract as FigureView. */
function MoveFigure({ field, at, row }: { field: string; at: ModeAtMove | null; row: 'pnl' | 'marginRatioPct' | 'risk' }) {
  if (at === null) {
    return (
      <span class="fig unavailable" data-field={field} data-value="unavailable">
        —
      </span>
    );
  }
  if (row === 'risk') {
    return (
      <span class={`fig risk risk-${at.risk}`} data-field={field} data-value={at.risk}>
        {t.risk[at.risk]}
      </span>
    );
  }
  if (row === 'pnl') {
    return (
      <span class="fig" data-field={field} data-value={at.pnl} title={at.pnl}>
        {at.display?.pnl ?? at.pnl}
      </span>
    );
  }
  if (at.marginRatioPct === null) {
    return (
      <span class="fig none" data-field={field} data-value="none" title={say(reason('figure.equityNotPositive'))}>
        {t.risk.liquidated}
      </span>
    );
  }
  return (
    <span class="fig" data-field={field} data-value={at.marginRatioPct} title={`${at.marginRatioPct}%`}>
      {`${at.display?.marginRatioPct ?? at.marginRatioPct}%`}
    </span>
  );
}
