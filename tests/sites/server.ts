// Local server for the stand-in exchange pages (tests/sites/README.md).
// Serves each registry venue's stand-in (tests/sites/<venue>/) under the venue's real hosts and trading
// paths, over HTTPS with the self-signed certificate in tests/sites/certs (a test fixture), and optionally
// over plain HTTP. Which paths are trading pages is each stand-in's own `site.ts` (from its page spec,
// independent of the adapter under test).
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { VENUES, type VenueId } from '../../src/venues/registry';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Each stand-in's own files live under this path on its host; no trading route can match it. */
export const STATIC_PREFIX = '/__standin/';
/** The modules every stand-in shares (tests/sites/common/) live under this path on every stand-in host. */
export const COMMON_PREFIX = `${STATIC_PREFIX}common/`;
const COMMON_DIR = join(HERE, 'common');

/** What a stand-in folder says about its pages (tests/sites/<venue>/site.ts). */
export interface StandinSite {
  /** True when `pathname` is a trading page the stand-in serves. */
  isTradingPath(pathname: string): boolean;
  /** One trading page (path only) for tools that open a single page, e.g. the bench; its symbol trades near 60 000. */
  samplePath: string;
  /** Page parameters the sample page needs besides the tool's own (e.g. a page whose default unit is not the coin). */
  sampleQuery?: string;
}

interface HostedSite extends StandinSite {
  venue: VenueId;
  dir: string;
}

/** Every host of every registry venue, for the browsers' host mapping. */
export const STANDIN_HOSTS: readonly string[] = VENUES.flatMap((v) => v.origins.map((origin) => new URL(origin).hostname));

async function loadSites(): Promise<Map<string, HostedSite>> {
  const byHost = new Map<string, HostedSite>();
  for (const venue of VENUES) {
    const dir = join(HERE, venue.id);
    // A venue whose stand-in is not written yet serves nothing (tests/conventions asks for one).
    if (!existsSync(join(dir, 'site.ts'))) continue;
    const { site } = (await import(pathToFileURL(join(dir, 'site.ts')).href)) as { site: StandinSite };
    for (const origin of venue.origins) byHost.set(new URL(origin).hostname, { ...site, venue: venue.id, dir });
  }
  return byHost;
}

const MIME: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

export interface StandinServerOptions {
  /** HTTPS port; 0 or absent = a random free port. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Also serve plain HTTP on this port (0 = random); absent = no HTTP listener. */
  httpPort?: number;
}

export interface StandinServer {
  port: number;
  /** Set only when `httpPort` was given. */
  httpPort?: number;
  close(): Promise<void>;
}

function hostnameOf(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  return host.replace(/:\d+$/, '').toLowerCase();
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/** The file `rel` names inside `dir` and its type; null for other types, bad escapes and anything outside `dir`. */
function staticFile(dir: string, rel: string): { path: string; type: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return null;
  }
  const clean = normalize(decoded);
  const type = MIME[clean.slice(clean.lastIndexOf('.'))];
  const path = join(dir, clean);
  if (!type || decoded.includes('..') || decoded.includes('\\') || decoded.includes('\0') || !path.startsWith(dir + sep)) return null;
  return { path, type };
}

async function handle(sites: Map<string, HostedSite>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://placeholder.invalid');
  const pathname = url.pathname;
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
  const site = sites.get(hostnameOf(req));
  if (!site) return send(res, 404, 'text/plain', 'unknown host');

  if (pathname.startsWith(STATIC_PREFIX)) {
    // The common folder first: a venue folder holds no `common/` of its own.
    const [dir, prefix] = pathname.startsWith(COMMON_PREFIX) ? [COMMON_DIR, COMMON_PREFIX] : [site.dir, STATIC_PREFIX];
    const file = staticFile(dir, pathname.slice(prefix.length));
    if (!file) return send(res, 404, 'text/plain', 'not found');
    try {
      return send(res, 200, file.type, await readFile(file.path));
    } catch {
      return send(res, 404, 'text/plain', 'not found');
    }
  }

  if (site.isTradingPath(pathname)) return send(res, 200, MIME['.html']!, await readFile(join(site.dir, 'index.html')));
  return send(res, 404, 'text/plain', 'not found');
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

export async function startStandinServer(opts: StandinServerOptions = {}): Promise<StandinServer> {
  const host = opts.host ?? '127.0.0.1';
  const sites = await loadSites();
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(sites, req, res).catch((err: unknown) => send(res, 500, 'text/plain', String(err)));
  };
  const tls = {
    key: readFileSync(join(HERE, 'certs', 'standin.key')),
    cert: readFileSync(join(HERE, 'certs', 'standin.crt')),
  };
  const servers: Server[] = [createHttpsServer(tls, listener)];
  const port = await listen(servers[0]!, opts.port ?? 0, host);
  let httpPort: number | undefined;
  if (opts.httpPort !== undefined) {
    const http = createHttpServer(listener);
    servers.push(http);
    httpPort = await listen(http, opts.httpPort, host);
  }
  return {
    port,
    httpPort,
    close: async () => {
      await Promise.all(servers.map(closeServer));
    },
  };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

// CLI: npx tsx tests/sites/server.ts [--port 8443] [--host 127.0.0.1] [--http-port 8080]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const httpArg = argValue(args, '--http-port');
  const server = await startStandinServer({
    port: Number(argValue(args, '--port') ?? 0),
    host: argValue(args, '--host'),
    httpPort: httpArg === undefined ? undefined : Number(httpArg),
  });
  // First line: the bare HTTPS port, for scripts that start the server and parse its output.
  console.log(String(server.port));
  if (server.httpPort !== undefined) console.log(`http port ${server.httpPort}`);
  console.error(`serving ${STANDIN_HOSTS.join(', ')} (map these hosts to this machine)`);
}
