import type { Plugin } from 'vite';

/**
 * Removes the one `innerHTML = props.dangerouslySetInnerHTML.__html` assignment from Preact's
 * runtime, which addons-linter reports as UNSAFE_VAR_ASSIGNMENT. Margin Lens never uses
 * dangerouslySetInnerHTML (no innerHTML with dynamic values, ever), so the branch becomes a
 * loud error instead of silently rendering nothing. The build fails if the pattern is not found
 * exactly once, so a Preact upgrade that changes its code cannot slip past unpatched.
 */
const PREACT_RUNTIME = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(mjs|module\.js)$/;
const ASSIGNMENT = /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/g;
const REPLACEMENT = '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Margin Lens")})()';

export function preactNoInnerHtml(): Plugin {
  return {
    name: 'margin-lens:preact-no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT_RUNTIME.test(id)) return null;
      const matches = code.match(ASSIGNMENT) ?? [];
      if (matches.length !== 1) {
        this.error(`expected exactly one dangerouslySetInnerHTML assignment in ${id}, found ${matches.length}`);
      }
      return { code: code.replace(ASSIGNMENT, REPLACEMENT), map: null };
    },
  };
}
