/**
 * Derives the per-browser manifest from the single top-level manifest.json.
 * The source holds every value for both browsers (Refined GitHub style: background has both
 * `service_worker` and `scripts`); each target drops the keys the other browser owns. The content
 * script's `matches` are not in the source: they are generated from the venue registry, so host
 * access is exactly the supported venues' origins.
 */
import { contentMatches } from '../../src/venues/registry.ts';
export type TargetBrowser = 'chrome' | 'firefox';

export interface SourceManifest {
  background: { service_worker: string; scripts: string[]; type?: string };
  content_scripts: Array<Record<string, unknown>>;
  minimum_chrome_version?: string;
  browser_specific_settings?: unknown;
  [key: string]: unknown;
}

export function manifestFor(source: SourceManifest, browser: TargetBrowser): Record<string, unknown> {
  const { background, minimum_chrome_version, browser_specific_settings, content_scripts, ...rest } = source;
  const common = { ...rest, content_scripts: content_scripts.map((script) => ({ matches: contentMatches(), ...script })) };
  if (browser === 'chrome') {
    return {
      ...common,
      background: { service_worker: background.service_worker, type: 'module' },
      minimum_chrome_version,
    };
  }
  // Firefox MV3 runs an event page from background.scripts; it has no service_worker.
  return {
    ...common,
    background: { scripts: background.scripts },
    browser_specific_settings,
  };
}
