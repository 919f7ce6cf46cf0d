import { D } from '../../src/shared/decimal.ts';
import { describe, expect, it } from 'vitest';
import type { FormSnapshot, PositionRow } from '../../src/contracts/snapshot';
import type { Evaluation } from '../../src/contracts/evaluation';
import type { EvaluateResult } from '../../src/contracts/messages';
import { reason, type Reason } from '../../src/contracts/reasons';
import { withDisplayStrings } from '../../src/background/display';
import { formatDecimal } from '../../src/shared/plain-decimal';
import { evaluateSnapshot } from '../../src/background/evaluate';
import { evaluateOrder } from '../../src/engine/index';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { venueById } from '../../src/venues/registry';
import { bundledTable } from '../../src/venues/tiers';
import { buildSnapshot, missing, positionRow, read } from '../support/snapshots';

/** The shared valid snapshot set to round numbers these expectations are written against. */
const ROUND: Partial<FormSnapshot> = {
  price: read('61000', '61000.0'),
  quantity: read('0.5', '0.500'),
  maxBuy: missing(reason('page.notShownYet', { item: 'maxBuy' })),
  maxSell: missing(reason('page.notShownYet', { item: 'maxSell' })),
  walletBalance: read('10000', '10,000.00 USDT'),
  marginBalance: read('10000'),
  markPrice: read('61000', '61,000.0'),
  ownPositions: read([] as PositionRow[]),
  otherPositions: read([] as PositionRow[]),
};

const evaluate = (...over: Partial<FormSnapshot>[]) => evaluateSnapshot(buildSnapshot(ROUND, ...over), DEFAULT_SETTINGS);

function evaluation(result: EvaluateResult): Evaluation {
  if (!('evaluation' in result)) throw new Error(`unavailable: ${JSON.stringify(result.unavailable)}`);
  return result.evaluation;
}

const table = bundledTable('binance-usdm', 'BTCUSDT')!;
const venue = venueById('binance-usdm');
const unavailable = (why: Reason) => ({ kind: 'unavailable', reason: why });

/** An existing BTCUSDT long on the positions list. */
const OWN_LONG = positionRow({ symbol: 'BTCUSDT', side: 'long', size: '0.2', entryPrice: '60000', markPrice: '61000', leverage: '20' });

describe('evaluateSnapshot', () => {
  it('evaluates both sides with the bundled brackets and the settings fee, same as the engine directly', () => {
    const e = evaluation(evaluate());
    const direct = evaluateOrder({
      rule: 'binance', symbol: 'BTCUSDT', quoteAsset: 'USDT', positionMode: 'oneWay', sides: ['long'], action: 'open',
      order: { type: 'limit', price: '61000', quantity: '0.5', leverage: '20' },
      market: { markPrice: '61000', maintenance: { table }, takerRate: '0.0005' },
      account: { existing: [], cross: { walletBalance: '10000', otherPositions: [] }, accountEquity: '10000' },
    });
    if ('error' in direct) throw new Error(direct.error.reason.code);
    expect(e.sides.map((s) => s.side)).toEqual(['long', 'short']);
    const shown = withDisplayStrings(direct);
    expect(e.sides[0]!.isolated).toEqual(shown.sides[0]!.isolated);
    expect(e.sides[0]!.cross).toEqual(shown.sides[0]!.cross);
    expect(e.currentMode).toBe('cross');
    expect(e.assumptions).toContainEqual(reason('assume.defaultFee', { venue: venue.name, tier: venue.fees.tier, takerPct: venue.fees.takerPct }));
    expect(e.inputs.find((i) => i.item === 'quantity')).toMatchObject({ value: '0.5', pageText: '0.500' });
  });

  it('makes no fee assumption once the user set their own fee', () => {
    const settings = structuredClone(DEFAULT_SETTINGS);
    settings.fees['binance-usdm'].takerPct = '0.04';
    const e = evaluation(evaluateSnapshot(buildSnapshot(ROUND), settings));
    expect(e.assumptions.map((a) => a.code)).not.toContain('assume.defaultFee');
    expect(e.inputs.find((i) => i.item === 'takerFee')).toMatchObject({ value: '0.04' });
  });

  it("converts a quote size at the order price and a percent size with each side's Max", () => {
    const quote = evaluation(evaluate({ quantity: read('30500'), quantityUnit: read('quote' as const) }));
    expect(quote.sides[0]!.resulting).toMatchObject({ size: '0.5' });
    const maxBuy = read({ amount: '2', unit: 'base' as const }, '2.000 BTC');
    const pct = evaluation(evaluate({ quantity: read('25'), quantityUnit: read('percent' as const), maxBuy }));
    expect(pct.sides[0]!.resulting).toMatchObject({ side: 'long', size: '0.5' });
    expect(pct.sides[1]!.isolated.liquidationPrice).toEqual(
      unavailable(reason('evaluate.cantRead', { item: 'maxSell', cause: reason('page.notShownYet', { item: 'maxSell' }) })),
    );
  });

  it('a side whose size cannot be known still lists every limit the user set: unchecked with the reason, where it needs a size', () => {
    const maxBuy = read({ amount: '2', unit: 'base' as const }, '2.000 BTC');
    const settings = {
      ...DEFAULT_SETTINGS,
      limits: { ...DEFAULT_SETTINGS.limits, maxLeverage: '10', maxLoss: '500', minLiquidationDistancePct: '5', maxCrossExposure: '3', stopLossRequired: true },
    };
    const result = evaluateSnapshot(buildSnapshot(ROUND, { quantity: read('25'), quantityUnit: read('percent' as const), maxBuy }), settings);
    const e = evaluation(result);
    const why = reason('evaluate.cantRead', { item: 'maxSell', cause: reason('page.notShownYet', { item: 'maxSell' }) });
    const short = e.sides.find((s) => s.side === 'short')!;
    const long = e.sides.find((s) => s.side === 'long')!;
    for (const mode of ['isolated', 'cross'] as const) {
      expect(short[mode].liquidationPrice).toEqual(unavailable(why));
      // The same limits, in the same order, as on the side that could be priced.
      expect(short[mode].limits.map((c) => c.limit)).toEqual(long[mode].limits.map((c) => c.limit));
      expect(short[mode].limits.map((c) => c.limit)).toEqual(['maxLeverage', 'stopLossRequired', 'maxLoss', 'minLiquidationDistancePct', 'maxCrossExposure']);
      const bySize = short[mode].limits.filter((c) => c.limit !== 'maxLeverage' && c.limit !== 'stopLossRequired');
      for (const c of bySize) expect(c).toEqual({ limit: c.limit, status: 'unchecked', reason: reason('limit.unchecked', { limit: c.limit, cause: why }) });
      // The leverage (20x > 10x) and the missing stop-loss need no size: they fail on this side too.
      expect(short[mode].limits.find((c) => c.limit === 'maxLeverage')!.status).toBe('fail');
      expect(short[mode].limits.find((c) => c.limit === 'stopLossRequired')!.status).toBe('fail');
    }
    // No quantity was read for that side: the inputs list the long's only.
    expect(e.inputs.filter((i) => i.item === 'quantity')).toEqual([expect.objectContaining({ value: '0.5' })]);
  });

  it("keeps each side's own assumptions (a limit that crosses the mark on one side only)", () => {
    // A limit at 60,000 with the mark at 61,000: the buy rests, the sell crosses the mark.
    const e = evaluation(evaluate({ price: read('60000', '60000.0') }));
    expect(e.assumptions).toContainEqual(reason('assume.limitCrossesMark', { side: 'short' }));
    expect(e.assumptions).not.toContainEqual(reason('assume.limitCrossesMark', { side: 'long' }));
  });

  it('converts a Max shown in the quote asset at the header mark, half-up to the lot step, before taking the percent', () => {
    // 122,030.5 USDT ÷ 61,000 = 2.0005 → 2.001 BTC (half-up, 3 decimals); 25% of it = 0.50025.
    const maxBuy = read({ amount: '122030.5', unit: 'quote' as const }, '122,030.5 USDT');
    const maxSell = read({ amount: '2.001', unit: 'base' as const }, '2.001 BTC');
    const e = evaluation(evaluate({ quantity: read('25'), quantityUnit: read('percent' as const), maxBuy, maxSell }));
    expect(e.sides[0]!.resulting).toMatchObject({ side: 'long', size: '0.50025' });
    expect(e.sides[1]!.resulting).toMatchObject({ side: 'short', size: '0.50025' });
  });

  it('attaches a display string, rounded for the eye, to every value figure', () => {
    const e = evaluation(evaluate());
    let values = 0;
    for (const side of e.sides) {
      for (const figures of [side.isolated, side.cross]) {
        for (const figure of Object.values(figures)) {
          if (figure === null || Array.isArray(figure) || !('kind' in figure) || figure.kind !== 'value') continue;
          values++;
          expect(figure.display).toEqual(expect.any(String));
        }
      }
    }
    expect(values).toBeGreaterThan(10);
    const liq = e.sides[0]!.isolated.liquidationPrice;
    if (liq.kind !== 'value') throw new Error('expected a liquidation price');
    expect(liq.display).toBe(formatDecimal(liq.value, 'price'));
    expect(liq.display).toMatch(/^\d{2},\d{3}\.\d$/);
  });

  it('names every missing input instead of computing', () => {
    const twoInputs = reason('page.several', { item: 'quantity', count: 2 });
    const noButton = reason('page.notFound', { item: 'leverageButton' });
    expect(evaluate({ quantity: missing(twoInputs), leverage: missing(noButton) })).toEqual({
      unavailable: [
        reason('evaluate.cantRead', { item: 'quantity', cause: twoInputs }),
        reason('evaluate.cantRead', { item: 'leverage', cause: noButton }),
      ],
    });
    const noForm = reason('page.notFound', { item: 'orderForm' });
    expect(evaluate({ form: missing(noForm) })).toEqual({ unavailable: [reason('evaluate.formNotFound', { cause: noForm })] });
    const dated = reason('page.datedContract', { symbol: 'BTCUSDT_261225' });
    expect(evaluate({ symbol: missing(dated, 'unsupported') })).toEqual({
      unavailable: [reason('evaluate.notSupported', { item: 'symbol', cause: dated })],
    });
    expect(evaluate({ quantity: read('0') })).toEqual({ unavailable: [reason('evaluate.enterSize')] });
  });

  it('gives no figures in an account mode the engine has no rule for (the rules cover single-asset accounts only)', () => {
    for (const mode of ['multi', 'portfolio'] as const) {
      expect(evaluate({ assetMode: read(mode) })).toEqual({ unavailable: [reason('evaluate.accountModeNotSupported', { mode })] });
    }
  });

  it('shows isolated but not cross when logged out, with other positions hidden or the wallet unreadable', () => {
    const loginToSee = reason('page.loginToSee', { item: 'positions' });
    const othersHidden = reason('positions.othersHidden');
    const notShown = reason('page.notShownYet', { item: 'walletBalance' });
    const loginUnknown = reason('page.notFound', { item: 'loggedIn' });
    const cases: [Partial<FormSnapshot>, Reason][] = [
      [{ loggedIn: read(false), ownPositions: missing(loginToSee), otherPositions: missing(loginToSee), walletBalance: missing(notShown) }, reason('cross.loggedOut')],
      [{ otherPositions: missing(othersHidden) }, reason('cross.otherPositionsUnknown', { cause: othersHidden })],
      [{ walletBalance: missing(notShown) }, reason('cross.walletUnknown', { cause: notShown })],
      [{ loggedIn: missing(loginUnknown) }, reason('cross.loginUnknown', { cause: loginUnknown })],
    ];
    for (const [over, why] of cases) {
      const e = evaluation(evaluate(over));
      expect(e.sides[0]!.isolated.liquidationPrice.kind).toBe('value');
      expect(e.sides[0]!.cross.liquidationPrice).toEqual(unavailable(why));
    }
  });

  it("counts other cross positions in the same margin asset only, and merges this symbol's position", () => {
    const others: PositionRow[] = [
      positionRow({ symbol: 'ETHUSDT', side: 'short', size: '3', entryPrice: '3000', markPrice: '2950' }),
      positionRow({ symbol: 'SOLUSDC', quoteAsset: 'USDC', side: 'long', size: '10', entryPrice: '150', markPrice: '150' }),
      positionRow({ symbol: 'XRPUSDT', side: 'long', size: '100', entryPrice: '2', markPrice: '2', marginMode: 'isolated', margin: '20' }),
    ];
    const e = evaluation(evaluate({ ownPositions: read([OWN_LONG]), otherPositions: read(others) }));
    expect(e.sides[0]!.resulting).toMatchObject({ side: 'long', size: '0.7' });
    expect(e.inputs.find((i) => i.item === 'otherCrossPositions')!.value).toBe('1');
    const without = evaluation(evaluate({ ownPositions: read([OWN_LONG]) }));
    expect(e.sides[0]!.cross.liquidationPrice).not.toEqual(without.sides[0]!.cross.liquidationPrice);
  });

  it("converts position sizes shown in the quote asset at the row's own mark, half-up to the lot step", () => {
    const ownBase = { ...OWN_LONG, size: '0.201' };
    const otherBase = positionRow({ symbol: 'ETHUSDT', side: 'short', size: '3', entryPrice: '3000', markPrice: '2950' });
    // 12,230.5 ÷ 61,000 = 0.2005 → 0.201; 8,850 ÷ 2,950 = 3.
    const quote = evaluation(
      evaluate({
        ownPositions: read([{ ...ownBase, size: '12230.5', sizeUnit: 'quote' as const }]),
        otherPositions: read([{ ...otherBase, size: '8850', sizeUnit: 'quote' as const }]),
      }),
    );
    expect(quote.sides[0]!.resulting).toMatchObject({ side: 'long', size: '0.701' });
    expect(quote).toEqual(evaluation(evaluate({ ownPositions: read([ownBase]), otherPositions: read([otherBase]) })));
  });

  it('uses the mark for a market order and says so', () => {
    const e = evaluation(evaluate({ orderType: read('market' as const), price: missing(reason('page.marketOrder')), markPrice: read('61500') }));
    expect(e.inputs.find((i) => i.item === 'price')).toMatchObject({ value: '61500', source: 'markForMarketOrder' });
    expect(e.assumptions).toContainEqual(reason('assume.marketFill'));
  });

  it('assumes and says so when a symbol has no bundled table', () => {
    const e = evaluation(evaluate({ symbol: read('DOGEUSDT'), price: read('0.2'), markPrice: read('0.2'), quantity: read('1000') }));
    expect(e.assumptions).toContainEqual(reason('assume.maintenanceRate', { rate: '0.4', symbol: 'DOGEUSDT' }));
  });
});

describe('evaluateSnapshot: an unknown position is not "no position"', () => {
  it.each<[string, Partial<FormSnapshot>, Reason]>([
    ['the Positions tab is not selected', { ownPositions: missing(reason('positions.tabNotSelected')) }, reason('positions.tabNotSelected')],
    ['the list is still loading', { ownPositions: missing(reason('positions.loading')) }, reason('positions.loading')],
    ['the rows do not match the count', { ownPositions: missing(reason('positions.tooMany', { rows: 3, count: 2 }), 'ambiguous') }, reason('positions.tooMany', { rows: 3, count: 2 })],
    ['the login state is unknown', { loggedIn: missing(reason('page.notFound', { item: 'loggedIn' })), ownPositions: missing(reason('positions.loginUnknown')) }, reason('positions.loginUnknown')],
  ])('logged in (or not known to be logged out), %s: no figures, the position named as the reason', (_name, over, cause) => {
    expect(evaluate({ otherPositions: over.ownPositions!, ...over })).toEqual({
      unavailable: [reason('evaluate.positionUnknown', { symbol: 'BTCUSDT', cause })],
    });
  });

  it("own rows read, other symbols hidden: isolated includes the existing position, cross says the others are unknown", () => {
    const othersHidden = reason('positions.othersHidden');
    const hidden = evaluation(evaluate({ ownPositions: read([OWN_LONG]), otherPositions: missing(othersHidden) }));
    const none = evaluation(evaluate({ ownPositions: read([OWN_LONG]), otherPositions: read([]) }));
    const flat = evaluation(evaluate({ ownPositions: read([]), otherPositions: read([]) }));
    for (const i of [0, 1]) {
      const side = hidden.sides[i]!;
      expect(side.isolated.liquidationPrice.kind).toBe('value');
      // The PnL picture is sampled across the side's price axis, which spans the cross figures too.
      const { pnl, ...figures } = side.isolated;
      const { pnl: pnlWithNone, ...figuresWithNone } = none.sides[i]!.isolated;
      expect(figures).toEqual(figuresWithNone);
      const floor = (line: typeof pnl) => D.min(...line.map((point) => point.pnl)).toFixed();
      expect(floor(pnl)).toBe(floor(pnlWithNone));
      expect(side.resulting).toEqual(none.sides[i]!.resulting);
      expect(side.cross.liquidationPrice).toEqual(unavailable(reason('cross.otherPositionsUnknown', { cause: othersHidden })));
    }
    // The existing 0.2 BTC long is in the figures: 0.5 more makes 0.7, and the liquidation price moves.
    expect(hidden.sides[0]!.resulting).toMatchObject({ side: 'long', size: '0.7' });
    expect(hidden.sides[0]!.isolated.liquidationPrice).not.toEqual(flat.sides[0]!.isolated.liquidationPrice);
    expect(hidden.inputs.map((input) => input.item)).toContain('existingPosition');
  });

  it('logged out: isolated computed as a new position (and said), cross needs a login', () => {
    const loginToSee = reason('page.loginToSee', { item: 'positions' });
    const result = evaluate({
      loggedIn: read(false),
      ownPositions: missing(loginToSee),
      otherPositions: missing(loginToSee),
      walletBalance: missing(loginToSee),
      marginBalance: missing(loginToSee),
    });
    const e = evaluation(result);
    expect(e.assumptions).toContainEqual(reason('assume.loggedOutNewPosition'));
    for (const side of e.sides) {
      expect(side.isolated.liquidationPrice.kind).toBe('value');
      expect(side.cross.liquidationPrice).toEqual(unavailable(reason('cross.loggedOut')));
    }
    expect(e.sides[0]!.resulting).toMatchObject({ side: 'long', size: '0.5' });
    expect(e.sides[0]!.isolated.liquidationPrice).toEqual(evaluation(evaluate()).sides[0]!.isolated.liquidationPrice);
  });
});
