/**
 * A copy of Preact's runtime without its one `innerHTML = props.dangerouslySetInnerHTML.__html`
 * assignment, which addons-linter reports as UNSAFE_VAR_ASSIGNMENT. Margin Lens never uses
 * dangerouslySetInnerHTML (no innerHTML with dynamic values, ever), so that branch now throws.
 *
 * Why a file and a `resolve.alias` rather than a transform plugin: crxjs builds the standalone
 * content script in a second Vite build that receives the config's `resolve` but none of its
 * plugins. Creating the copy fails if the pattern is not found exactly once, so a Preact upgrade
 * that changes its code cannot slip through unpatched.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const ASSIGNMENT = /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/g;
const REPLACEMENT = '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Margin Lens")})()';
const SOURCE_MAP_COMMENT = /\n\/\/# sourceMappingURL=.*$/;

/** Writes the patched runtime under node_modules/.cache and returns its path (for resolve.alias). */
export function preactWithoutInnerHtml(root: string): string {
  const require = createRequire(join(root, 'package.json'));
  const source = join(dirname(require.resolve('preact/package.json')), 'dist', 'preact.module.js');
  const code = readFileSync(source, 'utf8');
  const found = code.match(ASSIGNMENT)?.length ?? 0;
  if (found !== 1) throw new Error(`expected one dangerouslySetInnerHTML assignment in ${source}, found ${found}`);
  const target = join(root, 'node_modules', '.cache', 'margin-lens', 'preact.module.js');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, code.replace(ASSIGNMENT, REPLACEMENT).replace(SOURCE_MAP_COMMENT, '\n'));
  return target;
}
