/**
 * What every adapter's happy-dom fixtures share: the visibility test without layout, attribute escaping,
 * loading a drawn page into the document, and readers over it (a one-shot read, and one past the loading
 * grace) for the adapter under test.
 */
import { beforeEach, expect } from 'vitest';
import type { ReadOptions, SnapshotReader } from '../../../src/adapters/adapter';
import { LOADING_GRACE_MS } from '../../../src/adapters/kit/reader';
import type { FormSnapshot } from '../../../src/contracts/snapshot';

/** happy-dom has no layout: hidden = `hidden`, aria-hidden, or inline display:none / visibility:hidden up the tree. */
export function attributeVisible(el: Element): boolean {
  if (el.closest('[hidden], [aria-hidden="true"]') !== null) return false;
  for (let node: Element | null = el; node !== null; node = node.parentElement) {
    const style = node.getAttribute('style') ?? '';
    if (/display:\s*none/.test(style) || /visibility:\s*hidden/.test(style)) return false;
  }
  return true;
}

/** A text made safe for an attribute value or element content. */
export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Puts a drawn page into the document: its language, its body markup and its title. */
export function setPage(doc: Document, page: { lang: string; body: string; title: string }): void {
  doc.documentElement.setAttribute('lang', page.lang);
  doc.body.innerHTML = page.body;
  doc.title = page.title;
}

type CreateReader = (doc: Document, currentUrl: () => string, opts?: ReadOptions) => SnapshotReader;

/**
 * Readers of the adapter under test over `document`, with the attribute visibility test; `page` draws a
 * fixture page and names its address. The document is emptied before each test.
 */
export function readers<Spec>(create: CreateReader, page: { load(doc: Document, spec: Spec): void; url(spec: Spec): string; blank: Spec }) {
  const opts = { isVisible: attributeVisible };
  beforeEach(() => {
    document.body.innerHTML = '';
    document.title = '';
  });
  const readNow = (url = page.url(page.blank)): FormSnapshot => create(document, () => url, opts).read('full');
  const readLoaded = (url = page.url(page.blank)): FormSnapshot => {
    let clock = 1_000_000;
    const reader = create(document, () => url, { ...opts, now: () => clock });
    expect(reader.read('full').form.status).toBe('read');
    clock += LOADING_GRACE_MS;
    return reader.read('full');
  };
  return {
    /** The reader options of these reads (the attribute visibility test). */
    opts,
    /** A one-shot read: a fresh reader, one 'full' read (the page counts as still loading). */
    readNow,
    /** A read once the loading grace is over: the form was seen LOADING_GRACE_MS earlier. */
    readLoaded,
    /** Draws `spec` and reads it at once. */
    snap(spec: Spec = page.blank, url = page.url(spec)): FormSnapshot {
      page.load(document, spec);
      return readNow(url);
    },
    /** Draws `spec` and reads it as a loaded page. */
    snapLoaded(spec: Spec = page.blank, url = page.url(spec)): FormSnapshot {
      page.load(document, spec);
      return readLoaded(url);
    },
  };
}
