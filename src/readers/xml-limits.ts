// Bounds and partial-read notes for the XML parts of office files: a part's element depth is checked without
// recursion before the reader (which recurses) walks it, and a part cut short — its root element never closed,
// as when a file was copied or uploaded half-way and the archive rebuilt — is read as far as it goes, with a
// note saying where it stops and what was read last, so a lost table is never lost silently.
import type { Block, GDocument } from '../document/model.js';
import { XML_MAX_DEPTH, XML_MAX_ELEMENTS, XML_MAX_PART_BYTES, limitError } from './limits.js';

interface Node { children?: Node[] }

/** The tree's depth, walked with an explicit stack; over XML_MAX_DEPTH is the limit's InputError. */
export function checkXmlDepth(root: Node, name: string, part: string): void {
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > XML_MAX_DEPTH)
      throw limitError(name, `${part} 的元素嵌套过深`, `${part} nests its elements too deep`, 'XML_MAX_DEPTH', XML_MAX_DEPTH);
    for (const c of n.children ?? []) if (c.children?.length) stack.push([c, d + 1]);
  }
}

const XML_TAG = /<(\/?)[A-Za-z_][^<>]*?(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g;

/**
 * The size of an XML part, and the elements and depth its tags reach, by one linear scan of its bytes before
 * parsing (the parser is quadratic on end tags that match nothing open: each looks through the whole stack);
 * over XML_MAX_PART_BYTES, XML_MAX_ELEMENTS or XML_MAX_DEPTH is the error.
 */
export function checkXmlTags(bytes: Uint8Array, name: string, part: string): void {
  if (bytes.length > XML_MAX_PART_BYTES)
    throw limitError(name, `${part} 过大（${bytes.length} 字节）`, `${part} is too large (${bytes.length} bytes)`,
      'XML_MAX_PART_BYTES', XML_MAX_PART_BYTES);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'); // tags are ASCII
  let depth = 0;
  let elements = 0;
  XML_TAG.lastIndex = 0;
  for (let m = XML_TAG.exec(text); m; m = XML_TAG.exec(text)) {
    if (m[1] === undefined) continue; // comment, CDATA, declaration
    if (m[1] !== '/' && ++elements > XML_MAX_ELEMENTS)
      throw limitError(name, `${part} 的元素过多`, `${part} has too many elements`, 'XML_MAX_ELEMENTS', XML_MAX_ELEMENTS);
    if (m[2] === '/') continue; // an empty element
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > XML_MAX_DEPTH)
      throw limitError(name, `${part} 的元素嵌套过深`, `${part} nests its elements too deep`, 'XML_MAX_DEPTH', XML_MAX_DEPTH);
  }
}

/** When an XML part does not end with its root's end tag: its length in bytes (where it stops); else null. */
export function truncatedXml(bytes: Uint8Array, root: string): number | null {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1', Math.max(0, bytes.length - 256)).trimEnd();
  return tail.endsWith(`</${root}>`) ? null : bytes.length;
}

/** The last text read before a cut, shortened, to say where the loss starts. */
function lastText(blocks: Block[]): string {
  const b = blocks[blocks.length - 1];
  if (!b) return '';
  const text = b.kind === 'table' ? (b.rows[b.rows.length - 1]?.cells.map((c) => c.text).join(' ') ?? '') : b.text;
  return text.length > 40 ? `…${text.slice(-40)}` : text;
}

/** The note for a part cut short. */
export function truncationNote(part: string, at: number, blocks: Block[]): GDocument['notes'][number] {
  const last = lastText(blocks);
  return {
    code: 'xml.truncated-part',
    message: `${part} 不完整：在第 ${at} 字节处中断，之后的内容（段落、表格）已丢失${last ? `；最后读到「${last}」` : ''}`,
    messageEn: `${part} is cut short: it stops at byte ${at}; what followed (paragraphs, tables) is lost`
      + (last ? `; the last text read is "${last}"` : ''),
  };
}
