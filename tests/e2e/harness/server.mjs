// Fixture servers for the e2e tests.
//  - HTTPS static server answering for ANY Host header, so the browsers can be
//    pointed at the real production host names (the content scripts only
//    match https://www.pasonacareer.jp/*).
//  - HTTP CONNECT proxy for Firefox, which has no --host-resolver-rules
//    equivalent: a PAC file sends the three hosts here and we tunnel them to
//    the HTTPS server.
import https from 'node:https';
import http from 'node:http';
import net from 'node:net';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve, extname, sep } from 'node:path';
import { getCertificate } from './cert.mjs';

/** The three sites; every host of each (www., mypage., …) is served. */
export const SITES = ['pasonacareer.jp', 'pasona.co.jp', 'pasona-masters.co.jp'];
/** Whether a host belongs to one of the three sites. */
export const isSiteHost = (host) => SITES.some((site) => host === site || host.endsWith(`.${site}`));
/** A site the extension does not run on (a job board framing one of the sites' pages), served from the same fixtures. */
export const OTHER_SITE = 'jobs-elsewhere.example';
/** Every domain the harness serves. */
export const SERVED = [...SITES, OTHER_SITE];
const isServedHost = (host) => SERVED.some((site) => host === site || host.endsWith(`.${site}`));

export const CSP_HEADER = "default-src 'self'; script-src 'self'; style-src 'self'";

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * Every request the HTTPS server saw, in order: { host, path, time }.
 * `path` is the raw request path (including any /csp/ prefix and query).
 * Shared by all servers in the process; tests may truncate it (`requestLog.length = 0`).
 */
export const requestLog = [];

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

function makeHandler(rootDir) {
  const root = resolve(rootDir);
  return async (req, res) => {
    const host = (req.headers.host || '').replace(/:\d+$/, '');
    requestLog.push({ host, path: req.url, time: Date.now() });
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');

    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'https://x').pathname);
    } catch {
      return send(res, 400, 'bad url');
    }
    const headers = { 'Cache-Control': 'no-store' };
    if (pathname.startsWith('/csp/')) {
      pathname = pathname.slice(4);
      headers['Content-Security-Policy'] = CSP_HEADER;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    if (pathname.includes('\0')) return send(res, 400, 'bad path');

    // resolve() collapses any ../ ; anything that ends up outside root is refused.
    const file = resolve(root, '.' + pathname);
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'forbidden');

    let st;
    try {
      st = await stat(file);
    } catch {
      return send(res, 404, `not found: ${pathname}`, headers);
    }
    if (!st.isFile()) return send(res, 404, `not found: ${pathname}`, headers);

    headers['Content-Type'] = CONTENT_TYPES[extname(file).toLowerCase()] || 'application/octet-stream';
    headers['Content-Length'] = st.size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  };
}

function listen(server) {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', fail);
      ok(server.address().port);
    });
  });
}

/**
 * @param {{ root: string }} opts root = fixtures folder to serve
 * @returns {Promise<{ httpsPort: number, proxyPort: number, close(): Promise<void> }>}
 */
export async function startServers({ root }) {
  if (!root) throw new Error('startServers: `root` (fixtures folder) is required');
  const { key, cert } = getCertificate();
  const sockets = new Set();
  const track = (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };

  const httpsServer = https.createServer({ key, cert }, makeHandler(root));
  httpsServer.on('connection', track);
  httpsServer.keepAliveTimeout = 1000;
  const httpsPort = await listen(httpsServer);

  const proxy = http.createServer((req, res) => {
    // Plain-HTTP proxying is never needed (the fixtures are HTTPS-only); refusing
    // it also catches accidental traffic routed through the proxy.
    send(res, 403, 'this test proxy only tunnels CONNECT to the fixture hosts');
  });
  proxy.on('connection', track);
  proxy.on('connect', (req, clientSocket, head) => {
    track(clientSocket);
    const [host, port] = String(req.url).split(':');
    if (!isServedHost(host.toLowerCase()) || port !== '443') {
      clientSocket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = net.connect(httpsPort, '127.0.0.1', () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head && head.length) upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    track(upstream);
    const kill = () => {
      upstream.destroy();
      clientSocket.destroy();
    };
    upstream.on('error', kill);
    clientSocket.on('error', kill);
  });
  const proxyPort = await listen(proxy);

  let closed = false;
  return {
    httpsPort,
    proxyPort,
    async close() {
      if (closed) return;
      closed = true;
      const done = Promise.all([
        new Promise((r) => httpsServer.close(() => r())),
        new Promise((r) => proxy.close(() => r())),
      ]);
      for (const s of sockets) s.destroy();
      await done;
    },
  };
}
