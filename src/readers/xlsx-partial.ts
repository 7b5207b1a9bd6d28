// Partial reads of a workbook whose XML parts are cut short (a file copied or uploaded half-way and the archive
// rebuilt, as docx.ts handles for a document): exceljs parses strictly and fails on a part that never closes,
// with a message no one can act on. So before exceljs sees the package, a cut sheet is mended to its last complete
// row and a cut shared-string table to its last complete string, a cut part that holds no values (styles, theme,
// properties) is left out, and the read goes on with a note saying what was lost. A cut part the workbook cannot
// be read without (the workbook, a relationship list, the content types) is an InputError naming it.
import type { GDocument } from '../document/model.js';
import { InputError } from '../errors.js';
import { storeZip } from './zip.js';

type Note = GDocument['notes'][number];

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const SHARED = /^xl\/sharedStrings\.xml$/i;
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const NEEDED = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|(.*\/)?_rels\/.*\.rels)$/i;

// XML parts are read as latin1: tags and attributes are ASCII, and the bytes of text between them pass through
const text = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
const bytesOf = (s: string): Uint8Array => Buffer.from(s, 'latin1');

/** The root element's name and the end of its start tag, after the XML declaration and comments; null if none. */
function root(xml: string): { name: string; open: string } | null {
  const m = /^\uFEFF?(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*<([A-Za-z_][\w:.-]*)\b[^<>]*>/.exec(xml.slice(0, 4096));
  return m ? { name: m[1], open: m[0] } : null;
}

/** Whether an XML part ends with its root's end tag (or is one empty root element). */
function complete(xml: string): boolean {
  const r = root(xml);
  if (!r) return false;
  const tail = xml.slice(-512).trimEnd();
  return tail.endsWith(`</${r.name}>`) || (r.open.endsWith('/>') && xml.trimEnd().endsWith(r.open));
}

/** The last match of a global regex in `s`, or null. */
function lastMatch(re: RegExp, s: string): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(s); m; m = re.exec(s)) last = m;
  return last;
}

/** A sheet cut short, mended to its last complete row; the number of that row (0: none was complete). */
function mendSheet(xml: string): { xml: string; row: number } {
  const r = root(xml);
  const prefix = /^(\w+:)?/.exec(r?.name ?? '')?.[1] ?? '';
  const end = lastMatch(/<\/(?:\w+:)?row>|<(?:\w+:)?row\b[^<>]*\/>/g, xml);
  if (end) {
    const upTo = end.index + end[0].length;
    const row = lastMatch(/<(?:\w+:)?row\b[^<>]*?\br="(\d+)"/g, xml.slice(0, upTo));
    return { xml: `${xml.slice(0, upTo)}</${prefix}sheetData></${r?.name}>`, row: row ? Number(row[1]) : 1 };
  }
  const open = /<(?:\w+:)?sheetData\b[^<>]*>/.exec(xml);
  if (r && open && !open[0].endsWith('/>'))
    return { xml: `${xml.slice(0, open.index + open[0].length)}</${prefix}sheetData></${r.name}>`, row: 0 };
  return { xml: `<worksheet ${NS}><sheetData/></worksheet>`, row: 0 };
}

/** The shared-string indices the sheets use. */
function stringRefs(parts: Map<string, Uint8Array>): number[] {
  const out: number[] = [];
  for (const [part, data] of parts) {
    if (!SHEET.test(part)) continue;
    const cells = text(data).matchAll(/<(?:\w+:)?c\b[^>]*\bt="s"[^>]*>\s*<(?:\w+:)?v>\s*(\d+)/g);
    for (const m of cells) out.push(Number(m[1]));
  }
  return out;
}

/**
 * A shared-string table cut short, mended to its last complete string and padded with empty strings up to the
 * highest index a sheet uses (exceljs fails on a missing one); how many strings it keeps.
 */
function mendStrings(xml: string, used: number): { xml: string; kept: number } {
  const r = root(xml);
  const end = lastMatch(/<\/(?:\w+:)?si>|<(?:\w+:)?si\b[^<>]*\/>/g, xml);
  const upTo = end ? end.index + end[0].length : 0;
  const kept = end ? (xml.slice(0, upTo).match(/<(?:\w+:)?si\b[^<>]*>/g) ?? []).length : 0;
  const prefix = /^(\w+:)?/.exec(r?.name ?? '')?.[1] ?? '';
  const pad = `<${prefix}si><${prefix}t></${prefix}t></${prefix}si>`.repeat(Math.max(0, used - kept));
  const start = r && end ? xml.slice(0, upTo) : `<sst ${NS}>`;
  return { xml: `${start}${pad}</${r && end ? r.name : 'sst'}>`, kept };
}

/** Sheet parts → sheet names, from the workbook and its relationships (for the notes; '' when not found). */
function sheetNames(parts: Map<string, Uint8Array>): Map<string, string> {
  const out = new Map<string, string>();
  const book = parts.get('xl/workbook.xml');
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (!book || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of text(rels).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of text(book).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name && part) out.set(part, Buffer.from(name, 'latin1').toString('utf8'));
  }
  return out;
}

/**
 * The package as exceljs may read it, and what was lost: unchanged (the same bytes, no note) unless some XML
 * part is cut short. Throws InputError for a cut part nothing can be read without.
 */
export function mendCutParts(bytes: Uint8Array, parts: Map<string, Uint8Array>, name: string):
  { bytes: Uint8Array; notes: Note[] } {
  const cut = [...parts.keys()].filter((p) => /\.(xml|rels)$/i.test(p) && !complete(text(parts.get(p)!)));
  if (!cut.length) return { bytes, notes: [] };
  const notes: Note[] = [];
  const names = sheetNames(parts);
  const mended = new Map(parts);
  for (const part of cut) {
    const data = parts.get(part)!;
    const at = data.length;
    if (NEEDED.test(part))
      throw new InputError(name, `文件已损坏或不完整（工作簿的 ${part} 在第 ${at} 字节处中断），无法读取`,
        `the file is damaged or incomplete (the workbook's ${part} is cut short at byte ${at}); it cannot be read`);
    if (SHEET.test(part)) {
      const { xml, row } = mendSheet(text(data));
      mended.set(part, bytesOf(xml));
      const sheet = names.get(part) ? `（工作表「${names.get(part)}」）` : '';
      const sheetEn = names.get(part) ? ` (sheet "${names.get(part)}")` : '';
      notes.push({
        code: 'xml.truncated-part',
        message: `${part}${sheet || ' '}不完整：在第 ${at} 字节处中断，`
          + `${row ? `第 ${row} 行之后的行` : '其中所有的行'}及其后的内容（如合并单元格）已丢失；其余内容照常读取`,
        messageEn: `${part}${sheetEn} is cut short: it stops at byte ${at}; `
          + `${row ? `the rows after row ${row}` : 'all its rows'}`
          + ' and what followed them (such as merged cells) are lost; '
          + 'the rest was read',
      });
    } else if (SHARED.test(part)) {
      const refs = stringRefs(parts);
      const { xml, kept } = mendStrings(text(data), refs.reduce((m, i) => Math.max(m, i + 1), 0));
      mended.set(part, bytesOf(xml));
      const lost = refs.filter((i) => i >= kept).length;
      notes.push({
        code: 'xml.truncated-part',
        message: `${part}（共享字符串表）不完整：在第 ${at} 字节处中断，第 ${kept} 个之后的字符串已丢失，`
          + `使用它们的 ${lost} 个单元格读作空白；其余内容照常读取`,
        messageEn: `${part} (the shared strings) is cut short: it stops at byte ${at}; `
          + `the strings after the first ${kept} are lost, `
          + `and the ${lost} cell(s) that use them read as blank; the rest was read`,
      });
    } else {
      mended.delete(part); // formatting, theme, properties: no values in them
      notes.push({
        code: 'xml.truncated-part',
        message: `${part} 不完整：在第 ${at} 字节处中断，已略去（其中没有数值，只有格式或属性）；其余内容照常读取`,
        messageEn: `${part} is cut short: it stops at byte ${at}; it was left out `
          + '(it holds formatting or properties, no values); the rest was read',
      });
    }
  }
  return { bytes: storeZip(mended), notes };
}
