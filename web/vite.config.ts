// Vite build of the web app: web/ → dist/web, served by the server at / with an SPA fallback. Each page is its
// own lazily loaded chunk; `gongkai/model` is the Node-free model entry (types, templates, checkReport).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: [{ find: /^gongkai\/model$/, replacement: here('../src/model/index.ts') }],
  },
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // pdf.js's worker is an asset of its own (only the PDF source view loads it)
    assetsInlineLimit: 0,
    // web/scripts/sizes.mjs reads the manifest to total each route's first-load JavaScript (gzip)
    manifest: true,
  },
  server: {
    // `vite` dev server: the API is the real server on :3000
    proxy: { '/api': process.env.GONGKAI_API ?? 'http://127.0.0.1:3000' },
  },
  preview: { proxy: { '/api': process.env.GONGKAI_API ?? 'http://127.0.0.1:3000' } },
});
