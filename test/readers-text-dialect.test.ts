// Text tables in dialects beside tabs, pipes and aligned spaces: box-drawing characters (a text-mode browser's
// dump), comma- and semicolon-separated records (CSV), tab-separated fields each quoted (a TSV export), and labels
// carrying their first value after a colon.
// Generated reports are rewritten into each dialect and read back: every cell read equals the truth, and the
// separated and boxed forms read every cell.
import { describe, expect, it } from 'vitest';
import { generateReport } from '../src/generate/index.js';
import { parseBytes } from '../src/parse.js';
import { dialectOf, isBoxRule, peelGluedValue, splitSeparated, unbox } from '../src/readers/text-dialect.js';

type Rewrite = (fields: string[]) => string[];

/** A generated pipe-layout report whose table rows are re-drawn by `rewrite` (one row → one or more lines). */
async function redrawn(seed: number, template: '2019' | '2021', rewrite: Rewrite, name = 'redrawn.txt') {
  const g = generateReport({ seed, layout: 'pipe', template });
  const lines = g.text.split('\n').flatMap((line) => {
    if (!line.includes('|')) return [line];
    const fields = line.split('|');
    if (fields[fields.length - 1].trim() === '') fields.pop(); // the closing pipe
    return rewrite(fields.map((f) => f.trim()));
  });
  const report = await parseBytes(new TextEncoder().encode(lines.join('\n')), name);
  return { report, truth: g.truth };
}

function compare(report: Awaited<ReturnType<typeof redrawn>>['report'], truth: Record<string, number | null>) {
  let wrong = 0;
  let read = 0;
  for (const [key, cell] of Object.entries(report.cells)) {
    if (!(key in truth)) continue;
    read++;
    if (cell.value !== truth[key]) wrong++;
  }
  return { wrong, read, expected: Object.keys(truth).length };
}

const quoted = (f: string) => (/[",;]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
const box: Rewrite = (fields) => ['├' + '─'.repeat(12) + '┼' + '─'.repeat(8) + '┤',
  '│' + fields.map((f) => f.padEnd(8, ' ')).join('│') + '│'];
const csv = (sep: string): Rewrite => (fields) => [fields.map(quoted).join(sep)];
/** A TSV export that quotes every field ("0"⇥"0"⇥""), as some do. */
const quotedTsv: Rewrite = (fields) => [fields.map((f) => `"${f.replace(/"/g, '""')}"`).join('\t')];

describe('tables in other text dialects', () => {
  const dialects =
    [['box drawing', box], ['CSV', csv(',')], ['semicolons', csv(';')], ['quoted TSV', quotedTsv]] as const;
  for (const [name, rewrite] of dialects) {
    for (const [seed, template] of [[3, '2019'], [4, '2021'], [5, '2021']] as const) {
      it(`${name}, seed ${seed} (${template}): every cell read, none wrong`, async () => {
        const { report, truth } = await redrawn(seed, template, rewrite);
        const score = compare(report, truth.cells);
        expect(score.wrong).toBe(0);
        expect(score.read).toBe(score.expected);
        expect(report.year).toBe(truth.year);
        expect(report.agency).toBe(truth.agency);
      });
    }
  }

  it("a label with its first value after a colon ('行政事业性收费：36'): no value lands in the wrong column", async () => {
    for (const seed of [6, 7, 8, 9]) {
      const { report, truth } = await redrawn(seed, seed % 2 ? '2019' : '2021',
        (fields) => [fields[0] && /^\d/.test(fields[1] ?? '') ? [`${fields[0]}：${fields[1]}`, ...fields.slice(2)]
          .join('\t') : fields.join('\t')]);
      const score = compare(report, truth.cells);
      expect(score.wrong).toBe(0);
      expect(score.read).toBeGreaterThan(score.expected * 0.8);
    }
  });
});

describe('text dialect pieces', () => {
  it('box rules are dropped; verticals become pipes, one character for one', () => {
    expect(isBoxRule('┌──────┬────┐')).toBe(true);
    expect(isBoxRule('  ├──┼──┤  ')).toBe(true);
    expect(isBoxRule('│规章│0│')).toBe(false);
    expect(isBoxRule('+----+----+')).toBe(false); // no box character: the grid border is the pipe reader's
    expect(unbox('│规章 ┃ 0 ║ 1 │')).toBe('|规章 | 0 | 1 |');
  });

  it('separated records keep blanks, unquote fields and give each field its column', () => {
    const line = '"3.危及""三安全一稳定""",0,,"1,2",7';
    expect(splitSeparated(line, ',')).toEqual([
      { text: '3.危及"三安全一稳定"', start: 1 },
      { text: '0', start: 17 },
      { text: '', start: 19 },
      { text: '1,2', start: 21 },
      { text: '7', start: 26 },
    ]);
    expect(splitSeparated('规章,0,', ',')?.map((f) => f.text)).toEqual(['规章', '0', '']);
    expect(splitSeparated('我局收到申请,办结申请,其中公开。', ',')).toBeNull(); // a sentence
    expect(splitSeparated('a,b', ',')).toBeNull(); // one separator: not a record
    expect(splitSeparated('"unclosed,1,2', ',')).toBeNull();
  });

  it('a document is read as separated values only on enough numeric records, or by its .csv name', () => {
    const records = Array.from({ length: 5 }, (_, i) => `行${i},1,2,3`).join('\n');
    expect(dialectOf(records, 'a.txt').separator).toBe(',');
    expect(dialectOf('行,1,2,3\n说明', 'a.txt').separator).toBeNull();
    expect(dialectOf('行,1,2,3\n说明', 'a.csv').separator).toBe(',');
    const prose = Array.from({ length: 8 }, () => '2023年,我局共收到申请12件,办结10件,结转2件').join('\n');
    expect(dialectOf(prose, 'a.txt').separator).toBeNull(); // commas in prose, fields not numbers
    expect(dialectOf(`${records}\n规章\t1\t2`, 'a.txt').separator).toBeNull(); // tabs decide
    expect(dialectOf('│a│1│', 'a.txt')).toEqual({ box: true, separator: null });
  });

  it('a glued value is peeled off the first cell with its column', () => {
    const make = (text: string, start: number) => ({ text, start });
    expect(peelGluedValue([make('行政事业性收费：36', 0), make('-2', 12)], make))
      .toEqual([make('行政事业性收费', 0), make('36', 8), make('-2', 12)]);
    expect(peelGluedValue([make('1.属于国家秘密', 0), make('0', 9)], make)).toHaveLength(2);
    expect(peelGluedValue([make('时间：2023', 0)], make)).toEqual([make('时间', 0), make('2023', 3)]);
  });
});
