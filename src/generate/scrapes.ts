// Ways a scrape or a conversion reshapes a generated report's text, for trying the readers on shapes no layout
// prints: a tab report whose tabs became spaces (a scrape that collapsed whitespace: a blank cell leaves no trace a
// reader can trust); an HTML page as a browser's innerText gives it when each cell is a paragraph (every tab between
// two cells on a line of its own); a page whose tags a scraper dropped after turning each </p> into a line break and
// each </td> into a tab or a space (each cell on a line led by it); and a tab or markdown table padded by a
// converter to one width (a spreadsheet, pandoc), so that a row that lost a field ends in empty cells like a row
// whose last cells are blank. The truth stays the report's: a scrape changes where things are printed, not what.
// Used by the placement property run (scripts/property-placement.mjs) and the reader tests.

export const SCRAPES = ['spaced', 'inner-text', 'tab-led', 'space-led', 'padded', 'padded-markdown'] as const;
export type ScrapeName = (typeof SCRAPES)[number];

/** The layout each scrape starts from. */
export const SCRAPE_OF: Record<ScrapeName, 'tab' | 'html' | 'markdown'> = {
  spaced: 'tab', 'inner-text': 'html', 'tab-led': 'html', 'space-led': 'html', padded: 'tab',
  'padded-markdown': 'markdown',
};

/** `text` (a generated report in the scrape's layout) as the scrape gives it. */
export function scrapeText(name: ScrapeName, text: string): string {
  if (name === 'spaced') return text.replace(/\t/g, ' ');
  if (name === 'padded') return paddedTabs(text);
  if (name === 'padded-markdown') return paddedPipes(text);
  if (name === 'tab-led') return tagsDropped(text, '\t');
  if (name === 'space-led') return tagsDropped(text, ' ');
  return innerTextOf(text);
}

/** A page with </p>, </tr>, <br> and headings' ends turned into line breaks, </td> into `sep`, then tags dropped. */
function tagsDropped(html: string, sep: '\t' | ' '): string {
  return html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
    .replace(/<\/t[dh]>\s*/g, sep).replace(/<\/tr>|<br\s*\/?>|<\/p>|<\/h\d>|<\/div>|<\/caption>/g, '\n')
    .split('\n').map(untagged).join('\n');
}

/** Each block of lines that hold tabs padded with empty fields to one more than its widest line's count. */
export function paddedTabs(text: string): string {
  return padBlocks(text, (l) => l.includes('\t'), (lines) => {
    const width = Math.max(...lines.map((l) => l.split('\t').length)) + 1;
    return lines.map((l) => l + '\t'.repeat(width - l.split('\t').length));
  });
}

/** Each pipe table's rows padded with empty cells (its rule with dashes) to its widest row's count. */
function paddedPipes(text: string): string {
  const cells = (l: string) => l.trim().replace(/^\||\|$/g, '').split('|');
  return padBlocks(text, (l) => /^\s*\|/.test(l), (lines) => {
    const width = Math.max(...lines.map((l) => cells(l).length));
    return lines.map((l) => {
      const c = cells(l);
      const filler = /^[-: ]+$/.test(c[0]) ? '---' : ' ';
      while (c.length < width) c.push(filler);
      return `|${c.join('|')}|`;
    });
  });
}

/** `text` with each run of consecutive lines that `inBlock` takes replaced by `pad` of it. */
function padBlocks(text: string, inBlock: (line: string) => boolean, pad: (lines: string[]) => string[]): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    if (!inBlock(lines[i])) {
      out.push(lines[i++]);
      continue;
    }
    let j = i;
    while (j < lines.length && inBlock(lines[j])) j++;
    out.push(...pad(lines.slice(i, j)));
    i = j;
  }
  return out.join('\n');
}

/** The text of an HTML fragment: tags dropped, the entities the generator writes decoded. */
function textOf(html: string): string {
  return untagged(html).trim();
}

/** Tags dropped and the entities the generator writes decoded; whitespace kept. */
function untagged(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&gt;/g, '>').replace(/&lt;/g, '<')
    .replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/**
 * A generated page as a browser's innerText gives it when each cell is a paragraph: a tab after every cell but a
 * row's last, on a line of its own between the paragraphs' blank lines (the innerText algorithm's required line
 * breaks around a <p>); rows further apart; the other paragraphs and headings on lines of their own. What the page
 * hides (<head>, scripts) is not text.
 */
export function innerTextOf(html: string): string {
  const body = html.slice(Math.max(0, html.indexOf('<body')))
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '');
  return body.replace(/<tr[^>]*>([\s\S]*?)<\/tr>/g, (_, row: string) => {
    // each cell's paragraph asks for two line breaks before and after it, an empty one too; breaks that meet
    // collapse to the larger count, as the innerText algorithm collapses them
    const cells = [...row.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((m) => `\n\n${textOf(m[1])}\n\n`);
    return cells.join('\t').replace(/\n{2,}/g, '\n\n').replace(/^\n+|\n+$/g, '') + '\n\n\n\n';
  }).replace(/<\/(p|h\d|div|li|caption)>/g, '\n\n').replace(/<br\s*\/?>/g, '\n').split('\n')
    .map((line) => (line.includes('\t') ? line : textOf(line))).join('\n');
}
