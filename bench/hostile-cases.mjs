// The hostile inputs of issue 9, each generated on the spot (never a committed binary blob): what a crafted or
// broken file, and a hostile batch, can do to one process. Shared by test/hostile-input.test.ts (which runs each
// under a time and memory guard and asserts its error or diagnostic) and bench/hostile-input.mjs (which prints
// each one's seconds and peak RSS). Each case makes its input in a directory it is given and says how to run the
// built CLI on it and what must come out.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync, closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync, constants as Z } from 'node:zlib';
import { generateReport } from '../dist/index.js';

/** A ZIP of stored (or deflated) entries: enough to build OOXML packages and archives of reports. */
export function zip(entries) {
  const le16 = (v) => [v & 0xff, (v >>> 8) & 0xff];
  const le32 = (v) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
  const locals = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data) : Buffer.from(e.data);
    const method = e.deflate ? 8 : 0;
    const packed = method ? deflateRawSync(data) : data;
    const name = Buffer.from(e.name);
    const common = [...le16(20), ...le16(0x800), ...le16(method), ...le16(0), ...le16(0x21), ...le32(crc32(data) >>> 0),
      ...le32(packed.length), ...le32(data.length), ...le16(name.length), ...le16(0)];
    const local = Buffer.concat([Buffer.from([...le32(0x04034b50), ...common]), name, packed]);
    central.push(Buffer.concat([Buffer.from([...le32(0x02014b50), ...le16(20), ...common, ...le16(0), ...le16(0),
      ...le16(0), ...le32(0), ...le32(offset)]), name]));
    locals.push(local);
    offset += local.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.from([...le32(0x06054b50), ...le16(0), ...le16(0), ...le16(entries.length),
    ...le16(entries.length), ...le32(dir.length), ...le32(offset), ...le16(0)]);
  return Buffer.concat([...locals, dir, end]);
}

/**
 * A one-sheet workbook whose sheet XML is `sheetData` plus `after` (merges), built by hand; `cut` keeps that share
 * of it.
 */
function xlsx(sheetData, after = '', dimension = 'A1', cut = 1) {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  return zip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ' +
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ' +
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" ' +
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" ' +
        'Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" ' +
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" ' +
        'Target="worksheets/sheet1.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} ${rel}>` +
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: cutShare(`<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><dimension ref="${dimension}"/>` +
        `<sheetData>${sheetData}</sheetData>${after}</worksheet>`, cut),
      deflate: true,
    },
  ]);
}

/** The first `share` of a text's UTF-8 bytes. */
const cutShare = (text, share) =>
  (share >= 1 ? text : Buffer.from(text).subarray(0, Math.floor(Buffer.byteLength(text) * share)));

/** A generated report as sheet rows: each line a row, tab-separated cells, numbers as numbers, text inline. */
function reportSheetData(seed) {
  const col = (i) => String.fromCharCode(65 + (i % 26)).padStart(i < 26 ? 1 : 2, 'A');
  return generateReport({ seed, layout: 'tab' }).text.split('\n').map((line, r) =>
    `<row r="${r + 1}">${line.split('\t').map((c, i) => {
      const ref = `${col(i)}${r + 1}`;
      return /^\d+$/.test(c) ? `<c r="${ref}"><v>${c}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`;
    }).join('')}</row>`).join('');
}

/** A DOCX around a body XML (stored parts). */
function docx(documentXml) {
  return zip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ' +
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" ' +
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" ' +
        'Target="word/document.xml"/></Relationships>',
    },
    { name: 'word/document.xml', data: documentXml, deflate: true },
  ]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A generated report as a DOCX: each line a paragraph, tab-separated lines as table rows. */
function reportDocx(seed) {
  const text = generateReport({ seed, layout: 'tab' }).text;
  const body = [];
  let rows = [];
  const flush = () => {
    if (rows.length) body.push(`<w:tbl>${rows.join('')}</w:tbl>`);
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t'))
      rows.push(`<w:tr>${line.split('\t').map((c) => `<w:tc><w:p><w:r><w:t>${esc(c)}</w:t></w:r></w:p></w:tc>`)
        .join('')}</w:tr>`);
    else {
      flush();
      if (line.trim()) body.push(`<w:p><w:r><w:t>${esc(line)}</w:t></w:r></w:p>`);
    }
  }
  flush();
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body.join('')}` +
    '<w:sectPr/></w:body></w:document>';
}

/** A PDF of one page per stream, each stream (already Flate-encoded) a page's content, with a correct xref table. */
function pdf(...streams) {
  const parts = [];
  const offsets = [];
  let size = 0;
  const add = (b) => {
    parts.push(b);
    size += b.length;
  };
  add(Buffer.from('%PDF-1.4\n'));
  const obj = (n, body) => {
    offsets[n] = size;
    add(Buffer.from(`${n} 0 obj\n`));
    add(Buffer.isBuffer(body) ? body : Buffer.from(body));
    add(Buffer.from('\nendobj\n'));
  };
  const pages = streams.map((_, i) => 3 + 2 * i);
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, `<< /Type /Pages /Kids [${pages.map((n) => `${n} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  streams.forEach((stream, i) => {
    obj(pages[i], `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${pages[i] + 1} 0 R ` +
      '/Resources << >> >>');
    obj(pages[i] + 1, Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`),
      stream, Buffer.from('\nendstream')]));
  });
  const xref = size;
  const all = offsets.map((_, n) => n).filter((n) => n > 0);
  add(Buffer.from(`xref\n0 ${all.length + 1}\n0000000000 65535 f \n` +
    `${all.map((n) => `${String(offsets[n]).padStart(10, '0')} 00000 n \n`).join('')}`));
  add(Buffer.from(`trailer\n<< /Size ${all.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/**
 * A zlib stream of `mib` MiB of zeros, about 1 KiB per MiB: one fully flushed deflate segment of 1 MiB (it
 * refers to nothing before it) repeated, an empty final block, and the Adler-32 of n zeros (a = 1, b = n mod 65521).
 */
function zeroBomb(mib) {
  const segment = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: Z.Z_FULL_FLUSH });
  const n = mib * (1 << 20);
  const b = n % 65521;
  const adler = Buffer.from([(b >>> 8) & 0xff, b & 0xff, 0, 1]);
  return Buffer.concat([Buffer.from([0x78, 0x9c]), ...Array(mib).fill(segment), Buffer.from([0x03, 0x00]), adler]);
}

const report = (seed, layout = 'tab') => generateReport({ seed, layout });

/**
 * The cases. `make(dir)` writes the input and returns the CLI arguments; `exit` is the exit status wanted;
 * `stderr` / `stdout` what must appear there; `unless` a reason the case cannot run here (it is then skipped).
 */
export const HOSTILE_CASES = [
  {
    name: 'named pipe (FIFO)',
    unless: () => (process.platform === 'win32' ? 'no mkfifo on Windows' : null),
    make(dir) {
      const p = join(dir, 'pipe.txt');
      execFileSync('mkfifo', [p]);
      return ['parse', p];
    },
    exit: 2, stderr: /pipe\.txt: .*not a regular file \(a named pipe\)/,
  },
  {
    name: '/dev/zero',
    unless: () => (process.platform === 'win32' ? 'no /dev/zero on Windows' : null),
    make: () => ['parse', '/dev/zero'],
    exit: 2, stderr: /\/dev\/zero: .*not a regular file \(a device\)/,
  },
  {
    name: '1.5 GiB file (sparse)',
    make(dir) {
      const p = join(dir, 'huge.txt');
      closeSync(openSync(p, 'w'));
      truncateSync(p, 1.5 * 1024 ** 3); // a hole: no disk is used
      return ['parse', p];
    },
    exit: 2, stderr: /huge\.txt: .*too large \(1610612736 bytes\).*GONGKAI_MAX_INPUT_BYTES/,
  },
  {
    name: 'XLSX: one cell at XFD1048576',
    make(dir) {
      const p = join(dir, 'far-cell.xlsx');
      writeFileSync(p, xlsx('<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'));
      return ['parse', p];
    },
    exit: 2, stderr: /far-cell\.xlsx: .*(XLSX_MAX_ROWS|XLSX_MAX_COLUMNS)/,
  },
  {
    name: 'XLSX: one merge A1:XFD1048576',
    make(dir) {
      const p = join(dir, 'merge.xlsx');
      writeFileSync(p, xlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>',
        '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'));
      return ['parse', p];
    },
    exit: 2, stderr: /merge\.xlsx: .*merged range A1:XFD1048576.*(XLSX_MAX_ROWS|XLSX_MAX_COLUMNS)/,
  },
  {
    name: 'XLSX: declared dimension A1:XFD1048576',
    make(dir) {
      const p = join(dir, 'dimension.xlsx');
      writeFileSync(p, xlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>', '', 'A1:XFD1048576'));
      return ['parse', p];
    },
    exit: 2, stderr: /dimension\.xlsx: .*declared range.*(XLSX_MAX_ROWS|XLSX_MAX_COLUMNS)/,
  },
  {
    name: 'XLSX: one merge of 999,424 cells (A1:AMJ976, within the row and column bounds)',
    make(dir) {
      const p = join(dir, 'bigmerge.xlsx');
      writeFileSync(p, xlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>',
        '<mergeCells count="1"><mergeCell ref="A1:AMJ976"/></mergeCells>'));
      return ['parse', p];
    },
    exit: 2, stderr: /bigmerge\.xlsx: .*merges too many cells.*XLSX_MAX_MERGED_CELLS/,
  },
  {
    name: 'XLSX: 60,000 numeric cells',
    make(dir) {
      const p = join(dir, 'cells.xlsx');
      const rows = Array.from({ length: 6000 }, (_, r) => `<row r="${r + 1}">${Array.from({ length: 10 }, (_, c) =>
        `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${r * 10 + c}</v></c>`).join('')}</row>`);
      writeFileSync(p, xlsx(rows.join('')));
      return ['parse', p];
    },
    exit: 2, stderr: /cells\.xlsx: .*has too many cells.*XLSX_MAX_CELLS/,
  },
  {
    name: 'PDF: a 1 MiB Flate stream inflating to 1 GiB',
    make(dir) {
      const p = join(dir, 'bomb.pdf');
      writeFileSync(p, pdf(zeroBomb(1024)));
      return ['parse', p];
    },
    exit: 2, stderr: /bomb\.pdf: .*decodes to too many bytes.*PDF_MAX_(STREAM|DOCUMENT)_BYTES/,
  },
  {
    name: 'PDF: six pages of 60 MiB content each',
    make(dir) {
      const p = join(dir, 'bombs60.pdf');
      const s = zeroBomb(60);
      writeFileSync(p, pdf(s, s, s, s, s, s));
      return ['parse', p];
    },
    exit: 2, stderr: /bombs60\.pdf: .*decodes to too many bytes.*PDF_MAX_STREAM_BYTES/,
  },
  {
    name: 'PDF: six pages of 31 MiB content each (each under the stream bound, together over the document bound)',
    make(dir) {
      const p = join(dir, 'bombs.pdf');
      const s = zeroBomb(31);
      writeFileSync(p, pdf(s, s, s, s, s, s));
      return ['parse', p];
    },
    exit: 2, stderr: /bombs\.pdf: .*decodes to too many bytes.*PDF_MAX_DOCUMENT_BYTES/,
  },
  {
    name: 'PDF: one page of 32 MiB content (within both bounds: the most pdf.js is given to parse)',
    make(dir) {
      const p = join(dir, 'near.pdf');
      writeFileSync(p, pdf(zeroBomb(32)));
      return ['parse', p];
    },
    exit: 2, stderr: /near\.pdf: .*the PDF contains no text/,
  },
  {
    name: 'HTML: 100k nested <div>s',
    make(dir) {
      const p = join(dir, 'deep.html');
      writeFileSync(p, `<html><body>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</body></html>`);
      return ['parse', p];
    },
    exit: 2, stderr: /deep\.html: .*nests its tags too deep.*HTML_MAX_TAG_DEPTH/,
  },
  {
    name: 'HTML: 3,000 nested <div>s (under the tag bound, over the tree bound)',
    make(dir) {
      const p = join(dir, 'deep3000.html');
      writeFileSync(p, `<html><body>${'<div>'.repeat(3000)}x${'</div>'.repeat(3000)}</body></html>`);
      return ['parse', p];
    },
    exit: 2, stderr: /deep3000\.html: .*nests its elements too deep.*HTML_MAX_DEPTH/,
  },
  {
    name: 'HTML: one row of 1M <td>',
    make(dir) {
      const p = join(dir, 'wide.html');
      writeFileSync(p, `<html><table><tr>${'<td>1'.repeat(1_000_000)}</tr></table></html>`);
      return ['parse', p];
    },
    exit: 2, stderr: /wide\.html: .*the page is too large \(\d+ characters\).*HTML_MAX_CHARS/,
  },
  {
    name: 'HTML: one row of 60,000 <td> (under the page bound, over the cell bound)',
    make(dir) {
      const p = join(dir, 'wide60k.html');
      writeFileSync(p, `<html><table><tr>${'<td>1'.repeat(60_000)}</tr></table></html>`);
      return ['parse', p];
    },
    exit: 2, stderr: /wide60k\.html: .*too many table cells.*HTML_MAX_CELLS/,
  },
  {
    name: 'HTML: 150,000 elements (under the page bound, over the element bound)',
    make(dir) {
      const p = join(dir, 'spans.html');
      writeFileSync(p, `<html><body>${'<b>a</b>'.repeat(150_000)}</body></html>`);
      return ['parse', p];
    },
    exit: 2, stderr: /spans\.html: .*too many elements.*HTML_MAX_ELEMENTS/,
  },
  {
    name: 'HTML: a 90 MB page (one paragraph, or a script string)',
    make(dir) {
      const p = join(dir, 'huge.html');
      writeFileSync(p,
        `<html><head><script>var x = "${'a'.repeat(90e6)}";</script></head><body><p>公开</p></body></html>`);
      return ['parse', p];
    },
    exit: 2, stderr: new RegExp(/huge\.html: .*the page is too large \(\d+ bytes: /.source +
      /more than 2000000 characters in any encoding\).*HTML_MAX_CHARS/.source),
  },
  {
    name: 'HTML: a 12 MB page of Chinese text (decoded, then refused on its characters)',
    make(dir) {
      const p = join(dir, 'text.html');
      writeFileSync(p, `<html><body><p>${'公开 '.repeat(1.5e6)}</p></body></html>`);
      return ['parse', p];
    },
    exit: 2, stderr: /text\.html: .*the page is too large \(\d+ characters\).*HTML_MAX_CHARS/,
  },
  {
    name: 'text: a 5 MB line of numbers',
    make(dir) {
      const p = join(dir, 'line.txt');
      writeFileSync(p, `${report(1).text}\n${'12345 '.repeat(900_000)}\n`);
      return ['parse', p];
    },
    exit: 2, stderr: /line\.txt: .*the text is too long \(\d+ characters\).*TEXT_MAX_CHARS/,
  },
  {
    name: 'text: a 300 KB line of numbers (under the text bound, over the line bound)',
    make(dir) {
      const p = join(dir, 'line300k.txt');
      writeFileSync(p, `${report(1).text}\n${'12345 '.repeat(50_000)}\n`);
      return ['parse', p];
    },
    exit: 2, stderr: /line300k\.txt: .*line \d+ is too long.*TEXT_MAX_LINE_CHARS/,
  },
  {
    name: 'text: 40 MB of valid report lines (a report repeated)',
    make(dir) {
      const p = join(dir, 'long.txt');
      const text = report(10).text;
      writeFileSync(p, `${text}\n`.repeat(Math.ceil(40e6 / Buffer.byteLength(text))));
      return ['parse', p];
    },
    exit: 2, stderr: new RegExp(/long\.txt: .*the text is too long \(\d+ bytes: /.source +
      /more than 1000000 characters in any encoding\).*TEXT_MAX_CHARS/.source),
  },
  {
    name: 'text: a row of 20,000 cells',
    make(dir) {
      const p = join(dir, 'cells.txt');
      writeFileSync(p, `${report(2).text}\n${Array(20_000).fill('1').join('\t')}\n`);
      return ['parse', p];
    },
    exit: 2, stderr: /cells\.txt: .*splits into 20000 cells.*TEXT_MAX_ROW_CELLS/,
  },
  {
    name: 'DOCX: 100k nested elements',
    make(dir) {
      const p = join(dir, 'deep.docx');
      // distinct ids keep the part's compression ratio under the zip-bomb bound, so the depth bound is what stops it
      const open = Array.from({ length: 100_000 }, (_, i) => `<w:sdt w:id="${(i * 2654435761) % 4294967291}">`)
        .join('');
      writeFileSync(p, docx(`<?xml version="1.0"?><w:document ${W}><w:body>${open}${'</w:sdt>'.repeat(100_000)}` +
        '</w:body></w:document>'));
      return ['parse', p];
    },
    exit: 2, stderr: /deep\.docx: .*nests its elements too deep.*XML_MAX_DEPTH/,
  },
  {
    name: 'DOCX: 200,000 small paragraphs (600,000 elements)',
    make(dir) {
      const p = join(dir, 'many.docx');
      const body = Array.from({ length: 200_000 }, (_, i) => `<w:p><w:r><w:t>${i}</w:t></w:r></w:p>`).join('');
      writeFileSync(p, docx(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`));
      return ['parse', p];
    },
    exit: 2, stderr: /many\.docx: .*word\/document\.xml has too many elements.*XML_MAX_ELEMENTS/,
  },
  {
    name: 'ZIP bomb (an entry declaring 1 GiB)',
    make(dir) {
      const p = join(dir, 'bomb.zip');
      const big = Buffer.alloc(8 << 20);
      const archive = zip([{ name: 'a.txt', data: big, deflate: true }]);
      // declare 1 GiB in the central directory: refused on the declaration, nothing inflated
      const at = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      archive.writeUInt32LE(1 << 30, at + 24);
      writeFileSync(p, archive);
      return ['parse', p];
    },
    exit: 2, stderr: /bomb\.zip: .*zip bomb/,
  },
  // partial reads: a diagnostic with what was lost, and the rest read
  {
    name: 'DOCX: document.xml cut in half',
    make(dir) {
      const p = join(dir, 'cut.docx');
      const xml = reportDocx(3);
      writeFileSync(p, docx(xml.slice(0, Math.floor(xml.length / 2))));
      return ['parse', '--json', p];
    },
    exit: 0, stdout: new RegExp(/"code":"xml\.truncated-part".*word\/document\.xml is cut short: /.source +
      /it stops at byte \d+; what followed \(paragraphs, tables\) is lost/.source),
  },
  {
    name: 'XLSX: sheet1.xml cut in half',
    make(dir) {
      const p = join(dir, 'cut.xlsx');
      writeFileSync(p, xlsx(reportSheetData(9), '', 'A1', 0.5));
      return ['parse', '--json', p];
    },
    exit: 0, stdout: new RegExp(/"code":"xml\.truncated-part".*sheet1\.xml \(sheet \\"Sheet1\\"\) /.source +
      /is cut short: it stops at byte \d+; the rows after row \d+ and what followed them/.source),
  },
  {
    name: 'GBK text with an undecodable byte run',
    make(dir) {
      const p = join(dir, 'bad-gbk.txt');
      const g = report(4, 'text-gbk');
      const bytes = Buffer.from(g.bytes);
      const at = bytes.indexOf(0x0a, bytes.length >> 1) + 1; // the start of a line half-way
      bytes[at] = 0x81; // a GBK lead byte…
      bytes[at + 1] = 0x20; // …followed by a byte no GBK character has
      writeFileSync(p, bytes);
      return ['parse', '--json', p];
    },
    exit: 0, stdout: /"encoding":"gb18030".*"code":"decode\.undecodable-bytes"/,
  },
  {
    name: 'a stray NUL in a valid report',
    make(dir) {
      const p = join(dir, 'nul.txt');
      const text = report(5).text;
      const at = text.indexOf('\n', text.length >> 1);
      writeFileSync(p, `${text.slice(0, at)}\0${text.slice(at)}`);
      return ['parse', '--json', p];
    },
    exit: 0, stdout: /"template":"20\d\d".*"code":"decode\.stray-nul"/,
  },
  // batches: one line per bad input, the batch goes on
  {
    name: 'a directory with a symbolic-link loop',
    unless: () => (process.platform === 'win32' ? 'symbolic links need privileges on Windows' : null),
    make(dir) {
      const d = join(dir, 'loop');
      mkdirSync(join(d, 'sub'), { recursive: true });
      writeFileSync(join(d, 'a.txt'), report(6).bytes);
      symlinkSync('..', join(d, 'sub', 'up'));
      return ['parse', '--json', d];
    },
    exit: 2, stderr: /loop\/sub\/up: .*symbolic link loop/, stdout: /"file":"[^"]*loop\/a\.txt","agency":"[^"]+"/,
  },
  {
    name: 'a missing file among good ones',
    make(dir) {
      writeFileSync(join(dir, 'good.txt'), report(7).bytes);
      return ['check', '--json', join(dir, 'missing.txt'), join(dir, 'good.txt')];
    },
    exit: 2, stderr: /missing\.txt: .*no such file or directory/,
    stdout: /^\{"file":"[^"]*missing\.txt","error":[^\n]*\n\{"file":"[^"]*good\.txt"/,
  },
  {
    name: 'archive entry names with ANSI escapes and CR/LF',
    make(dir) {
      const p = join(dir, 'names.zip');
      writeFileSync(p, zip([{ name: 'evil\u001b[2J\r\nname.txt', data: 'hello' },
        { name: 'ok.txt', data: Buffer.from(report(8).bytes) }]));
      return ['parse', p];
    },
    // 'hello' reads as a (poor) text report: its name is printed, escaped; no raw control reaches the terminal
    exit: 0, stdout: /evil\\x1b\[2J\\x0d\\x0aname\.txt/, noControl: true,
  },
];

/** Markers the guard reads from a child's stderr: its peak RSS and CPU time, written as it exits. */
export const RSS_PRELOAD = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();` +
  `process.stderr.write('\\ngongkai-maxrss-kb='+u.maxRSS+' cpu-us='+(u.userCPUTime+u.systemCPUTime)+'\\n')})`;

/** CPU seconds (user + system) from a child's stderr, or null. */
export function cpuSeconds(stderr) {
  const m = /cpu-us=(\d+)/.exec(stderr);
  return m ? Number(m[1]) / 1e6 : null;
}

/** Peak RSS in MB from a child's stderr, or null. */
export function peakRssMb(stderr) {
  const m = /gongkai-maxrss-kb=(\d+)/.exec(stderr);
  return m ? Number(m[1]) / 1024 : null;
}

