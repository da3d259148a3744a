/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { mnistDigits } from './src/datasets/multimnist/plugin.ts';
import { cspPlugin, SECURITY_HEADERS } from './src/app/csp.ts';
import { kindRegistries } from './src/kinds/registry.mjs';

export default defineConfig({
  // kindRegistries: rewrites src/kinds/*.gen.ts from the kind folders before every build, dev server and Vitest run.
  plugins: [kindRegistries(), react(), mnistDigits(), cspPlugin()],
  // vega-datasets exports only its JS entry; its penguins.json is imported by path (lazily, into its own chunk).
  resolve: { alias: { 'vega-datasets/data/penguins.json': resolve(import.meta.dirname, 'node_modules/vega-datasets/data/penguins.json') } },
  worker: { format: 'es', plugins: () => [mnistDigits()] },
  build: {
    // OUT_DIR lets two builds (and their e2e suites, which preview it) run side by side.
    outDir: process.env.OUT_DIR ?? 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // Fonts (KaTeX's) stay files: the CSP allows fonts from 'self' only, not data: URLs.
    assetsInlineLimit: (file: string) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        bench: resolve(import.meta.dirname, 'src/bench/index.html'),
      },
    },
  },
  preview: { host: '127.0.0.1', headers: SECURITY_HEADERS },
  server: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    setupFiles: ['src/testSetup.ts'],
    testTimeout: 60_000,
  },
});
