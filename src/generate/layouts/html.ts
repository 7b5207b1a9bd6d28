// 'html' layout: a full government web page — site chrome (nav list, breadcrumbs, 字号 大 中 小 / 打印 / 关闭
// bar, footer) around the report, with real <table> markup using the official rowspan/colspan, <br> inside some
// header cells, nested <p><span> in cells and &nbsp; for empty cells.
import type { GridCell, GridRow, ReportModel, Token } from '../model.js';
import { Out } from '../out.js';
import type { Rng } from '../random.js';
import type { LayoutSpec } from './common.js';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function tokens(out: Out, list: Token[]): void {
  for (const t of list) {
    if (t.figure !== undefined && t.value !== undefined) out.figure(t.figure, t.value, t.text);
    else out.text(esc(t.text));
  }
}

function cell(out: Out, c: GridCell, rng: Rng, wrapSpans: boolean): void {
  const attrs = `${c.colspan && c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}` +
    `${c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}`;
  out.text(`<td${attrs}${c.key ? ' align="center"' : ''} valign="middle">`);
  if (wrapSpans) out.text('<p style="text-align:center;"><span style="font-family:宋体;font-size:14px;">');
  if (c.key) out.cell(c.key, c.text);
  else if (!c.text) out.text('&nbsp;');
  else if (c.parts && c.parts.length > 1 && rng.chance(0.6)) out.text(
    c.parts.map(esc).join(rng.pick(['<br>', '<br/>', '<br />'])),
  );
  else out.text((c.header && /^\d\./.test(c.text) && rng.chance(0.3) ? '&nbsp;' : '') + esc(c.text));
  if (wrapSpans) out.text('</span></p>');
  out.text('</td>');
}

function table(out: Out, grid: GridRow[], rng: Rng): void {
  const wrapSpans = rng.chance(0.6);
  out.text(
    '<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;">\n<tbody>\n',
  );
  for (const row of grid) {
    out.text('<tr>');
    for (const c of row) cell(out, c, rng, wrapSpans);
    out.text('</tr>\n');
  }
  out.text('</tbody>\n</table>\n');
}

export function renderHtml(model: ReportModel, rng: Rng, charset: 'utf-8' | 'gbk'): Out {
  const out = new Out();
  const meta = charset === 'gbk' ? '<meta charset="gbk">' : '<meta charset="utf-8">';
  const date = `${model.year + 1}-01-${String(rng.int(10, 28)).padStart(2, '0')}`;
  out.text(
    `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n${meta}\n` +
      `<meta name="viewport" content="width=device-width, initial-scale=1">\n`,
  );
  out.text(`<title>${esc(model.title)}</title>\n<link rel="stylesheet" href="/css/style.css">\n</head>\n<body>\n`);
  out.text(
    '<div class="top"><ul class="nav">\n<li><a href="/">首页</a></li>\n<li><a href="/zwgk/">政务公开</a></li>\n' +
      '<li><a href="/zwfw/">政务服务</a></li>\n<li><a href="/hdjl/">互动交流</a></li>\n<li><a href="/zjxx/">走进本地</a></li>\n' +
      '</ul></div>\n',
  );
  out.text(
    '<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开</a> &gt; 政府信息公开年报</div>\n' +
      '<div class="article">\n',
  );
  for (const b of model.blocks) {
    if (b.kind === 'title') {
      out.text(`<h1 class="title">${esc(b.text)}</h1>\n`);
      out.text(
        `<div class="info">发布时间：${date}&nbsp;&nbsp;来源：${esc(model.agency)}&nbsp;&nbsp;浏览次数：<span ` +
          `id="hits">${rng.int(50, 3000)}</span></div>\n`,
      );
      out.text(
        '<div class="tools">字号：<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;' +
          '">小</a>&nbsp;|&nbsp;<a href="javascript:window.print();">打印</a>&nbsp;|&nbsp;<a ' +
          'href="javascript:window.close();">关闭</a></div>\n<div class="content">\n',
      );
    } else if (b.kind === 'heading') {
      out.text(
        b.level === 1 && rng.chance(0.3)
          ? `<h3>${esc(b.text)}</h3>\n`
          : `<p style="text-indent:2em;"><strong>${esc(b.text)}</strong></p>\n`,
      );
    } else if (b.kind === 'para') {
      out.text('<p style="text-indent:2em;">');
      tokens(out, b.tokens);
      out.text('</p>\n');
    } else {
      out.groupStart(b.group);
      table(out, b.grid, rng);
      out.groupEnd(b.group);
    }
  }
  out.text(
    '</div>\n<div class="tools"><a href="javascript:window.print();">【打印本页】</a> <a href="javascript:window.close();' +
      '">【关闭窗口】</a></div>\n</div>\n',
  );
  out.text(
    `<div class="footer">\n<p>主办单位：${esc(model.agency)}&nbsp;&nbsp;网站标识码：${rng.int(1000000000, 9999999999)}</p>\n` +
      `<p>备案号：${rng.pick(['苏', '浙', '湘', '鄂', '川', '皖', '赣'])}ICP备${rng.int(10000000, 99999999)}号</p>\n</div>\n` +
      `</body>\n</html>\n`,
  );
  return out;
}

export const html: LayoutSpec = {
  render: (model, rng) => renderHtml(model, rng, 'utf-8'),
  encoding: 'utf-8',
  extension: '.html',
};
