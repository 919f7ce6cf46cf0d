/** The engine's public surface: pure math, no DOM, no browser APIs. */
export { evaluateOrder, unavailableSide } from './order';
export { bundledTable } from './bundled-tables';
export { tierForNotional } from './tables';
export { computeScenario, type ScenarioOutput } from './scenario-result';
export type * from './evaluation';
