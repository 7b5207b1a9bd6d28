// A version's model stored packed (src/store/model-codec.ts, migration 0004): every way a model is read gives the
// Report that was written (as JSON carries it), whether it was packed by the import's workers, packed on the way
// in, or stored before 0004 and converted by the migration's SQL; the plain fields stay readable in SQL.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReport, generateReport, parseBytes } from '../src/index.js';
import { LAYOUTS, type DamageName } from '../src/generate/index.js';
import type { Body } from '../src/model/api.js';
import type { Report } from '../src/model/report.js';
import { decodeModel, encodeModel, packReport, unpackReport, withHead } from '../src/store/model-codec.js';
import { migrationFiles } from '../src/store/open.js';
import type { Actor, Store } from '../src/store/types.js';
import { BACKENDS } from './store-backends.js';

const SYS: Actor = { userId: null, username: null };
/** a model as JSON carries it (what jsonb gave back before: no undefined fields) */
const asJson = (r: unknown): unknown => JSON.parse(JSON.stringify(r));

async function parsed(seed: number, o: { layout?: (typeof LAYOUTS)[number]; damage?: DamageName[]; agency?: string;
  year?: number } = {}): Promise<Report> {
  const g = generateReport({ seed, ...o });
  return parseBytes(g.bytes, `${seed}${g.extension}`);
}

/** A model whose cells have every field a cell may have: unit, reason, a PDF box, a key not of its parts. */
function oddCells(r: Report): Report {
  const cells = { ...r.cells };
  const [a, b, c] = Object.keys(cells);
  cells[a] = { ...cells[a], unit: '件', source: { line: 3, column: 1, page: 2, bbox: [1.5, 2, 30.25, 12] } };
  cells[b] = { ...cells[b], value: null, raw: '', how: 'inferred', reason: { zh: '由关系推出', en: 'by the relations' } };
  cells['x/y/z/extra'] = { ...cells[c], key: 'x/y/z/extra', table: 'x/y', row: 'z', column: 'extra' };
  return { ...r, cells };
}

describe('model codec', () => {
  it('unpacks every layout to the model it packed, cells in their order', async () => {
    for (const [i, layout] of LAYOUTS.entries()) {
      const r = await parsed(40 + i, { layout, damage: i % 3 === 0 ? ['blanks'] : [] });
      // (prose reports have no tables: their model is all narrative)
      if (layout !== 'prose') expect(Object.keys(r.cells).length).toBeGreaterThan(100);
      const back = unpackReport(structuredClone(packReport(r)));
      expect(asJson(back)).toEqual(asJson(r));
      expect(Object.keys(back.cells)).toEqual(Object.keys(r.cells));
      expect(decodeModel(encodeModel(r))).toEqual(asJson(r));
    }
  });

  it('keeps a cell\'s unit, reason, PDF box and a key that is not its parts', async () => {
    const r = oddCells(await parsed(7));
    expect(asJson(decodeModel(JSON.parse(encodeModel(r))))).toEqual(asJson(r));
    expect(decodeModel(encodeModel(packReport(r))).cells['x/y/z/extra'].table).toBe('x/y');
  });

  it('writes a packed model\'s new plain fields (a 待确认 report\'s candidates)', async () => {
    const p = packReport(await parsed(9));
    const moved = withHead(p, { ...p.head, agencyCandidates: ['甲县统计局', '乙县统计局'] });
    expect(decodeModel(encodeModel(moved)).agencyCandidates).toEqual(['甲县统计局', '乙县统计局']);
    expect(decodeModel(encodeModel(moved)).cells).toEqual(decodeModel(encodeModel(p)).cells);
  });

  it('packs a model to a fraction of its JSON', async () => {
    const r = await parsed(8);
    expect(encodeModel(r).length).toBeLessThan(JSON.stringify(r).length / 4);
  });
});

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`stored models on ${backend.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let body: Body;

    beforeAll(async () => {
      ({ store, dispose } = await backend.open());
      [body] = await store.upsertBodies([{ name: '甲县统计局', aliases: [], level: 'department', regionCode: '320813',
        parentId: null, dueDate: '03-31', scope: 'own' }], SYS);
    });
    afterAll(async () => {
      await dispose?.();
    });

    const save = (report: Report | ReturnType<typeof packReport>, year: number) => store.saveImported({ report,
      findings: [], source: null, bodyId: body.id, year, status: 'published', reason: 'import' }, SYS);

    it('reads a packed and an unpacked model back as written, through every read', async () => {
      const a = oddCells(await parsed(11, { agency: body.name, year: 2022 }));
      const b = await parsed(12, { agency: body.name, year: 2022, damage: ['blanks'] });
      const { reportId } = await save(packReport(a), 2022); // as the import writes it
      await save(b, 2022); // a new version, packed on the way in
      expect(asJson(await store.getReportModel(reportId, 1))).toEqual(asJson(a));
      expect(asJson(await store.getReportModel(reportId))).toEqual(asJson(b));
      const detail = (await store.getReport(reportId))!;
      expect(asJson(detail.cells)).toEqual(asJson(b.cells));
      expect(detail.sections).toEqual(asJson(b.sections));
      const [all] = await store.reportModels({ bodyId: body.id });
      expect(asJson(all.report)).toEqual(asJson(b));
      const [sections] = await store.reportModels({ bodyId: body.id }, { parts: 'sections' });
      expect(sections.report.sections).toEqual(asJson(b.sections));
      const diff = await store.diffVersions(reportId, 1, 2);
      const changed = Object.keys(b.cells).filter((k) => a.cells[k]?.value !== b.cells[k].value);
      expect(diff.cells.map((c) => c.key).sort()).toEqual(
        [...new Set([...changed, ...Object.keys(a.cells).filter((k) => !(k in b.cells))])].sort());
      // the plain fields in SQL, the cells packed
      const got = await store.db.execute(sql`SELECT model -> 'sections' AS s, jsonb_typeof(model -> 'cells') AS t,
        model ->> 'title' AS title FROM report_versions WHERE report_id = ${reportId} ORDER BY version`);
      const list = (got as unknown as { rows: { s: unknown; t: string; title: string }[] }).rows;
      expect(list.map((r) => r.t)).toEqual(['string', 'string']);
      expect(list[1].s).toEqual(asJson(b.sections));
      expect(list[1].title).toBe(b.title);
    });

    it('migration 0004 turns a model stored whole into tuples that read back as it was', async () => {
      const r = oddCells(await parsed(13, { agency: body.name, year: 2023 }));
      const { reportId } = await save(r, 2023);
      // as stored before 0004: the whole Report as jsonb
      await store.db.execute(sql`UPDATE report_versions SET model = ${JSON.stringify(r)}::jsonb
        WHERE report_id = ${reportId}`);
      expect(asJson(await store.getReportModel(reportId))).toEqual(asJson(r));
      const m = migrationFiles().find((f) => f.version === 4)!;
      await store.db.execute(sql.raw(m.sql));
      const got = await store.db.execute(sql`SELECT jsonb_typeof(model -> 'cells') AS t, length(model::text) AS n
        FROM report_versions WHERE report_id = ${reportId}`);
      const [row] = (got as unknown as { rows: { t: string; n: number }[] }).rows;
      expect(row.t).toBe('array');
      expect(Number(row.n)).toBeLessThan(JSON.stringify(r).length / 2);
      expect(asJson(await store.getReportModel(reportId))).toEqual(asJson(r));
      // and the rules read it as they read the model
      const next = await parsed(14, { agency: body.name, year: 2024 });
      expect(checkReport(next, (await store.getReportModel(reportId))!)).toEqual(checkReport(next, r));
    });
  });
}
