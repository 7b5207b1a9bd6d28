// 'layout' layout, like `pdftotext -layout` (dev 058): space-aligned columns, long labels wrapped over two
// lines with the values either on the first line or on a line of their own, group labels (三、本年度办理结果,
// （三）不予公开) on their own line mid-group, header cells stacked, hard-wrapped prose, '-N-' page numbers.
import { width } from '../flatten.js';
import type { GridCell, GridRow, ReportModel } from '../model.js';
import { APPLICANTS, REVIEW_GROUPS, REVIEW_PARTS } from '../numbers.js';
import { Out } from '../out.js';
import type { Rng } from '../random.js';
import { spaceDigits, wrapTokens, type LayoutSpec } from './common.js';
import { chunk, Pages, type Piece } from './pages.js';

const VALUE_ENDS = [63, 69, 75, 81, 86, 91, 97];
const REVIEW_ENDS = Array.from({ length: 15 }, (_, i) => 4 + i * 6 + (i >= 5 ? 4 : 0) + (i >= 10 ? 4 : 0));

const COLUMN_ORDER = [
  ...APPLICANTS,
  'total',
  ...REVIEW_GROUPS.flatMap((g) => [...REVIEW_PARTS, 'total'].map((p) => `${g}.${p}`)),
];

/** Values right-aligned at their own column (a missing value leaves a gap, as in a PDF with a blank cell). */
function valuePieces(cells: GridCell[], ends: number[]): { col: number; piece: Piece; right: boolean }[] {
  return cells.map((c, i) => {
    const column = c.key?.split('/')[2] ?? '';
    const known = c.key && !c.key.startsWith('art20_') ? COLUMN_ORDER.indexOf(column) : -1;
    const idx = known >= 0 ? (column.includes('.') ? known - 7 : known) : i;
    return { col: ends[Math.min(idx, ends.length - 1)], piece: { text: c.text, key: c.key }, right: true };
  });
}

function active(p: Pages, grid: GridRow[]): void {
  let ends: number[] = [];
  for (const row of grid) {
    const values = row.filter((c) => c.key);
    if (row.length === 1) {
      p.blank();
      p.line(' '.repeat(14) + row[0].text);
      p.blank(2);
    } else if (row[0].text === '信息内容') {
      const labels = row.slice(1).filter((c) => c.text);
      let col = 7 + width('信息内容') + (labels.length === 1 ? 12 : 3);
      ends = [];
      const items = [{ col: 7, piece: { text: '信息内容' } }];
      for (const c of labels) {
        items.push({ col, piece: { text: c.text } });
        ends.push(col + Math.floor(width(c.text) / 2) + 1);
        col += width(c.text) + 4;
      }
      p.placed(items);
      p.blank(2);
    } else {
      p.placed([{ col: 0, piece: { text: row[0].text } }, ...valuePieces(values, ends)]);
      p.blank();
    }
  }
}

function applicationsHeader(p: Pages, corner: string, grid: GridRow[]): void {
  p.placed([{ col: 62, piece: { text: '申请人情况' } }]);
  p.blank();
  p.placed([{ col: 66, piece: { text: '法人或其他组织' } }]);
  for (const line of chunk(corner, 48)) p.line(line);
  const heads = ['自然人', ...grid[2].map((c) => c.text), '总计'];
  const stacked = heads.map((h) => (h.length <= 3 ? [h] : chunk(h, 4)));
  const depth = Math.max(...stacked.map((s) => s.length));
  for (let i = 0; i < depth; i++) {
    const items = stacked.map(
      (s, c) => ({ col: VALUE_ENDS[c] + 1, piece: { text: s[i] ?? '' }, right: true }),
    ).filter((x) => x.piece.text);
    p.placed(items);
  }
  p.blank();
}

function applications(p: Pages, grid: GridRow[], rng: Rng): void {
  applicationsHeader(p, grid[0][0].text, grid);
  const valuesOwnLine = rng.chance(0.5);
  const pending: { text: string; indent: number; after: number }[] = [];
  for (const row of grid.slice(3)) {
    const values = row.filter((c) => c.key);
    const heads = row.filter((c) => !c.key);
    const label = heads[heads.length - 1];
    for (const lead of heads.slice(0, -1)) {
      const span = lead.rowspan ?? 1;
      const outer = lead.text.startsWith('三、') || lead.text.startsWith('三 、');
      const text = outer ? lead.text.split('').join(rng.chance(0.5) ? ' ' : '') : lead.text;
      pending.push({ text, indent: outer ? 1 : 10, after: Math.max(0, Math.floor(span / 2) - 1) });
    }
    const indent = label.colspan === 3 ? 0 : label.colspan === 2 ? 18 : 28;
    const max = VALUE_ENDS[0] - 6 - indent;
    const lines = chunk(label.text, max);
    const vals = valuePieces(values, VALUE_ENDS);
    p.keep(() => {
    if (lines.length === 1) p.placed([{ col: indent, piece: { text: lines[0] } }, ...vals]);
    else if (valuesOwnLine) {
      for (const l of lines) p.placed([{ col: indent, piece: { text: l } }]);
      p.placed(vals);
    } else {
      p.placed([{ col: indent, piece: { text: lines[0] } }, ...vals]);
      for (const l of lines.slice(1)) p.placed([{ col: indent + 4, piece: { text: l } }]);
    }
    });
    for (const g of pending) {
      if (g.after-- === 0) p.placed([{ col: g.indent, piece: { text: g.text } }]);
    }
  }
}

function review(p: Pages, grid: GridRow[]): void {
  const parts = ['结果', '结果', '其他', '尚未', '总计'];
  const seconds = ['维持', '纠正', '结果', '审结', ''];
  p.placed([{ col: 10, piece: { text: '行政复议' } }, { col: 48, piece: { text: '行政诉讼' } }]);
  p.blank();
  p.placed([{ col: 30, piece: { text: '未经复议直接起诉' } }, { col: 66, piece: { text: '复议后起诉' } }]);
  p.blank();
  p.placed(REVIEW_ENDS.map((e, i) => ({ col: e + 1, piece: { text: parts[i % 5] }, right: true })));
  p.placed(
    REVIEW_ENDS.map(
      (e, i) => ({ col: e + 1, piece: { text: seconds[i % 5] }, right: true }),
    ).filter((x) => x.piece.text),
  );
  p.blank(2);
  p.placed(valuePieces(grid[3].filter((c) => c.key), REVIEW_ENDS));
  p.blank();
}

function render(model: ReportModel, rng: Rng): Out {
  const out = new Out();
  const p = new Pages(out, rng.int(44, 52), 'layout', 80);
  for (const b of model.blocks) {
    if (b.kind === 'title') {
      p.line(p.centred(b.agency));
      p.line(p.centred(b.rest.replace(/^(\d+)/, '$1 ')));
      p.blank();
    } else if (b.kind === 'heading') p.line((b.level === 1 ? '   ' : '   ') + b.text);
    else if (b.kind === 'para') {
      wrapTokens([{ text: '   ' }, ...spaceDigits(b.tokens)], 66).forEach((l) => p.tokens(l));
    } else {
      p.group(b.group, 'start');
      if (b.group === 'active') active(p, b.grid);
      else if (b.group === 'applications') applications(p, b.grid, rng);
      else review(p, b.grid);
      p.group(b.group, 'end');
      p.blank(2);
    }
  }
  p.finish();
  return out;
}

export const layout: LayoutSpec = {
  render, encoding: 'utf-8', extension: '.txt', blanks: 'no-review', droppedIsBlank: true,
};
