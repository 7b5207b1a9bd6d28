// The built web app (dist/web) at /, served so that a page's first load does not wait in a chain:
// - index.html for a page names, in its <head>, what that page asks for first — the session and, on a report
//   page, the report (`<link rel="preload" as="fetch">`, which the app's own fetch of the same URL then takes
//   over instead of asking again) and the page's JavaScript chunks (`<link rel="modulepreload">`, from Vite's
//   manifest). Without them the browser learns of each only after the previous one ran: app code → session and
//   page chunk → report. index.html is never cached (a new build names new files).
// - the hashed files under /assets/ are immutable (cached for a year: a warm page load asks the server nothing)
//   and sent pre-compressed (.br/.gz written by the build, web/vite.config.ts) to browsers that accept it.
// - a report page's index.html also carries the report, drawn by the server for a requester who may read it
//   (report-preview.ts), which the browser shows before the app's JavaScript has run; the page goes out in two
//   parts, <head> at once (so the browser fetches the app's files and preloads meanwhile) and the rest with the
//   preview when it is made.
// Unknown non-API GETs that want a page get index.html (the SPA fallback); without a build, / says so.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { envelope } from './errors.js';
import { reportPreview } from './report-preview.js';

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>gongkai</title>
<p>网页应用尚未构建 / The web app is not built: run <code>npm run build</code>.
The API is at <a href="/api/docs">/api/docs</a>.</p>\n`;

interface ManifestChunk {
  file: string;
  imports?: string[];
  isDynamicEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

/**
 * The API reads a page starts with, by path (web/src/app/routes.ts `data`, and main.tsx's session read): the
 * preload's URL must be exactly the one the app fetches, or the browser fetches twice (e2e/07-report-load.spec.ts).
 */
function firstReads(path: string): string[] {
  const id = reportIdOf(path);
  return ['/api/session', ...(id !== null ? [`/api/reports/${id}`] : [])];
}

/** The report a page path shows, as the app reads the id (Number(...)): /reports/012 is report 12. */
function reportIdOf(path: string): number | null {
  const report = /^\/reports\/(\d{1,15})$/.exec(path);
  return report ? Number(report[1]) : null;
}

/**
 * The preview is of the report's tables: a report page opened on another tab (`?tab=text`, web/src/components/
 * UrlTabs.tsx) would show the tables first and then swap them for the tab, so it goes out without one.
 */
function opensOnTables(url: string): boolean {
  const query = url.indexOf('?');
  const tab = query < 0 ? null : new URLSearchParams(url.slice(query + 1)).get('tab');
  return tab === null || tab === 'tables';
}

/** The page's source in the manifest (web/src/app/routes.ts `routeOf`): /reports/12 → the report page. */
function pageOf(path: string): string | null {
  if (/^\/reports\/\d+/.test(path)) return 'src/pages/report/index.tsx';
  const m = /^\/([a-z]+)\/?$/.exec(path);
  return m ? `src/pages/${m[1]}/index.tsx` : null;
}

/** A page chunk and every chunk it imports statically (the entry is already in the HTML). */
function chunksOf(manifest: Manifest, key: string): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (k: string) => {
    const c = manifest[k];
    if (!c || seen.has(k) || k === 'index.html') return;
    seen.add(k);
    files.push(c.file);
    for (const imp of c.imports ?? []) visit(imp);
  };
  if (manifest[key]?.isDynamicEntry) visit(key);
  return files;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** index.html for one path, with the preloads of what that page reads first. */
export function pageHtml(html: string, manifest: Manifest, path: string): string {
  const page = pageOf(path);
  const links = [
    // crossorigin="anonymous": the same CORS and credentials modes as the app's fetch (credentials same-origin),
    // without which the browser would not match the two and would ask twice; the session cookie goes with both
    ...firstReads(path).map((u) => `<link rel="preload" as="fetch" crossorigin="anonymous" href="${attr(u)}">`),
    ...(page ? chunksOf(manifest, page) : []).map((f) => `<link rel="modulepreload" crossorigin href="/${attr(f)}">`),
  ];
  // after the app's own script and stylesheet, which the browser must still ask for first: with HTTP/1.1's six
  // connections a page chunk ahead of them would delay the app itself
  const at = html.indexOf('</head>');
  if (at < 0) return `${html}\n${links.join('\n')}`;
  return `${html.slice(0, at)}  ${links.join('\n    ')}\n  ${html.slice(at)}`;
}

/** Where a report's preview goes: after the app's root element, outside it (React replaces what is inside). */
const ROOT_ELEMENT = '<div id="root"></div>';

/** Makes the preview of report `id` for a request, or '' for none (report-preview.ts). */
export type PreviewMaker = (req: FastifyRequest, id: number) => Promise<string>;

/**
 * A report page: the page up to the app's root element at once, then the preview and the rest of the page. The
 * app's module script is deferred (it runs once the whole document is in), so it always finds the preview there.
 */
function sendReportPage(reply: FastifyReply, page: string, preview: Promise<string>): FastifyReply {
  const at = page.indexOf(ROOT_ELEMENT);
  if (at < 0) return reply.send(page);
  const cut = at + ROOT_ELEMENT.length;
  async function* parts() {
    yield page.slice(0, cut);
    const html = await preview.catch(() => ''); // a failed preview: the plain page
    yield `${html ? `\n${html}` : ''}${page.slice(cut)}`;
  }
  // the page differs by the session cookie (a preview for those who may read the report)
  return reply.header('vary', 'cookie').send(Readable.from(parts()));
}

export async function installWebApp(app: FastifyInstance, webRoot: string | null,
  options: { preview?: PreviewMaker | null } = {}): Promise<void> {
  // the real previews need the API's request context (the store, the session, access): buildApp's app has them
  const preview = options.preview !== undefined ? options.preview
    : app.hasRequestDecorator('access') ? reportPreview : null;
  const built = webRoot !== null && existsSync(join(webRoot, 'index.html'));
  const html = built ? readFileSync(join(webRoot, 'index.html'), 'utf8') : NOT_BUILT;
  const manifestFile = built ? join(webRoot, '.vite', 'manifest.json') : '';
  const manifest: Manifest = built && existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {};
  if (built && existsSync(join(webRoot, 'assets'))) {
    await app.register(fastifyStatic, { root: join(webRoot, 'assets'), prefix: '/assets/', wildcard: false,
      index: false, preCompressed: true, maxAge: '365d', immutable: true });
  }
  const sendPage = (path: string) => (built ? pageHtml(html, manifest, path) : NOT_BUILT);
  app.get('/', { schema: { hide: true } }, (req, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(sendPage('/')));
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0];
    if (req.method === 'GET' && !path.startsWith('/api/') && path !== '/api' && !/\.[a-z0-9]+$/i.test(path)) {
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');
      const id = reportIdOf(path);
      if (built && preview && id !== null && opensOnTables(req.url)) {
        return sendReportPage(reply, sendPage(path), preview(req, id));
      }
      return reply.send(sendPage(path));
    }
    return reply.status(404).send(envelope('not-found', `no route ${req.method} ${path}`));
  });
}
