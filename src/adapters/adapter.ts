/**
 * What every venue adapter (src/adapters/<venue>/) provides: it recognises its pages from their
 * address, and creates a reader that turns the document into a FormSnapshot. Readers are pure in
 * what they do to the page (no writes, no events, no timers); the content script decides when to read.
 */
import type { FormSnapshot, ReadScope } from '../contracts/snapshot';
import type { Reason } from '../contracts/reasons';
import type { VenueId } from '../venues/registry';
import type { VisibilityTest } from './kit/dom';

/** A page of the venue the adapter reads. */
export interface PageMatch {
  symbol: string;
  /** Set when the adapter recognises the page but will not compute on it (e.g. a dated contract). */
  unsupported?: Reason;
}

export interface ReadOptions {
  /** Visibility rule; tests without layout inject their own. */
  isVisible?: VisibilityTest;
  /** Clock for the loading grace period (epoch ms). */
  now?: () => number;
}

/** Where the last read's parts outside the form came from. */
export interface OutsideParts {
  /** Elements to watch: a change inside any of them makes the reading outdated. */
  watch: readonly Element[];
  /** False while some part was not on the page at all: read again soon, it may be arriving. */
  settled: boolean;
}

/** The form's own submit buttons, as the last read found them (the confirm step guards them). */
export interface SubmitControls {
  long: readonly Element[];
  short: readonly Element[];
}

export interface SnapshotReader {
  /** The one visible order-form root, or null. */
  findRoot(): Element | null;
  /** Reads the page. Never throws. */
  read(scope: ReadScope): FormSnapshot;
  outsideParts(): OutsideParts;
  /** The submit buttons of each side found by the last read (none while logged out or unreadable). */
  submitControls(): SubmitControls;
}

export interface VenueAdapter {
  venue: VenueId;
  detect(url: string): PageMatch | null;
  createReader(doc: Document, currentUrl: () => string, opts?: ReadOptions): SnapshotReader;
}
