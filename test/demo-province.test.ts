// The demo province (src/demo) loaded into PGlite: ~150 bodies of every level in a fictional region tree, three
// years of reports with errors, late filings, returns, 雷同 copies and missing reports, every workflow state in
// the year in progress, and a demo user per role who can sign in.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROVINCE, demoTree, loadDemo, type DemoResult } from '../src/demo/index.js';
import type { ReportSummary } from '../src/model/api.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';
import { tempDataDir } from './store-backends.js';

let dir = '';
let store: Store;
let demo: DemoResult;
let reports: ReportSummary[];

beforeAll(async () => {
  dir = tempDataDir();
  store = await openStore({ dataDir: dir });
  expect(await store.isEmpty()).toBe(true);
  demo = await loadDemo(store, { today: '2026-06-15' });
  reports = (await store.listReports({ limit: 10_000, region: DEMO_PROVINCE })).items;
}, 600_000);
afterAll(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('demo province', () => {
  it('builds a region tree and ~150 bodies at every level, each under its parent', async () => {
    expect(await store.isEmpty()).toBe(false);
    const cities = await store.listRegions(DEMO_PROVINCE);
    expect(cities.length).toBe(4);
    expect((await store.regionSubtree(DEMO_PROVINCE)).length).toBe(1 + 4 + 14);
    const bodies = (await store.listBodies({ region: DEMO_PROVINCE, limit: 1000 })).items;
    expect(bodies.length).toBe(demoTree().bodies.length);
    expect(bodies.length).toBeGreaterThan(120);
    expect(bodies.length).toBeLessThan(180);
    expect(new Set(bodies.map((b) => b.level)))
      .toEqual(new Set(['province', 'city', 'county', 'department', 'town', 'street']));
    const ids = new Set(bodies.map((b) => b.id));
    expect(bodies.filter((b) => b.parentId === null).length).toBe(1);
    expect(bodies.every((b) => b.parentId === null || ids.has(b.parentId))).toBe(true);
    expect(bodies.some((b) => b.scope === 'including-subordinates')).toBe(true);
  });

  it('holds three years of reports, some missing, every report its body\'s', () => {
    expect(demo.years).toEqual([2023, 2024, 2025]);
    expect(reports.length).toBe(demo.reports);
    expect(demo.reports + demo.missing).toBe(demo.bodies * 3);
    expect(demo.missing / (demo.bodies * 3)).toBeGreaterThan(0.02);
    expect(demo.missing / (demo.bodies * 3)).toBeLessThan(0.2);
    expect(new Set(reports.map((r) => `${r.bodyId}:${r.year}`)).size).toBe(reports.length);
  });

  it('shows every workflow state in the year in progress, and closed years published', () => {
    const current = reports.filter((r) => r.year === 2025);
    for (const s of ['draft', 'submitted', 'returned', 'accepted', 'published'] as const)
      expect(current.filter((r) => r.status === s).length, s).toBeGreaterThan(0);
    const closed = reports.filter((r) => r.year === 2023);
    expect(closed.filter((r) => r.status === 'published').length / closed.length).toBeGreaterThan(0.9);
    const published = reports.filter((r) => r.status === 'published');
    expect(published.every((r) => r.publishedAt !== null && r.submittedAt !== null && r.acceptedAt !== null))
      .toBe(true);
    expect(reports.some((r) => r.resubmittedAt)).toBe(true);
  });

  it('has late filings against the due dates, and reports with errors', async () => {
    const bodies = new Map((await store.listBodies({ region: DEMO_PROVINCE, limit: 1000 }))
      .items.map((b) => [b.id, b]));
    const filed = reports.filter((r) => r.submittedAt);
    const late = filed.filter((r) => r.submittedAt! > `${r.year! + 1}-${bodies.get(r.bodyId!)!.dueDate}`);
    expect(late.length / filed.length).toBeGreaterThan(0.05);
    expect(late.length / filed.length).toBeLessThan(0.35);
    const withErrors = reports.filter((r) => r.counts.error > 0);
    expect(withErrors.length / reports.length).toBeGreaterThan(0.05);
    expect(withErrors.length / reports.length).toBeLessThan(0.5);
  });

  it('has 雷同 reports: a body\'s text repeating its previous year', async () => {
    const models = await store.reportModels({ region: DEMO_PROVINCE }, { parts: 'sections' });
    const prose = (m: (typeof models)[number]) => m.report.sections.map((s) => s.text).join('\n').replace(/\d+/g, '#');
    const byBodyYear = new Map(models.map((m) => [`${m.summary.bodyId}:${m.summary.year}`, prose(m)]));
    const copies = models.filter((m) => byBodyYear.get(`${m.summary.bodyId}:${m.summary.year! - 1}`) === prose(m));
    expect(copies.length).toBeGreaterThan(3);
    expect(copies.length / models.length).toBeLessThan(0.2);
  });

  it('gives each role a demo user who can sign in', async () => {
    expect(new Set(demo.users.map((u) => u.role))).toEqual(new Set(['supervisor', 'editor']));
    for (const u of demo.users) {
      const user = await store.verifyPassword(u.username, u.password);
      expect(user?.role).toBe(u.role);
      expect(user!.bodyId !== null || user!.regionCode !== null).toBe(true);
    }
    const sup = (await store.verifyPassword('demo-province', demo.users[0].password))!;
    expect((await store.tasksFor(sup, '2026-06-15')).some((t) => t.kind === 'review')).toBe(true);
  });
});
