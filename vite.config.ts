import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { courseContent } from './src/pipeline/vite-plugin.ts';

export default defineConfig({
  // Relative asset paths: the player runs from any folder of any static host or LMS package.
  base: './',
  plugins: [courseContent({ contentDir: 'content' }), react()],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
  test: {
    include: ['tests/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    environment: 'node',
    coverage: {
      provider: 'v8',
      include: ['src/course/**', 'src/pipeline/**', 'src/tracking/**'],
      reporter: ['text-summary', 'text'],
    },
  },
});
