/**
 * Account values as label/value pairs (src/adapters/README.md, "Label/value pairs"): each label visible
 * once; every pair found is a source the watcher observes; a label not on the page leaves the reading
 * incomplete (not loaded yet while the page loads, not found after).
 */
import type { Field } from '../../contracts/snapshot';
import { reason, type ItemCode } from '../../contracts/reasons';
import { labelValuePairs, type LabelValuePair, type VisibilityTest } from './dom';
import { ambiguous, missing } from './fields';
import { MISSING_VALUE } from './tables';
import { loggedOut, notShownWhy } from './values';

export interface PairReader {
  /** The one pair labelled `label`, parsed; `--` is "not shown yet" (or "log in"). */
  one<T>(label: string, item: ItemCode, loggedIn: Field<boolean>, parse: (text: string) => Field<T>): Field<T>;
  /** A part not on the page: the reading is not complete. */
  notThere<T>(item: ItemCode): Field<T>;
  /** The parent of every pair found. */
  sources: Element[];
  /** Every part found once (a `--` value counts as found). */
  complete(): boolean;
}

/**
 * `loginPrompt`: logged out, the page shows a login prompt instead of the pairs, and that is the whole
 * of the part (nothing to wait for).
 */
export function pairReader(pairs: readonly LabelValuePair[], loading: boolean, loginPrompt: boolean): PairReader {
  const sources: Element[] = [];
  let complete = true;
  const notThere = <T>(item: ItemCode): Field<T> => {
    complete = false;
    return missing<T>(reason(loading ? 'page.notLoadedYet' : 'page.notFound', { item }));
  };
  return {
    one<T>(label: string, item: ItemCode, loggedIn: Field<boolean>, parse: (text: string) => Field<T>): Field<T> {
      const found = pairs.filter((p) => p.label === label);
      for (const pair of found) sources.push(pair.labelEl.parentElement as Element);
      if (found.length > 1) return ambiguous(reason('page.several', { item, count: found.length }));
      const pair = found[0];
      if (pair === undefined) return loginPrompt && loggedOut(loggedIn) ? missing(reason('page.loginToSee', { item })) : notThere(item);
      if (pair.value === MISSING_VALUE) return missing(notShownWhy(item, loggedIn), pair.value);
      return parse(pair.value);
    },
    notThere,
    sources,
    complete: () => complete,
  };
}

/** What an adapter's account part reads: its values, where they came from, and whether all were there. */
export interface AccountReading<V> {
  values: V;
  /** The parent of every pair found. */
  sources: Element[];
  /** Every pair found once (a `--` value counts as found). */
  complete: boolean;
}

export interface KeyedPairReader<K extends ItemCode> extends PairReader {
  /** The one pair labelled `labelOf[key]`, parsed, reported as item `key`. */
  byKey<T>(key: K, loggedIn: Field<boolean>, parse: (text: string) => Field<T>): Field<T>;
}

/** The pairs under `scope` (outside the subtrees `outside` names) whose labels are `labelOf`'s, read by key. */
export function keyedPairs<K extends ItemCode>(
  scope: ParentNode,
  labelOf: Record<K, string>,
  visible: VisibilityTest,
  outside: (el: Element) => boolean,
  loading: boolean,
  loginPrompt: boolean,
): KeyedPairReader<K> {
  const pairs = pairReader(labelValuePairs(scope, new Set(Object.values(labelOf) as string[]), visible, outside), loading, loginPrompt);
  return { ...pairs, byKey: (key, loggedIn, parse) => pairs.one(labelOf[key], key, loggedIn, parse) };
}
