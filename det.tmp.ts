import { readFileSync } from 'node:fs';
import chardet from 'chardet';
import { decodeBytes } from './src/readers/decode.js';
const b = readFileSync('test/fixtures/html/gbk-page.html');
const s = Buffer.from(b).toString('latin1').replace(/<meta[^>]*>/, '');
const nb = Buffer.from(s, 'latin1');
console.log(chardet.analyse(nb).slice(0, 4));
const d = decodeBytes(nb, 'x'); console.log(d.encoding, d.text.slice(0, 120));
// short GBK only
const para = Buffer.from(s.slice(s.indexOf('<p>2022') + 3, s.indexOf('</p>', s.indexOf('<p>2022'))), 'latin1');
console.log(para.length, chardet.analyse(para).slice(0, 4));
const d2 = decodeBytes(para, 'y'); console.log(d2.encoding, d2.text);
