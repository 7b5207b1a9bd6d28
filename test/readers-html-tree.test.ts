// The HTML reader's tree as its accessors show it (src/readers/html-tree.ts: parse5's own tree) against the tree
// cheerio builds with the same parser, which the reader used before: the same elements (tag, namespace,
// attributes), text runs and comments, in the same order and nesting, each starting at the same source offset —
// on the HTML fixtures, generated report pages with every kind of damage, and pages that exercise the parser's
// error recovery (implied and misnested elements, tables fostering text, templates, foreign content, attributes
// moved onto <html>/<body>, a page cut inside a tag).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../src/generate/index.js';
import { decodeBytes } from '../src/readers/decode.js';
import {
  attrOf, childrenOf, isElement, isText, parseHtml, startOf, textOf, type HNode,
} from '../src/readers/html-tree.js';

/** The part of cheerio's (domhandler's) nodes compared. */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  namespace?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  sourceCodeLocation?: { startOffset: number } | null;
}

/** One line per node, indented by depth: kind, tag/text, attributes, start offset. */
function outlineOfOurs(n: HNode, depth = 0, out: string[] = []): string[] {
  const at = startOf(n);
  const pad = ' '.repeat(depth);
  if (isElement(n)) {
    // attributes as a record, read back through attrOf (the reader's only way to them)
    const attribs = Object.fromEntries(n.attrs.map((a) => [a.name, attrOf(n, a.name)]));
    out.push(`${pad}<${n.tagName} ${n.namespaceURI} ${JSON.stringify(attribs)}> @${at}`);
    // cheerio puts a template's content among its children; parse5's tree keeps it apart (the reader skips both)
    if (n.tagName === 'template' && 'content' in n) outlineOfOurs(n.content, depth + 1, out);
  } else if (isText(n)) out.push(`${pad}#text ${JSON.stringify(textOf(n))} @${at}`);
  else if (n.nodeName === '#comment' && 'data' in n) out.push(`${pad}#comment ${JSON.stringify(n.data)} @${at}`);
  else if (n.nodeName === '#documentType') out.push(`${pad}#doctype @${at}`);
  else if (n.nodeName === '#document-fragment') out.push(`${pad}#fragment @${at}`);
  for (const c of childrenOf(n)) outlineOfOurs(c, depth + 1, out);
  return out;
}

function outlineOfCheerio(n: DomNode, depth = 0, out: string[] = []): string[] {
  const at = n.sourceCodeLocation ? n.sourceCodeLocation.startOffset : -1;
  const pad = ' '.repeat(depth);
  const attribs = n.attribs ? Object.fromEntries(Object.entries(n.attribs)) : null;
  if (n.type === 'tag' || n.type === 'script' || n.type === 'style')
    out.push(`${pad}<${n.name} ${n.namespace} ${JSON.stringify(attribs)}> @${at}`);
  else if (n.type === 'text') out.push(`${pad}#text ${JSON.stringify(n.data)} @${at}`);
  else if (n.type === 'comment') out.push(`${pad}#comment ${JSON.stringify(n.data)} @${at}`);
  else if (n.type === 'directive') out.push(`${pad}#doctype @${at}`);
  else if (n.type === 'root' && depth > 0) out.push(`${pad}#fragment @${at}`);
  for (const c of n.children ?? []) outlineOfCheerio(c, depth + 1, out);
  return out;
}

function expectSameTree(html: string): void {
  const ours = outlineOfOurs(parseHtml(html));
  const theirs = outlineOfCheerio(load(html, { sourceCodeLocationInfo: true }).root()[0] as unknown as DomNode);
  expect(ours).toEqual(theirs);
  expect(ours.length).toBeGreaterThan(0);
}

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'html');

describe('the HTML reader builds the tree cheerio builds', () => {
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.html'))) {
    it(`fixture ${file}`, () => expectSameTree(decodeBytes(readFileSync(join(FIXTURES, file)), file).text));
  }

  it('generated report pages, plain and damaged', () => {
    const damages = [[], ['short-rows', 'blanks'], ['lost-tables'], ['truncated'], ['detached', 'split-labels']];
    for (let seed = 1; seed <= 10; seed++) {
      const g = generateReport({ seed, layout: seed % 2 ? 'html' : 'html-gbk',
        damage: damages[seed % damages.length] as never });
      expectSameTree(decodeBytes(g.bytes, `gen.html`).text);
    }
  });

  const recovery: Record<string, string> = {
    'implied html, head, body and tbody': '<title>t</title><table><tr><td>1<td>2</table>',
    'misnested formatting (adoption agency)': '<p><b>1<i>2</b>3</i>4</p><b><p>a</b>b</p>',
    'text and elements fostered out of a table': '<table>lost<tr><td>1</td></tr>x<div>y</div></table>',
    'a table inside a paragraph and unclosed cells': '<p>a<table><tr><td>1<tr><td>2</table>b',
    'a template and its content': '<template id="t"><td>1</td></template><p>after</p>',
    'svg and mathml content': '<svg viewBox="0 0 1 1"><foreignObject><p>x</p></foreignObject></svg><math><mi>x</mi>',
    'attributes moved onto html and body': '<html lang="zh"><body class="a"><p>x</p><html id="h"><body id="b">',
    'comments, doctype and entities': '<!DOCTYPE html><!-- c --><p>&nbsp;&lt;1&gt;&amp;&#x4e00;&copy</p><!-- end',
    'a script holding markup': '<script>let content = "<table><tr><td>1</td></tr></table>";</script><p>x</p>',
    'a page cut inside a tag': '<table><tr><td>1</td><td>2</td></tr><tr><td',
    'duplicate attributes and odd names': '<td a=1 a=2 __proto__="p" constructor=c hasOwnProperty=x>1</td>',
    'frameset and select': '<select><option>1<option>2</select><frameset><frame></frameset>',
  };
  for (const [name, html] of Object.entries(recovery)) it(name, () => expectSameTree(html));
});
