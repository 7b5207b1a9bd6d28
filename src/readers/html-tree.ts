// The HTML reader's tree: parse5 (the HTML5 parser, with its error recovery and source locations) building its own
// default tree, read through the few accessors below, each node located only by where it starts.
//
// Why not cheerio's `load`, which runs the same parser: it builds domhandler nodes carrying parse5's whole location
// record, copied once more at every end tag, plus sibling links; on generated report pages (31 KB, ~1,000 elements)
// that cost 4.9–5.2 ms a page to parse against 2.2 ms for parse5's own tree and 1.8 ms keeping only starts; reading
// a page (parse + walk) now costs 2.7 ms (bench/html-parse.mjs). A whole tree adapter of our own that kept only
// start offsets was tried first: no faster than parse5's default tree (the location records are made, and copied,
// by the parser itself — hence StartsOnlyParser below). test/readers-html-tree.test.ts checks that the reader sees
// through these accessors exactly the tree cheerio built (elements, attributes, text runs, start offsets).
import { Parser, defaultTreeAdapter, type DefaultTreeAdapterMap, type Token, type TreeAdapter } from 'parse5';

/** A node of the tree (document, element, text, comment, doctype, template content). */
export type HNode = DefaultTreeAdapterMap['node'];
export type HElement = DefaultTreeAdapterMap['element'];
type HText = DefaultTreeAdapterMap['textNode'];

const NONE: readonly HNode[] = [];

/**
 * parse5's parser keeping of each node's location only where it starts, the one thing the reader reads: it copied
 * every element's whole location record (lines, columns and offsets of the tag and each attribute) into a new
 * object, then copied it again at its end tag, and did the same for every text run (~20 % of reading a page,
 * bench/html-parse.mjs). The methods overridden are parse5's own (pinned in package.json);
 * test/readers-html-tree.test.ts checks every node's start against the tree cheerio builds.
 */
class StartsOnlyParser extends Parser<DefaultTreeAdapterMap> {
  override _attachElementToTree(element: HElement, location: Token.LocationWithAttributes | null): void {
    super._attachElementToTree(element, location && ({ startOffset: location.startOffset } as typeof location));
  }

  override _setEndLocation(): void {
    // where an element ends is not read
  }
}

const startsOnly: TreeAdapter<DefaultTreeAdapterMap> = { ...defaultTreeAdapter,
  updateNodeSourceCodeLocation: (): void => undefined };

/** A whole page parsed as a browser would (HTML5 error recovery), with where each node starts. */
export function parseHtml(text: string): HNode {
  return StartsOnlyParser.parse<DefaultTreeAdapterMap>(text, { sourceCodeLocationInfo: true, treeAdapter: startsOnly });
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
