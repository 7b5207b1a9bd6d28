// LaTeX tables in a text: a tabular's rows are cells separated by & and ended by \\ (a \hline may follow); the
// environment's lines and its rules (\begin{tabular}{…}, \hline, \toprule, \cline{2-4}, …) are no text. An empty
// cell between two & is a blank and keeps its place, as a tab row's empty field does.

/** A cell of a row: its text and where it starts in the line. */
export interface LatexCell { text: string; start: number }

const RULE = /^\\(?:hline|toprule|midrule|bottomrule|cline\{[^}]*\}|cmidrule(?:\([^)]*\))?\{[^}]*\})\s*$/;
const ENVIRONMENT = /^\\(?:begin|end)\{(?:tabular\*?|tabularx|longtable|table\*?|center)\}/;
const ROW_END = /\\\\\s*(?:\\(?:hline|midrule|bottomrule)\s*)*$/;

/** Whether a trimmed line is a tabular's environment line or rule (skipped, the table goes on). */
export function isLatexChrome(trimmed: string): boolean {
  return trimmed.charCodeAt(0) === 0x5c && (RULE.test(trimmed) || ENVIRONMENT.test(trimmed));
}

/** A tabular row's cells (unescaped & separates, \\ ends it), or null for a line that is none. */
export function latexCells(line: string): LatexCell[] | null {
  const end = ROW_END.exec(line);
  if (!end || !line.includes('&')) return null;
  const body = line.slice(0, end.index);
  const cells: LatexCell[] = [];
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i < body.length && !(body[i] === '&' && body[i - 1] !== '\\')) continue;
    const raw = body.slice(start, i);
    const text = raw.trim().replace(/\\([&%$#_])/g, '$1');
    cells.push({ text, start: start + raw.length - raw.trimStart().length });
    start = i + 1;
  }
  return cells.length >= 2 ? cells : null;
}
