// The web app's serving (src/server/web-app.ts): the HTML of a page names what that page reads first and its
// chunks; hashed assets are immutable and sent pre-compressed; index.html is never cached; the SPA fallback.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { installWebApp, pageHtml } from '../src/server/web-app.js';

const HTML = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <script type="module" crossorigin src="/assets/index-E.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-E.css">
  </head>
  <body><div id="root"></div></body>
</html>
`;
const MANIFEST = {
  'index.html': { file: 'assets/index-E.js', isEntry: true, dynamicImports: ['src/pages/report/index.tsx'] },
  'src/pages/report/index.tsx': { file: 'assets/report-R.js', isDynamicEntry: true,
    imports: ['index.html', '_Tabs-T.js', '_shared-S.js'], dynamicImports: ['src/pages/report/PdfPage.tsx'] },
  'src/pages/report/PdfPage.tsx': { file: 'assets/PdfPage-P.js', isDynamicEntry: true, imports: ['index.html'] },
  'src/pages/dashboard/index.tsx': { file: 'assets/dashboard-D.js', isDynamicEntry: true,
    imports: ['index.html', '_shared-S.js'] },
  '_Tabs-T.js': { file: 'assets/Tabs-T.js', imports: ['_shared-S.js'] },
  '_shared-S.js': { file: 'assets/shared-S.js' },
};
const links = (html: string, rel: string) =>
  [...html.matchAll(new RegExp(`<link rel="${rel}"[^>]*href="([^"]+)"`, 'g'))].map((m) => m[1]);

describe('pageHtml', () => {
  test('a report page preloads the session, the report and the report chunk with its static imports', () => {
    const html = pageHtml(HTML, MANIFEST, '/reports/12');
    expect(links(html, 'preload')).toEqual(['/api/session', '/api/reports/12']);
    expect(html).toContain('<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/reports/12">');
    // not the entry (already in the HTML), not the lazily loaded PDF view
    expect(links(html, 'modulepreload')).toEqual(['/assets/report-R.js', '/assets/Tabs-T.js', '/assets/shared-S.js']);
    // after the app's own script and stylesheet, inside <head>
    expect(html.indexOf('index-E.css')).toBeLessThan(html.indexOf('/api/session'));
    expect(html.indexOf('modulepreload')).toBeLessThan(html.indexOf('</head>'));
  });

  test('another page: its own chunks and the session only; an unknown path or a bad id: no guessing', () => {
    const dash = pageHtml(HTML, MANIFEST, '/dashboard');
    expect(links(dash, 'preload')).toEqual(['/api/session']);
    expect(links(dash, 'modulepreload')).toEqual(['/assets/dashboard-D.js', '/assets/shared-S.js']);
    for (const path of ['/nowhere', '/']) {
      const html = pageHtml(HTML, MANIFEST, path);
      expect(links(html, 'preload')).toEqual(['/api/session']);
      expect(links(html, 'modulepreload')).toEqual([]);
    }
    // the app shows its report page for it (routes.ts), but there is no report id to ask for
    expect(links(pageHtml(HTML, MANIFEST, '/reports/12x'), 'preload')).toEqual(['/api/session']);
    expect(links(pageHtml(HTML, MANIFEST, '/reports/012'), 'preload')).toEqual(['/api/session', '/api/reports/12']);
  });
});

describe('installWebApp', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'gongkai-web-app-'));
    mkdirSync(join(root, 'assets'));
    mkdirSync(join(root, '.vite'));
    writeFileSync(join(root, 'index.html'), HTML);
    writeFileSync(join(root, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
    const js = `export const x = "${'报告'.repeat(2000)}";\n`;
    writeFileSync(join(root, 'assets', 'index-E.js'), js);
    writeFileSync(join(root, 'assets', 'index-E.js.br'), brotliCompressSync(js));
    writeFileSync(join(root, 'assets', 'index-E.js.gz'), gzipSync(js));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('assets immutable and compressed, pages never cached, API misses stay JSON 404s', async () => {
    const app = Fastify();
    await installWebApp(app, root);
    try {
      const br = await app.inject({ url: '/assets/index-E.js', headers: { 'accept-encoding': 'br, gzip' } });
      expect(br.statusCode).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const plain = await app.inject({ url: '/assets/index-E.js' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toContain('export const x');
      const page = await app.inject({ url: '/reports/7?tab=text' });
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body).toContain('href="/api/reports/7"');
      expect((await app.inject({ url: '/' })).headers['cache-control']).toBe('no-cache');
      expect((await app.inject({ url: '/.vite/manifest.json' })).statusCode).toBe(404);
      const api = await app.inject({ url: '/api/nothing' });
      expect(api.statusCode).toBe(404);
      expect(api.json().error.code).toBe('not-found');
    } finally {
      await app.close();
    }
  });
});

describe('a report page carries its preview', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'gongkai-web-app-'));
    writeFileSync(join(root, 'index.html'), HTML);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test("after the app's root element, from the preview maker, for report pages only", async () => {
    const asked: number[] = [];
    const app = Fastify();
    await installWebApp(app, root, { preview: async (_req, id) => {
      asked.push(id);
      return id === 13 ? '' : `<div id="report-preview">报告 ${id}</div>`;
    } });
    try {
      const page = await app.inject({ url: '/reports/012?cell=a' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers.vary).toBe('cookie');
      expect(page.body).toBe(pageHtml(HTML, {}, '/reports/12').replace('<div id="root"></div>',
        '<div id="root"></div>\n<div id="report-preview">报告 12</div>'));
      // none to give: the plain page
      expect((await app.inject({ url: '/reports/13' })).body).toBe(pageHtml(HTML, {}, '/reports/13'));
      for (const url of ['/dashboard', '/reports/12x', '/', '/reports']) await app.inject({ url });
      // opened on its tables tab by name: the preview; on another tab: the plain page (the preview is of tables)
      expect((await app.inject({ url: '/reports/14?tab=tables' })).body).toContain('报告 14');
      expect((await app.inject({ url: '/reports/15?x=1&tab=text' })).body).toBe(pageHtml(HTML, {}, '/reports/15'));
      expect(asked).toEqual([12, 13, 14]);
    } finally {
      await app.close();
    }
  });

  test('a preview that fails: the plain page, whole', async () => {
    const app = Fastify();
    await installWebApp(app, root, { preview: async () => {
      throw new Error('the store went away');
    } });
    try {
      const page = await app.inject({ url: '/reports/5' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toBe(pageHtml(HTML, {}, '/reports/5'));
    } finally {
      await app.close();
    }
  });

  test('without the API (no store, no sessions) there is no preview to make', async () => {
    const app = Fastify();
    await installWebApp(app, root);
    try {
      expect((await app.inject({ url: '/reports/5' })).body).toBe(pageHtml(HTML, {}, '/reports/5'));
    } finally {
      await app.close();
    }
  });
});
