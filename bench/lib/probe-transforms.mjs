// Rewrites of a generated report into layouts real scrapes and conversions print (bench/probe-layouts.mjs).
// Each: { layout: the generated layout it starts from, ext?: file extension, rewrite(text, truth, seed) → text }
// (rewrite may adjust the truth when the rewrite changes what is printed, e.g. the agency's printed name).
const NUM = /^[+-]?\d+(?:\.\d+)?$/;
const lines = (text, fn) => text.split('\n').flatMap((l, i, all) => fn(l, i, all)).join('\n');

/** Cut every line after `n` code points (a fixed-width text export). */
const hardWrap = (n) => (text) => lines(text, (l) => {
  const cps = [...l];
  if (cps.length <= n) return [l];
  const out = [];
  for (let i = 0; i < cps.length; i += n) out.push(cps.slice(i, i + n).join(''));
  return out;
});

/** Fields of a tab row rewritten by `fn(field, index)`. */
const tabFields = (fn) => (text) => lines(text, (l) => [l.includes('\t') ? l.split('\t').map(fn).join('\t') : l]);

/** A number in an HTML cell's innermost element wrapped in <b>/<strong>. */
function boldHtml(text) {
  let k = 0;
  return text.replace(/>([+-]?\d+(?:\.\d+)?)</g, (_, n) => (k++ % 2 ? `><b>${n}</b><` : `><strong>${n}</strong><`));
}

/** Word's "save as web page": mso classes and styles, <o:p>, &nbsp; in empty cells, numbers split over runs,
 * and each table nested in a one-cell layout table. */
function wordHtml(text) {
  let k = 0;
  return text
    .replace('<html lang="zh-CN">', '<html xmlns:v="urn:schemas-microsoft-com:vml" ' +
      'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">')
    .replace('</head>', '<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml>' +
      '<![endif]--><style>p.MsoNormal{margin:0cm;text-align:justify;font-size:10.5pt;}</style></head>')
    .replace(/<p style="[^"]*">/g, '<p class=MsoNormal align=center style=\'text-align:center;line-height:20.0pt\'>')
    .replace(/<span style="[^"]*">/g, '<span style=\'font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体\'>')
    .replace(/>(\d)(\d+)</g, (m, a, b) => (k++ % 3 ? m
      : `><span lang=EN-US>${a}</span><span lang=EN-US style='mso-bidi-font-weight:bold'>${b}</span><`))
    .replace(/<\/p><\/td>/g, '<o:p></o:p></p></td>')
    .replace(/<td([^>]*)>(<p[^>]*>)?(<span[^>]*>)?(<\/span>)?(<\/p>)?<\/td>/g,
      '<td$1><p class=MsoNormal>&nbsp;</p></td>')
    .replace(/<td /g, '<td width=64 style=\'width:48.0pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt\' ')
    .replace(/<table[^>]*>/g, '<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 width="100%">' +
      '<tr><td style=\'padding:0\'><table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 ' +
      'style=\'border-collapse:collapse;mso-yfti-tbllook:1184\'>')
    .replace(/<\/table>/g, '</table></td></tr></table>');
}

/** A WeChat (公众号) article: sections and styled spans, text cut into runs, the title in the rich-media header. */
function wechat(text) {
  // plain runs cut in two spans, as the editor saves them (a run inside <strong> stays whole)
  const cut = (s) => (s.includes('<') ? s
    : s.replace(/^([^<>]{6})([^<>]{4,})/, '$1</span><span style="letter-spacing:1px;">$2'));
  return text
    .replace(/<h1 class="title">/, '<h1 class="rich_media_title" id="activity-name">\n            ')
    .replace('<div class="content">', '<div class="rich_media_content js_underline_content" id="js_content" ' +
      'style="visibility: hidden;"><section style="margin:0 8px;"><section data-role="paragraph">')
    .replace(/<p style="[^"]*">([\s\S]*?)<\/p>/g, (_, inner) =>
      `<section style="line-height:1.75em;text-indent:2em;"><span style="font-size:15px;">${cut(inner)}</span>` +
      '</section>')
    .replace(/<td([^>]*)><p style="[^"]*"><span style="[^"]*">/g, '<td$1><section style="text-align:center;">' +
      '<span style="font-size:12px;">')
    .replace(/<\/span><\/p><\/td>/g, '</span></section></td>');
}

/** pdftotext without -layout: one cell per line, blank cells gone, a running header and "第 N 页" footer every
 * `every` lines, in the middle of tables too. */
function pdfRaw(every) {
  return (text, truth) => {
    const title = text.split('\n').find((l) => l.includes('年度报告')) ?? '';
    const out = [];
    let page = 1;
    const flat = text.split('\n').flatMap((l) => (l.includes('\t') ? l.split('\t').filter((f) => f.trim()) : [l]));
    for (const l of flat) {
      if (!l.trim()) continue;
      out.push(l);
      // the page's footer, then the next page's running header after the form feed pdftotext prints
      if (out.length % every === 0) out.push(`第 ${page++} 页 共 9 页`, '\f' + title.trim());
    }
    for (const k of Object.keys(truth.cells)) if (truth.cells[k] === null) delete truth.cells[k];
    return out.join('\n');
  };
}

/** A table split over two pages, the page footer and header between, the column header rows printed again. */
function pageSplit(text) {
  const all = text.split('\n');
  const start = all.findIndex((l) => l.startsWith('三、收到和处理'));
  const first = all.findIndex((l, i) => i > start && l.startsWith('一、本年新收'));
  const cut = all.findIndex((l, i) => i > first && l.includes('5.属于三类内部事务信息'));
  if (start < 0 || first < 0 || cut < 0) return text;
  const header = all.slice(start + 1, first).filter((l) => l.trim());
  const title = all.find((l) => l.includes('年度报告')) ?? '';
  return [...all.slice(0, cut), '', '— 3 —', '', title, '', ...header, ...all.slice(cut)].join('\n');
}

/** The year printed 二〇二一 in the body, the title without a year. */
function yearInWords(text, truth) {
  const digits = '〇一二三四五六七八九';
  const words = String(truth.year).split('').map((d) => digits[+d]).join('');
  return text.replace(new RegExp(`${truth.year}年(?=政府信息公开工作年度报告)`), '')
    .replaceAll(`${truth.year}年`, `${words}年`);
}

/** The agency named only in the signature block with the date; the title and first sentence name none. */
function signatureOnly(text, truth) {
  return text.replace(new RegExp(`(^|\\n)\\s*${truth.agency}(?=\\S*年度报告)`), '$1')
    .replace(`本报告由${truth.agency}根据`, '本报告根据')
    .replaceAll(truth.agency, '本机关') + `\n\n${truth.agency}\n${truth.year + 1}年1月18日\n`;
}

/** Numbers of a thousand or more with thousands separators (1,234). */
const thousands = tabFields((f) => (NUM.test(f) && +f >= 1000 ? Number(f).toLocaleString('en-US') : f));

/** A tab row whose label carries its first value after a colon. */
function glued(l) {
  const f = l.split('\t');
  const glue = f.length > 1 && f[0] && !NUM.test(f[0]) && NUM.test(f[1]);
  return [glue ? [`${f[0]}：${f[1]}`, ...f.slice(2)].join('\t') : l];
}

export const TRANSFORMS = {
  'hard-wrap-tab': { layout: 'tab', rewrite: hardWrap(38) },
  'hard-wrap-pipe': { layout: 'pipe', rewrite: hardWrap(38) },
  'hard-wrap-md': { layout: 'markdown', rewrite: hardWrap(40) },
  'bold-md': {
    layout: 'markdown',
    rewrite: (t) => lines(t, (l) => [l.startsWith('|')
      ? l.replace(/\| ([+-]?\d+(?:\.\d+)?) (?=\|)/g, '| **$1** ') : l]),
  },
  'bold-html': { layout: 'html', rewrite: boldHtml },
  // the label carries its first value after a colon (行政事业性收费：36⇥-2)
  'glued-colon': { layout: 'tab', rewrite: (text) => lines(text, glued) },
  'word-html': { layout: 'html', rewrite: wordHtml },
  wechat: { layout: 'html', rewrite: wechat },
  'pdf-raw': { layout: 'tab', rewrite: pdfRaw(37) },
  'page-split': { layout: 'tab', rewrite: pageSplit },
  'year-in-words': { layout: 'tab', rewrite: yearInWords },
  'signature-only': { layout: 'tab', rewrite: signatureOnly },
  thousands: { layout: 'tab', rewrite: thousands },
};
// the same on pipe rows re-joined with tabs (test/readers-text-dialect.test.ts draws it so)
TRANSFORMS['glued-colon-pipe'] = {
  layout: 'pipe',
  rewrite: (text) => lines(text, (l) => {
    if (!l.includes('|')) return [l];
    const f = l.split('|').map((x) => x.trim());
    if (f[f.length - 1] === '') f.pop();
    return [(f[0] && /^\d/.test(f[1] ?? '') ? [`${f[0]}：${f[1]}`, ...f.slice(2)] : f).join('\t')];
  }),
};
// the 主动公开 header's first cell glued to the next (信息内容：本年制发件数⇥本年废止件数⇥现行有效件数)
TRANSFORMS['glued-header'] = {
  layout: 'tab',
  rewrite: (text) => text.replace(/^信息内容\t/gm, '信息内容：'),
};
// the same without page breaks: what one cell per line with blank cells gone reads by itself
TRANSFORMS['pdf-raw-plain'] = { layout: 'tab', rewrite: pdfRaw(1e9) };
// pages copied out of a PDF viewer: the running header and footer between pages, no form feed
TRANSFORMS['pdf-raw-noff'] = {
  layout: 'tab',
  rewrite: (text, truth) => pdfRaw(37)(text, truth).replaceAll('\f', ''),
};
// other widths: narrow ones cut nearly every row, wide ones few
for (const n of [24, 30, 50, 64]) TRANSFORMS[`hard-wrap-tab-${n}`] = { layout: 'tab', rewrite: hardWrap(n) };
TRANSFORMS['hard-wrap-cpl'] = { layout: 'cell-per-line', rewrite: hardWrap(30) };
TRANSFORMS['hard-wrap-layout'] = { layout: 'layout', rewrite: hardWrap(60) };
// the same with real GB/T 2260 names (the generator's own places are fictional, and a signature is read only
// when it is a body's name by the region table)
const REAL = ['桃江县自然资源局', '洪泽区人民政府', '淮安市洪泽区人民政府', '松木塘镇人民政府', '东宝区统计局',
  '海淀区人民政府办公室', '赵全营镇人民政府', '平台镇人民政府', '南京市卫生健康委员会', '江宁区教育局'];
TRANSFORMS['signature-real'] = { layout: 'tab', rewrite: signatureOnly, agencies: REAL };
TRANSFORMS['title-real'] = { layout: 'tab', rewrite: (t) => t, agencies: REAL };
// counts printed with their unit in the cell (5件, 3个) in table 三
TRANSFORMS['unit-cells'] = {
  layout: 'tab',
  rewrite: (text) => lines(text, (l) => [l.includes('\t') && /申请|公开|处理|总计|结转|信息|申请/.test(l)
    ? l.split('\t').map((f) => (/^\d+$/.test(f) ? `${f}件` : f)).join('\t') : l]),
};
// the whole period in words too (二〇二〇年一月一日至十二月三十一日), as printed by hand-typed reports
TRANSFORMS['year-words-period'] = {
  layout: 'tab',
  rewrite: (text, truth) => yearInWords(text, truth).replace(/1月1日至12月31日/g, '一月一日至十二月三十一日'),
};
// a town's report whose title omits its county (松木塘镇人民政府, not 桃江县松木塘镇人民政府)
TRANSFORMS['town-no-county'] = {
  layout: 'markdown', rewrite: (t) => t, agencies: ['松木塘镇人民政府', '赵全营镇人民政府', '向阳街道办事处', '平台镇人民政府'],
};
