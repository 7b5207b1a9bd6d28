// The cells as one compact text (src/store/cells-text.ts) and the packing that uses it (model-codec.ts): every
// cell comes back as it was written — value, raw, how, source, unit, reason, in order — whether the text holds it
// plainly or among its extras, and a report the text cannot hold is packed the older way and read back as well.
import { describe, expect, it } from 'vitest';
import { generateReport, parseBytes } from '../src/index.js';
import { LAYOUTS } from '../src/generate/index.js';
import type { Cell, Report } from '../src/model/report.js';
import { CELLS_TEXT_MARK, cellsToText, textToCells } from '../src/store/cells-text.js';
import { packReport, unpackReport } from '../src/store/model-codec.js';

const asJson = (r: unknown): unknown => JSON.parse(JSON.stringify(r));

function cell(key: string, value: number | null, more: Partial<Cell> = {}): Cell {
  const [table, row, column] = key.split('/');
  return { key, table, row, column, value, raw: value === null ? '' : String(value), unit: undefined,
    source: { line: 3, column: 7, offset: 120 }, how: 'direct', reason: undefined, ...more };
}

const cellsOf = (list: Cell[]): Report['cells'] => Object.fromEntries(list.map((c) => [c.key, c]));

/** The cells read back from the text, as cells (through the model's unpacking). */
function roundTrip(cells: Report['cells']): Report['cells'] {
  const packed = packReport({ cells } as unknown as Report);
  return unpackReport(structuredClone(packed)).cells;
}

describe('cells text', () => {
  it('holds every kind of cell a report has, in order', () => {
    const cells = cellsOf([
      cell('art20_1/regulations/made', 0),
      cell('art20_1/regulations/repealed', 12.5, { raw: '１２.5', source: { line: 4, column: 1 } }),
      cell('art20_1/normativeDocuments/made', null, { how: 'inferred',
        reason: { zh: '行合计推得', en: 'implied by the row total' } }),
      cell('applications/newReceived/total', -3, { unit: '件', how: 'ordered' }),
      cell('applications/carriedOver/total', 1e21, { source: { line: 1, column: 2, page: 3,
        bbox: [1.5, 2, 30.25, 12] } }),
      cell('art20_1/regulations/valid', 7, { raw: '7|8 "quoted"\\' }),
      cell('review/reconsideration/upheld', 4, { source: { column: 9, line: 2 } }),
    ]);
    const text = cellsToText(cells)!;
    expect(text.startsWith(CELLS_TEXT_MARK)).toBe(true);
    expect(textToCells(text).map(([key]) => key)).toEqual(Object.keys(cells));
    const back = roundTrip(cells);
    expect(asJson(back)).toEqual(asJson(cells));
    expect(Object.keys(back)).toEqual(Object.keys(cells));
    // field order as the engine writes a cell (the API answers cells as read)
    expect(Object.keys(back['applications/newReceived/total'])).toEqual(
      ['key', 'table', 'row', 'column', 'value', 'raw', 'unit', 'source', 'how']);
  });

  it('writes a key by its parts, the table and row left out when the previous key shares them', () => {
    const text = cellsToText(cellsOf([cell('t/r/a', 1), cell('t/r/b', 2), cell('t/s/a', 3), cell('u/s/a', 4)]))!;
    expect(text.split('|')[1]).toBe('t/r/a;//b;/s/a;u/s/a');
  });

  it('gives way to the older packing for cells the text cannot hold, which read back as well', () => {
    for (const odd of [
      cell('x/y/z/extra', 1), cell('x;y/z/w', 1), cell('x/y|z/w', 1), cell('x//w', 1),
      cell('x/y/z', Number.NaN), cell('x/y/', 1), cell('/y/z', 1),
      { ...cell('x/y/z', 1), how: 'guessed' as Cell['how'] },
    ]) {
      const cells = cellsOf([cell('t/r/a', 1), odd]);
      expect(cellsToText(cells)).toBeNull();
      const packed = packReport({ cells } as unknown as Report).cells;
      expect(packed.startsWith(CELLS_TEXT_MARK)).toBe(false);
      expect(asJson(roundTrip(cells))).toEqual(asJson(cells));
    }
  });

  it('keeps a table, row or column that is not the key\'s part', () => {
    const cells = cellsOf([{ ...cell('t/r/a', 5), row: 'other' }]);
    expect(cellsToText(cells)).not.toBeNull();
    expect(roundTrip(cells)['t/r/a'].row).toBe('other');
  });

  it('reads an empty set of cells', () => {
    expect(textToCells(cellsToText({})!)).toEqual([]);
    expect(roundTrip({})).toEqual({});
  });

  it('refuses a text cut short', () => {
    expect(() => textToCells(`${CELLS_TEXT_MARK}t/r/a|1|`)).toThrow(/cut short/);
  });

  it('packs the reports of every layout as text JSON carries as it is, and reads them back', async () => {
    for (const [i, layout] of LAYOUTS.entries()) {
      const g = generateReport({ seed: 300 + i, layout, damage: i % 2 ? ['blanks'] : [] });
      const r = await parseBytes(g.bytes, `${i}${g.extension}`);
      const { cells } = packReport(r);
      expect(cells.startsWith(CELLS_TEXT_MARK)).toBe(true);
      // nothing for JSON to escape: the stored model's text takes the string as it is
      expect(JSON.stringify(cells)).toBe(`"${cells}"`);
      expect(asJson(unpackReport(packReport(r)).cells)).toEqual(asJson(r.cells));
    }
  });
});
