import { readFileSync } from 'node:fs';
import { decodeBytes } from './src/readers/decode.js';
import { readHtml } from './src/readers/html.js';
for (const f of process.argv.slice(2)) {
  const b = readFileSync(f);
  const d = decodeBytes(b, f);
  const doc = readHtml(d.text, f, d.encoding);
  console.log('==', f, d.encoding, JSON.stringify(doc.notes));
  for (const bl of doc.blocks) {
    if (bl.kind === 'table') { console.log(`TABLE @${bl.pos.line}:${bl.pos.column}`); for (const r of bl.rows) console.log('  | ' + r.cells.map(c => c.text + (c.rowSpan ? `[r${c.rowSpan}]` : '') + (c.colSpan ? `[c${c.colSpan}]` : '')).join(' | ')); }
    else console.log(`${bl.kind === 'heading' ? 'H' + bl.level : 'P'} @${bl.pos.line}:${bl.pos.column} ${bl.text}`);
  }
}
