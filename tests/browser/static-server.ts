/** A minimal static file server on 127.0.0.1 for browser tests: files only, 404.html for the rest. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { createGzip } from 'node:zlib';

/** Content types by file extension, as static hosts send them. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
};

/**
 * `gzip: true` compresses text responses for clients that accept it, as static hosts and LMSs do;
 * the benchmark uses it so Lighthouse measures what a learner would download.
 */
export interface StaticServerOptions {
  root: string;
  mountPath?: string;
  gzip?: boolean;
  /** Redirect a folder asked for without its slash (default), or serve its index.html as it is. */
  redirectFolders?: boolean;
  /** For unknown addresses: '404.html' with status 404 (default), or the SPA fallback most hosts offer: index.html, 200. */
  fallback?: '404.html' | 'index.html';
}

export async function startStaticServer({ root, mountPath = '/', gzip = false, redirectFolders = true, fallback = '404.html' }: StaticServerOptions) {
  const base = path.resolve(root);
  const requests: Array<{ url: string; destination: string; at: number }> = [];
  const server = createServer((request, response) => {
    requests.push({ url: request.url ?? '/', destination: String(request.headers['sec-fetch-dest'] ?? ''), at: performance.now() });
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const atMount = `${url.pathname}/` === mountPath;
    if (!url.pathname.startsWith(mountPath) && !atMount) {
      response.writeHead(404).end('not found');
      return;
    }
    let file = path.join(base, atMount ? '' : decodeURIComponent(url.pathname.slice(mountPath.length)));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/') && redirectFolders) {
        response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    const found = existsSync(file) && statSync(file).isFile();
    const target = found ? file : path.join(base, fallback);
    const type = CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream';
    const compress = gzip && /^(text\/|application\/(json|xml))/.test(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    response.writeHead(found || fallback === 'index.html' ? 200 : 404, {
      'content-type': type,
      ...(compress ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    const body = createReadStream(target);
    if (compress) body.pipe(createGzip()).pipe(response);
    else body.pipe(response);
  });
  // Bytes written to the network, headers included, for the benchmark's repeat-visit figure.
  const sockets = new Set<Socket>();
  let closedSocketBytes = 0;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      closedSocketBytes += socket.bytesWritten;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    /** Every request so far: its path and query, what it is for (Sec-Fetch-Dest), and when it arrived (performance.now(), ms). */
    requests: () => [...requests],
    bytesSent: () => [...sockets].reduce((total, socket) => total + socket.bytesWritten, closedSocketBytes),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
