/**
 * A stand-in LMS on 127.0.0.1 for browser tests: one host page that runs scorm-again (the LMS
 * side of SCORM 1.2 and 2004) and launches an unzipped package in an iframe, the packages
 * themselves, and the commit endpoint scorm-again posts to. The endpoint is the LMS's server:
 * it stores each commit it accepts, and can be switched to answer 500 to simulate an outage.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CONTENT_TYPES as TYPES } from '../static-server.ts';


const SCORM_AGAIN = path.resolve('node_modules/scorm-again/dist/scorm-again.min.js');

/** The LMS page. `launchCourse` builds the API from the stored CMI data, then opens the course. */
const HOST_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Test LMS</title>
<script src="/scorm-again.js"></script>
<style>body{margin:0;font-family:sans-serif} header{padding:.5rem 1rem;background:#eee} iframe{border:0;width:100%;height:calc(100vh - 3rem)}</style>
</head>
<body>
<header><strong>Test LMS</strong> <span id="course-state">no course open</span></header>
<main id="lms"></main>
<script>
window.lmsCalls = [];
window.launchCourse = function (options) {
  var settings = {
    lmsCommitUrl: options.commitUrl,
    dataCommitFormat: 'flattened',
    autocommit: false,
    logLevel: 5,
  };
  var api = options.version === '1.2' ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
  if (options.cmi) api.loadFromFlattenedJSON(options.cmi, '');
  var calls = options.version === '1.2'
    ? ['LMSInitialize', 'LMSFinish', 'LMSCommit']
    : ['Initialize', 'Terminate', 'Commit'];
  calls.forEach(function (name) {
    api.on(name, function () { window.lmsCalls.push(name); });
  });
  if (options.version === '1.2') window.API = api; else window.API_1484_11 = api;
  var frame = document.createElement('iframe');
  frame.title = 'Course';
  frame.src = options.src;
  document.getElementById('lms').appendChild(frame);
  document.getElementById('course-state').textContent = 'course open';
};
window.closeCourse = function () {
  var frame = document.querySelector('iframe');
  if (frame) frame.remove();
  document.getElementById('course-state').textContent = 'course closed';
};
window.lmsApi = function () { return window.API || window.API_1484_11; };
</script>
</body>
</html>`;

export interface LmsServer {
  origin: string;
  /** The address of the host page. */
  hostUrl: string;
  /** Launch address of a mounted package. */
  launchUrl(name: string): string;
  commitUrl: string;
  /** Make the commit endpoint answer 500 (true) or accept (false). */
  failCommits(failing: boolean): void;
  /** Every commit the "LMS server" accepted, oldest first (flattened CMI). */
  readonly accepted: Array<Record<string, string>>;
  /** Commits refused with 500. */
  readonly refused: number;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

/**
 * Starts the LMS. `packages` maps a name to an unzipped package folder, served at /pkg/<name>/.
 *
 * @example
 * const lms = await startLmsServer({ scorm12: '/tmp/x/scorm12' });
 * await page.goto(lms.hostUrl);
 * await page.evaluate((o) => launchCourse(o), { version: '1.2', src: lms.launchUrl('scorm12'), commitUrl: lms.commitUrl });
 */
export async function startLmsServer(packages: Record<string, string>): Promise<LmsServer> {
  const accepted: Array<Record<string, string>> = [];
  let refused = 0;
  let failing = false;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/commit' && request.method === 'POST') {
      void readBody(request).then((body) => {
        if (failing) {
          refused += 1;
          response.writeHead(500, { 'content-type': 'application/json' }).end('{"result":false,"errorCode":101}');
          return;
        }
        try {
          accepted.push(JSON.parse(body) as Record<string, string>);
        } catch {
          response.writeHead(400).end();
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"result":true,"errorCode":0}');
      });
      return;
    }
    if (url.pathname === '/' || url.pathname === '/host.html') {
      response.writeHead(200, { 'content-type': TYPES['.html']! }).end(HOST_PAGE);
      return;
    }
    if (url.pathname === '/scorm-again.js') {
      response.writeHead(200, { 'content-type': TYPES['.js']! }).end(readFileSync(SCORM_AGAIN));
      return;
    }
    const match = /^\/pkg\/([^/]+)\/(.*)$/.exec(url.pathname);
    const root = match ? packages[match[1]!] : undefined;
    if (!match || !root) {
      response.writeHead(404).end('not found');
      return;
    }
    const base = path.resolve(root);
    let file = path.join(base, decodeURIComponent(match[2]!));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      // Like most LMS file servers: no fallback page.
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    hostUrl: `${origin}/host.html`,
    launchUrl: (name) => `${origin}/pkg/${name}/index.html`,
    commitUrl: `${origin}/commit`,
    failCommits: (value) => {
      failing = value;
    },
    accepted,
    get refused() {
      return refused;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
