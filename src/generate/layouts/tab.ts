// 'tab' layout, like seeds 000–002: a web scrape with blank lines between paragraphs and each table row as
// tab-separated fields (caption rows with trailing empty fields, merged cells leaving empty fields). Also the
// base of 'text-gbk', 'traditional' and (compact, no tables) 'prose'.
import type { Field } from '../flatten.js';
import { Out } from '../out.js';
import type { ReportModel } from '../model.js';
import type { Rng } from '../random.js';
import { arrangeRows, flattenBlock, writeTable, writeTokens, type LayoutSpec } from './common.js';

export function renderTab(model: ReportModel, rng: Rng, compact = false): Out {
  const out = new Out();
  const gap = compact ? '\n' : '\n\n';
  if (!compact) out.text('\n\n');
  const strays = rng.chance(0.5) ? rng.pick([0.05, 0.15]) : 0;
  for (const b of model.blocks) {
    if (b.kind === 'title') out.text(b.text + gap);
    else if (b.kind === 'heading') out.text(b.text + gap);
    else if (b.kind === 'para') {
      writeTokens(out, b.tokens);
      out.text(gap);
    } else {
      let rows = flattenBlock(b.grid, b.group, rng);
      if (b.group === 'applications') {
        rows = arrangeRows(rows, model, rng);
        rows.forEach((f) => jitter(f, rng, strays, Math.max(...rows.map((r) => r.filter((x) => x.key).length))));
        if (rng.chance(0.3)) rows.splice(3, 0, wrapHeader(rows[2]));
      }
      writeTable(out, b.group, rows, (o, fields) => {
        fields.forEach((f, i) => o.text(i > 0 ? '\t' : '').cell(f.key, f.text));
        o.text('\n');
      });
      out.text(compact ? '' : '\n');
    }
  }
  return out;
}

/** Stray empty fields of seed 000: a row gains or loses a leading empty field, or gains a trailing one. */
function jitter(fields: Field[], rng: Rng, rate: number, width: number): void {
  if (!fields.some((f) => f.key) || !rng.chance(rate)) return;
  const op = rng.pick(['lead+', 'lead-', 'trail+'] as const);
  // a row that lost a value (short-rows) and gained a trailing empty field prints exactly as a row whose last cell
  // is blank: the text could not show the truth's value, so that combination is not made
  // 'lead-' without a leading field trails
  const trails = op === 'trail+' || (op === 'lead-' && fields[0]?.text !== '');
  if (trails && fields.filter((f) => f.key).length < width) return;
  if (op === 'lead+') fields.unshift({ text: '' });
  else if (op === 'lead-' && fields[0]?.text === '') fields.shift();
  else fields.push({ text: '' });
}

/** Seed 002: long header cells wrap, their second halves on an extra line ('社会公益' / '组织'). Returns that line. */
function wrapHeader(fields: Field[]): Field[] {
  return fields.map((f) => {
    if (!f.parts || f.parts.length < 2 || f.text.length < 6) return { text: '' };
    const second = f.parts.slice(1).join('');
    f.text = f.parts[0];
    return { text: second };
  });
}

export const tab: LayoutSpec = { render: (model, rng) => renderTab(model, rng), encoding: 'utf-8', extension: '.txt' };
