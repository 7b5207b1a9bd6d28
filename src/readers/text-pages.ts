// Running page headers in pdftotext output and in pages copied out of a PDF viewer. pdftotext starts each page
// with a form feed; a PDF that prints the report's title (or a fixed line) at the top of every page puts that line
// between two rows of a table split over pages, where it ends the table for the reader and leaves the rows after
// it without their labels. The text reader asks `runningHeaders` once per document, from the facts its one pass
// over the lines gathered (text-wrap.ts), and skips those lines.
import type { LineFacts } from './text-wrap.js';

/** A first line shorter than this is not taken for a title a running header repeats. */
const MIN_TITLE = 8;

/** The first line with text at or after line `i`, and its index (the form feed and spaces trimmed). */
function firstText(lines: string[], i: number): { index: number; text: string } | null {
  for (let j = i; j < lines.length && j < i + 3; j++) {
    const text = lines[j].trim();
    if (text) return { index: j, text };
  }
  return null;
}

/**
 * Indexes of lines that are running page headers, not content: lines that repeat the document's title further
 * down (pages copied out of a viewer have no form feed; the title printed twice at the top is the title), and
 * lines that open a page (the first text after a form feed) and repeat the first line of another page.
 */
export function runningHeaders(lines: string[], facts: LineFacts): Set<number> {
  const skip = new Set<number>();
  const top = facts.top >= 0 ? lines[facts.top].trim() : '';
  // only a title: a first line naming the body alone comes again in the signature, where it is content
  if (top.length >= MIN_TITLE && top.includes('报告')) {
    for (const i of facts.sameAsTop) if (lines[i].trim() === top) skip.add(i);
  }
  if (!facts.formFeeds.length) return skip;
  const openers = new Map<string, number[]>();
  for (const i of facts.formFeeds) {
    const rest = lines[i].slice(1).trim();
    const first = rest ? { index: i, text: rest } : firstText(lines, i + 1);
    if (!first) continue;
    const seen = openers.get(first.text);
    if (seen) seen.push(first.index);
    else openers.set(first.text, [first.index]);
  }
  for (const [opener, indexes] of openers) {
    // a header has words: a lone page number or a short label opening two pages is content or read elsewhere
    if (indexes.length < 2 || opener.length < 4) continue;
    for (const i of indexes) if (i !== facts.top) skip.add(i); // the document's own first line stays
  }
  return skip;
}
