/** Who the router trusts, read from the running extension (its id, its base URL, its content-script origins). */
import type { Runtime } from 'webextension-polyfill';
import type { RouterIdentity } from './router.ts';

/**
 * Origin of a content-script match pattern with a fixed host ("https://www.example.com/*" →
 * "https://www.example.com"); patterns with wildcard schemes or hosts give null (not used here).
 */
export function originOfMatchPattern(pattern: string): string | null {
  const match = /^(https?):\/\/([^/*]+)\/.*$/.exec(pattern);
  return match ? `${match[1]}://${match[2]}` : null;
}

export function identityOf(runtime: Pick<Runtime.Static, 'id' | 'getURL' | 'getManifest'>): RouterIdentity {
  const patterns = (runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []);
  return {
    extensionId: runtime.id,
    extensionBaseUrl: runtime.getURL(''),
    contentOrigins: patterns.map(originOfMatchPattern).filter((origin): origin is string => origin !== null),
  };
}
