import Decimal from 'decimal.js';

/**
 * The one Decimal used for money and prices everywhere (engine, background, UI, tests).
 * A clone, so no other importer's Decimal.set() can change our precision or rounding.
 * 40 significant digits keeps 28-digit exchange test values exact with room for intermediate steps.
 */
export const D = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});

export type Dec = Decimal;
