// Generator of consistent synthetic annual reports in every layout, each with its truth file: one report from
// a seed (generateReport), a corpus of many (generateCorpus), and NAME.ext + NAME.truth.json on disk (writeCorpus).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TemplateVersion } from '../model/template.js';
import { buildModel } from './document.js';
import { encodeGbk, gbkLength } from './gbk.js';
import { LAYOUT_SPECS } from './layouts/index.js';
import { DAMAGES, LAYOUTS, type DamageName, type LayoutName, type Truth } from './model.js';
import { Rng } from './random.js';
import { avoidNumbers, buildTruth, chooseCut } from './truth.js';

export { DAMAGES, LAYOUTS };
export type { DamageName, LayoutName, Truth };

export interface GenerateOptions {
  seed: number;
  template?: TemplateVersion;
  layout?: LayoutName;
  damage?: DamageName[];
  agency?: string;
  year?: number;
  /** with 'truncated': cut after this many bytes (moved back to the start of a number it would split) */
  truncateAt?: number;
}

export interface GeneratedReport {
  name: string;
  bytes: Uint8Array;
  extension: string;
  encoding: 'utf-8' | 'gbk';
  /** the decoded text (what `bytes` decode to) */
  text: string;
  truth: Truth;
}

function byteLength(ch: string, encoding: 'utf-8' | 'gbk'): number {
  return encoding === 'gbk' ? gbkLength(ch) : Buffer.byteLength(ch, 'utf8');
}

/** Character index after at most `bytes` bytes. */
function charIndexForBytes(text: string, bytes: number, encoding: 'utf-8' | 'gbk'): number {
  let used = 0;
  let i = 0;
  for (const ch of text) {
    const n = byteLength(ch, encoding);
    if (used + n > bytes) break;
    used += n;
    i += ch.length;
  }
  return i;
}

export function generateReport(options: GenerateOptions): GeneratedReport {
  const seed = options.seed;
  const layout = options.layout ?? new Rng(seed ^ 0x5bd1e995).pick(LAYOUTS);
  const damage = DAMAGES.filter((d) => options.damage?.includes(d));
  const spec = LAYOUT_SPECS[layout];
  const tablesLost = !!spec.tablesLost || damage.includes('lost-tables');
  const model = buildModel({
    seed, template: options.template, year: options.year, agency: options.agency, damage, tablesLost,
    blanks: spec.blanks,
  });
  const rng = new Rng(seed).fork(100);
  let out = spec.render(model, rng.fork(1));
  if (spec.transform) out = out.mapText(spec.transform);
  const agency = spec.transform ? spec.transform(model.agency) : model.agency;
  const notes = spec.note ? [spec.note + (agency !== model.agency ? ` (${agency}; 简体 ${model.agency})` : '')] : [];
  const encoding = spec.encoding;
  const rendered = out.finish();
  let cut: number | null = null;
  if (damage.includes('truncated')) {
    cut = options.truncateAt !== undefined
      ? avoidNumbers(rendered, charIndexForBytes(rendered.text, options.truncateAt, encoding))
      : chooseCut(rendered, rng.fork(2));
  }
  const text = cut === null ? rendered.text : rendered.text.slice(0, cut);
  const bytes = encoding === 'gbk' ? encodeGbk(text) : new TextEncoder().encode(text);
  const truth = buildTruth({
    model, rendered, layout, damage, cut, cutBytes: cut === null ? null : bytes.length, agency, notes,
  });
  const tag = damage.length > 0 ? `_${damage.join('+')}` : '';
  return {
    name: `gen_${seed}_${layout}_${model.template}${tag}`,
    bytes,
    extension: spec.extension,
    encoding,
    text,
    truth,
  };
}

export interface CorpusOptions {
  count: number;
  seed: number;
  /** layouts used in turn (default: all) */
  layouts?: LayoutName[];
  /** damage drawn from this list (default: none) */
  damage?: DamageName[];
  /** share of reports that get one damage from `damage` (default 0.4) */
  damageRate?: number;
  template?: TemplateVersion;
}

export function generateCorpus(options: CorpusOptions): GeneratedReport[] {
  const rng = new Rng(options.seed);
  const layouts = options.layouts && options.layouts.length > 0 ? options.layouts : [...LAYOUTS];
  const reports: GeneratedReport[] = [];
  for (let i = 0; i < options.count; i++) {
    const seed = rng.int(1, 0x7ffffffe);
    const damage = options.damage && options.damage.length > 0 && rng.chance(options.damageRate ?? 0.4)
      ? [rng.pick(options.damage)]
      : [];
    const r = generateReport({ seed, layout: layouts[i % layouts.length], damage, template: options.template });
    reports.push({ ...r, name: `${String(i).padStart(3, '0')}_${r.name}` });
  }
  return reports;
}

/** Write NAME.ext and NAME.truth.json for each report; returns the report file paths. */
export function writeCorpus(dir: string, corpus: CorpusOptions | GeneratedReport[]): string[] {
  mkdirSync(dir, { recursive: true });
  const reports = Array.isArray(corpus) ? corpus : generateCorpus(corpus);
  return reports.map((r) => {
    const file = join(dir, r.name + r.extension);
    writeFileSync(file, r.bytes);
    writeFileSync(join(dir, `${r.name}.truth.json`), JSON.stringify(r.truth, null, 1) + '\n');
    return file;
  });
}
