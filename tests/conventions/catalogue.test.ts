/**
 * Words in one place: every reason code, item and input source has its words in the catalogue, every
 * code renders a sentence from its parameters alone, and no sentence is assembled elsewhere (layers
 * pass codes: the sources under src/ outside src/ui/text build no reason text).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ITEMS, ITEM_PARAMS, LIMIT_PARAMS, NUMBER_PARAMS, REASON_PARAMS, REASON_PARAM_NAMES, type Reason } from '../../src/contracts/reasons';
import { en } from '../../src/ui/text/en';
import { itemLabel, limitLabel, say } from '../../src/ui/text';

/** Sample parameters for a code: an item, a count, a nested reason, or text that must appear. */
function sample(code: keyof typeof REASON_PARAMS): Reason {
  const params: Record<string, unknown> = {};
  for (const name of REASON_PARAMS[code] as readonly string[]) {
    if (ITEM_PARAMS.has(name)) params[name] = 'markPrice';
    else if (LIMIT_PARAMS.has(name)) params[name] = 'minStopBufferPct';
    else if (NUMBER_PARAMS.has(name)) params[name] = 7;
    else if (REASON_PARAM_NAMES.has(name)) params[name] = { code: 'page.notFound', params: { item: 'quantity' } };
    else params[name] = name === 'ok' || name.endsWith('Included') || name === 'integer' || name === 'beyondTable' ? 'yes' : name === 'side' ? 'long' : name === 'status' ? 'fail' : name === 'mode' ? 'multi' : name === 'expected' ? 'dot' : `«${name}»`;
  }
  return { code, params } as Reason;
}

describe('the text catalogue', () => {
  it.each(Object.keys(REASON_PARAMS).map((code) => [code] as const))('%s has words, and uses every parameter it is given', (code) => {
    const reason = sample(code as keyof typeof REASON_PARAMS);
    const text = say(reason);
    expect(text.length).toBeGreaterThan(5);
    expect(text).not.toMatch(/undefined|\[object Object\]|NaN/);
    expect(text).not.toBe(code);
    for (const [name, value] of Object.entries(reason.params)) {
      if (typeof value === 'string' && value.startsWith('«')) expect(text, `${code} shows ${name}`).toContain(value);
      if (ITEM_PARAMS.has(name)) expect(text, `${code} names the item`).toContain(itemLabel('markPrice'));
      if (LIMIT_PARAMS.has(name)) expect(text, `${code} names the limit`).toContain(limitLabel('minStopBufferPct'));
      if (REASON_PARAM_NAMES.has(name)) expect(text, `${code} says its cause`).toContain(itemLabel('quantity'));
    }
  });

  it('labels every item and every input source', () => {
    for (const item of ITEMS) expect(en.items[item].length, item).toBeGreaterThan(1);
    for (const [source, words] of Object.entries(en.sources)) expect(words.length, source).toBeGreaterThan(1);
    for (const [key, words] of Object.entries(en.limits)) expect(words.length, key).toBeGreaterThan(1);
  });

  it('has no words for a code that does not exist', () => {
    expect(Object.keys(en.reasons).sort()).toEqual(Object.keys(REASON_PARAMS).sort());
  });
});

describe('no sentence is assembled outside the catalogue', () => {
  const ROOT = join(import.meta.dirname, '../..');
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
    });
  // Reason-like phrases that used to be built as strings in the layers.
  const phrase = /['"`](?:can't read|cannot read|selector broke|log in to see|not found|not supported|assumed|incomplete)[^'"`]*['"`]/i;
  const files = walk(join(ROOT, 'src')).filter((p) => !relative(ROOT, p).startsWith(join('src', 'ui', 'text')));
  it.each(files.map((p) => [relative(ROOT, p), p] as const))('%s', (_name, path) => {
    const hits = readFileSync(path, 'utf8')
      .split('\n')
      .flatMap((line, i) => (phrase.test(line) && !/^(\/\*|\*|\/\/)/.test(line.trim()) ? [`${i + 1}: ${line.trim()}`] : []));
    expect(hits).toEqual([]);
  });
});
