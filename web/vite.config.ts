// Vite build of the web app: web/ → dist/web, served by the server at / with an SPA fallback. Each page is its
// own lazily loaded chunk; `gongkai/model` is the Node-free model entry (types, templates, checkReport).
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Each script and stylesheet also as .br and .gz beside it, compressed once at build time at the highest
 * levels: the server sends them to browsers that accept them (@fastify/static `preCompressed`, src/server/web-app.ts)
 * instead of 5–9 times the bytes (the app's CSS is 1 MB, 110 KB gzip).
 */
function precompress(): Plugin {
  const br = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: 'gongkai-precompress',
    apply: 'build',
    async writeBundle(out, bundle) {
      const dir = out.dir ?? here('../dist/web');
      await Promise.all(Object.keys(bundle).filter((f) => /\.(m?js|css)$/.test(f)).map(async (f) => {
        const bytes = await readFile(join(dir, f));
        if (bytes.length < 1024) return;
        await writeFile(join(dir, `${f}.br`), await br(bytes, { params: {
          [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
        await writeFile(join(dir, `${f}.gz`), await gz(bytes, { level: 9 }));
      }));
    },
  };
}

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react(), precompress()],
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
