// An output buffer that remembers where each value cell, narrative figure and table group was written, so
// the truth of a truncated text can list exactly what was printed before the cut.
import type { TableGroup } from '../model/template.js';

export interface Span { start: number; end: number }

type Seg = { kind: 'text'; text: string } | { kind: 'cell'; key: string; text: string }
  | { kind: 'figure'; key: string; value: number; text: string }
  | { kind: 'group'; group: TableGroup; edge: 'start' | 'end' };

export interface Rendered {
  text: string;
  cells: Record<string, Span>;
  figures: { key: string; value: number; span: Span }[];
  groups: Partial<Record<TableGroup, Span>>;
}

export class Out {
  private segs: Seg[] = [];

  text(s: string): this {
    if (s) this.segs.push({ kind: 'text', text: s });
    return this;
  }
  cell(key: string | undefined, s: string): this {
    this.segs.push(key ? { kind: 'cell', key, text: s } : { kind: 'text', text: s });
    return this;
  }
  figure(key: string, value: number, s: string): this {
    this.segs.push({ kind: 'figure', key, value, text: s });
    return this;
  }
  groupStart(group: TableGroup): this {
    this.segs.push({ kind: 'group', group, edge: 'start' });
    return this;
  }
  groupEnd(group: TableGroup): this {
    this.segs.push({ kind: 'group', group, edge: 'end' });
    return this;
  }
  /** The text written so far (for layouts that look back, e.g. to count lines). */
  peek(): string {
    return this.segs.map((s) => (s.kind === 'group' ? '' : s.text)).join('');
  }
  /** Transform the plain text segments (not cells or figures), e.g. 简体 → 繁体. */
  mapText(fn: (s: string) => string): Out {
    const o = new Out();
    o.segs = this.segs.map((s) => (s.kind === 'text' ? { kind: 'text', text: fn(s.text) } : s));
    return o;
  }
  /** Append another buffer. */
  append(other: Out): this {
    this.segs.push(...other.segs);
    return this;
  }
  finish(): Rendered {
    const r: Rendered = { text: '', cells: {}, figures: [], groups: {} };
    const parts: string[] = [];
    let pos = 0;
    for (const s of this.segs) {
      if (s.kind === 'group') {
        const g = (r.groups[s.group] ??= { start: pos, end: pos });
        if (s.edge === 'end') g.end = pos;
        continue;
      }
      const span = { start: pos, end: pos + s.text.length };
      if (s.kind === 'cell') r.cells[s.key] = span;
      if (s.kind === 'figure') r.figures.push({ key: s.key, value: s.value, span });
      parts.push(s.text);
      pos = span.end;
    }
    r.text = parts.join('');
    return r;
  }
}
