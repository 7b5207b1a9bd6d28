// The HTML reader's tree: parse5 (the HTML5 parser, with its error recovery and source locations) and its own
// default tree, read through the few accessors below.
//
// Why not cheerio's `load`, which runs the same parser: it builds domhandler nodes carrying parse5's whole location
// record, copied once more at every end tag, plus sibling links; on generated report pages (31 KB, ~1,000 elements)
// that tree cost 4.9 ms a page against 2.2 ms for parse5's own, most of the difference in garbage collection
// (bench/html-parse.mjs). A tree adapter of our own keeping only start offsets was tried: no faster than parse5's
// default tree, so the library's tree it is. test/readers-html-tree.test.ts checks that the reader sees through
// these accessors exactly the tree cheerio built (elements, attributes, text runs, start offsets).
import { parse, type DefaultTreeAdapterMap } from 'parse5';

/** A node of the tree (document, element, text, comment, doctype, template content). */
export type HNode = DefaultTreeAdapterMap['node'];
export type HElement = DefaultTreeAdapterMap['element'];
type HText = DefaultTreeAdapterMap['textNode'];

const NONE: readonly HNode[] = [];

/** A whole page parsed as a browser would (HTML5 error recovery), with every node's source location. */
export function parseHtml(text: string): HNode {
  return parse(text, { sourceCodeLocationInfo: true });
}

export const isElement = (n: HNode): n is HElement => 'tagName' in n;
export const isText = (n: HNode): n is HText => n.nodeName === '#text';
export const isDocument = (n: HNode): boolean => n.nodeName === '#document';

/** An element's children, a document's; none for text, comments and doctypes (a template's content is not read). */
export const childrenOf = (n: HNode): readonly HNode[] => ('childNodes' in n ? n.childNodes : NONE);

/** A text node's text ('' for other kinds). */
export const textOf = (n: HNode): string => (isText(n) ? n.value : '');

/** An attribute's value, or undefined when the element has none of that name. */
export function attrOf(n: HElement, name: string): string | undefined {
  const attrs = n.attrs;
  for (let i = 0; i < attrs.length; i++) if (attrs[i].name === name) return attrs[i].value;
  return undefined;
}

/** Where a node starts in the source, or -1 for an element the parser implied (no tag in the source). */
export const startOf = (n: HNode): number => n.sourceCodeLocation?.startOffset ?? -1;
