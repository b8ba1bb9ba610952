/**
 * `npm start` (vite preview) serving dist/ the way a production static host does
 * (docs/decisions/url-scheme.md): a folder asked for without its slash is redirected to it (301,
 * like nginx and python's http.server), an unknown address gets 404.html with status 404 (not the
 * home page: vite preview's SPA fallback is bypassed), hashed files in assets/ are cached for good
 * and everything else is revalidated. Vite preview compresses the responses itself.
 */
import { existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { Plugin } from 'vite';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export function previewLikeAStaticHost(): Plugin {
  return {
    name: 'preview-like-a-static-host',
    configurePreviewServer(server) {
      const dist = path.resolve(server.config.root, server.config.build.outDir);
      // Served from a sub-folder when vite preview is given an absolute base (`--base /courses/peer/`).
      const mount = server.config.base.startsWith('/') ? server.config.base : '/';
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (`${url.pathname}/` === mount) {
          res.writeHead(301, { location: `${mount}${url.search}`, 'cache-control': REVALIDATE }).end();
          return;
        }
        if (!url.pathname.startsWith(mount)) return next();
        let pathname: string;
        try {
          pathname = decodeURIComponent(url.pathname.slice(mount.length - 1));
        } catch {
          pathname = url.pathname.slice(mount.length - 1);
        }
        const file = path.join(dist, pathname);
        if (!file.startsWith(dist)) return next();
        const isDir = existsSync(file) && statSync(file).isDirectory();
        if (isDir && !url.pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}`, 'cache-control': REVALIDATE }).end();
          return;
        }
        const target = isDir ? path.join(file, 'index.html') : file;
        if (existsSync(target) && statSync(target).isFile()) {
          res.setHeader('cache-control', pathname.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
          return next();
        }
        // Unknown address: the site's 404 page, with status 404, from vite's own file server.
        req.url = `${mount}404.html`;
        res.setHeader('cache-control', REVALIDATE);
        forceStatus(res, 404);
        next();
      });
    },
  };
}

/** Vite's file server answers 200; an unknown address must say 404. */
function forceStatus(res: ServerResponse, status: number): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((_code: number, ...rest: unknown[]) => writeHead(status, ...rest)) as typeof res.writeHead;
}
