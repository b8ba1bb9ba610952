import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { serviceWorkerMode } from './scripts/service-worker.ts';
import { previewLikeAStaticHost } from './scripts/preview-host.ts';
import { uiCatalogs } from './scripts/ui-catalogs.ts';
import { courseContent } from './src/pipeline/vite-plugin.ts';

export default defineConfig({
  // Relative asset paths: the player runs from any folder of any static host or LMS package.
  base: './',
  // COURSE_CONTENT_DIR builds another content folder laid out like content/ (default: content).
  // Browser tests use it to build variants, e.g. the course with sequential navigation.
  // COURSE_SERVICE_WORKER=remove builds the app without registering its worker (the kill switch:
  // scripts/service-worker.ts writes a sw.js that removes the installed one).
  define: { __COURSE_SERVICE_WORKER__: JSON.stringify(serviceWorkerMode() === 'on') },
  // `npm start` (vite preview) serves dist/ as a static host does: scripts/preview-host.ts.
  plugins: [courseContent({ contentDir: process.env.COURSE_CONTENT_DIR || 'content' }), uiCatalogs(), react(), previewLikeAStaticHost()],
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Everything the first page loads in one chunk: otherwise each lazily loaded view (check,
        // trainer page, print edition, read-aloud) that shares a few of its modules splits them
        // into small chunks of their own, and many small chunks compress worse than one.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
  test: {
    coverage: {
      provider: 'v8',
      include: ['src/course/**', 'src/pipeline/**', 'src/tracking/**'],
      exclude: ['src/pipeline/cli.ts', 'src/pipeline/write-json-schema.ts', 'src/pipeline/vite-plugin.ts'],
      reporter: ['text-summary', 'text'],
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/browser/**', 'node_modules/**'],
          environment: 'node',
          // Property and model-based runs share 2 cores with the browser tests in CI.
          testTimeout: 60_000,
        },
      },
      {
        // Real Chromium against the production build served on 127.0.0.1 (tests/browser/global-setup.ts).
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
