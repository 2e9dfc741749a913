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
});
