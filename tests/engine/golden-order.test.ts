import { describe, expect, it } from 'vitest';
import { D, type Dec } from '../../src/shared/decimal';
import { evaluateOrder } from '../../src/engine/order';
import { computeVector } from '../../src/engine/vector';
import { RULE_IDS } from '../../src/engine/rules';
import type { Figure, ModeFigures, OpenPosition, OrderScenario, TierRow, TierTable } from '../../src/contracts/evaluation';
import type { Mode, Side } from '../../src/contracts/reasons';
import { goldenVectors, toleranceOf, within, type Vector } from './golden';

/**
 * Issue 9: `calc` and the panel's order evaluation share one rule path per venue. Every golden vector
 * that describes a position an order can leave is also run through evaluateOrder, twice: as a new order,
 * and as an order adding to an existing position of half its size at the same price (the merge keeps
 * the entry and the margin). Both must give the vector's expected figures within its tolerance, and the
 * same worst case as computeVector. Vectors an order cannot express are listed below with the reason.
 */

type Json = Record<string, unknown>;

/** Why a vector is not an order (the list below must name exactly these vectors, for exactly these reasons). */
type Cannot = 'tierLookup' | 'inverse' | 'hedge' | 'accountValue' | 'orderMargin' | 'markNotEntry';

const CANNOT: Record<string, Cannot> = {
  // A tier lookup names a table row, not a position.
  'binance-ft-tier-ada-500': 'tierLookup',
  'binance-ft-tier-ada-20000000': 'tierLookup',
  'binance-ft-tier-zec-500': 'tierLookup',
  'binance-ft-tier-zec-20000000': 'tierLookup',
  'okx-ft-tier-eth-2000': 'tierLookup',
  'okx-ft-tier-eth-2001': 'tierLookup',
  'okx-ft-tier-eth-4001': 'tierLookup',
  'okx-ft-tier-eth-8000': 'tierLookup',
  'binance-doc-tier-btcusdt-264000': 'tierLookup',
  'binance-doc-coinm-cum-level5': 'tierLookup',
  'derived-hl-maintenance-deduction-btc-tier2': 'tierLookup',
  // The order path prices linear (USDT/USDC-margined) contracts only: an OrderScenario's sizes are base
  // units and its margin is in the quote asset (inverse pages are "not supported yet", issue 9).
  'bybit-doc-inverse-cross-long': 'inverse',
  'octobot-inverse-iso-long-L1': 'inverse',
  'octobot-inverse-iso-short-L1': 'inverse',
  'octobot-inverse-iso-long-L100': 'inverse',
  'octobot-inverse-iso-short-L100': 'inverse',
  'octobot-inverse-bankruptcy-long-L100': 'inverse',
  'octobot-inverse-bankruptcy-short-L100': 'inverse',
  'octobot-inverse-bankruptcy-long-L1': 'inverse',
  'derived-binance-coinm-iso-long': 'inverse',
  'derived-binance-coinm-iso-short': 'inverse',
  'derived-bybit-uta-inverse-iso-docinputs-long': 'inverse',
  'derived-bybit-uta-inverse-iso-docinputs-short': 'inverse',
  'observed-bybit-v5-inverse-iso-btcusd': 'inverse',
};

/**
 * Positions whose equity at entry is already at or below their maintenance (leverage 100 with a
 * 20 % maintenance rate): the formula's price lies past the entry on the losing side, calc gives it,
 * and the panel says "liquidates now" instead (issue 7). Checked as such below.
 */
const LIQUIDATES_NOW = new Set(['octobot-linear-iso-long-L100', 'octobot-linear-iso-short-L100']);

/** Expected fields that are not figures of the panel: compared by the golden test only. */
const NOT_ON_THE_PANEL = new Set(['maintenanceAmount']);

/** How the order is built: a fresh position, or half of it added to an existing half at the same price. */
type Variant = 'new order' | 'adds to a position';

interface Expressed {
  scenario(variant: Variant): OrderScenario;
  side: Side;
  mode: Mode;
}

const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function tierTable(v: Vector, rows: TierRow[], unit: TierTable['unit']): TierTable {
  // The schema's bounds: [floor, next floor), the last tier above its cap (golden-vectors.md).
  return { venue: v.venue, symbol: String(v.symbol ?? 'X'), asOf: null, source: `golden vector ${v.id}`, unit, bounds: '[floor, cap)', partial: false, tiers: rows };
}

/** The vector's maintenance as the order path takes it: a table, or a single rate (and amount). */
function maintenanceOf(v: Vector, m: Json): OrderScenario['market']['maintenance'] {
  if (Array.isArray(m.tiers)) {
    const rows = (m.tiers as Json[]).map((t, i): TierRow => ({
      tier: str(t.tier) ?? String(i + 1), floor: str(t.floor) ?? null, cap: str(t.cap) ?? null,
      maxLeverage: str(t.maxLeverage) ?? null, rate: str(t.rate) ?? null, amount: str(t.amount) ?? null,
    }));
    return { table: tierTable(v, rows, str(m.tierUnit) === 'contracts' || (v.venue === 'okx' && !m.tierUnit) ? 'contracts' : 'notional') };
  }
  // Hyperliquid's shorthand is a one-tier table: the rate is half the initial margin at its maximum leverage.
  const assetMax = str(m.assetMaxLeverage);
  if (assetMax) return { table: tierTable(v, [{ tier: '1', floor: '0', cap: null, maxLeverage: assetMax, rate: null, amount: null }], 'notional') };
  // No maintenance: such vectors check the bankruptcy price only, which no maintenance rate enters.
  return { assumedRate: str(m.rate) ?? '0', assumedAmount: str(m.amount) ?? '0' };
}

function express(v: Vector): Expressed | Cannot {
  if (v.kind === 'tierLookup') return 'tierLookup';
  if (v.product === 'inverse') return 'inverse';
  if (v.positionMode === 'hedge' && v.hedgeOpposite) return 'hedge';
  const p = obj(v.position);
  const c = obj(v.collateral);
  const mode = v.mode as Mode;
  if (mode === 'cross' && c.accountValue !== undefined) return 'accountValue';
  if (mode === 'cross' && c.orderMargin !== undefined && !new D(str(c.orderMargin)!).isZero()) return 'orderMargin';
  const entry = new D(str(p.entryPrice)!);
  if (p.markPrice !== undefined && !new D(str(p.markPrice)!).eq(entry)) return 'markNotEntry';
  const side = p.side as Side;
  const contractSize = str(p.contractSize);
  const size = p.quantityUnit === 'contracts' ? new D(str(p.quantity)!).times(contractSize!) : new D(str(p.quantity)!);
  const notional = size.times(entry);
  const takerRate = str(obj(v.fees).takerRate) ?? '0';
  const maintenance = maintenanceOf(v, obj(v.maintenance));
  const vectorLeverage = str(p.leverage);

  // Isolated: the margin M behind the position; an order brings size × price ÷ leverage of it, the rest is added.
  let margin: Dec | undefined;
  let leverage = new D(vectorLeverage ?? '1');
  if (mode === 'isolated') {
    const given = str(c.isolatedMargin);
    margin = (given ? new D(given) : notional.div(leverage)).plus(str(c.extraMargin) ?? '0');
    // Without a leverage, or one whose initial margin exceeds M: the least whole leverage M can back (it does not enter the liquidation price).
    if (!vectorLeverage || notional.div(leverage).gt(margin)) leverage = notional.div(margin).ceil();
  }

  const others: OpenPosition[] = (Array.isArray(v.otherPositions) ? (v.otherPositions as Json[]) : []).map((o) => ({
    symbol: str(o.symbol) ?? 'OTHER', side: o.side as Side, size: str(o.quantity)!, entryPrice: str(o.entryPrice)!, markPrice: str(o.markPrice)!,
    maintenanceRate: str(o.maintenanceRate) ?? '0', maintenanceAmount: str(o.maintenanceAmount) ?? '0',
  }));

  const scenario = (variant: Variant): OrderScenario => {
    const held = variant === 'new order' ? new D(0) : size.div(2);
    const ordered = size.minus(held);
    const existing: OrderScenario['account']['existing'] = [];
    let added: Dec | undefined;
    if (mode === 'isolated') {
      const orderMargin = ordered.times(entry).div(leverage);
      if (held.isZero()) added = margin!.minus(orderMargin);
      else existing.push({ side, size: held.toFixed(), entryPrice: entry.toFixed(), mode, isolatedMargin: margin!.minus(orderMargin).toFixed() });
    } else if (!held.isZero()) {
      existing.push({ side, size: held.toFixed(), entryPrice: entry.toFixed(), mode });
    }
    // The fill pays its fee to open from the cross wallet: give it back, so the wallet after the fill is the vector's.
    const wallet = new D(str(c.walletBalance) ?? '0').plus(ordered.times(entry).times(takerRate));
    return {
      rule: v.venue as OrderScenario['rule'],
      symbol: String(v.symbol ?? 'X'),
      quoteAsset: 'USDT',
      positionMode: 'oneWay',
      sides: [side],
      action: 'open',
      order: { type: 'limit', price: entry.toFixed(), quantity: ordered.toFixed(), leverage: leverage.toFixed() },
      market: { markPrice: entry.toFixed(), maintenance, takerRate, ...(contractSize ? { contractSize } : {}) },
      account: {
        existing,
        ...(added && added.gt(0) ? { addedIsolatedMargin: added.toFixed() } : {}),
        ...(mode === 'cross' ? { cross: { walletBalance: wallet.toFixed(), otherPositions: others } } : {}),
      },
    };
  };
  return { scenario, side, mode };
}

/** The panel figure that carries an expected field (its value as a string, null for "none"). */
function figureValue(f: Figure): string | null | { unavailable: string } {
  if (f.kind === 'value') return f.value;
  if (f.kind === 'none') return null;
  return { unavailable: f.reason.code };
}

const FIGURE: Record<string, (m: ModeFigures) => Figure> = {
  liquidationPrice: (m) => m.liquidationPrice,
  bankruptcyPrice: (m) => m.bankruptcyPrice,
  initialMargin: (m) => m.initialMargin,
  maintenanceMargin: (m) => m.maintenanceMargin,
  maintenanceRate: (m) => m.maintenanceRate,
  tier: (m) => m.tier,
};

/** Every difference between the order path's figures and the vector's (and calc's worst case). */
function differences(v: Vector, e: Expressed, variant: Variant): string[] {
  const sc = e.scenario(variant);
  const result = evaluateOrder(sc);
  if ('error' in result) return [`order error on ${result.error.field}: ${result.error.reason.code} ${JSON.stringify(result.error.reason.params)}`];
  const figures = result.sides.find((s) => s.side === e.side)![e.mode];
  const problems: string[] = [];
  for (const [field, expected] of Object.entries(v.expected)) {
    if (NOT_ON_THE_PANEL.has(field)) continue;
    // An added order brings only its own initial margin; the position's is the vector's.
    if (field === 'initialMargin' && variant !== 'new order') continue;
    const pick = FIGURE[field];
    if (!pick) {
      problems.push(`${field}: no panel figure is mapped for it`);
      continue;
    }
    const got = figureValue(pick(figures));
    if (field === 'liquidationPrice' && LIQUIDATES_NOW.has(v.id)) {
      const entry = new D(sc.order.price);
      const past = expected !== null && (e.side === 'long' ? new D(expected).gte(entry) : new D(expected).lte(entry));
      if (!past || JSON.stringify(got) !== JSON.stringify({ unavailable: 'figure.liquidatesNow' })) problems.push(`${field}: expected "liquidates now" (${expected} past ${entry.toFixed()}), got ${JSON.stringify(got)}`);
      continue;
    }
    if (expected === null || got === null || typeof got !== 'string') {
      if (got !== expected) problems.push(`${field}: expected ${expected}, got ${JSON.stringify(got)}`);
      continue;
    }
    const ok = field === 'tier' ? got === expected : within(got, expected, toleranceOf(v, field));
    if (!ok) problems.push(`${field}: expected ${expected} (${JSON.stringify(toleranceOf(v, field))}), got ${got}`);
  }
  // The worst case: calc reports it without fees, the panel adds the fee still to pay to open.
  const calc = computeVector(v);
  if ('error' in calc) return [...problems, `calc error: ${calc.error.reason.code}`];
  const worst = figures.worstCaseLoss;
  const openFee = figures.openFee;
  if (worst.kind !== 'value' || openFee.kind !== 'value') problems.push(`worstCaseLoss: ${JSON.stringify(worst)}`);
  else {
    const got = new D(worst.value).minus(openFee.value).toFixed();
    if (!within(got, calc.worstCaseLoss!, toleranceOf(v, 'liquidationPrice'))) problems.push(`worstCaseLoss: calc ${calc.worstCaseLoss}, order ${got} (+ fee ${openFee.value})`);
  }
  return problems;
}

const vectors = goldenVectors();

describe('golden vectors through the order entry point (one rule path per venue)', () => {
  const expressed = vectors.flatMap((v) => {
    const e = express(v);
    return typeof e === 'string' ? [] : [{ v, e }];
  });

  it('lists every vector an order cannot express, for the reason it cannot', () => {
    const found = Object.fromEntries(vectors.flatMap((v) => {
      const e = express(v);
      return typeof e === 'string' ? [[v.id, e]] : [];
    }));
    expect(found).toEqual(CANNOT);
  });

  it('runs vectors of every venue', () => {
    for (const venue of RULE_IDS) {
      const count = expressed.filter(({ v }) => v.venue === venue).length;
      expect(count, venue).toBeGreaterThanOrEqual(3);
    }
  });

  for (const variant of ['new order', 'adds to a position'] as const) {
    describe(variant, () => {
      for (const { v, e } of expressed) {
        it(v.id, () => expect(differences(v, e, variant)).toEqual([]));
      }
    });
  }

  /**
   * Each isolated vector as a cross one: the margin behind it becomes the whole cross wallet (no other
   * position). No source states these figures, so calc's answer for the converted vector is the
   * expectation: the two entry points must agree for cross too, or both refuse it for the same reason
   * (a rule without cross margin, e.g. Gate's).
   */
  describe('isolated vectors as cross: calc and the order path agree', () => {
    const asCross = (v: Vector): Vector => {
      const p = obj(v.position);
      const c = obj(v.collateral);
      const size = p.quantityUnit === 'contracts' ? new D(str(p.quantity)!).times(str(p.contractSize)!) : new D(str(p.quantity)!);
      const given = str(c.isolatedMargin);
      const margin = (given ? new D(given) : size.times(str(p.entryPrice)!).div(str(p.leverage) ?? '1')).plus(str(c.extraMargin) ?? '0');
      return { ...v, id: `${v.id} as cross`, mode: 'cross', collateral: { walletBalance: margin.toFixed() } };
    };
    // (Those already past liquidation at entry say "liquidates now" on the panel: checked above.)
    const isolated = expressed.filter(({ v }) => v.mode === 'isolated' && !LIQUIDATES_NOW.has(v.id)).map(({ v }) => asCross(v));
    it('covers every venue', () => {
      for (const venue of RULE_IDS) expect(isolated.filter((v) => v.venue === venue).length, venue).toBeGreaterThanOrEqual(3);
    });
    for (const v of isolated) {
      it(v.id, () => {
        const e = express(v);
        if (typeof e === 'string') throw new Error(`cannot express ${v.id}: ${e}`);
        const calc = computeVector(v);
        const result = evaluateOrder(e.scenario('new order'));
        if ('error' in result) throw new Error(`order error ${result.error.reason.code}`);
        const cross = result.sides[0]!.cross;
        if ('error' in calc) {
          // calc refuses the vector: every cross figure on the order path is unavailable for the same reason.
          for (const figure of Object.values(FIGURE).map((pick) => pick(cross))) expect(figure).toEqual({ kind: 'unavailable', reason: calc.error.reason });
          expect(cross.accountLiquidationMovePct).toEqual({ kind: 'unavailable', reason: calc.error.reason });
          return;
        }
        const tight = { rel: '1e-24', abs: '1e-24' };
        const expected: Record<string, string | null | undefined> = { liquidationPrice: calc.liquidationPrice, bankruptcyPrice: calc.bankruptcyPrice, maintenanceMargin: calc.maintenanceMargin };
        for (const [field, want] of Object.entries(expected)) {
          if (want === undefined) continue;
          const got = figureValue(FIGURE[field]!(cross));
          if (want === null || typeof got !== 'string') expect(got, field).toEqual(want);
          else expect(within(got, want, tight), `${field}: calc ${want}, order ${got}`).toBe(true);
        }
      });
    }
  });

  it('the comparison itself fails on a wrong expectation', () => {
    const { v, e } = expressed.find(({ v }) => v.id === 'binance-ft-cross-eth-long')!;
    expect(differences({ ...v, expected: { liquidationPrice: '1153.27' } }, e, 'new order')).toHaveLength(1);
    expect(differences({ ...v, expected: { liquidationPrice: null } }, e, 'new order')).toHaveLength(1);
    expect(differences({ ...v, expected: { maintenanceAmount: '1' } }, e, 'new order')).toEqual([]);
    expect(differences({ ...v, expected: { somethingNew: '1' } }, e, 'new order')).toHaveLength(1);
  });
});
