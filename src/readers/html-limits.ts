// Bounds on an HTML page, checked before and after parsing. The HTML parser (parse5) takes time quadratic in the
// nesting depth (each start tag looks down the stack of open elements) and memory linear in the cells, so a
// crafted page — 100k nested <div>s, one row of 1M <td>s — is refused by a linear scan of its tags before it is
// parsed; the tree parsed is then checked for its real depth without recursion, so the reader's walk (which
// recurses) never goes deeper than HTML_MAX_DEPTH.
import { childrenOf, type HNode } from './html-tree.js';
import { HTML_MAX_CELLS, HTML_MAX_DEPTH, HTML_MAX_ELEMENTS, HTML_MAX_TAG_DEPTH, limitError } from './limits.js';

/** Elements that never have content (no end tag). */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source',
  'track', 'wbr', 'keygen', 'frame', 'basefont', 'bgsound', 'image', 'isindex', 'menuitem']);
/** Elements whose end tag may be left out: a page leaving them open is not deep for it. */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot',
  'colgroup', 'caption', 'rb', 'rt', 'rtc', 'rp', 'html', 'head', 'body']);
/** Elements whose content is text to the parser, not tags. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)|<!--/g;

/**
 * One pass over the tags of a page (comments and script/style bodies skipped): its elements, table cells, and the depth
 * its start and end tags reach counting only elements that must be closed. Throws the limit's InputError.
 */
export function checkHtmlTags(text: string, name: string): void {
  let depth = 0;
  let cells = 0;
  let elements = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    if (m[0] === '<!--') {
      const end = text.indexOf('-->', TAG.lastIndex);
      if (end < 0) break;
      TAG.lastIndex = end + 3;
      continue;
    }
    const tag = m[2].toLowerCase();
    if (!m[1] && ++elements > HTML_MAX_ELEMENTS)
      throw limitError(name, '网页的元素过多', 'the page has too many elements', 'HTML_MAX_ELEMENTS', HTML_MAX_ELEMENTS);
    if (m[1]) {
      if (!VOID.has(tag) && !OPTIONAL_END.has(tag) && depth > 0) depth--;
      continue;
    }
    if (tag === 'td' || tag === 'th') {
      if (++cells > HTML_MAX_CELLS)
        throw limitError(name, '网页的表格单元格过多', 'the page has too many table cells', 'HTML_MAX_CELLS', HTML_MAX_CELLS);
    } else if (RAW_TEXT.has(tag)) {
      const end = indexOfClose(text, tag, TAG.lastIndex);
      if (end < 0) break;
      TAG.lastIndex = end;
    } else if (!VOID.has(tag) && !OPTIONAL_END.has(tag) && ++depth > HTML_MAX_TAG_DEPTH) {
      throw limitError(name, '网页标签嵌套过深', 'the page nests its tags too deep', 'HTML_MAX_TAG_DEPTH', HTML_MAX_TAG_DEPTH);
    }
  }
}

/** Where `</tag` next starts at or after `from`, any case, or -1. */
function indexOfClose(text: string, tag: string, from: number): number {
  const re = new RegExp(`</${tag}`, 'ig');
  re.lastIndex = from;
  return re.exec(text)?.index ?? -1;
}

/** The parsed tree's depth, walked with an explicit stack; over HTML_MAX_DEPTH is the limit's InputError. */
export function checkHtmlDepth(root: HNode, name: string): void {
  const stack: [HNode, number][] = [[root, 0]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > HTML_MAX_DEPTH)
      throw limitError(name, '网页元素嵌套过深', 'the page nests its elements too deep', 'HTML_MAX_DEPTH', HTML_MAX_DEPTH);
    for (const c of childrenOf(n)) if (childrenOf(c).length) stack.push([c, d + 1]);
  }
}
