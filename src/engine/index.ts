/** The engine's public surface: pure math, no DOM, no browser APIs. */
export { evaluateOrder } from './order';
export { tierForNotional, tiersFromTable } from './tables';
export { computeVector, type VectorOutput } from './vector';
export { RULES, type RuleId, type VenueRule } from './rules';
