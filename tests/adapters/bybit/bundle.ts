// The adapter's reader bundled as an IIFE for injection into the stand-in page (standin-entry.ts).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

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
