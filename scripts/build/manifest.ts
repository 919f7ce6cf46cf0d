/**
 * Derives the per-browser manifest from the single top-level manifest.json.
 * The source holds every value for both browsers (Refined GitHub style: background has both
 * `service_worker` and `scripts`); each target drops the keys the other browser owns. The content
 * scripts are not in the source, only what they share: one entry per registry venue is generated,
 * that venue's own script on that venue's origins only, so host access is exactly the supported
 * venues' origins and a page parses one adapter.
 */
import { VENUES, venueMatches } from '../../src/venues/registry.ts';
export type TargetBrowser = 'chrome' | 'firefox';

export interface SourceManifest {
  background: { service_worker: string; scripts: string[]; type?: string };
  /** What every venue's content-script entry shares (css, run_at); matches and js are generated. */
  content_scripts: [Record<string, unknown>];
  minimum_chrome_version?: string;
  browser_specific_settings?: unknown;
  [key: string]: unknown;
}

/** The content script of a venue: its adapter folder's content.ts (tests/conventions checks each exists). */
export const contentScriptOf = (venueId: string) => `src/adapters/${venueId}/content.ts`;

/** Every venue's content script, for the build. */
export const CONTENT_SCRIPTS: readonly string[] = VENUES.map((v) => contentScriptOf(v.id));

export function manifestFor(source: SourceManifest, browser: TargetBrowser): Record<string, unknown> {
  const { background, minimum_chrome_version, browser_specific_settings, content_scripts, ...rest } = source;
  const shared = content_scripts[0];
  const common = { ...rest, content_scripts: VENUES.map((v) => ({ matches: venueMatches(v), js: [contentScriptOf(v.id)], ...shared })) };
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
