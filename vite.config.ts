import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { CONTENT_SCRIPTS, manifestFor, type SourceManifest, type TargetBrowser } from './scripts/build/manifest.ts';
import { preactWithoutInnerHtml } from './scripts/build/preact-without-inner-html.ts';

// One build per browser: `vite build --mode chrome` → dist/chrome, `--mode firefox` → dist/firefox.
export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  const source = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8')) as SourceManifest;
  const manifest = manifestFor(source, browser) as unknown as ManifestV3Export;
  return {
    resolve: {
      // Only the bare specifier: preact/hooks and preact/jsx-runtime import 'preact' and follow.
      alias: [{ find: /^preact$/, replacement: preactWithoutInnerHtml(fileURLToPath(new URL('.', import.meta.url))) }],
    },
    plugins: [
      preact(),
      crx({
        manifest,
        browser,
        // One self-contained IIFE per venue: no loader, nothing in web_accessible_resources for pages to probe.
        contentScripts: { standaloneFiles: [...CONTENT_SCRIPTS] },
      }),
    ],
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      // Minified: the content script is parsed on every exchange page load (budget: 30 KB gzipped).
      minify: true,
      sourcemap: false,
    },
  };
});
