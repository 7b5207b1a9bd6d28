// A report body held in a JavaScript string: some sites ship the page empty and fill it from a script
// (`let content = "<p>…<table …>…</table>"; box.innerHTML = content;`). The string's HTML is unescaped (\" \n \/
// \uXXXX …) with a map from every unescaped character back to its offset in the page, so positions stay true.
import type { SourceRef } from '../model/report.js';
import { LineIndex } from './html-text.js';

/** A string literal (double, single or back quotes) whose text holds report markup. */
const LITERAL = /(["'`])((?:\\[\s\S]|(?!\1)[^\\])*?)\1/g;
const MARKUP = /<(?:table|p|div|tr|td)[\s>\\]/i;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' };

/** Positions in the unescaped string, as the page's line and column. */
export class MappedLineIndex extends LineIndex {
  constructor(private readonly map: Int32Array, private readonly page: LineIndex) {
    super('');
  }

  override at(offset: number): SourceRef {
    return this.page.at(this.map[Math.max(0, Math.min(offset, this.map.length - 1))] ?? 0);
  }
}

/** The literal's text unescaped, with the page offset of each character (`at` = the literal's first character). */
function unescape(raw: string, at: number): { text: string; map: Int32Array } {
  const out: string[] = [];
  const map = new Int32Array(raw.length + 1);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    let ch = c;
    const from = i;
    if (c === '\\' && i + 1 < raw.length) {
      const e = raw[++i];
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 1, i + 5))) {
        ch = String.fromCharCode(parseInt(raw.slice(i + 1, i + 5), 16));
        i += 4;
      } else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(raw.slice(i + 1, i + 3))) {
        ch = String.fromCharCode(parseInt(raw.slice(i + 1, i + 3), 16));
        i += 2;
      } else if (e === '\n') continue; // a line continuation
      else ch = ESCAPES[e] ?? e;
    }
    out.push(ch);
    map[n++] = at + from;
  }
  map[n] = at + raw.length;
  return { text: out.join(''), map: map.subarray(0, n + 1) };
}

/**
 * The HTML held in a script's string literals, when they carry report markup (a table, paragraphs): every literal
 * with a tag in it, joined in order (`"<table>" + "<tr>…"` is one table), with a line index giving page positions.
 * `code` is the script's text, `start` its offset in the page.
 */
export function scriptHtml(code: string, start: number, page: LineIndex): { html: string; lines: LineIndex } | null {
  if (!MARKUP.test(code)) return null;
  const texts: string[] = [];
  const maps: Int32Array[] = [];
  for (const m of code.matchAll(LITERAL)) {
    if (!/<\/?[a-z]/i.test(m[2])) continue;
    const { text, map } = unescape(m[2], start + m.index + 1);
    texts.push(text);
    maps.push(map.subarray(0, text.length));
  }
  const html = texts.join('');
  if (!MARKUP.test(html)) return null;
  const map = new Int32Array(html.length);
  let at = 0;
  for (const m of maps) {
    map.set(m, at);
    at += m.length;
  }
  return { html, lines: new MappedLineIndex(map, page) };
}
