// A loopback HTTPS server that pretends to be x.com, facebook.com and instagram.com for real-browser
// tests: the browsers map those hosts to 127.0.0.1 and accept its self-signed certificate.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';

/** Every host name the certificate covers; the browsers are told to resolve them to 127.0.0.1. */
export const TEST_HOSTS = [
  'x.com',
  '*.x.com',
  'www.facebook.com',
  '*.facebook.com',
  'www.instagram.com',
  '*.instagram.com',
  'localhost',
] as const;

export interface StaticRoute {
  body: string | Buffer;
  /** Content-Type; guessed from the path's extension when absent (text/html otherwise). */
  type?: string;
  /** Adds `Content-Security-Policy: script-src 'none'`, so a real saved page's scripts stay inert. */
  csp?: boolean;
  status?: number;
  headers?: Record<string, string>;
}

/** A dynamic route. The request body has already been read (and recorded) and is passed in. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>;

/**
 * Keys are pathnames (`/home`); the query string is ignored when matching. A key of the form
 * `//host/path` (e.g. `//www.facebook.com/`) matches that host only and wins over the bare path.
 */
export type Routes = Record<string, StaticRoute | RouteHandler>;

export interface RecordedRequest {
  method: string;
  /** Host name without the port. */
  host: string;
  pathname: string;
  /** Path with the query string, as sent. */
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** HTTP status the server answered with. */
  status: number;
  at: number;
}

export interface HttpsTestServer {
  port: number;
  /** `https://HOST:PORT`; HOST defaults to x.com. */
  origin(host?: string): string;
  /** Every request received so far, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** Requests whose pathname equals `pathname` (or satisfies the predicate). */
  requestsTo(match: string | ((r: RecordedRequest) => boolean)): RecordedRequest[];
  /** Resolves with the first request (already received or future) that matches. */
  waitForRequest(
    match: string | ((r: RecordedRequest) => boolean),
    timeoutMs?: number,
  ): Promise<RecordedRequest>;
  /** Adds or replaces a route while the server runs; `undefined` removes it. */
  setRoute(key: string, route: StaticRoute | RouteHandler | undefined): void;
  clearRequests(): void;
  close(): Promise<void>;
}

export interface TestCertificate {
  /** PEM private key. */
  key: Buffer;
  /** PEM self-signed certificate (CN=netra-test, SANs: TEST_HOSTS and 127.0.0.1). */
  cert: Buffer;
}

let certificate: TestCertificate | undefined;

/** Generates the self-signed certificate once per process with openssl; only memory keeps it. */
export function testCertificate(): TestCertificate {
  if (certificate) return certificate;
  // The temp dir goes as soon as the PEMs are read: test workers are not always given an exit hook.
  const dir = mkdtempSync(join(tmpdir(), 'netra-cert-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    const san = [...TEST_HOSTS.map((h) => `DNS:${h}`), 'IP:127.0.0.1'].join(',');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '30',
        '-subj',
        '/CN=netra-test',
        '-addext',
        `subjectAltName=${san}`,
        '-keyout',
        keyPath,
        '-out',
        certPath,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    certificate = { key: readFileSync(keyPath), cert: readFileSync(certPath) };
    return certificate;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function matcher(match: string | ((r: RecordedRequest) => boolean)): (r: RecordedRequest) => boolean {
  return typeof match === 'string' ? (r) => r.pathname === match : match;
}

export async function startHttpsServer(initialRoutes: Routes = {}): Promise<HttpsTestServer> {
  const { key, cert } = testCertificate();
  const routes = new Map(Object.entries(initialRoutes));
  const requests: RecordedRequest[] = [];
  const waiters = new Set<{ test: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }>();

  const record = (r: RecordedRequest) => {
    requests.push(r);
    for (const w of waiters) {
      if (w.test(r)) {
        waiters.delete(w);
        w.resolve(r);
      }
    }
  };

  const server: Server = createServer({ key, cert }, async (req, res) => {
    const url = new URL(req.url ?? '/', 'https://placeholder');
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const route = routes.get(`//${host}${url.pathname}`) ?? routes.get(url.pathname);
    let body: Buffer = Buffer.alloc(0);
    try {
      body = await readBody(req);
      if (!route) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      } else if (typeof route === 'function') {
        await route(req, res, body);
      } else {
        const headers: Record<string, string> = {
          'Content-Type': route.type ?? CONTENT_TYPES[extname(url.pathname)] ?? CONTENT_TYPES['.html']!,
          'Cache-Control': 'no-store',
          ...route.headers,
        };
        if (route.csp) headers['Content-Security-Policy'] = "script-src 'none'";
        res.writeHead(route.status ?? 200, headers).end(req.method === 'HEAD' ? undefined : route.body);
      }
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    }
    record({
      method: req.method ?? 'GET',
      host,
      pathname: url.pathname,
      url: req.url ?? '/',
      headers: req.headers,
      body,
      status: res.statusCode,
      at: Date.now(),
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    origin: (host = 'x.com') => `https://${host}:${port}`,
    requests,
    requestsTo: (match) => requests.filter(matcher(match)),
    waitForRequest(match, timeoutMs = 10_000) {
      const test = matcher(match);
      const seen = requests.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = {
          test,
          resolve: (r: RecordedRequest) => {
            clearTimeout(timer);
            resolve(r);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching request within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    setRoute(key, route) {
      if (route) routes.set(key, route);
      else routes.delete(key);
    },
    clearRequests() {
      requests.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
