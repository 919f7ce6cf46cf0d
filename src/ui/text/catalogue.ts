/**
 * The shape of a text catalogue: every reason code, every item and every input source, in one
 * language. The type makes a catalogue complete: a new code does not compile until it has its words.
 */
import type { InputSource, LimitKey } from '../../contracts/evaluation';
import type { ItemCode, Reason, ReasonCode, ReasonParams } from '../../contracts/reasons';

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
}
