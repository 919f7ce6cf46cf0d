// Local server for the exchange stand-in pages (tests/sites/README.md).
// Serves the Binance USDⓈ-M stand-in under its real URLs on host www.binance.com, over HTTPS with the
// self-signed certificate in tests/sites/certs (a test fixture), and optionally over plain HTTP.
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';

const HERE = dirname(fileURLToPath(import.meta.url));
const BINANCE_DIR = join(HERE, 'binance');
export const BINANCE_HOST = 'www.binance.com';
/** Static files of the Binance stand-in live here; the route regex can never match this path. */
export const BINANCE_STATIC_PREFIX = '/__standin/binance/';

// binance-usdm.md §1: the USDⓈ-M trading route. `/my/wallet/futures/…` and `/delivery/…` never match it.
const BINANCE_ROUTE = /^\/(?:[a-z]{2}(?:-[A-Za-z]{2})?\/)?futures\/([A-Z0-9_]{3,})\/?$/;
// COIN-M perpetuals (`…_PERPETUAL`) are out of scope (binance-usdm.md §1 "Exclude").
const COIN_M_SYMBOL = /PERPETUAL$/;

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

/** True when `pathname` is a Binance USDⓈ-M trading page the stand-in serves. */
export function isBinanceFuturesPath(pathname: string): boolean {
  const m = BINANCE_ROUTE.exec(pathname);
  return m !== null && !COIN_M_SYMBOL.test(m[1] ?? '');
}

function hostnameOf(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  return host.replace(/:\d+$/, '').toLowerCase();
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://placeholder.invalid');
  const pathname = url.pathname;
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
  if (hostnameOf(req) !== BINANCE_HOST) return send(res, 404, 'text/plain', 'unknown host');

  if (pathname.startsWith(BINANCE_STATIC_PREFIX)) {
    const rel = normalize(decodeURIComponent(pathname.slice(BINANCE_STATIC_PREFIX.length)));
    const type = MIME[rel.slice(rel.lastIndexOf('.'))];
    const file = join(BINANCE_DIR, rel);
    if (!type || !file.startsWith(BINANCE_DIR + sep) || rel.includes('..')) return send(res, 404, 'text/plain', 'not found');
    try {
      return send(res, 200, type, await readFile(file));
    } catch {
      return send(res, 404, 'text/plain', 'not found');
    }
  }

  if (isBinanceFuturesPath(pathname)) {
    return send(res, 200, MIME['.html']!, await readFile(join(BINANCE_DIR, 'index.html')));
  }
  return send(res, 404, 'text/plain', 'not found');
}

function listener(req: IncomingMessage, res: ServerResponse): void {
  handle(req, res).catch((err: unknown) => send(res, 500, 'text/plain', String(err)));
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
  const tls = {
    key: readFileSync(join(HERE, 'certs', 'www.binance.com.key')),
    cert: readFileSync(join(HERE, 'certs', 'www.binance.com.crt')),
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
  console.error(`serving https://${BINANCE_HOST}/en/futures/BTCUSDT (map ${BINANCE_HOST} to this machine)`);
}
