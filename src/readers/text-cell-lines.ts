// Tables whose cells stand on lines of their own, with the tab between two cells on a line by itself: a page's text
// as a browser gives it (innerText) when the page wraps each cell's content in a paragraph, as pages made in Word
// do (<td><p>0</p></td>): "label\n\n\t\n\n0\n\n\t\n\n\t\n\n0". The text reader reads a line as a paragraph or one
// row, so such a table came out as one value per line with its separators dropped, and an empty cell (two tabs
// with nothing between) was lost: the row's sum then gave it a value the page never printed. Each row is put back
// on one line before the text is read: the line breaks inside a row become spaces, so every offset into the text
// stays the source's and the row is a tab row whose empty fields are its blank cells (line and column numbers
// then count the joined lines; a reader note says so).
// Where a row ends: at a content line that no tab line precedes; where more line breaks come than a row puts around
// its tabs (the next row may start with an empty cell: a tab); and at a text cell that follows the row's numbers
// (the next row's label; a tab just before it was the row's last, empty, cell).
// A scrape that turns each </p> into a line break and each </td> into a tab gives the same table with each tab at
// the start of the next cell's line: "label\n\t0\n\t0\n\t\n\t0\n\t\n\n" (an empty cell a line of one tab, a row
// ended by an empty line); its rows are joined the same way (joinLedLines), and so are those of a scrape that put a
// space where the tab was.
import { parseNumberCell } from '../text/normalise.js';

const ONE_TAB_LINE = /\n\t\r?\n/;
const ONE_SPACE_LINE = /\n \r?\n/;
/** A text is read so when it holds this many lines of tabs alone, and few tab rows of the usual kind. */
const MIN_TAB_LINES = 20;
const MAX_TAB_ROW_SHARE = 0.25;
/** A line longer than this, or with a sentence's end, is prose: a row never starts with it. */
const MAX_CELL_CHARS = 60;

export interface CellLines { text: string; rows: number }

/** A line: tabs alone, empty, a cell, or a row of the usual kind (content and a tab). */
type Kind = 'tab' | 'empty' | 'content' | 'tab-row';

function kindOf(text: string, start: number, end: number): Kind {
  let tab = false;
  let content = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x09) tab = true;
    else if (c !== 0x20 && c !== 0x0d && c !== 0x3000 && c !== 0xa0) content = true;
    if (tab && content) return 'tab-row';
  }
  return content ? 'content' : tab ? 'tab' : 'empty';
}

/** The text with each row's cell lines joined, or null when it is not laid out so (most texts: one count). */
export function joinCellLines(text: string): CellLines | null {
  // a line of one tab: most texts have none, and one search rules them out (a line of one space: cells led by one)
  if (!ONE_TAB_LINE.test(text)) return ONE_SPACE_LINE.test(text) ? joinLedLines(text, lineStarts(text), ' ') : null;
  const starts: number[] = [];
  const kinds: Kind[] = [];
  let tabLines = 0;
  let tabRows = 0;
  for (let at = 0; at <= text.length;) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const kind = kindOf(text, at, end);
    if (kind === 'tab') tabLines++;
    else if (kind === 'tab-row') tabRows++;
    starts.push(at);
    kinds.push(kind === 'tab-row' ? 'content' : kind);
    at = end + 1;
  }
  if (tabLines < MIN_TAB_LINES || tabRows > tabLines * MAX_TAB_ROW_SHARE) return joinLedLines(text, starts, '\t');
  const lineEnd = (i: number) => (i + 1 < starts.length ? starts[i + 1] - 1 : text.length);
  const lineText = (i: number) => text.slice(starts[i], lineEnd(i)).trim();
  const gap = rowGap(kinds);
  const joins: number[] = []; // the line breaks (offsets) that become spaces
  let rows = 0;
  let prev = -1; // the last non-empty line
  let rowNumbers = false; // the row being read holds a number
  let rowJoined = false; // the row being read has a line joined to it
  let afterTab = false; // a tab line came since the row's last content line
  const join = (i: number) => {
    for (let k = prev + 1; k <= i; k++) joins.push(starts[k] - 1);
    if (!rowJoined) rows++;
    rowJoined = true;
  };
  const newRow = () => {
    rowNumbers = false;
    rowJoined = false;
  };
  for (let i = 0; i < starts.length; i++) {
    const kind = kinds[i];
    if (kind === 'empty') continue;
    // more line breaks than a row puts around its tabs: a row ends there
    const near = prev >= 0 && i - prev <= gap;
    if (kind === 'tab') {
      // a tab continues the row of the cell or tab before it; after prose, or further away, it starts a row
      if (near && (kinds[prev] === 'tab' || isCell(lineText(prev)))) join(i);
      else newRow();
      afterTab = true;
    } else {
      const cell = lineText(i);
      const number = parseNumberCell(cell) !== null;
      // after a tab, a cell continues the row, but a text cell after the row's numbers is the next row's label
      if (afterTab && near && (number || !rowNumbers) && isCell(cell)) join(i);
      else newRow();
      if (number) rowNumbers = true;
      afterTab = false;
    }
    prev = i;
  }
  if (!joins.length) return null;
  return { text: withCharsReplaced(text, joins, () => ' '), rows };
}

/** `text` with the character at each of `offsets` (ascending) replaced, one for one (offsets stay the source's). */
function withCharsReplaced(text: string, offsets: number[], by: (old: string) => string): string {
  let out = '';
  let from = 0;
  for (const at of offsets) {
    out += text.slice(from, at) + by(text[at]);
    from = at + 1;
  }
  return out + text.slice(from);
}

/**
 * How many line breaks a row puts between a tab and the cells beside it: the most common distance (in lines) from a
 * tab line to the non-empty line before it. A row ends where the distance is larger (a browser puts more breaks
 * between rows than between a row's cells).
 */
function rowGap(kinds: Kind[]): number {
  const counts = new Map<number, number>();
  let prev = -1;
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] === 'empty') continue;
    if (prev >= 0 && kinds[i] === 'tab') counts.set(i - prev, (counts.get(i - prev) ?? 0) + 1);
    prev = i;
  }
  let best = 1;
  for (const [distance, n] of counts) if (n > (counts.get(best) ?? 0)) best = distance;
  return best;
}

function isCell(s: string): boolean {
  return s.length <= MAX_CELL_CHARS && !/[。；]/.test(s);
}

/** Where each line of `text` starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/**
 * The rows of a table whose every cell but a row's first stands on a line that starts with the separator before it
 * ("\t0", "\t" for an empty cell; " 0", " " where the scrape put a space between cells), joined: a line led so,
 * holding no tab beyond it, continues the line above unless that one is empty (rows end at an empty line) or prose.
 * The line break becomes a space after a tab, a tab before a space (either way every offset stays the source's, and
 * the row is a tab row whose empty fields are its blank cells). A space leads only a cell without spaces (a row
 * split at spaces is not one cell). Null when too few lines are led so — for a space, also when fewer than half of
 * them hold a number or nothing (an indented text is no table).
 */
function joinLedLines(text: string, starts: number[], leader: '\t' | ' '): CellLines | null {
  let led = 0;
  let numeric = 0;
  const ledAt: boolean[] = [];
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1] - 1 : text.length;
    const line = text.slice(starts[i], end);
    const cell = line.slice(1).trim();
    const isLed = line[0] === leader && !line.includes('\t', 1) &&
      (leader === '\t' || (line[1] !== ' ' && line[1] !== '\u3000' && !cell.includes(' ') && isCell(cell)));
    ledAt.push(isLed);
    if (!isLed) continue;
    led++;
    if (cell === '' || parseNumberCell(cell) !== null) numeric++;
  }
  // (a page may hold tables of both kinds: rows on one line beside rows a cell a line; only the latter are joined)
  if (led < MIN_TAB_LINES || (leader === ' ' && numeric * 2 < led)) return null;
  // the characters that change, in order: a line break that joins, and a space that leads a row (below)
  const edits: number[] = [];
  let rows = 0;
  let joinedAbove = false; // the line above was joined to its own line above
  for (let i = 1; i < starts.length; i++) {
    const above = text.slice(starts[i - 1], starts[i] - 1).replace(/\r$/, '');
    // an empty line ends a row (a tab after it starts one: an empty first cell); prose is no row's first cell
    const joined = ledAt[i] && above.length > 0 && (ledAt[i - 1] || isCell(above.trim()));
    if (joined) {
      if (!joinedAbove) rows++;
      edits.push(starts[i] - 1);
    } else if (ledAt[i] && leader === ' ' && !above.length) {
      // a row led by a space: its first cell printed nothing (its empty line is the one above); the space is the
      // separator after that empty cell, a tab, as a led tab keeps it
      edits.push(starts[i]);
    }
    joinedAbove = joined;
  }
  if (!rows) return null;
  const glue = leader === '\t' ? ' ' : '\t';
  return { text: withCharsReplaced(text, edits, (old) => (old === '\n' ? glue : '\t')), rows };
}
