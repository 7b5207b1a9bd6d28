// A tiny GBK encoder (Node's TextEncoder only does UTF-8): the reverse of `new TextDecoder('gbk')` over every
// double-byte code 0x81–0xFE × 0x40–0xFE, built once and cached. Characters outside GBK become '?'.

let reverse: Map<string, number> | null = null;

function table(): Map<string, number> {
  if (reverse) return reverse;
  const map = new Map<string, number>();
  const dec = new TextDecoder('gbk');
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const ch = dec.decode(pair);
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, (lead << 8) | trail);
    }
  }
  reverse = map;
  return map;
}

/** Bytes of one character in GBK (1 for ASCII, 2 otherwise; 1 for an unmappable '?'). */
export function gbkLength(ch: string): number {
  return ch.charCodeAt(0) < 0x80 || !table().has(ch) ? 1 : 2;
}

export function encodeGbk(text: string): Uint8Array {
  const map = table();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out[n++] = code;
    else {
      const gb = map.get(ch);
      if (gb === undefined) out[n++] = 0x3f;
      else {
        out[n++] = gb >> 8;
        out[n++] = gb & 0xff;
      }
    }
  }
  return out.slice(0, n);
}

/** True when every character of `text` has a GBK code. */
export function isGbkEncodable(text: string): boolean {
  const map = table();
  for (const ch of text) if (ch.charCodeAt(0) >= 0x80 && !map.has(ch)) return false;
  return true;
}
