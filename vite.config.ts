import { defineConfig } from 'vite';

// The app lives in viz/; it imports the engine from sim/ and scenarios from scenarios/.
// `base: './'` makes the built site work from any folder on any static web server.
export default defineConfig({
  root: 'viz',
  base: './',
  publicDir: false,
  server: { fs: { allow: ['..'] }, open: true },
  preview: { open: false },
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
  // Pre-bundle every dependency the app and its workers import, so the dev server never
  // discovers one late and reloads the page (the first start of a fresh clone).
  optimizeDeps: {
    include: ['comlink', 'd3-axis', 'd3-dsv', 'd3-force', 'd3-scale', 'd3-selection', 'd3-shape', 'seedrandom/lib/alea.js', 'simple-statistics', 'zod'],
  },
});
