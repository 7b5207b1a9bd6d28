// How a version's model is stored in report_versions.model (jsonb): the Report's own fields as they are, but its
// cells — 95 % of a model's ~60 KB of JSON, each cell an object of ten fields with its provenance — packed into
// one string, column by column (cells-text.ts: "2|<keys>|<values>|…", ~4.5 KB for a typical report). The import
// packs a model in its worker threads (import/worker.ts), so the main thread (and, on PGlite, the database running
// in it) no longer builds and writes a 60 KB jsonb tree per version: measured in bench/import.mjs and the notes of
// issue 10. Older ways of storing the cells are still read:
//   - "<base64 of raw DEFLATE of the JSON text of [key, value, raw, how, source, rest?][]>", as the import wrote
//     them before cells-text.ts (and still writes a model whose cells the text cannot hold), `rest` holding a
//     cell's other fields (unit, reason, and table/row/column when they are not the key's parts);
//   - the same tuples as a JSON array: migration 0004 turned the models stored before it into that (SQL has no
//     DEFLATE); and a model stored with its cells as an object (a row written before 0004 by old code).
//
// The section texts and every other field stay plain jsonb, so SQL still reads them (model -> 'sections'); the
// cells' values are read in SQL from reports.vals (context.ts), never from the model.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Cell, Report } from '../model/report.js';
import { crossYearKeys } from '../model/relations.js';
import { splitCellKey } from '../model/template.js';
import { CELLS_TEXT_MARK, cellsToText, textToCells, type CellTuple as Tuple } from './cells-text.js';

/** A model packed for storage (by the import's workers): its cells' keys and values beside, for reports.vals. */
export interface PackedReport {
  /** the model's fields but its cells */
  head: Omit<Report, 'cells'>;
  /** the cells' keys and values (a printed blank is null), in the model's order */
  keys: string[];
  values: (number | null)[];
  /** the cells with their provenance, packed (see the header) */
  cells: string;
  /**
   * the source positions of the cells a cross-year finding can quote (model/relations.ts crossYearKeys), as JSON by
   * key: what such a finding reads of a cell besides its value, so the import's cross-year checks read a report
   * without unpacking its cells (import/cross-year.ts)
   */
  sources: string;
  /** the jsonb text stored: made where the model is packed (the worker), so the main thread has nothing to write */
  json: string;
}

/** What is written as a version's model: a Report (packed on the way in) or one packed already. */
export type StoredModel = Report | PackedReport;

export const isPacked = (m: StoredModel): m is PackedReport => typeof m.cells === 'string';

/** DEFLATE level of the older packing: level 1 took ~30 % less time than 6 for 10 % more bytes (3.0 / 2.8 KB) */
const LEVEL = 1;

function tuple(c: Cell): Tuple {
  const parts = splitCellKey(c.key);
  let rest: Record<string, unknown> | undefined;
  const own = c.table === parts.table && c.row === parts.row && c.column === parts.column;
  for (const k in c) {
    const v = (c as unknown as Record<string, unknown>)[k];
    if (v === undefined || k === 'key' || k === 'value' || k === 'raw' || k === 'how' || k === 'source') continue;
    if (own && (k === 'table' || k === 'row' || k === 'column')) continue;
    (rest ??= {})[k] = v;
  }
  return rest ? [c.key, c.value, c.raw, c.how, c.source, rest] : [c.key, c.value, c.raw, c.how, c.source];
}

function cell(t: Tuple): Cell {
  const [key, value, raw, how, source, rest] = t;
  // the key's parts, each unless `rest` holds its own (the older packing writes all three, or none)
  const parts = rest ? { ...splitCellKey(key), ...(rest as Partial<Record<'table' | 'row' | 'column', string>>) }
    : splitCellKey(key);
  const { table, row, column } = parts;
  // the engine's field order (the API answers cells as read)
  const c: Cell = rest?.unit === undefined ? { key, table, row, column, value, raw, source, how }
    : { key, table, row, column, value, raw, unit: rest.unit as string, source, how };
  if (rest) for (const k in rest) if (!(k in c)) (c as unknown as Record<string, unknown>)[k] = rest[k];
  return c;
}

/** The cells packed: as text (cells-text.ts), or the older way when the text cannot hold them. */
function packCells(cells: Report['cells'], keys: string[]): string {
  return cellsToText(cells, keys) ?? deflatedTuples(cells);
}

/** The older packing: the tuples' JSON, DEFLATE-compressed, in base64 (see the header). */
function deflatedTuples(cells: Report['cells']): string {
  const list: Tuple[] = [];
  for (const k in cells) list.push(tuple(cells[k]));
  return deflateRawSync(JSON.stringify(list), { level: LEVEL }).toString('base64');
}

function unpackCells(stored: unknown): Report['cells'] {
  if (stored === null || typeof stored !== 'object' && typeof stored !== 'string') return {};
  if (typeof stored === 'object' && !Array.isArray(stored)) return stored as Report['cells']; // as stored before 0004
  const list = typeof stored !== 'string' ? stored as Tuple[]
    : stored.startsWith(CELLS_TEXT_MARK) ? textToCells(stored)
      : JSON.parse(inflateRawSync(Buffer.from(stored, 'base64')).toString('utf8')) as Tuple[];
  const out: Report['cells'] = {};
  for (const t of list) out[t[0]] = cell(t);
  return out;
}

export function packReport(report: Report): PackedReport {
  const { cells, ...head } = report;
  const keys = Object.keys(cells);
  const sources: Record<string, Cell['source']> = {};
  for (const k of crossYearKeys('own')) if (Object.hasOwn(cells, k)) sources[k] = cells[k].source;
  const packed = packCells(cells, keys);
  return { head, keys, values: keys.map((k) => cells[k].value), cells: packed, sources: JSON.stringify(sources),
    json: storedJson(head, packed) };
}

/** A packed model with other plain fields (its cells as they are). */
export function withHead(p: PackedReport, head: Omit<Report, 'cells'>): PackedReport {
  return { ...p, head, json: storedJson(head, p.cells) };
}

const storedJson = (head: Omit<Report, 'cells'>, cells: string): string => JSON.stringify({ ...head, cells });

export function unpackReport(p: PackedReport): Report {
  return { ...p.head, cells: unpackCells(p.cells) };
}

/** The model as a Report, unpacking it when packed. */
export const asReport = (m: StoredModel): Report => (isPacked(m) ? unpackReport(m) : m);

/** The model's fields but its cells (no unpacking). */
export const headOf = (m: StoredModel): Omit<Report, 'cells'> => (isPacked(m) ? m.head : m);

/** The model's cell keys (no unpacking). */
export const cellKeysOf = (m: StoredModel): string[] => (isPacked(m) ? m.keys : Object.keys(m.cells));

/** The jsonb text stored for a model. */
export function encodeModel(m: StoredModel): string {
  return (isPacked(m) ? m : packReport(m)).json;
}

/** A stored model (the jsonb as the driver hands it: parsed, or its text) as the Report it was. */
export function decodeModel(stored: unknown): Report {
  const m = (typeof stored === 'string' ? JSON.parse(stored) : stored) as Record<string, unknown>;
  m.cells = unpackCells(m.cells);
  return m as unknown as Report;
}
