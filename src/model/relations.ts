// The consistency relations of a template (shared/spec/annual-report-format.md §5), derived from the table
// structure in templates-data.ts rather than copied from the spec JSON. Ids follow the JSON: T3.balance.<col> (O1),
// T3.outcomeTotal.<col> (D1), T3.rowTotal.<row> (D2), T4.<group>.total (D3), T3.groupSubtotal.<group>.<col> (G1),
// T3.crossYear.carry.<col> (S1), T2.crossYear.valid.<row> (S2), T2.crossYear.items.<table>.<row> (S3),
// T2.published.le.total.<row> (S4).
//
// Terms of lhs/rhs are cell keys, written as in the JSON: `prev:<key>` is the previous year's report, `-<key>` is
// subtracted. parseTerm() splits them.
import { layoutOf, type Layout, type OtherLayout } from './layout.js';
import type { Report } from './report.js';
import { TEMPLATES, cellKey, tableDef, type RowDef, type TableDef, type TemplateVersion } from './template.js';

export type RelationKind = 'official' | 'derived' | 'conditional' | 'soft';
export type RelationStrength = 'strict' | 'soft';
export type RelationOp = '=' | '<=';
export type RelationScope = 'withinReport' | 'crossYear';

export interface Relation {
  id: string;
  kind: RelationKind;
  strength: RelationStrength;
  op: RelationOp;
  scope: RelationScope;
  lhs: string[];
  rhs: string[];
  description: { zh: string; en: string };
}

export { inferVersion, layoutOf, versionOf, otherShapeOf, type Layout, type OtherLayout } from './layout.js';
export { cellKeysOf, cellsOf, withCellKeys, lastReportMemo } from './memo.js';
import { cellKeysOf, lastReportMemo } from './memo.js';

export interface Term { key: string; prev: boolean; sign: 1 | -1 }

const terms = new Map<string, Term>();

export function parseTerm(term: string): Term {
  let parsed = terms.get(term);
  if (!parsed) terms.set(term, (parsed = splitTerm(term)));
  return parsed;
}

function splitTerm(term: string): Term {
  let t = term;
  let sign: 1 | -1 = 1;
  if (t.startsWith('-')) { sign = -1; t = t.slice(1); }
  const prev = t.startsWith('prev:');
  return { key: prev ? t.slice(5) : t, prev, sign };
}

const APPLICATIONS = 'applications';
const REVIEW = 'reviewLitigation';
const OUTCOME = 'outcome';
const OUTCOME_TOTAL = 'outcome.total';

/** The applications table for a layout: rows of 2019 (single 其他处理 row) or 2021 (three items). */
export function applicationsTable(other: OtherLayout): TableDef {
  const t = tableDef(other === 'single' ? '2019' : '2021', APPLICATIONS);
  if (!t) throw new Error('templates lack the applications table');
  return t;
}

/** The tables of a layout, in template order, with the applications table chosen by `other`. */
export function layoutTables(layout: Pick<Layout, 'version' | 'other'>): TableDef[] {
  return TEMPLATES[layout.version].tables.map((t) => (t.key === APPLICATIONS ? applicationsTable(layout.other) : t));
}

function descendants(rows: RowDef[], parent: string): RowDef[] {
  const out: RowDef[] = [];
  for (const r of rows.filter((x) => x.parent === parent)) out.push(r, ...descendants(rows, r.key));
  return out;
}

function applicationRelations(layout: Layout): Relation[] {
  const t = applicationsTable(layout.other);
  const cols = t.columns.map((c) => c.key);
  const applicant = cols.filter((c) => c !== 'total');
  const data = t.rows.filter((r) => r.isData);
  const top = data.filter((r) => r.parent === null);
  const [first, second] = top;
  const last = top[top.length - 1];
  const outcomeRows = descendants(t.rows, OUTCOME).filter((r) => r.isData && r.key !== OUTCOME_TOTAL);
  const groups = t.rows.filter((r) => !r.isData && r.parent === OUTCOME);
  const k = (row: string, col: string): string => cellKey(APPLICATIONS, row, col);
  const rels: Relation[] = [];
  for (const c of cols)
    rels.push({
      id: `T3.balance.${c}`, kind: 'official', strength: 'strict', op: '=', scope: 'withinReport',
      lhs: [k(first.key, c), k(second.key, c)], rhs: [k(OUTCOME_TOTAL, c), k(last.key, c)],
      description: {
        zh: '本列数据的勾稽关系：第一项加第二项之和，等于第三项加第四项之和',
        en: 'In each column, item 1 + item 2 = item 3 (outcome total) + item 4 (carried forward)',
      },
    });
  for (const c of cols)
    rels.push({
      id: `T3.outcomeTotal.${c}`, kind: 'derived', strength: 'strict', op: '=', scope: 'withinReport',
      lhs: [k(OUTCOME_TOTAL, c)], rhs: outcomeRows.map((r) => k(r.key, c)),
      description: { zh: '（七）总计等于各办理结果之和', en: 'The outcome total equals the sum of all outcome rows' },
    });
  for (const r of data)
    rels.push({
      id: `T3.rowTotal.${r.key}`, kind: 'derived', strength: 'strict', op: '=', scope: 'withinReport',
      lhs: [k(r.key, 'total')], rhs: applicant.map((c) => k(r.key, c)),
      description: { zh: '总计等于自然人与五类法人或其他组织之和', en: 'The total equals the six applicant columns' },
    });
  for (const g of groups) {
    const items = descendants(t.rows, g.key).filter((r) => r.isData);
    if (items.length === 0) continue;
    const printed = (c: string): boolean => !layout.present || layout.present.has(k(g.key, c));
    for (const c of cols)
      if (printed(c))
        rels.push({
          id: `T3.groupSubtotal.${g.key}.${c}`, kind: 'conditional', strength: 'strict', op: '=', scope: 'withinReport',
          lhs: [k(g.key, c)], rhs: items.map((r) => k(r.key, c)),
          description: { zh: '表中印出的分组小计等于该组各项之和', en: 'A printed group subtotal equals the sum of its items' },
        });
    if (layout.present && cols.some(printed))
      rels.push({
        id: `T3.rowTotal.${g.key}`, kind: 'conditional', strength: 'strict', op: '=', scope: 'withinReport',
        lhs: [k(g.key, 'total')], rhs: applicant.map((c) => k(g.key, c)),
        description: {
          zh: '印出的分组小计行：总计等于六类申请人之和',
          en: 'A printed group subtotal row: total equals the six applicant columns',
        },
      });
  }
  for (const c of cols)
    rels.push({
      id: `T3.crossYear.carry.${c}`, kind: 'soft', strength: 'soft', op: '=', scope: 'crossYear',
      lhs: [k(second.key, c)], rhs: [`prev:${k(last.key, c)}`],
      description: {
        zh: '本年“上年结转”应等于上一年“结转下年度继续办理”',
        en: "This year's carried-over equals last year's carried-forward",
      },
    });
  return rels;
}

function reviewRelations(version: TemplateVersion): Relation[] {
  const t = tableDef(version, REVIEW);
  if (!t) return [];
  const row = t.rows.find((r) => r.isData)?.key ?? 'cases';
  const groups = [...new Set(t.columns.map((c) => c.key.split('.')[0]))];
  return groups.map((g) => {
    const cols = t.columns.filter((c) => c.key.startsWith(`${g}.`)).map((c) => c.key);
    return {
      id: `T4.${g}.total`, kind: 'derived', strength: 'strict', op: '=', scope: 'withinReport',
      lhs: [cellKey(REVIEW, row, `${g}.total`)],
      rhs: cols.filter((c) => c !== `${g}.total`).map((c) => cellKey(REVIEW, row, c)),
      description: { zh: '总计等于结果维持、结果纠正、其他结果、尚未审结之和', en: 'Total = upheld + corrected + other + pending' },
    } satisfies Relation;
  });
}

function activeRelations(version: TemplateVersion): Relation[] {
  const rels: Relation[] = [];
  for (const t of TEMPLATES[version].tables.filter((x) => x.key.startsWith('art20_'))) {
    const has = (c: string): boolean => t.columns.some((x) => x.key === c);
    for (const r of t.rows.filter((x) => x.isData)) {
      const k = (c: string): string => cellKey(t.key, r.key, c);
      if (has('valid') && has('made') && has('repealed'))
        rels.push({
          id: `T2.crossYear.valid.${r.key}`, kind: 'soft', strength: 'soft', op: '=', scope: 'crossYear',
          lhs: [k('valid')], rhs: [`prev:${k('valid')}`, k('made'), `-${k('repealed')}`],
          description: { zh: '现行有效件数≈上年现行有效件数+本年制发件数−本年废止件数', en: 'In force ≈ last year in force + made − repealed' },
        });
      if (has('priorYearItems') && has('changeThisYear'))
        rels.push({
          id: `T2.crossYear.items.${t.key}.${r.key}`, kind: 'soft', strength: 'soft', op: '=', scope: 'crossYear',
          lhs: [k('priorYearItems')], rhs: [`prev:${k('priorYearItems')}`, `prev:${k('changeThisYear')}`],
          description: {
            zh: '本年“上一年项目数量”≈上年的“上一年项目数量”+“本年增/减”',
            en: "Prior-year items ≈ last year's prior-year items + last year's change",
          },
        });
      if (has('newlyPublished') && has('totalPublished'))
        rels.push({
          id: `T2.published.le.total.${r.key}`, kind: 'soft', strength: 'soft', op: '<=', scope: 'withinReport',
          lhs: [k('newlyPublished')], rhs: [k('totalPublished')],
          description: { zh: '本年新公开数量不应超过对外公开总数量', en: 'Newly published should not exceed total published' },
        });
    }
  }
  return rels;
}

/** Every relation of a layout. Without `present`, all conditional (G1) relations are listed, as in the JSON. */
export function relationsOf(version: TemplateVersion, layout: Partial<Omit<Layout, 'version'>> = {}): Relation[] {
  const full: Layout = {
    version,
    other: layout.other ?? (version === '2019' ? 'single' : 'items'),
    present: layout.present,
  };
  return [...applicationRelations(full), ...reviewRelations(version), ...activeRelations(version)];
}

const crossYearKeysOf: Partial<Record<'previous' | 'own', readonly string[]>> = {};

/**
 * The cell keys the cross-year relations read, in any template or layout: of the previous year (`previous`: what a
 * batch keeps of a possible previous year, cli/check-stream.ts) or of the report itself (`own`: the only cells a
 * cross-year finding can quote, whose sources the import's workers send beside a packed report, store/model-codec.ts).
 */
export function crossYearKeys(side: 'previous' | 'own'): readonly string[] {
  return (crossYearKeysOf[side] ??= [...new Set((['2019', '2021'] as const).flatMap((version) =>
    (['single', 'items'] as const).flatMap((other) => relationsOf(version, { other })
      .filter((r) => r.scope === 'crossYear')
      .flatMap((r) => [...r.lhs, ...r.rhs].map(parseTerm).filter((t) => t.prev === (side === 'previous'))
        .map((t) => t.key)))))]);
}

/** Group rows of table 三 that a report may print as subtotals, and the table's columns (the same in both templates). */
const SUBTOTAL_GROUPS = ['outcome.denied', 'outcome.unableToProvide', 'outcome.notProcessed', 'outcome.other'];
const APPLICATION_COLUMNS = TEMPLATES['2021'].tables.find((t) => t.key === APPLICATIONS)!.columns.map((c) => c.key);
/** The cell keys of those subtotals, with the signature part each contributes when printed. */
const SUBTOTAL_KEYS = SUBTOTAL_GROUPS.flatMap(
  (g) => APPLICATION_COLUMNS.map((c) => ({ key: cellKey(APPLICATIONS, g, c), part: `${g}/${c},` })),
);
/** Each subtotal key's place in SUBTOTAL_KEYS. */
const SUBTOTAL_INDEX = new Map(SUBTOTAL_KEYS.map(({ key }, i) => [key, i]));

const bySignature = new Map<string, Relation[]>();

/** The relations that apply to a report, given which cells it has (see layoutOf). */
export const relationsFor: (report: Report) => Relation[] = lastReportMemo((report: Report): Relation[] => {
  const layout = layoutOf(report);
  // the relations depend only on the layout and on which group-subtotal cells were printed: share them. Which
  // were printed: the report's own keys looked up among the subtotals' (most reports print few cells and no
  // subtotal; asking the cells for each of the 28 subtotal keys cost more than the rest of this function)
  const printed = subtotalsPrinted(cellKeysOf(report));
  let groupKeys = '';
  if (printed) for (let i = 0; i < SUBTOTAL_KEYS.length; i++) if (printed[i]) groupKeys += SUBTOTAL_KEYS[i].part;
  const signature = `${layout.version}|${layout.other}|${groupKeys}`;
  let relations = bySignature.get(signature);
  if (!relations) {
    relations = relationsOf(layout.version, layout);
    if (bySignature.size > 1000) bySignature.clear();
    bySignature.set(signature, relations);
  }
  return relations;
});

/** Which of SUBTOTAL_KEYS are among `keys` (a flag per subtotal), or null when none is. */
function subtotalsPrinted(keys: readonly string[]): Uint8Array | null {
  let printed: Uint8Array | null = null;
  for (const key of keys) {
    const i = SUBTOTAL_INDEX.get(key);
    if (i !== undefined) (printed ??= new Uint8Array(SUBTOTAL_KEYS.length))[i] = 1;
  }
  return printed;
}

const byPrefix = new WeakMap<Relation[], Map<string, Relation[]>>();

/** The relations of relationsFor(report) whose id starts with `prefix` (the lists are shared, so memoised). */
export function relationsWithPrefix(report: Report, prefix: string): Relation[] {
  const all = relationsFor(report);
  let m = byPrefix.get(all);
  if (!m) byPrefix.set(all, (m = new Map()));
  let list = m.get(prefix);
  if (!list) m.set(prefix, (list = all.filter((r) => r.id.startsWith(prefix))));
  return list;
}
