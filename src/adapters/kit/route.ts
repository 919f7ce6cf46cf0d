/** What every adapter's detection starts from: the address's path, on one of the venue's origins only. */

/** The path of `url` when its origin is one of `origins` (exactly: scheme, host and port), else null. */
export function pathOn(url: string, origins: readonly string[]): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return origins.includes(parsed.origin) ? parsed.pathname : null;
}
