/**
 * The reader every adapter builds on: one per page, it turns the document into a FormSnapshot and
 * keeps what it last read outside the form (account panel, header, positions list) so that a
 * keystroke in the form costs no page-wide scan. That reading is offered again only while it holds:
 * it was complete (every part found), the elements it came from are still on the page, and the
 * venue's key (form root, address, language, login state) is the same. Any change inside those
 * elements is the watcher's business (src/content/watch.ts): it asks for a full read.
 *
 * A part missing while the page is still loading (the first seconds after the form appeared, as
 * pages hydrate piece by piece) is reported as not loaded yet, not as a broken selector. Once the page
 * has loaded, anything still not found on it is a broken selector: the page has changed, and no figure
 * that needs it is shown (an empty table is not "not found": it is read).
 */
import type { Field, FormSnapshot, ReadScope } from '../../contracts/snapshot';
import { reason } from '../../contracts/reasons';
import type { VenueId } from '../../venues/registry';
import type { OutsideParts, ReadOptions, SnapshotReader, SubmitControls } from '../adapter';
import { isVisible as layoutVisible, type VisibilityTest } from './dom';
import { missing } from './fields';
import { emptySnapshot } from './snapshot';

/** How long after the form appears a missing part counts as still loading. */
export const LOADING_GRACE_MS = 5000;

export interface OutsideReading {
  /** What the reading holds for; compared element by element (===). */
  key: readonly unknown[];
  /** The elements it came from. */
  sources: readonly Element[];
  /** False while a part was not found at all. */
  complete: boolean;
}

/** What a reader gives each part of its page (the positions list, the account panel) to read it with. */
export interface PartScope<L> {
  doc: Document;
  visible: VisibilityTest;
  /** The labels of the page's language. */
  labels: L;
  loggedIn: Field<boolean>;
  /** The page is still loading: a part not there may be arriving. */
  loading: boolean;
}

export interface ReadContext<O extends OutsideReading> {
  doc: Document;
  url: string;
  visible: VisibilityTest;
  /** The previous outside reading when a 'form' read may reuse it under this key; null otherwise. */
  reusable(key: readonly unknown[]): O | null;
  loading: boolean;
}

export interface VenueRead<O extends OutsideReading> {
  snapshot: FormSnapshot;
  /** The form root this read found (null: none), and what it read outside the form. */
  root: Element | null;
  outside: O | null;
  /** The form's submit buttons per side (omitted: none found). */
  submit?: SubmitControls;
}

const NO_BUTTONS: SubmitControls = { long: [], short: [] };

export interface ReaderSpec<O extends OutsideReading> {
  venue: VenueId;
  findRoot(doc: Document, visible: VisibilityTest): Element | null;
  read(ctx: ReadContext<O>): VenueRead<O>;
}

const sameKey = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** After the loading grace, every "not found" (or "not on the page yet") of a loaded form is a broken selector. */
function brokenWhenLoaded(snapshot: FormSnapshot): FormSnapshot {
  if (snapshot.form.status !== 'read') return snapshot;
  const out: Record<string, unknown> = { ...snapshot };
  for (const [key, value] of Object.entries(snapshot)) {
    const field = value as Field<unknown>;
    const code = typeof field === 'object' && field !== null ? field.why?.code : undefined;
    if ((code === 'page.notFound' || code === 'page.notLoadedYet') && field.why && 'item' in field.why.params) {
      out[key] = { ...field, why: reason('page.selectorBroke', { item: field.why.params.item }) };
    }
  }
  return out as unknown as FormSnapshot;
}

export function createSnapshotReader<O extends OutsideReading>(
  spec: ReaderSpec<O>,
  doc: Document,
  currentUrl: () => string,
  opts: ReadOptions = {},
): SnapshotReader {
  const visible = opts.isVisible ?? layoutVisible;
  const now = opts.now ?? (() => Date.now());
  let outside: O | null = null;
  let submit: SubmitControls = NO_BUTTONS;
  let formSince: number | null = null;

  return {
    findRoot: () => spec.findRoot(doc, visible),
    read(scope: ReadScope): FormSnapshot {
      const url = currentUrl();
      const previous = outside;
      const offered = scope === 'form' && previous !== null && previous.complete && previous.sources.every((el) => el.isConnected);
      const loading = formSince === null || now() - formSince < LOADING_GRACE_MS;
      const ctx: ReadContext<O> = {
        doc,
        url,
        visible,
        reusable: (key) => (offered && sameKey(previous.key, key) ? previous : null),
        loading,
      };
      try {
        const result = spec.read(ctx);
        if (result.root === null) formSince = null;
        else formSince ??= now();
        outside = result.outside;
        submit = result.submit ?? NO_BUTTONS;
        return loading ? result.snapshot : brokenWhenLoaded(result.snapshot);
      } catch (error) {
        // A page oddity never escapes into the exchange's page; it is reported instead.
        outside = null;
        submit = NO_BUTTONS;
        const detail = error instanceof Error ? error.message : String(error);
        return emptySnapshot(spec.venue, url, missing(reason('page.adapterError', { detail: detail.slice(0, 200) })));
      }
    },
    outsideParts(): OutsideParts {
      return { watch: outside?.sources ?? [], settled: outside?.complete ?? false };
    },
    submitControls: () => submit,
  };
}
