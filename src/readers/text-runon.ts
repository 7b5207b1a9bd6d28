// Run-on text: a scrape that lost its line breaks (a page's text taken with its whitespace collapsed, a field of
// an API answer) holds a whole report on one line — title, sections, every table row — and the text reader, which
// reads a line as a paragraph or one table row, found neither the year statements nor a table (0 cells, year
// unknown, on generated reports flattened so). Such a text gets line breaks back before it is read, each replacing
// one whitespace character, so every offset into the text stays what it was in the source; line and column numbers
// then count the restored lines (a reader note says so). Where breaks go:
//   - tab-separated rows joined by spaces (cells keep their tabs): every space run was a line break; the rows come
//     back exactly;
//   - otherwise only the prose's seams, after a sentence and after the title, so the year and the body are read
//     from their sentences; the tables stay on their long lines, unread, as before.
// Why not the rows of other run-on tables: breaking between a row's last number and the next label, before item
// headings and after column headings read 75–88 % of the cells of the corpus texts joined, but placed 3 numbers in
// the wrong cell in one corpus text collapsed and 5–14 in 120 damaged generated reports run on (a field position
// or a blank the run-on had lost), against none when the tables stay unread.
// Measured (score.mjs; ../shared/corpus seeds and dev reports, 27 texts, lines joined by a space / all whitespace
// collapsed to one; 120 generated reports of 8 layouts, damaged, run on the same two ways): corpus year 37 → 93 %
// and 67 → 96 %, generated year 100 %; cells read 0.7 → 60 % of the corpus joined, 0 → 43 % of the generated
// joined; 0 wrong, 0 invented.

/** A text this long at least, nearly all on one line, with two section headings inside that line, is run-on. */
const MIN_CHARS = 600;
const LONGEST_SHARE = 0.6;
const HEADING_INSIDE = /[\s。][一二三四五六七八九十]{1,2}、\S/g;

/** A whitespace character that can become a line break (not a tab: tabs split a row's cells). */
const SPACE = '[ \\u3000\\u00a0]';
/** Seams a report's prose had: after a sentence, after the title. */
const PROSE_SEAMS = new RegExp(`(?<=[。！？；]|年度?报告)${SPACE}+`, 'g');
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
  const restored = line.replace(tabRows ? TAB_ROW_SEAM : PROSE_SEAMS, cut);
  if (!breaks) return null;
  return { text: text.slice(0, longestAt) + restored + text.slice(longestAt + longest), breaks };
}
