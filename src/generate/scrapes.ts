// Two ways a scrape reshapes a generated report's text, for trying the readers on shapes no layout prints: a tab
// report whose tabs became spaces (a scrape that collapsed whitespace: a blank cell leaves no trace a reader can
// trust), and an HTML page as a browser's innerText gives it when each cell is a paragraph (every tab between two
// cells on a line of its own). The truth stays the report's: a scrape changes where things are printed, not what.
// Used by the placement property run (scripts/property-placement.mjs) and the reader tests.

export const SCRAPES = ['spaced', 'inner-text'] as const;
export type ScrapeName = (typeof SCRAPES)[number];

/** The layout each scrape starts from. */
export const SCRAPE_OF: Record<ScrapeName, 'tab' | 'html'> = { spaced: 'tab', 'inner-text': 'html' };

/** `text` (a generated report in the scrape's layout) as the scrape gives it. */
export function scrapeText(name: ScrapeName, text: string): string {
  return name === 'spaced' ? text.replace(/\t/g, ' ') : innerTextOf(text);
}

/** The text of an HTML fragment: tags dropped, the entities the generator writes decoded. */
function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&gt;/g, '>').replace(/&lt;/g, '<')
    .replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();
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
