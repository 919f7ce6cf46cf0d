import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsToBg, UiToBg } from '../../src/shared/protocol.ts';
import { isFormSnapshot, requestProblem, snapshotProblem } from '../../src/shared/protocol-validation.ts';
import { validSnapshot } from './snapshot-fixture.ts';

/** A deep copy of the valid snapshot with one change applied. */
function snapshotWith(change: (s: Record<string, any>) => void): unknown {
  const s = structuredClone(validSnapshot()) as Record<string, any>;
  change(s);
  return s;
}

describe('FormSnapshot validator', () => {
  it('accepts a complete snapshot, also after a JSON round trip (what Chrome delivers)', () => {
    expect(snapshotProblem(validSnapshot())).toBeNull();
    expect(isFormSnapshot(JSON.parse(JSON.stringify(validSnapshot())))).toBe(true);
  });

  it.each([
    ['a field status outside the four', (s: any) => (s.price.status = 'guessed'), 'snapshot.price.status'],
    ['a read field without value', (s: any) => delete s.quantity.value, 'snapshot.quantity.value'],
    ['a value on a missing field', (s: any) => (s.takeProfit.value = '1'), 'snapshot.takeProfit.value'],
    ['a number instead of a decimal string', (s: any) => (s.price.value = 65000), 'snapshot.price.value'],
    ['exponent notation', (s: any) => (s.quantity.value = '1e-3'), 'snapshot.quantity.value'],
    ['grouping separators', (s: any) => (s.price.value = '65,000'), 'snapshot.price.value'],
    ['a negative price', (s: any) => (s.price.value = '-1'), 'snapshot.price.value'],
    ['an unknown venue', (s: any) => (s.venue = 'bybit'), 'snapshot.venue'],
    ['an unknown top-level field', (s: any) => (s.extra = 1), 'snapshot.extra'],
    ['an unknown key in a field', (s: any) => (s.price.html = '<b>'), 'snapshot.price.html'],
    ['a missing field', (s: any) => delete s.markPrice, 'snapshot.markPrice'],
    ['form value other than true', (s: any) => (s.form.value = false), 'snapshot.form.value'],
    ['a symbol with markup', (s: any) => (s.symbol.value = '<img>'), 'snapshot.symbol.value'],
    ['an enum outside its set', (s: any) => (s.marginMode.value = 'portfolio'), 'snapshot.marginMode.value'],
    ['a non-boolean loggedIn', (s: any) => (s.loggedIn.value = 'yes'), 'snapshot.loggedIn.value'],
    ['overlong raw text', (s: any) => (s.price.raw = 'x'.repeat(2001)), 'snapshot.price.raw'],
    ['a bad position row', (s: any) => (s.positions.value[0].size = 'half'), 'snapshot.positions.value[0].size'],
    ['an extra key in a position row', (s: any) => (s.positions.value[0].pnl = '1'), 'snapshot.positions.value[0].pnl'],
    ['a position size unit outside base/quote', (s: any) => (s.positions.value[0].sizeUnit = 'percent'), 'snapshot.positions.value[0].sizeUnit'],
    ['a position row without its size unit', (s: any) => delete s.positions.value[0].sizeUnit, 'snapshot.positions.value[0].sizeUnit'],
    ['a Max without its unit', (s: any) => (s.maxBuy.value = '0.3'), 'snapshot.maxBuy.value'],
    ['a Max unit outside base/quote', (s: any) => (s.maxSell.value.unit = 'BTC'), 'snapshot.maxSell.value.unit'],
    ['positions not an array', (s: any) => (s.positions.value = {}), 'snapshot.positions.value'],
    ['a URL that does not parse', (s: any) => (s.url = 'not a url'), 'snapshot.url'],
  ])('rejects %s', (_name, change, path) => {
    const problem = snapshotProblem(snapshotWith(change));
    expect(problem).not.toBeNull();
    expect(problem!.startsWith(`${path}:`)).toBe(true);
  });

  it('accepts a signed unrealized PnL and a non-Latin symbol', () => {
    expect(
      snapshotProblem(
        snapshotWith((s) => {
          s.unrealizedPnl.value = '-0.5';
          s.symbol.value = '币安人生USDT';
        }),
      ),
    ).toBeNull();
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

describe('request validator', () => {
  it('accepts each message type with a valid payload', () => {
    expect(requestProblem({ type: CsToBg.evaluate, snapshot: validSnapshot() })).toBeNull();
    expect(requestProblem({ type: CsToBg.panelGet })).toBeNull();
    expect(requestProblem({ type: CsToBg.panelSet, collapsed: true })).toBeNull();
    expect(requestProblem({ type: UiToBg.settingsGet })).toBeNull();
    expect(requestProblem({ type: UiToBg.settingsSet, patch: { limits: { maxLoss: '100' } } })).toBeNull();
    expect(requestProblem({ type: UiToBg.statusGet, tabId: 7 })).toBeNull();
  });

  it.each([
    ['a non-object', 'evaluate', 'message: expected an object'],
    ['an unknown type', { type: 'cs-bg-delete-everything' }, 'message.type: unknown message type'],
    ['no type', { snapshot: {} }, 'message.type: unknown message type'],
    ['a missing snapshot', { type: CsToBg.evaluate }, 'snapshot'],
    ['an extra payload field', { type: UiToBg.settingsGet, sneaky: 1 }, 'message.sneaky: unexpected field'],
    ['a non-boolean collapsed flag', { type: CsToBg.panelSet, collapsed: 'yes' }, 'message.collapsed'],
    ['a negative tab id', { type: UiToBg.statusGet, tabId: -1 }, 'message.tabId'],
    ['a fractional tab id', { type: UiToBg.statusGet, tabId: 1.5 }, 'message.tabId'],
    ['a patch with an unknown key', { type: UiToBg.settingsSet, patch: { apiKey: 'x' } }, 'message.patch'],
    ['a patch with a numeric limit', { type: UiToBg.settingsSet, patch: { limits: { maxLoss: 100 } } }, 'message.patch'],
  ])('rejects %s', (_name, message, expected) => {
    expect(requestProblem(message)).toContain(expected);
  });
});
