// ZIP containers (DOCX, XLSX and archives of reports) read with limits: the central directory is parsed here and
// each entry inflated by node:zlib with its output capped at the declared size, then checked against its CRC-32,
// so a zip bomb (too many entries, too much data, an extreme compression ratio, archives nested too deep) or a
// truncated / corrupt file is an InputError naming the file, never an unbounded allocation.
import { crc32, inflateRawSync } from 'node:zlib';
import { InputError } from '../errors.js';
import { ZIP_MAX_DEPTH, ZIP_MAX_ENTRIES, ZIP_MAX_RATIO, ZIP_MAX_TOTAL_BYTES, ZIP_RATIO_FLOOR } from './limits.js';
import { hasZipMagic, sniffFormat } from './sniff.js';

export interface ZipLimits {
  /** entries in one archive */
  maxEntries: number;
  /** uncompressed bytes over one archive and everything nested in it */
  maxTotalBytes: number;
  /** uncompressed / compressed size of one entry (checked for entries over `ratioFloor` bytes) */
  maxRatio: number;
  /** entries smaller than this are never a bomb (tiny XML parts compress very well) */
  ratioFloor: number;
  /** archives inside archives */
  maxDepth: number;
}

/** The bounds of limits.ts, as the functions here take them. */
export const ZIP_LIMITS: ZipLimits = {
  maxEntries: ZIP_MAX_ENTRIES,
  maxTotalBytes: ZIP_MAX_TOTAL_BYTES,
  maxRatio: ZIP_MAX_RATIO,
  ratioFloor: ZIP_RATIO_FLOOR,
  maxDepth: ZIP_MAX_DEPTH,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** offset of the local file header */
  offset: number;
}

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 0x100000000;

const corrupt = (name: string, zh: string, en: string): InputError =>
  new InputError(name, `文件已损坏或不完整（${zh}）`, `the file is damaged or incomplete (${en})`);

function decodeName(raw: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder('utf-8').decode(raw);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder('gb18030').decode(raw); // Chinese Windows archivers write GBK names without the UTF-8 flag
  }
}

/** The entries listed in a ZIP's central directory. Throws InputError for a truncated or corrupt container. */
export function listZip(bytes: Uint8Array, name: string, limits: ZipLimits = ZIP_LIMITS): ZipEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(name, '找不到 ZIP 目录，文件可能被截断', 'no ZIP directory found; the file may be truncated');
  let count = u16(bytes, eocd + 10);
  let dirOffset = u32(bytes, eocd + 16);
  const loc = eocd - 20;
  if ((count === 0xffff || dirOffset === 0xffffffff) && loc >= 0 && u32(bytes, loc) === 0x07064b50) {
    const z64 = u64(bytes, loc + 8);
    if (z64 + 56 > bytes.length || u32(bytes, z64) !== 0x06064b50) {
      throw corrupt(name, 'ZIP64 目录损坏', 'bad ZIP64 directory');
    }
    count = u64(bytes, z64 + 32);
    dirOffset = u64(bytes, z64 + 48);
  }
  if (count > limits.maxEntries)
    throw new InputError(name, `压缩包条目过多（${count} 个，上限 ${limits.maxEntries}）`,
      `too many archive entries (${count}, limit ${limits.maxEntries})`);
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) {
      throw corrupt(name, 'ZIP 目录被截断', 'the ZIP directory is cut short');
    }
    const flags = u16(bytes, p + 8);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    if (p + 46 + nameLen + extraLen > bytes.length) throw corrupt(name, 'ZIP 目录被截断', 'the ZIP directory is cut short');
    const e: ZipEntry = {
      name: decodeName(bytes.subarray(p + 46, p + 46 + nameLen), (flags & 0x800) !== 0),
      method: u16(bytes, p + 10), flags, crc: u32(bytes, p + 16),
      compressedSize: u32(bytes, p + 20), size: u32(bytes, p + 24), offset: u32(bytes, p + 42),
    };
    zip64Extra(e, bytes.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen));
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Sizes and offset that do not fit 32 bits are in the ZIP64 extra field (id 1), in this order. */
function zip64Extra(e: ZipEntry, extra: Uint8Array): void {
  for (let q = 0; q + 4 <= extra.length; q += 4 + u16(extra, q + 2)) {
    if (u16(extra, q) !== 1) continue;
    let r = q + 4;
    for (const field of ['size', 'compressedSize', 'offset'] as const) {
      if (e[field] !== 0xffffffff || r + 8 > extra.length) continue;
      e[field] = u64(extra, r);
      r += 8;
    }
  }
}

/** Check one entry against the limits before inflating it. */
export function checkEntry(e: ZipEntry, name: string, limits: ZipLimits = ZIP_LIMITS): void {
  if (e.flags & 1) throw new InputError(name, `压缩包内文件 ${e.name} 已加密，无法读取`, `archive entry ${e.name} is encrypted`);
  if (e.size > limits.maxTotalBytes)
    throw new InputError(name, `压缩包内文件 ${e.name} 解压后过大（${e.size} 字节），疑为压缩炸弹`,
      `zip bomb suspected: entry ${e.name} expands to ${e.size} bytes`);
  if (e.size > limits.ratioFloor && e.size > e.compressedSize * limits.maxRatio)
    throw new InputError(name, `压缩包内文件 ${e.name} 压缩比过高（${Math.round(e.size / Math.max(1, e.compressedSize))}:1），疑为压缩炸弹`,
      `zip bomb suspected: entry ${e.name} has a compression ratio of ` +
      `${Math.round(e.size / Math.max(1, e.compressedSize))}:1 (limit ${limits.maxRatio}:1)`);
}

/** Inflate one entry: output capped at its declared size, CRC-32 checked. */
export function inflateEntry(bytes: Uint8Array, e: ZipEntry, name: string, limits: ZipLimits = ZIP_LIMITS): Uint8Array {
  checkEntry(e, name, limits);
  const h = e.offset;
  if (h + 30 > bytes.length || u32(bytes, h) !== 0x04034b50) {
    throw corrupt(name, `${e.name} 的数据缺失`, `data of ${e.name} is missing`);
  }
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  if (start + e.compressedSize > bytes.length) {
    throw corrupt(name, `${e.name} 的数据被截断`, `data of ${e.name} is cut short`);
  }
  const data = bytes.subarray(start, start + e.compressedSize);
  let out: Uint8Array;
  if (e.method === 0) out = data;
  else if (e.method === 8) {
    try {
      out = e.size === 0 ? new Uint8Array(0) : inflateRawSync(data, { maxOutputLength: e.size });
    } catch (err) {
      const big = (err as Error).name === 'RangeError' || /maxOutputLength|buffer/i.test((err as Error).message);
      if (big) {
        throw new InputError(name, `压缩包内文件 ${e.name} 解压后超过其声明的大小，疑为压缩炸弹`,
          `zip bomb suspected: entry ${e.name} expands past its declared size`);
      }
      throw corrupt(name, `${e.name} 无法解压`, `${e.name} cannot be inflated: ${(err as Error).message}`);
    }
  } else {
    throw new InputError(name, `压缩包内文件 ${e.name} 使用不支持的压缩方法（${e.method}）`,
      `archive entry ${e.name} uses an unsupported compression method (${e.method})`);
  }
  if (out.length !== e.size || crc32(out) >>> 0 !== e.crc)
    throw corrupt(name, `${e.name} 校验失败`, `${e.name} fails its checksum`);
  return out;
}

/** Selected entries of a ZIP container (e.g. the parts of a DOCX), inflated; the total is checked too. */
/** The archive's whole uncompressed size passed the cap. */
function totalTooLarge(name: string, limits: ZipLimits): InputError {
  return new InputError(name, `压缩包解压后总量超过上限（${limits.maxTotalBytes} 字节），疑为压缩炸弹`,
    `zip bomb suspected: more than ${limits.maxTotalBytes} bytes uncompressed`);
}

export function unzipEntries(bytes: Uint8Array, name: string, want: (entry: string) => boolean,
  limits: ZipLimits = ZIP_LIMITS): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let total = 0;
  for (const e of listZip(bytes, name, limits)) {
    checkEntry(e, name, limits);
    total += e.size;
    if (total > limits.maxTotalBytes)
      throw totalTooLarge(name, limits);
    if (want(e.name)) out.set(e.name, inflateEntry(bytes, e, name, limits));
  }
  return out;
}

/** A ZIP of files rather than an OOXML package (which has [Content_Types].xml at its root), e.g. stored DOCX files. */
export function isArchive(bytes: Uint8Array, name: string): boolean {
  // without the magic bytes sniffFormat cannot answer zip, docx or xlsx: the full sniff (its text checks) is for
  // the reader, which sniffs once more (the CLI asks here first for every input file)
  if (!hasZipMagic(bytes)) return false;
  const format = sniffFormat(bytes, name);
  if (format === 'zip') return true;
  if (format !== 'docx' && format !== 'xlsx') return false;
  try {
    return !listZip(bytes, name).some((e) => e.name === '[Content_Types].xml');
  } catch {
    return false; // a damaged package: its reader says what is wrong
  }
}

const SKIP_ENTRY = /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$|desktop\.ini$|\._)/i;

/**
 * The files of an archive of reports, nested archives expanded (up to `maxDepth`). Names are `archive/entry`.
 * Directories and OS litter are skipped; totals over the whole tree are limited.
 */
export function expandArchive(bytes: Uint8Array, name: string,
  limits: ZipLimits = ZIP_LIMITS): { name: string; bytes: Uint8Array }[] {
  const budget = { total: 0 };
  const out: { name: string; bytes: Uint8Array }[] = [];
  const walk = (b: Uint8Array, label: string, depth: number) => {
    if (depth > limits.maxDepth)
      throw new InputError(label, `压缩包嵌套超过 ${limits.maxDepth} 层`, `archives nested more than ${limits.maxDepth} deep`);
    for (const e of listZip(b, label, limits)) {
      if (e.name.endsWith('/') || SKIP_ENTRY.test(e.name)) continue;
      checkEntry(e, label, limits);
      budget.total += e.size;
      if (budget.total > limits.maxTotalBytes)
        throw totalTooLarge(name, limits);
      const data = inflateEntry(b, e, label, limits);
      const inner = `${label}/${e.name}`;
      if (isArchive(data, e.name)) walk(data, inner, depth + 1);
      else out.push({ name: inner, bytes: data });
    }
  };
  walk(bytes, name, 0);
  return out;
}

/**
 * A ZIP of stored (uncompressed) entries, for handing a mended package (xlsx-partial.ts) to a library that reads
 * only ZIP bytes. The entries come from a package already read within the limits above.
 */
export function storeZip(entries: Map<string, Uint8Array>): Uint8Array {
  const le16 = (v: number) => [v & 0xff, (v >>> 8) & 0xff];
  const le32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [entry, data] of entries) {
    const name = Buffer.from(entry, 'utf8');
    // version 20, UTF-8 names, stored, no time, CRC-32, sizes, name length, no extra field
    const common = [...le16(20), ...le16(0x800), ...le16(0), ...le16(0), ...le16(0x21), ...le32(crc32(data) >>> 0),
      ...le32(data.length), ...le32(data.length), ...le16(name.length), ...le16(0)];
    const local = Buffer.from([...le32(0x04034b50), ...common]);
    parts.push(local, name, data);
    central.push(Buffer.from([...le32(0x02014b50), ...le16(20), ...common, ...le16(0), ...le16(0), ...le16(0),
      ...le32(0), ...le32(offset)]), name);
    offset += local.length + name.length + data.length;
  }
  const size = central.reduce((n, c) => n + c.length, 0);
  const end = Buffer.from([...le32(0x06054b50), ...le16(0), ...le16(0), ...le16(entries.size), ...le16(entries.size),
    ...le32(size), ...le32(offset), ...le16(0)]);
  return Buffer.concat([...parts, ...central, end]);
}
