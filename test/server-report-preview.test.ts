// A report page's first HTML carries a read-only rendering of the report (src/server/report-preview.ts) exactly for
// those the API lets read it: the page of every report state is asked for by every kind of user, and the preview
// is there when, and only when, GET /api/reports/:id answers that user 200. Its texts are escaped; a failed or
// late read gives the plain page.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReportDetail, ReportStatus } from '../src/model/api.js';
import { previewHtml } from '../src/server/report-preview.js';
import {
  Client, EVERYONE, SYSTEM, freshYear, makeReport, openWorld, sampleModel, type Who, type World,
} from './server-fixture.js';

const INDEX = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <script type="module" crossorigin src="/assets/index-E.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
const ROOT = '<div id="root"></div>';
const PREVIEW = /<div id="report-preview"[\s\S]*?\n<\/div><\/div>\n<\/div>/;
const PAYLOADS = ['<script>window.__xss=1</script>', '<img src=x onerror="window.__xss=2">', '"><svg onload=x>'];

let w: World;
let webRoot: string;
const clients = new Map<Who, Client>();
beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'gongkai-preview-web-'));
  writeFileSync(join(webRoot, 'index.html'), INDEX);
  w = await openWorld({ webRoot });
  // signed in once each (sessions outlive the tests)
  for (const who of EVERYONE) clients.set(who, await Client.as(w, who));
}, 120_000);
afterAll(async () => {
  await w?.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const previewIn = (html: string): string | null => PREVIEW.exec(html)?.[0] ?? null;

describe('who gets a preview: the API\'s own read rule', () => {
  const STATES: ReportStatus[] = ['draft', 'submitted', 'returned', 'accepted', 'published'];
  // body A's reports: its editor, its city's supervisor, the supervisor by its parent body and the admin read them
  // in every state; the public, B's editor and B's city's supervisor only once published
  const READS: Who[] = ['editorA', 'supervisorA', 'supervisorP', 'admin'];
  test.each(STATES)('a %s report of body A', async (status) => {
    const id = await makeReport(w, w.bodyA.id, status);
    for (const who of EVERYONE) {
      const c = clients.get(who)!;
      const [page, api] = [await c.request('GET', `/reports/${id}`), await c.request('GET', `/api/reports/${id}`)];
      expect(page.statusCode).toBe(200);
      const readable = status === 'published' || READS.includes(who);
      expect(api.statusCode, `${who}: the API`).toBe(readable ? 200 : 404);
      expect(previewIn(page.body) !== null, `${who}: the page's preview of a ${status} report`).toBe(readable);
      // the page is the app's in every case, preloads and all
      expect(page.body).toContain(`href="/api/reports/${id}"`);
      expect(page.body).toContain('<script type="module"');
    }
  }, 120_000);

  test('a pending report (no body yet): the same as the API, whoever asks', async () => {
    const id = await makeReport(w, null, 'pending', null);
    const seen: Who[] = [];
    for (const who of EVERYONE) {
      const c = clients.get(who)!;
      const [page, api] = [await c.request('GET', `/reports/${id}`), await c.request('GET', `/api/reports/${id}`)];
      expect(previewIn(page.body) !== null, who).toBe(api.statusCode === 200);
      if (api.statusCode === 200) seen.push(who);
    }
    expect(seen).toContain('admin');
    expect(seen).not.toContain('public');
  }, 60_000);

  test('a report that is not there, or a path that is no report id: the plain page', async () => {
    const admin = clients.get('admin')!;
    for (const path of ['/reports/987654', '/reports/12x', '/reports/', '/dashboard']) {
      const page = await admin.request('GET', path);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(ROOT);
      expect(previewIn(page.body), path).toBeNull();
    }
  });
});

describe('what the preview holds', () => {
  let detail: ReportDetail;
  let html: string;
  beforeAll(async () => {
    const id = await makeReport(w, w.bodyA.id, 'submitted');
    const c = clients.get('supervisorA')!;
    detail = (await c.request('GET', `/api/reports/${id}`)).json();
    const page = (await c.request('GET', `/reports/${id}`)).body;
    // after the app's root element (which React replaces), before the end of the body
    expect(page.indexOf('report-preview')).toBeGreaterThan(page.indexOf(ROOT));
    expect(page.indexOf('report-preview')).toBeLessThan(page.indexOf('</body>'));
    html = previewIn(page)!;
  });

  test('title, body, year, status and the three official tables as the app draws them', () => {
    expect(html).toContain(`<h1 class="page-h1">${detail.title}</h1>`);
    expect(html).toContain(`<span>${w.bodyA.name}</span>`);
    expect(html).toContain(`<span>${detail.year}年度</span>`);
    expect(html).toContain('>已报送</span>');
    for (const [cls, key] of [['t2', 'art20_1'], ['t3', 'applications'], ['t4', 'reviewLitigation']])
      expect(html).toContain(`<table class="official ${cls}" data-table="${key}">`);
    expect(html).toContain('<caption>三、收到和处理政府信息公开申请情况</caption>');
    expect(html).toMatch(/<th class="label level0" rowspan="\d+">三、本年度办理结果<\/th>/); // a merged label
    // every value cell of the report, with its value
    const cells = [...html.matchAll(/<td class="([^"]*)" data-key="([^"]+)"[^>]*>([^<]*)<\/td>/g)];
    expect(cells.length).toBeGreaterThan(100);
    for (const [, , key, text] of cells) {
      const v = detail.cells[key]?.value;
      if (typeof v === 'number') expect(text, key).toBe(String(v));
    }
  });

  test('cells named by open findings are flagged as the app flags them; nothing in it can be pressed', () => {
    const flagged = new Set(detail.findings.filter((f) => f.status !== 'dismissed' && f.status !== 'closed')
      .flatMap((f) => f.cells.map((c) => c.key)));
    expect(flagged.size).toBeGreaterThan(0); // the sample report is inconsistent
    const marked = new Set([...html.matchAll(/class="[^"]*flag-\w+[^"]*" data-key="([^"]+)"/g)].map((m) => m[1]));
    const drawn = new Set([...html.matchAll(/data-key="([^"]+)"/g)].map((m) => m[1]));
    expect(marked).toEqual(new Set([...flagged].filter((k) => drawn.has(k))));
    expect(marked.size).toBeGreaterThan(0);
    expect(html).toContain('aria-busy="true"');
    expect(html).not.toMatch(/<(a|button|input|select|textarea)\b/);
  });

  test('a dismissed finding no longer flags its cells', async () => {
    const { report } = await sampleModel();
    const base = previewHtml(detail);
    const open = detail.findings.find((f) => f.cells.length > 0)!;
    const rest = detail.findings.filter((f) => f !== open);
    const still = new Set(rest.filter((f) => f.status !== 'dismissed').flatMap((f) => f.cells.map((c) => c.key)));
    const freed = open.cells.map((c) => c.key).filter((k) => !still.has(k) && k in report.cells);
    expect(freed.length).toBeGreaterThan(0);
    const after = previewHtml({ ...detail, findings: [...rest, { ...open, status: 'dismissed' }] });
    for (const k of freed) {
      expect(base).toMatch(new RegExp(`class="[^"]*flag-[^"]*" data-key="${k}"`));
      expect(after).not.toMatch(new RegExp(`class="[^"]*flag-[^"]*" data-key="${k}"`));
    }
  });
});

test('report texts are escaped: a hostile title and body name stay text', async () => {
  const [body] = await w.store.upsertBodies([{ name: `测试${PAYLOADS[1]}局`, aliases: [], level: 'department',
    regionCode: w.cityA, parentId: null, dueDate: '01-31', scope: 'own' }], SYSTEM);
  const { report } = await sampleModel();
  const { reportId } = await w.store.saveImported({ report: { ...report, title: PAYLOADS.join(' ') }, findings: [],
    source: null, bodyId: body.id, year: freshYear(), status: 'published', reason: 'test' }, SYSTEM);
  const page = (await clients.get('public')!.request('GET', `/reports/${reportId}`)).body;
  const html = previewIn(page);
  expect(html).not.toBeNull();
  expect(page).not.toMatch(/<script>window|<img src=x|<svg onload/);
  expect(html).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
  expect(html).toContain('测试&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;局');
});

describe('a failed or late read: the plain page, in time', () => {
  test('a read that throws', async () => {
    const id = await makeReport(w, w.bodyA.id, 'published');
    const real = w.store.getReport;
    w.store.getReport = async () => {
      throw new Error('the database went away');
    };
    try {
      const page = await clients.get('public')!.request('GET', `/reports/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('</html>');
      expect(previewIn(page.body)).toBeNull();
    } finally {
      w.store.getReport = real;
    }
  });

  test('a read slower than the deadline', async () => {
    const id = await makeReport(w, w.bodyA.id, 'published');
    const real = w.store.getReport;
    let release = () => {};
    const held = new Promise<void>((r) => { release = r; });
    w.store.getReport = async (rid) => {
      await held;
      return real(rid);
    };
    try {
      const c = clients.get('public')!;
      const page = await c.request('GET', `/reports/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('</html>');
      expect(previewIn(page.body)).toBeNull();
    } finally {
      release();
      w.store.getReport = real;
    }
    // once the store answers again, the page has its preview again
    expect(previewIn((await clients.get('public')!.request('GET', `/reports/${id}`)).body)).not.toBeNull();
  });
});
