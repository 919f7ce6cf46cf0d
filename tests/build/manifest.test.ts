import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestFor, type SourceManifest } from '../../scripts/build/manifest.ts';
import { VENUES } from '../../src/venues/registry.ts';

const source = JSON.parse(readFileSync('manifest.json', 'utf8')) as SourceManifest;

describe('per-browser manifest from manifest.json', () => {
  it('Chrome: a module service worker and a minimum Chrome version, no Firefox keys', () => {
    const chrome = manifestFor(source, 'chrome');
    expect(chrome.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
    expect(chrome.minimum_chrome_version).toBe(source.minimum_chrome_version);
    expect(chrome).not.toHaveProperty('browser_specific_settings');
  });

  it('Firefox: background scripts (an event page) and the gecko settings, no Chrome keys', () => {
    const firefox = manifestFor(source, 'firefox');
    expect(firefox.background).toEqual({ scripts: ['src/background/index.ts'] });
    expect(firefox.browser_specific_settings).toEqual({
      gecko: {
        id: 'margin-lens@margin-lens.dev',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
  });

  it('both ask for storage only, run each venue\'s own content script on that venue\'s origins only, expose no resources to pages', () => {
    expect(VENUES.length).toBeGreaterThan(0);
    for (const browser of ['chrome', 'firefox'] as const) {
      const manifest = manifestFor(source, browser);
      expect(manifest.permissions).toEqual(['storage']);
      expect(manifest).not.toHaveProperty('host_permissions');
      expect(manifest).not.toHaveProperty('web_accessible_resources');
      expect(manifest).not.toHaveProperty('externally_connectable');
      expect(manifest.content_scripts).toEqual(
        VENUES.map((v) => ({
          matches: v.origins.map((origin) => `${origin}/*`),
          js: [`src/adapters/${v.id}/content.ts`],
          css: ['src/content/panel/host.css'], // the panel host's visibility (panel/host.css)
          run_at: 'document_idle',
        })),
      );
      const patterns = (manifest.content_scripts as Array<{ matches: string[] }>).flatMap((cs) => cs.matches);
      for (const pattern of patterns) expect(pattern).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
      expect(new Set(patterns).size).toBe(patterns.length); // no origin runs two venues' scripts
    }
  });
});
