// The page's <title> as the report's title, for a page whose body does not print it: some sites put the report's
// name only in the document head (the body starts at 一、总体情况 under the site's banner), or print it in the
// body without the body's name (2023年度政府信息公开工作年度报告) while the head names it. Only the part of the
// <title> that is a report's name is taken; a site's name beside it (…年度报告_某某市人民政府) is left.
import type { HeadingBlock } from '../document/model.js';
import { REPORT_NAME_LOOSE } from '../model/report-name.js';
import { cleanText, type LineIndex } from './html-text.js';
import { childrenOf, isElement, isText, startOf, type HNode } from './html-tree.js';

/** A report's name: its year, then 信息公开 … 报告/年报 (or the year after, in brackets). */
const REPORT_NAME = new RegExp(`\\d{4}\\s*年.{0,4}${REPORT_NAME_LOOSE}|${REPORT_NAME_LOOSE}[（(]\\d{4}`);
/** What sites put between a page's name and their own in <title>. */
const SITE_SEPARATOR = /\s*(?:[_|｜]+|\s[-–—]+\s|——|--)\s*/;

/** The <title> element of a parsed page (document → html → head → title), or null. */
function titleElement(root: HNode): HNode | null {
  const child = (n: HNode | null, tag: string) =>
    n ? childrenOf(n).find((c) => isElement(c) && c.tagName === tag) ?? null : null;
  return child(child(child(root, 'html'), 'head'), 'title');
}

/** A heading block of the report's name in the page's <title>, or null when it holds none. */
export function pageTitleBlock(root: HNode, lines: LineIndex): HeadingBlock | null {
  const title = titleElement(root);
  if (!title) return null;
  const node = childrenOf(title).find(isText);
  if (!node || !isText(node)) return null;
  const text = cleanText(node.value).split(SITE_SEPARATOR).find((part) => REPORT_NAME.test(part))?.trim();
  if (!text || text.length > 80) return null;
  const start = startOf(node) >= 0 ? startOf(node) : startOf(title);
  return { kind: 'heading', level: 1, text, pos: lines.at(Math.max(0, start) + node.value.indexOf(text)) };
}
