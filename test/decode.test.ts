// Byte decoding (BOMs, declared GBK, detected GBK, UTF-16, line ends, undecodable input) and format sniffing.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { decodeBytes } from '../src/readers/decode.js';
import { sniffFormat } from '../src/readers/sniff.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'html');
const SAMPLE = '青禾市云岭区市场监督管理局2023年政府信息公开工作年度报告\n一、总体情况\n本年度共收到申请62件，均已按期答复。\n';

/** GBK encoder from a reverse map of the platform's GBK decoder (no dependency). */
function encodeGbk(text: string): Uint8Array {
  const dec = new TextDecoder('gbk', { fatal: true });
  const map = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      try {
        const ch = dec.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && !map.has(ch)) map.set(ch, [lead, trail]);
      } catch {
        // not a code point
      }
    }
  }
  return Uint8Array.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : map.get(ch) ?? [])));
}

function utf16(text: string, be: boolean, bom: boolean): Uint8Array {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  if (be) for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  it('reads UTF-8 with and without BOM, stripping the BOM', () => {
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(SAMPLE)]), 'a.txt'))
      .toEqual({ text: SAMPLE, encoding: 'utf-8' });
    expect(decodeBytes(utf8(SAMPLE), 'a.txt')).toEqual({ text: SAMPLE, encoding: 'utf-8' });
    expect(decodeBytes(new Uint8Array(), 'empty.txt')).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('normalises CRLF and CR to LF', () => {
    expect(decodeBytes(utf8('一\r\n二\r三\n'), 'a.txt').text).toBe('一\n二\n三\n');
    expect(decodeBytes(encodeGbk('一\r\n二\r\n'), 'a.txt').text).toBe('一\n二\n');
  });

  it('reads UTF-16LE and UTF-16BE by BOM', () => {
    expect(decodeBytes(utf16(SAMPLE, false, true), 'le.txt')).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeBytes(utf16(SAMPLE, true, true), 'be.txt')).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('reads BOM-less UTF-16 HTML by its NUL pattern', () => {
    const page = `<html><body><p>${SAMPLE}</p></body></html>`;
    expect(decodeBytes(utf16(page, false, false), 'le.html')).toEqual({ text: page, encoding: 'utf-16le' });
    expect(decodeBytes(utf16(page, true, false), 'be.html')).toEqual({ text: page, encoding: 'utf-16be' });
  });

  it('reads GBK declared by <meta charset=gb2312> as GB18030', () => {
    const { text, encoding } = decodeBytes(readFileSync(join(FIXTURES, 'gbk-page.html')), 'gbk-page.html');
    expect(encoding).toBe('gb18030');
    expect(text).toContain('<h1>松川县农业农村局2022年政府信息公开工作年度报告</h1>');
    const httpEquiv = encodeGbk(`<meta http-equiv="Content-Type" content="text/html; charset=GBK"><p>${SAMPLE}</p>`);
    expect(decodeBytes(httpEquiv, 'b.html').text).toContain(SAMPLE);
  });

  it('reads GBK without any declaration by detection', () => {
    expect(decodeBytes(encodeGbk(SAMPLE), 'plain.txt')).toEqual({ text: SAMPLE, encoding: 'gb18030' });
    const page = Buffer.from(readFileSync(join(FIXTURES, 'gbk-page.html')).toString('latin1')
      .replace(/<meta[^>]*>/, ''), 'latin1');
    const decoded = decodeBytes(page, 'no-meta.html');
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toContain('松川县农业农村局共收到政府信息公开申请3件');
  });

  it('a large file is judged on its start and decoded whole: GBK with holes past the first MB', () => {
    // over a megabyte (more than the part the encodings are judged on), with an undecodable pair at the end
    const gbk = encodeGbk(SAMPLE.repeat(Math.ceil(1_200_000 / SAMPLE.length)));
    const bytes = Buffer.concat([gbk, Buffer.from([0x81, 0x20]), encodeGbk(SAMPLE)]);
    const decoded = decodeBytes(bytes, 'big.txt');
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe(new TextDecoder('gb18030').decode(bytes));
    expect(decoded.lost?.runs).toBe(1);
    expect(decoded.text.endsWith(SAMPLE)).toBe(true);
  });

  it('prefers valid UTF-8 over a stale gb2312 declaration', () => {
    const page = `<meta charset="gb2312"><p>${SAMPLE}</p>`;
    expect(decodeBytes(utf8(page), 'resaved.html')).toEqual({ text: page, encoding: 'utf-8' });
  });

  it('rejects bytes that decode to mostly invalid characters', () => {
    let seed = 7;
    const noise = Uint8Array.from({ length: 4000 },
      () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16) & 0x1f);
    expect(() => decodeBytes(noise, 'noise.bin')).toThrow(InputError);
    expect(() => decodeBytes(noise, 'noise.bin')).toThrow(/cannot determine the text encoding/);
    const binary = Uint8Array.from({ length: 4000 },
      () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16) & 0xff);
    expect(() => decodeBytes(binary, 'image.png')).toThrow(InputError);
  });
});

describe('sniffFormat', () => {
  const bytes = (...parts: (string | number[])[]): Uint8Array =>
    Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

  it('recognises binary containers by magic bytes, not by extension', () => {
    expect(sniffFormat(bytes('%PDF-1.7\n%\xe2\xe3\n1 0 obj'), 'report.html')).toBe('pdf');
    expect(sniffFormat(bytes([0x50, 0x4b, 3, 4],
      '....[Content_Types].xml....word/document.xml'), 'a.bin')).toBe('docx');
    expect(sniffFormat(bytes([0x50, 0x4b, 3, 4], '....[Content_Types].xml....xl/workbook.xml'), 'a.docx')).toBe('xlsx');
    expect(sniffFormat(bytes([0x50, 0x4b, 3, 4], '....report.txt'), 'a.docx')).toBe('zip');
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    expect(sniffFormat(bytes(ole, 'W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0'), 'a.txt')).toBe('doc');
    expect(sniffFormat(bytes(ole, 'W\0o\0r\0k\0b\0o\0o\0k\0'), 'a.doc')).toBe('unknown');
  });

  it('tells HTML from text by content, with the extension as tie-breaker', () => {
    expect(sniffFormat(utf8(`\ufeff<!DOCTYPE html><html><body>${SAMPLE}`), 'a.txt')).toBe('html');
    expect(sniffFormat(utf8(`\n\n  <TABLE border=1><tr><td>1</td></tr></TABLE>`), 'export.xls')).toBe('html');
    expect(sniffFormat(utf16(`<html><body>${SAMPLE}</body></html>`, false, true), 'a')).toBe('html');
    expect(sniffFormat(encodeGbk(SAMPLE), 'a.html')).toBe('text');
    expect(sniffFormat(utf8(`<p>${SAMPLE}</p>`), 'fragment.htm')).toBe('html');
    expect(sniffFormat(utf8(`<p>${SAMPLE}</p>`), 'fragment.txt')).toBe('text');
    expect(sniffFormat(utf8(SAMPLE), 'report.txt')).toBe('text');
    expect(sniffFormat(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]), 'a.png')).toBe('unknown');
  });
});
