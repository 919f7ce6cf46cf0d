/** The bybit reader: not written yet. It reads nothing and says so: no figure is shown on these pages. */
import { reason } from '../../contracts/reasons';
import type { ReadOptions, SnapshotReader } from '../adapter';
import { missing } from '../kit/fields';
import { createSnapshotReader, type OutsideReading } from '../kit/reader';
import { emptySnapshot } from '../kit/snapshot';

export function createBybitReader(doc: Document, currentUrl: () => string, opts: ReadOptions = {}): SnapshotReader {
  return createSnapshotReader<OutsideReading>(
    {
      venue: 'bybit',
      findRoot: () => null,
      read: ({ url }) => ({ snapshot: emptySnapshot('bybit', url, missing(reason('page.notSupportedPage'))), root: null, outside: null }),
    },
    doc,
    currentUrl,
    opts,
  );
}
