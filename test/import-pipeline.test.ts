// The import pipeline (src/import) on PGlite: files, folders and archives imported once (a second run changes
// nothing), an unreadable file failed and an unknown agency left 待确认 with its candidates, cross-year rules in
// both directions whatever the order of the years, and URLs within their limits (a local server, allowed only by
// GONGKAI_URL_ALLOW).
import { createServer, type Server } from 'node:http';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReport, generateReport } from '../src/index.js';
import { runImport } from '../src/import/pipeline.js';
import { signature } from '../src/store/findings.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';
import { makeZip } from './fixtures/office/zip-writer.js';
import { tempDataDir } from './store-backends.js';

const SYS = { userId: null, username: null };
const BODIES = ['青山县人民政府', '白溪县统计局', '临江区教育局'];

let dir = '';
let store: Store;
let server: Server;
let base = '';

async function snapshot(s: Store) {
  const reports = (await s.listReports({ limit: 1000, sort: 'body', order: 'asc' })).items;
  const out = [];
  for (const r of reports) {
    const d = (await s.getReport(r.id))!;
    out.push({ body: r.bodyName, year: r.year, status: r.status, version: r.version, hash: d.source?.hash,
      findings: d.findings.map((f) => `${f.status}:${signature(f)}`).sort(),
      versions: (await s.listVersions(r.id)).length });
  }
  return { out, audit: (await s.audit({ limit: 1 })).total };
}

beforeAll(async () => {
  dir = tempDataDir();
  store = await openStore({ dataDir: join(dir, 'db') });
  await store.upsertBodies(BODIES.map((name) => ({ name, aliases: [], level: name.endsWith('政府') ? 'county' as const
    : 'department' as const, regionCode: '320813', parentId: null, dueDate: '03-31', scope: 'own' as const })), SYS);
  mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
  BODIES.forEach((agency, i) => {
    writeFileSync(join(dir, 'in', `r${i}_2023.txt`),
      generateReport({ seed: 100 + i, agency, year: 2023, layout: 'tab' }).bytes);
    writeFileSync(join(dir, 'in', 'sub', `r${i}_2022.txt`),
      generateReport({ seed: 200 + i, agency, year: 2022, layout: 'tab' }).bytes);
  });
  writeFileSync(join(dir, 'in', 'unknown.txt'),
    generateReport({ seed: 300, agency: '紫薇县人民政府', year: 2023, layout: 'tab' }).bytes);
  writeFileSync(join(dir, 'in', 'empty.txt'), '');
  const zipped = makeZip([
    { name: 'a/r0_2021.txt', data: generateReport({ seed: 400, agency: BODIES[0], year: 2021, layout: 'tab' }).bytes },
    { name: 'a/r1_2021.txt', data: generateReport({ seed: 401, agency: BODIES[1], year: 2021, layout: 'tab' }).bytes },
  ]);
  writeFileSync(join(dir, 'in', 'two.zip'), zipped);
  const served = generateReport({ seed: 500, agency: BODIES[2], year: 2021, layout: 'tab' }).bytes;
  server = createServer((req, res) => {
    if (req.url === '/report.txt') return res.end(Buffer.from(served));
    if (req.url?.startsWith('/loop')) {
      res.writeHead(302, { location: `/loop${Number(req.url.slice(5) || 0) + 1}` });
      return res.end();
    }
    if (req.url === '/big') return res.end(Buffer.alloc(4096, 0x41));
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await store?.close();
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('import pipeline', () => {
  let first: Awaited<ReturnType<typeof snapshot>>;

  it('imports files, folders and archives; fails an unreadable file; keeps an unknown agency 待确认', async () => {
    const seen: string[] = [];
    const r = await runImport(store, [join(dir, 'in')], { actor: SYS, onItem: (i) => seen.push(i.name) });
    expect(r.totals).toEqual({ imported: 8, unchanged: 0, failed: 1, pending: 1 });
    expect(seen).toContain(`${join(dir, 'in', 'two.zip')}/a/r1_2021.txt`);
    const pending = (await store.listReports({ status: 'pending' })).items;
    expect(pending.length).toBe(1);
    const d = (await store.getReport(pending[0].id))!;
    expect(d.agencyCandidates).toContain('紫薇县人民政府');
    const failed = r.items.find((i) => i.status === 'failed')!;
    expect(failed.name).toContain('empty.txt');
    const job = (await store.getImportJob(r.jobId))!;
    expect(job.status).toBe('done');
    expect(job.counts.queued).toBe(0);
    first = await snapshot(store);
    expect(first.out.filter((x) => x.status === 'published').length).toBe(8);
  });

  it('changes nothing when the same files are imported again', async () => {
    const r = await runImport(store, [join(dir, 'in')], { actor: SYS });
    expect(r.totals).toEqual({ imported: 0, unchanged: 9, failed: 1, pending: 0 });
    expect(await snapshot(store)).toEqual(first);
  });

  it('runs the cross-year rules against the stored neighbouring years, in both directions', async () => {
    for (const name of BODIES) {
      const body = (await store.findBodyByName(name))!;
      for (const year of [2022, 2023]) {
        const cur = (await store.findReport(body.id, year))!;
        const prev = (await store.findReport(body.id, year - 1));
        const model = (await store.getReportModel(cur.id))!;
        const want = checkReport(model, prev ? (await store.getReportModel(prev.id))! : undefined).map(signature)
          .sort();
        const got = (await store.getReport(cur.id))!.findings.filter((f) => f.status !== 'closed').map(signature)
          .sort();
        expect(got).toEqual(want);
        if (prev) expect(want.some((s) => s.startsWith('cross-year|'))).toBe(true);
      }
    }
  });

  it('refuses loopback URLs unless allowed, and bounds redirects and size', async () => {
    delete process.env.GONGKAI_URL_ALLOW;
    let r = await runImport(store, [`${base}/report.txt`], { actor: SYS });
    expect(r.totals.failed).toBe(1);
    expect(r.items[0].error).toMatch(/loopback/);
    process.env.GONGKAI_URL_ALLOW = '127.0.0.1';
    try {
      r = await runImport(store, [`${base}/report.txt`, `${base}/loop0`, `${base}/missing`, 'ftp://127.0.0.1/x.txt'],
        { actor: SYS });
      expect(r.items.map((i) => i.status)).toEqual(['imported', 'failed', 'failed', 'failed']);
      expect(r.items[1].error).toMatch(/redirects/);
      expect(r.items[2].error).toMatch(/404/);
      expect(r.items[3].error).toMatch(/http and https/);
      process.env.GONGKAI_MAX_INPUT_BYTES = '1000';
      r = await runImport(store, [`${base}/big`], { actor: SYS });
      expect(r.items[0].error).toMatch(/too large/);
    } finally {
      delete process.env.GONGKAI_URL_ALLOW;
      delete process.env.GONGKAI_MAX_INPUT_BYTES;
    }
  });
});
