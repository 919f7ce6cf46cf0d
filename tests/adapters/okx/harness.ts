/** What the browser tests of the OKX adapter share: the bundled reader (standin-entry.ts) and stand-in addresses. */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** The reader entry bundled as one IIFE, to be injected with page.addScriptTag. */
export async function bundleEntry(): Promise<string> {
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL('./standin-entry.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
  });
  return bundled.outputFiles[0]?.text ?? '';
}

/** A stand-in page address: `path` under https://www.okx.com/, the page parameters as `si-*` in the query. */
export function okxUrl(path: string, params: Record<string, string | number>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) query.set(`si-${k}`, String(v));
  return `https://www.okx.com/${path}?${query.toString()}`;
}
