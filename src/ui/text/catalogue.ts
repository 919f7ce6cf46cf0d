/**
 * The shape of a text catalogue: every reason code, every item and every input source, in one
 * language. The type makes a catalogue complete: a new code does not compile until it has its words.
 */
import type { FigureKey, InputSource, LimitKey, LimitStatus, RiskLevel } from '../../contracts/evaluation';
import type { ItemCode, Mode, Reason, ReasonCode, ReasonParams, Side } from '../../contracts/reasons';
import type { LadderPriceKey } from '../pictures/ladder';

/** What a reason's words may use: its parameters, and the catalogue itself for items and nested reasons. */
export interface Speaker {
  item(code: ItemCode): string;
  limit(key: LimitKey): string;
  say(reason: Reason): string;
}

export interface Catalogue {
  reasons: { [C in ReasonCode]: (params: ReasonParams[C], t: Speaker) => string };
  items: Record<ItemCode, string>;
  /** The name of each risk limit, as the options page and the limit rows call it. */
  limits: Record<LimitKey, string>;
  sources: Record<InputSource, string>;
  /** Fixed texts of the panel and the pop-up. */
  ui: {
    worstCaseDefinition: string;
    inputsAndAssumptions: string;
    /** An input's origin: its source, the page text it was read from, a data file's provenance. */
    inputOrigin(source: string, pageText: string | undefined, provenance: string | undefined): string;
  };
  /** The pictures (price ladder, PnL chart) and their text alternatives. */
  pictures: PictureWords;
  /** The toolbar pop-up: this tab's reading and order, and the calculator. */
  popup: PopupWords;
  /** The confirm step's dialog (an order held back because it breaks the trader's limits). */
  confirm: ConfirmWords;
  /** The panel's texts beyond the figure table: limits, more figures, cross stress, pictures. */
  panel: PanelWords;
}

/** The panel's words; `shown` values are display strings, `sentence` a reason already said. */
export interface PanelWords {
  sides: Record<Side, string>;
  /** Where a verdict or a warning applies, e.g. "Long, cross". */
  sideMode(side: Side, mode: Mode): string;
  /** A limit's status as a short badge beside its sentence. */
  status: Record<LimitStatus, string>;
  /** The limits section's summary: how many of the limits checked fail or are unchecked. */
  limitsHeading(failing: number, unchecked: number, total: number): string;
  /** A side's compact line when nothing fails and nothing is unchecked. */
  withinLimits(count: number): string;
  /** The shown text of a limit whose verdict is not back yet. */
  limitPending: string;
  moreFigures: string;
  figureRows: Record<'maxSizeWithinLimits' | 'stopBufferPct' | 'openFee' | 'closeFee' | 'fundingCarry', string>;
  /** The unit of an order size. */
  baseUnits: string;
  stress: string;
  stressSlider(side: Side): string;
  /** The slider's value as read out and shown, e.g. "+10%". */
  stressMove(movePct: string): string;
  stressRows: Record<'equity' | 'requirement' | 'marginRatioPct', string>;
  accountLiquidationMove: string;
  pictures: string;
}

export interface ConfirmWords {
  title: string;
  /** One held side's heading, e.g. "Long order". */
  side(side: Side): string;
  mode(mode: Mode): string;
  /** How to submit it anyway: activate the same button again within the window. */
  again(seconds: number): string;
  submitAnyway: string;
  /** What "Submit anyway" does: it only takes you back to the button. */
  submitAnywayHint: string;
  cancel: string;
}

/** The pictures' words; `shown` values are display strings, `why` a reason already said. */
export interface PictureWords {
  prices: Record<LadderPriceKey, string>;
  modes: Record<Mode, string>;
  sides: Record<Side, string>;
  ladderTitle(side: string, symbol: string): string;
  pnlTitle(side: string, symbol: string): string;
  /** The accessible name: the title and the facts, in one sentence. */
  summary(title: string, facts: string[]): string;
  price(name: string, shown: string): string;
  /** A stop-loss or take-profit the form does not carry (or a mark not read). */
  notSet: string;
  notDrawn(name: string, why: string): string;
  noPicture(why: string): string;
  /** `below`: the loss lies below the entry (a long). `to` null: no liquidation price. */
  lossZone(mode: string, entry: string, to: string | null, below: boolean): string;
  /** The mode's loss floor (its worst-case loss, negative) in the quote asset. */
  floor(mode: string, loss: string, quote: string): string;
  pnlLine(mode: string, points: string[]): string;
  pnlPoint(price: string, pnl: string): string;
  /** The button that shows the text alternative. */
  asText: string;
}

/** The pop-up's words: the tab section, the order summary and the calculator's fields and results. */
export interface PopupWords {
  title: string;
  tagline: string;
  checking: string;
  askFailed(detail: string): string;
  unsupported(venues: string): string;
  updated(time: string): string;
  /** The page gave every field the figures need. */
  readOk: string;
  /** The page did not give every field: the reasons follow. */
  readMissing: string;
  summary: Record<'symbol' | 'sides' | 'size' | 'leverage' | 'mode' | 'liquidation' | 'failing', string>;
  /** The exchange's margin mode is not shown on the page. */
  modeUnknown: string;
  noFailingLimit: string;
  openInCalculator: string;
  /** The page's other cross positions are not in the evaluation: the calculator starts without them. */
  othersNotCarried(count: string): string;
  options: string;
  calculator: string;
  fields: Record<
    | 'venue' | 'symbol' | 'otherSymbol' | 'customSymbol' | 'maintenanceRatePct' | 'side' | 'entryPrice' | 'markPrice' | 'leverage'
    | 'amountBy' | 'size' | 'margin' | 'walletBalance' | 'otherPositions' | 'addedIsolatedMargin' | 'move',
    string
  >;
  rowFields: Record<'symbol' | 'side' | 'size' | 'entryPrice' | 'markPrice', string>;
  /** A row field's accessible name, e.g. "Position 2: size". */
  rowField(row: number, field: string): string;
  addPosition: string;
  removePosition(row: number): string;
  sides: Record<Side, string>;
  leverageValue(leverage: string, max: string): string;
  moveValue(movePct: string): string;
  /** The slider's price at the move. */
  atMove(movePct: string, price: string): string;
  moveRows: Record<'pnl' | 'marginRatioPct' | 'risk', string>;
  risk: Record<RiskLevel, string>;
  figureRows: Partial<Record<FigureKey, string>>;
  modes: Record<Mode, string>;
  calculating: string;
  noFigures: string;
}
