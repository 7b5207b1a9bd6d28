// Byte decoding for every text-like input (plain text, Markdown, HTML): BOM, then a declared HTML charset, then
// strict UTF-8, then statistical detection (chardet). The result has LF line ends and no BOM.
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type chardetModule from 'chardet';
import { InputError } from '../errors.js';

export interface Decoded {
  text: string;
  /** the WHATWG name of the decoder used: 'utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5', ... */
  encoding: string;
  /** byte runs that did not decode in that encoding (each became U+FFFD): how many, and the first one's line */
  lost?: { runs: number; line: number };
}

/** Charsets declared as GB2312/GBK are decoded as GB18030, their superset. */
const GB_FAMILY = /^(gb2312|gbk|gb18030|x-gbk|cp936|ms936|windows-936|csgb2312|euc-cn|chinese|iso-ir-58)$/i;

/** Decode a file's bytes to text; throws InputError when no encoding gives readable text. */
export function decodeBytes(bytes: Uint8Array, name: string): Decoded {
  const bom = byBom(bytes);
  if (bom) return withLoss(finish(decode(bytes.subarray(bom.skip), bom.encoding), bom.encoding, name));

  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return withLoss(finish(decode(bytes, utf16), utf16, name));

  const declared = declaredCharset(bytes);
  const utf8 = strictUtf8(bytes);
  if (declared && GB_FAMILY.test(declared)) {
    // A page saved again as UTF-8 often keeps its old <meta charset=gb2312>: valid multi-byte UTF-8 wins.
    if (utf8 !== null && hasNonAscii(bytes)) return finish(utf8, 'utf-8', name);
    return withLoss(finish(decode(bytes, 'gb18030'), 'gb18030', name));
  }
  if (utf8 !== null) return finish(utf8, 'utf-8', name);
  // UTF-8 but for a few damaged bytes: valid multi-byte sequences do not happen by chance in GBK text
  const nearUtf8 = judged(bytes, 'utf-8');
  if (hanShare(nearUtf8.text) > 0.3 && badRatio(nearUtf8.text) < 0.02)
    return withLoss(finish(whole(nearUtf8, bytes), 'utf-8', name));
  if (declared) {
    const label = supported(declared);
    if (label && label !== 'utf-8') {
      const j = judged(bytes, label);
      if (badRatio(j.text) < 0.01) return withLoss(finish(whole(j, bytes), label, name));
    }
  }
  const [text, encoding] = detect(bytes);
  return withLoss(finish(text, encoding, name));
}

/** Han characters as a share of the non-ASCII, non-space characters of the first 200k characters. */
function hanShare(text: string): number {
  const c = hanCounts(text);
  return c.wide === 0 ? 0 : c.han / c.wide;
}

/**
 * hanShare's counts. The loop returns its counts and does nothing after it (see damageCounts: code after a long
 * first loop that has never run makes V8 re-enter a failing on-stack compile on every later call).
 */
function hanCounts(text: string): { wide: number; han: number } {
  const n = Math.min(text.length, 200_000);
  const out = { wide: 0, han: 0 };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || c === 0x3000) continue;
    out.wide++;
    if (c >= 0x4e00 && c <= 0x9fff) out.han++;
  }
  return out;
}

/** Note the replacement characters a non-strict decoding left (the undecodable byte runs). */
function withLoss(d: Decoded): Decoded {
  const first = d.text.indexOf('\ufffd');
  if (first < 0) return d;
  const runs = d.text.match(/\ufffd+/g)?.length ?? 0;
  let line = 1;
  for (let i = d.text.indexOf('\n'); i >= 0 && i < first; i = d.text.indexOf('\n', i + 1)) line++;
  return { ...d, lost: { runs, line } };
}

function byBom(b: Uint8Array): { encoding: string; skip: number } | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/** UTF-16 without a BOM: many NUL bytes, all on the same parity (ASCII-heavy text such as HTML). */
function utf16WithoutBom(b: Uint8Array): string | null {
  const n = Math.min(b.length - (b.length % 2), 4096);
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** The charset of a <meta charset> or <meta http-equiv content="...; charset=..."> in the first 4 KiB. */
export function declaredCharset(b: Uint8Array): string | null {
  const n = Math.min(b.length, 4096);
  const bytes = Buffer.from(b.buffer, b.byteOffset, n);
  // most inputs are plain text: without a '<m' or '<M' there is no meta tag to read ('<' found natively)
  let lt = bytes.indexOf(0x3c);
  while (lt >= 0 && lt + 1 < n && (bytes[lt + 1] | 0x20) !== 0x6d) lt = bytes.indexOf(0x3c, lt + 1);
  if (lt < 0 || lt + 1 >= n) return null;
  const head = bytes.toString('latin1');
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const cs = /charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(m[0]);
    if (cs) return cs[1].toLowerCase();
  }
  return null;
}

// one fatal decoder for every call: decode() without { stream } starts afresh each time
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });

function strictUtf8(b: Uint8Array): string | null {
  if (!isUtf8(b)) return null; // a validity scan, without a thrown exception for every GBK file
  try {
    return UTF8_STRICT.decode(b);
  } catch {
    return null;
  }
}

function hasNonAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return true;
  return false;
}

/** The WHATWG decoder name for a label, or null when TextDecoder does not know it. */
function supported(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

function decode(b: Uint8Array, label: string): string {
  return new TextDecoder(label).decode(b);
}

/**
 * Bytes enough for the 200k characters the judges below look at (hanShare, damage), in any encoding (at most
 * 4 bytes a character): a large file is judged on its start and decoded whole once, for the encoding chosen, not
 * once for every candidate (a 95 MB GBK file took 536 MB decoded as UTF-8 and GB18030 in full).
 */
const JUDGED_BYTES = 800_000;

interface Judged { text: string; label: string; whole: boolean }

/** A decoding to judge an encoding by: the whole text for a file within JUDGED_BYTES, else the start of it. */
function judged(b: Uint8Array, label: string): Judged {
  if (b.length <= JUDGED_BYTES) return { text: decode(b, label), label, whole: true };
  // stream: a character cut at the end of the sample is held back, not turned into U+FFFD
  return { text: new TextDecoder(label).decode(b.subarray(0, JUDGED_BYTES), { stream: true }), label, whole: false };
}

/** The whole text of a judged decoding. */
const whole = (j: Judged, b: Uint8Array): string => (j.whole ? j.text : decode(b, j.label));

interface Damage { bad: number; control: number }

/**
 * Replacement characters and stray C0/C1 controls (what a wrong decoding leaves behind), and the C0 controls
 * alone (binary data), as shares of the non-space characters of the first 200k characters.
 */
function damage(text: string): Damage {
  const c = damageCounts(text);
  return c.all === 0 ? { bad: 0, control: 0 } : { bad: c.bad / c.all, control: c.control / c.all };
}

/**
 * damage's counts, in one pass over the text (this runs on every report). The loop is all there is: the first
 * call on a long text is compiled on the stack (OSR) mid-loop, before any code after the loop has ever run, and
 * such code then lacks type feedback. With the ratios computed here (all === 0 ? … : …), that compile deoptimised
 * at the end of every later call, and V8 (Node 20) kept re-entering it: 0 to 1,808 deopts in 2,700 reports
 * in-process with default V8 flags (as the import's workers run), by when the background compile lands; now none
 * (bench/engine-deopts.mjs counts them). The first test skips most characters at once (bench/parse-throughput.mjs).
 */
function damageCounts(text: string): { all: number; bad: number; control: number } {
  const n = Math.min(text.length, 200_000);
  const out = { all: 0, bad: 0, control: 0 };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // most characters: printable ASCII, or CJK (and the rest of U+3001–U+FEFE), neither space nor damage
    if ((c > 0x20 && c < 0x7f) || (c > 0x3000 && c < 0xfeff)) {
      out.all++;
      continue;
    }
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) continue; // ASCII whitespace
    if (c === 0xa0 || c === 0x3000 || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f ||
      c === 0xfeff || (c >= 0x2000 && c <= 0x200a)) continue;
    out.all++;
    if (c === 0xfffd || c <= 0x08 || (c >= 0x0e && c <= 0x1a) || (c >= 0x1c && c <= 0x1f)) {
      out.bad++;
      if (c !== 0xfffd) out.control++;
    } else if (c >= 0x7f && c <= 0x9f) out.bad++;
  }
  return out;
}

const badRatio = (text: string): number => damage(text).bad;

/**
 * Candidates, best first. These reports are mainland Chinese, so GB18030 goes first (Big5 only when chardet is
 * clearly surer of it), then chardet's other multi-byte guesses, then single-byte encodings, which decode any
 * bytes "cleanly". The first candidate that decodes cleanly wins, otherwise the least damaged.
 */
function detect(b: Uint8Array): [string, string] {
  // fast path: strict GB18030 that reads as a disclosure report (Big5 bytes decoded as GB18030 never do)
  try {
    // a large file is tried whole only when its start is strict GB18030 (a failed whole try costs its full size)
    if (b.length > JUDGED_BYTES)
      new TextDecoder('gb18030', { fatal: true }).decode(b.subarray(0, JUDGED_BYTES), { stream: true });
    const text = new TextDecoder('gb18030', { fatal: true }).decode(b);
    if (/政府|信息公开|年度报告|人民/.test(text) && badRatio(text) < 0.001) return [text, 'gb18030'];
  } catch {
    /* not GB18030: fall through to detection */
  }
  // GB18030 but for a few undecodable byte runs: Chinese text with a few holes, not a single-byte encoding
  // (KOI8-R or windows-1251 decode any bytes "cleanly", into nonsense)
  const gb = judged(b, 'gb18030');
  if (hanShare(gb.text) > 0.3 && badRatio(gb.text) < 0.02) return [whole(gb, b), 'gb18030'];
  // loaded here, for the few files that need statistical detection, not on every process start
  const chardet = createRequire(import.meta.url)('chardet') as typeof chardetModule;
  const matches = chardet.analyse(b.subarray(0, JUDGED_BYTES)); // its statistics need no more (95 MB took 27 s)
  const conf = (name: string): number => matches.find((m) => m.name === name)?.confidence ?? -1;
  const chinese = conf('Big5') > conf('GB18030') + 10 ? ['big5', 'gb18030'] : ['gb18030', 'big5'];
  const ranked = matches.map((m) => supported(m.name)).filter((l): l is string => l !== null);
  const singleByte = (l: string): boolean => /^(windows-|iso-8859|koi8|ibm|macintosh|x-mac)/.test(l);
  const order = [...new Set([...chinese, ...ranked.filter((l) => !singleByte(l)), ...ranked])];
  let best: Judged | null = null;
  let bestBad = Infinity;
  for (const label of order) {
    const j = judged(b, label);
    const bad = badRatio(j.text);
    if (bad < 0.001) return [whole(j, b), label];
    if (bad < bestBad) [best, bestBad] = [j, bad];
  }
  return best ? [whole(best, b), best.label] : ['', 'gb18030'];
}

function finish(text: string, encoding: string, name: string): Decoded {
  // mostly undecodable, or binary (text files have next to no C0 control characters)
  const d = damage(text);
  if (d.bad > 0.25 || d.control > 0.02) {
    throw new InputError(
      name,
      '无法识别文件编码：解码后大部分为无效字符（文件可能不是文本，或使用了不支持的编码）',
      'cannot determine the text encoding: the decoded text is mostly invalid characters ' +
      '(not a text file, or an unsupported encoding)',
    );
  }
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return { text: noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom, encoding };
}
