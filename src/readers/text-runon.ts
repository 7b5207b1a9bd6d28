// Run-on text: a scrape that lost its line breaks (a page's text taken with its whitespace collapsed, a field of
// an API answer) holds a whole report on one line — title, sections, every table row — and the text reader, which
// reads a line as a paragraph or one table row, found neither the year statements nor a table (0 cells, year
// unknown, on generated reports flattened so). Such a text gets its breaks back before it is read: a space or
// tab-row seam becomes a line break where a report's structure must have had one — after a sentence or the title,
// before a section or item heading (一、 （二）, a markdown #), and between a table row's last number and the next
// row's label. Each break replaces one whitespace character, so every offset into the text stays what it was in
// the source; line and column numbers then count the restored lines (a reader note says so).
// Measured (../shared/corpus seeds and dev reports, 27 texts, lines joined by spaces / all whitespace collapsed to
// one space; scored by score.mjs): recall 0.7 % → 75 % / 0.6 % → 25 %, year 37 → 93 % / 67 → 96 %, 0 wrong and
// 0 invented before and after. What stays unread: a header row run into the first row's label, pipe rows whose
// seam is a blank cell, rows glued with no whitespace at all.

/** A text this long at least, nearly all on one line, with two section headings inside that line, is run-on. */
const MIN_CHARS = 600;
const LONGEST_SHARE = 0.6;
const HEADING_INSIDE = /[\s。][一二三四五六七八九十]{1,2}、\S/g;

/** A whitespace character that can become a line break (not a tab: tabs split a row's cells). */
const SPACE = '[ \\u3000\\u00a0]';
/** What may follow a number inside a sentence: units, counters, a date's parts, punctuation. */
const UNITS = '件个人次项万元份条起年月日号时天周岁名家户篇期批类页亿千百余多倍分秒所座笔场家期、，。；：）)》”’';
/** Seams a report's lines had: after a sentence; before a heading or item; between a number and a label. */
const SEAMS = new RegExp([
  `(?<=[。！？；]|年度?报告)${SPACE}+`,
  `(?<!#)${SPACE}+(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|#{1,6}${SPACE})`,
  // a number standing alone (a cell) before a word that is not its unit or a date's: the next row's label
  `(?<=(?:^|[\\s|｜])[-+]?\\d[\\d,.]*%?)${SPACE}+(?=[^\\s\\d.,，%+\\-—－|｜${UNITS}])`,
  // a markdown or pipe row's end and the next row's start, when that row starts with a label
  `(?<=[|｜])${SPACE}+(?=[|｜]${SPACE}*[^\\s\\d|｜:：\\-—－])`,
].join('|'), 'g');
/** In a run-on text of tab-separated rows, the rows are joined by spaces, cells by tabs: any space run is a seam. */
const TAB_ROW_SEAM = new RegExp(`${SPACE}+`, 'g');

export interface RunOn { text: string; breaks: number }

/** The text with its line breaks restored, or null when it is not run-on (most texts: nothing is done). */
export function restoreLineBreaks(text: string): RunOn | null {
  if (text.length < MIN_CHARS) return null;
  // a line of 60 % of the text covers its middle fifth: a line break there rules it out (most texts: one search)
  const middle = text.indexOf('\n', Math.floor((1 - LONGEST_SHARE) * text.length));
  if (middle >= 0 && middle < LONGEST_SHARE * text.length) return null;
  let longestAt = 0;
  let longest = 0;
  for (let at = 0; at <= text.length;) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (end - at > longest) [longest, longestAt] = [end - at, at];
    at = end + 1;
  }
  if (longest < LONGEST_SHARE * text.length) return null;
  const line = text.slice(longestAt, longestAt + longest);
  if ((line.match(HEADING_INSIDE)?.length ?? 0) < 2) return null;
  let breaks = 0;
  // one line break for the first whitespace character of a seam; the rest of it stays (offsets are kept)
  const cut = (seam: string) => {
    breaks++;
    return `\n${seam.slice(1)}`;
  };
  const tabRows = (line.match(/\t/g)?.length ?? 0) >= 20;
  const restored = line.replace(tabRows ? TAB_ROW_SEAM : SEAMS, cut);
  if (!breaks) return null;
  return { text: text.slice(0, longestAt) + restored + text.slice(longestAt + longest), breaks };
}
