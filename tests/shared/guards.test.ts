import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsToBg, UiToBg, type TabStatus } from '../../src/contracts/messages.ts';
import { reasonCheck, requestProblem, snapshotProblem, tabStatusProblem } from '../../src/contracts/guards.ts';
import { reason, type Reason } from '../../src/contracts/reasons.ts';
import type { CalculatorInput } from '../../src/contracts/evaluation.ts';
import { evaluateSnapshot } from '../../src/background/evaluate.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/settings.ts';
import { VENUE_IDS } from '../../src/venues/registry.ts';
import { buildSnapshot, missing, positionRow, read, validSnapshot } from '../support/snapshots.ts';

/** A deep copy of `value` with one change applied. */
function changed<T>(value: T, change: (s: Record<string, any>) => void): unknown {
  const copy = structuredClone(value) as Record<string, any>;
  change(copy);
  return copy;
}
const snapshotWith = (change: (s: Record<string, any>) => void) => changed(validSnapshot(), change);

/** `depth` reasons nested through `cause`, innermost a plain one. */
function nested(depth: number): Reason {
  let r: Reason = reason('positions.othersHidden');
  for (let i = 0; i < depth; i++) r = reason('cross.otherPositionsUnknown', { cause: r });
  return r;
}

describe('FormSnapshot guard', () => {
  it('accepts a complete snapshot, also after a JSON round trip (what Chrome delivers)', () => {
    expect(snapshotProblem(validSnapshot())).toBeNull();
    expect(snapshotProblem(JSON.parse(JSON.stringify(validSnapshot())))).toBeNull();
  });

  it('accepts every registry venue id', () => {
    for (const venue of VENUE_IDS) expect(snapshotProblem(buildSnapshot({ venue }))).toBeNull();
  });

  it.each([
    ['a field status outside the four', (s: any) => (s.price.status = 'guessed'), 'snapshot.price.status'],
    ['a read field without value', (s: any) => delete s.quantity.value, 'snapshot.quantity.value'],
    ['a value on a missing field', (s: any) => (s.takeProfit.value = '1'), 'snapshot.takeProfit.value'],
    ['a number instead of a decimal string', (s: any) => (s.price.value = 65000), 'snapshot.price.value'],
    ['exponent notation', (s: any) => (s.quantity.value = '1e-3'), 'snapshot.quantity.value'],
    ['grouping separators', (s: any) => (s.price.value = '65,000'), 'snapshot.price.value'],
    ['a negative price', (s: any) => (s.price.value = '-1'), 'snapshot.price.value'],
    ['a venue not in the registry', (s: any) => (s.venue = 'kraken-futures'), 'snapshot.venue'],
    ['the engine rule name instead of the venue id', (s: any) => (s.venue = 'binance'), 'snapshot.venue'],
    ['no venue', (s: any) => delete s.venue, 'snapshot.venue'],
    ['an unknown top-level field', (s: any) => (s.extra = 1), 'snapshot.extra'],
    ['the old single positions field', (s: any) => (s.positions = s.otherPositions), 'snapshot.positions'],
    ['an unknown key in a field', (s: any) => (s.price.html = '<b>'), 'snapshot.price.html'],
    ['a missing field', (s: any) => delete s.markPrice, 'snapshot.markPrice'],
    ['no ownPositions', (s: any) => delete s.ownPositions, 'snapshot.ownPositions'],
    ['form value other than true', (s: any) => (s.form.value = false), 'snapshot.form.value'],
    ['a symbol with markup', (s: any) => (s.symbol.value = '<img>'), 'snapshot.symbol.value'],
    ['an enum outside its set', (s: any) => (s.marginMode.value = 'portfolio'), 'snapshot.marginMode.value'],
    ['a non-boolean loggedIn', (s: any) => (s.loggedIn.value = 'yes'), 'snapshot.loggedIn.value'],
    ['overlong raw text', (s: any) => (s.price.raw = 'x'.repeat(2001)), 'snapshot.price.raw'],
    ['a bad position row', (s: any) => (s.otherPositions.value[0].size = 'half'), 'snapshot.otherPositions.value[0].size'],
    ['an extra key in a position row', (s: any) => (s.otherPositions.value[0].pnl = '1'), 'snapshot.otherPositions.value[0].pnl'],
    ['a position row without its quote asset', (s: any) => delete s.otherPositions.value[0].quoteAsset, 'snapshot.otherPositions.value[0].quoteAsset'],
    ['a position size unit outside base/quote', (s: any) => (s.otherPositions.value[0].sizeUnit = 'percent'), 'snapshot.otherPositions.value[0].sizeUnit'],
    ['a position row without its size unit', (s: any) => delete s.otherPositions.value[0].sizeUnit, 'snapshot.otherPositions.value[0].sizeUnit'],
    ['a bad own position row', (s: any) => (s.ownPositions.value = [{ symbol: 'BTCUSDT' }]), 'snapshot.ownPositions.value[0]'],
    ['a Max without its unit', (s: any) => (s.maxBuy.value = '0.3'), 'snapshot.maxBuy.value'],
    ['a Max unit outside base/quote', (s: any) => (s.maxSell.value.unit = 'BTC'), 'snapshot.maxSell.value.unit'],
    ['positions not an array', (s: any) => (s.otherPositions.value = {}), 'snapshot.otherPositions.value'],
    ['a URL that does not parse', (s: any) => (s.url = 'not a url'), 'snapshot.url'],
  ])('rejects %s', (_name, change, path) => {
    const problem = snapshotProblem(snapshotWith(change));
    expect(problem).not.toBeNull();
    expect(problem!.startsWith(`${path}`)).toBe(true);
  });

  it('accepts a signed unrealized PnL, a non-Latin symbol and well-formed reasons (nested ones too)', () => {
    expect(
      snapshotProblem(
        snapshotWith((s) => {
          s.unrealizedPnl.value = '-0.5';
          s.symbol.value = '币安人生USDT';
        }),
      ),
    ).toBeNull();
    const reasons = buildSnapshot({
      quantity: missing(reason('page.several', { item: 'quantity', count: 2 })),
      price: missing(reason('page.unreadable', { item: 'price', text: '6l,000' })),
      otherPositions: missing(nested(3)),
    });
    expect(snapshotProblem(reasons)).toBeNull();
  });

  describe('reasons in a snapshot are checked like the rest', () => {
    it.each([
      ['a reason as text (the old format)', (s: any) => (s.takeProfit.why = 'TP/SL not enabled'), 'snapshot.takeProfit.why: expected a reason'],
      ['an unknown code', (s: any) => (s.takeProfit.why = { code: 'page.madeUp', params: {} }), 'snapshot.takeProfit.why.code: unknown reason code'],
      ['no params', (s: any) => (s.takeProfit.why = { code: 'page.tpslOff' }), 'snapshot.takeProfit.why.params: expected an object'],
      ['an extra key beside code and params', (s: any) => (s.takeProfit.why.text = 'x'), 'snapshot.takeProfit.why.text: unexpected field'],
      ['an extra param', (s: any) => (s.takeProfit.why.params.item = 'tpslBox'), 'snapshot.takeProfit.why.params.item: unexpected field'],
      ['a missing param', (s: any) => (s.takeProfit.why = { code: 'page.notFound', params: {} }), 'snapshot.takeProfit.why.params.item: missing'],
      ['an item param that is not an item code', (s: any) => (s.takeProfit.why = reason('page.notFound', { item: '<script>' as never })), 'snapshot.takeProfit.why.params.item: unknown item'],
      ['a count that is not a count', (s: any) => (s.quantity = missing({ code: 'page.several', params: { item: 'quantity', count: '2' } } as never)), 'snapshot.quantity.why.params.count'],
      ['a text param that is not text', (s: any) => (s.price = missing({ code: 'page.unreadable', params: { item: 'price', text: 5 } } as never)), 'snapshot.price.why.params.text'],
      ['an overlong text param', (s: any) => (s.price = missing(reason('page.unreadable', { item: 'price', text: 'x'.repeat(501) }))), 'snapshot.price.why.params.text'],
      ['a cause that is not a reason', (s: any) => (s.otherPositions = missing({ code: 'cross.otherPositionsUnknown', params: { cause: 'hidden' } } as never)), 'snapshot.otherPositions.why.params.cause: expected a reason'],
      ['a bad reason deep inside a cause', (s: any) => (s.otherPositions = missing(reason('cross.otherPositionsUnknown', { cause: { code: 'nope', params: {} } as never }))), 'snapshot.otherPositions.why.params.cause.code: unknown reason code'],
      ['nesting deeper than the bound', (s: any) => (s.otherPositions = missing(nested(5))), 'snapshot.otherPositions.why'],
    ])('rejects %s', (_name, change, expected) => {
      const problem = snapshotProblem(snapshotWith(change));
      expect(problem).not.toBeNull();
      expect(problem!.startsWith(expected)).toBe(true);
    });

    it('nesting is bounded: four causes deep is fine, five is too deep', () => {
      expect(reasonCheck(nested(4), 'r')).toBeNull();
      expect(reasonCheck(nested(5), 'r')).toMatch(/nested too deep$/);
    });
  });

  it('accepts every plain decimal and rejects any other string as a price', () => {
    const plain = fc
      .tuple(fc.stringMatching(/^\d{1,12}$/), fc.option(fc.stringMatching(/^\d{1,12}$/), { nil: undefined }))
      .map(([int, frac]) => (frac === undefined ? int : `${int}.${frac}`));
    fc.assert(fc.property(plain, (value) => snapshotProblem(snapshotWith((s) => (s.price.value = value))) === null));
    const notPlain = fc.string().filter((v) => !/^\d{1,40}(\.\d{1,40})?$/.test(v));
    fc.assert(fc.property(notPlain, (value) => snapshotProblem(snapshotWith((s) => (s.price.value = value))) !== null));
  });
});

describe('tab status guard (what storage.session hands back)', () => {
  const computed = evaluateSnapshot(
    buildSnapshot({
      ownPositions: read([positionRow({ symbol: 'BTCUSDT', size: '0.2', entryPrice: '60000', markPrice: '65010.1', leverage: '20' })]),
      stopLoss: read('60000'),
    }),
    { ...DEFAULT_SETTINGS, limits: { ...DEFAULT_SETTINGS.limits, maxLoss: '10', maxLossPct: '1', minLiquidationDistancePct: '5', maxLeverage: '10' } },
  );
  if (!('evaluation' in computed)) throw new Error('the fixture snapshot must evaluate');
  const status = (result: TabStatus['result'] = computed): TabStatus => ({
    url: 'https://www.binance.com/en/futures/BTCUSDT',
    venue: 'binance-usdm',
    symbol: 'BTCUSDT',
    updatedAt: 1_700_000_000_000,
    result,
  });

  it('accepts what evaluateSnapshot produces (figures, inputs, assumptions, limit checks), also after a JSON round trip', () => {
    expect(computed.evaluation.sides[0]!.isolated.limits.length).toBeGreaterThan(0);
    expect(tabStatusProblem(status())).toBeNull();
    expect(tabStatusProblem(JSON.parse(JSON.stringify(status())))).toBeNull();
  });

  it('accepts every kind of "unavailable" answer evaluateSnapshot gives', () => {
    const answers = [
      evaluateSnapshot(buildSnapshot({ form: missing(reason('page.notFound', { item: 'orderForm' })) }), DEFAULT_SETTINGS),
      evaluateSnapshot(buildSnapshot({ ownPositions: missing(reason('positions.tabNotSelected')) }), DEFAULT_SETTINGS),
      evaluateSnapshot(buildSnapshot({ quantity: read('0') }), DEFAULT_SETTINGS),
      evaluateSnapshot(buildSnapshot({ quantity: missing(reason('page.several', { item: 'quantity', count: 2 })) }), DEFAULT_SETTINGS),
    ];
    for (const answer of answers) {
      expect('unavailable' in answer).toBe(true);
      expect(tabStatusProblem(status(answer))).toBeNull();
    }
    expect(tabStatusProblem({ ...status({ unavailable: [reason('evaluate.enterSize')] }), symbol: null })).toBeNull();
  });

  it.each([
    ['reasons as text (the previous format)', (s: any) => (s.result = { unavailable: 'enter a quantity' })],
    ['no venue (the previous format)', (s: any) => delete s.venue],
    ['a venue not in the registry', (s: any) => (s.venue = 'kraken-futures')],
    ['an unknown reason code in unavailable', (s: any) => (s.result = { unavailable: [{ code: 'evaluate.gone', params: {} }] })],
    ['an unknown reason code on a figure', (s: any) => (s.result.evaluation.sides[0].cross.liquidationPrice = { kind: 'unavailable', reason: { code: 'x', params: {} } })],
    ['an extra param in an assumption', (s: any) => s.result.evaluation.assumptions.push({ code: 'assume.marketFill', params: { extra: '1' } })],
    ['a missing param in a limit check', (s: any) => delete s.result.evaluation.sides[0].isolated.limits[0].reason.params.threshold],
    ['an input whose item is not an item code', (s: any) => (s.result.evaluation.inputs[0].item = 'quantity ')],
    ['a reason nested too deep', (s: any) => (s.result = { unavailable: [nested(6)] })],
    ['a figure value that is not a decimal', (s: any) => (s.result.evaluation.sides[0].isolated.liquidationPrice = { kind: 'value', value: 'NaN' })],
    ['a figure of an unknown kind', (s: any) => (s.result.evaluation.sides[0].isolated.liquidationPrice = { kind: 'guess', value: '1' })],
    ['the old venue field on the evaluation', (s: any) => (s.result.evaluation.venue = 'binance')],
    ['a time that is not a number', (s: any) => (s.updatedAt = '2026-01-01')],
  ])('rejects %s', (_name, change) => {
    expect(tabStatusProblem(changed(status(), change))).not.toBeNull();
  });

  it('rejects anything that is not a status', () => {
    for (const junk of [null, 'junk', 42, [], {}]) expect(tabStatusProblem(junk)).not.toBeNull();
  });
});

const calculatorInput = (): CalculatorInput => ({
  venue: 'binance-usdm', symbol: 'BTCUSDT', side: 'long', entryPrice: '65000', leverage: '10', size: '0.1', walletBalance: '5000',
  otherPositions: [{ symbol: 'ETHUSDT', side: 'short', size: '2', entryPrice: '3000', markPrice: '3100' }],
});

describe('request guard', () => {
  it('accepts each message type with a valid payload', () => {
    expect(requestProblem({ type: CsToBg.evaluate, snapshot: validSnapshot() })).toBeNull();
    expect(requestProblem({ type: CsToBg.panelGet, venue: 'binance-usdm' })).toBeNull();
    expect(requestProblem({ type: CsToBg.panelSet, venue: 'okx', collapsed: true })).toBeNull();
    expect(requestProblem({ type: UiToBg.calculate, input: calculatorInput() })).toBeNull();
    expect(requestProblem({ type: UiToBg.settingsGet })).toBeNull();
    expect(requestProblem({ type: UiToBg.settingsSet, patch: { 'limits.maxLoss': '100', 'fees.binance-usdm.takerPct': '0.04', preSubmitCheck: 'confirm', 'venues.okx.enabled': false } })).toBeNull();
    expect(requestProblem({ type: UiToBg.statusGet, tabId: 7 })).toBeNull();
    expect(requestProblem({ type: UiToBg.statusGet, tabId: null })).toBeNull();
  });

  it.each([
    ['a non-object', 'evaluate', 'message: expected an object'],
    ['an unknown type', { type: 'cs-bg-delete-everything' }, 'message.type: unknown message type'],
    ['no type', { snapshot: {} }, 'message.type: unknown message type'],
    ['a missing snapshot', { type: CsToBg.evaluate }, 'snapshot'],
    ['an extra payload field', { type: UiToBg.settingsGet, sneaky: 1 }, 'message.sneaky: unexpected field'],
    ['a non-boolean collapsed flag', { type: CsToBg.panelSet, venue: 'bybit', collapsed: 'yes' }, 'message.collapsed'],
    ['a panel request without a venue', { type: CsToBg.panelGet }, 'message.venue'],
    ['a panel request for a venue not in the registry', { type: CsToBg.panelGet, venue: 'kraken-futures' }, 'message.venue'],
    ['a negative tab id', { type: UiToBg.statusGet, tabId: -1 }, 'message.tabId'],
    ['a fractional tab id', { type: UiToBg.statusGet, tabId: 1.5 }, 'message.tabId'],
    ['no tab id', { type: UiToBg.statusGet }, 'message.tabId'],
    ['a calculator venue not in the registry', { type: UiToBg.calculate, input: { ...calculatorInput(), venue: 'kraken-futures' } }, 'message.input.venue'],
    ['a calculator entry as a number', { type: UiToBg.calculate, input: { ...calculatorInput(), entryPrice: 65000 } }, 'message.input.entryPrice'],
    ['a calculator field it does not know', { type: UiToBg.calculate, input: { ...calculatorInput(), apiKey: 'x' } }, 'message.input.apiKey'],
    ['a patch with an unknown key', { type: UiToBg.settingsSet, patch: { apiKey: 'x' } }, 'message.patch'],
    ['a patch with a numeric limit', { type: UiToBg.settingsSet, patch: { 'limits.maxLoss': 100 } }, 'message.patch'],
    ['a patch in the old nested shape', { type: UiToBg.settingsSet, patch: { limits: { maxLoss: '100' } } }, 'message.patch'],
    ['a patch with a non-boolean flag', { type: UiToBg.settingsSet, patch: { 'venues.okx.enabled': 'no' } }, 'message.patch'],
  ])('rejects %s', (_name, message, expected) => {
    expect(requestProblem(message)).toContain(expected);
  });
});
