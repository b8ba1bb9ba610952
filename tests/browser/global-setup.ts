/**
 * Builds the production site once (unless SKIP_BUILD=1 and dist/ exists) and serves dist/ on
 * 127.0.0.1 with a tiny static server that behaves like a plain static host: no rewrites, so
 * deep links only work because every route is pre-rendered.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!(process.env.SKIP_BUILD === '1' && existsSync('dist/index.html'))) {
    // Vitest sets NODE_ENV=test, which would make Vite build a development bundle.
    execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
  // Served under a sub-folder, as an LMS or a shared host would.
  const server = await startStaticServer({ root: 'dist', mountPath: '/course/' });
  project.provide('baseUrl', `${server.origin}/course/`);
  return () => server.close();
}
