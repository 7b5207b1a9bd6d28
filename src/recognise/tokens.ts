// Flattens the document model into rows of classified cells — numbers, blanks, row labels, captions, headers,
// section headings, prose — the one stream the table assembler and the metadata finders walk.
import type { GDocument, TableRow } from '../document/model.js';
import type { SourceRef } from '../model/report.js';
import {
  detachedCopy, isBlankCell, labelKey, parseNumberCell, plainInteger, type ParsedNumber,
} from '../text/normalise.js';
import { matchCaption, matchRowLabel, versionEvidence, type RowLabel } from './labels.js';
import { matchSectionHeading } from './sections.js';

/** What a token may carry besides its text and position; each kind carries its own part (see Token). */
interface TokenFields {
  number: ParsedNumber;
  label: RowLabel;
  labelScore: number;
  caption: string;
  section: number;
  version: { version: '2019' | '2021'; what: string };
  /** for header tokens: the table whose header words these are */
  headerOf: 'applications' | 'review' | null;
}

/** One kind of token: its own fields required (R) or optional (O), every other field absent. */
type Variant<K extends string, R extends keyof TokenFields = never, O extends keyof TokenFields = never> =
  { kind: K; text: string; pos: SourceRef } & Pick<TokenFields, R> & Partial<Pick<TokenFields, O>> &
  { [F in Exclude<keyof TokenFields, R | O>]?: undefined };

export type NumberToken = Variant<'number', 'number'>;
export type BlankToken = Variant<'blank'>;
export type LabelToken = Variant<'label', 'label' | 'labelScore', 'version'>;
export type CaptionToken = Variant<'caption', 'caption'>;
export type HeaderToken = Variant<'header', never, 'version' | 'headerOf'>;
export type SectionToken = Variant<'section', 'section'>;
export type TextToken = Variant<'text'>;

/** A classified cell: a discriminated union on `kind` (a number token always has its number, a label its label). */
export type Token = NumberToken | BlankToken | LabelToken | CaptionToken | HeaderToken | SectionToken | TextToken;
export type TokenKind = Token['kind'];

export interface Row {
  tokens: Token[];
  /** from a real table row (several cells on one line / one <tr>) */
  grid: boolean;
  pos: SourceRef;
  /** the whole line's text (for headings and prose) */
  text: string;
  /** a grid row's cells in field order, empty fields included (their positions tell printed blanks) */
  fields?: Token[];
  /** the document cells behind `fields`, index for index (their display columns, for space-aligned text) */
  cells?: TableRow['cells'];
  /** split at whitespace: a value missing from it is a printed blank (TableRow.spaced) */
  spaced?: boolean;
  /** its table padded to one width: its trailing empty fields are no evidence (TableBlock.padded) */
  padded?: boolean;
}

const APPLICATION_HEADER = /勾稽关系|申请人情况|^自然人$|法人或其他组织|^商业企业$|^科研机构$|^社会公益组织$|^社会组织$|^法律服务机构$/;
const REVIEW_HEADER = /^行政复议$|^行政诉讼$|^结果维持$|^结果纠正$|^其他结果$|^尚未审结$|^未经复议直接起诉$|^复议后起诉$|^(维持|纠正|审结|尚未|尚未审)$/;
const OTHER_HEADER = /^信息内容$|^总计$|^其他$/;

// cell texts recur across reports ('0', '规章', '（七）总计' …): classify each distinct text once (bounded)
const classified = new Map<string, Token>();

/**
 * Shared parsed forms of 0…9999 (never modified; not frozen, so they keep the shape of every other parsed number),
 * each made when first met: a report prints a few dozen distinct values, and making all 10,000 at load cost every
 * process (a one-report `check` too) their allocation and kept them for every full collection to mark.
 */
const SMALL: (ParsedNumber | undefined)[] = new Array<ParsedNumber | undefined>(10_000);
const SMALL_LIMIT = 10_000;

export function classify(text: string, pos: SourceRef): Token {
  const t = text.trim();
  // a long line is prose (or a section heading run into its text): no table label is that long
  if (t.length > 80) {
    const section = matchSectionHeading(t);
    return section ? { kind: 'section', text: t, pos, section: section.no } : { kind: 'text', text: t, pos };
  }
  // most cells are plain whole numbers: read them without the lookup (a large table's lookups miss the cache)
  const value = plainInteger(t);
  if (value >= 0) {
    return {
      kind: 'number', text: t, pos,
      number: value < SMALL_LIMIT ? (SMALL[value] ??= { value, unit: undefined, signed: false })
        : { value, unit: undefined, signed: false },
      label: undefined,
      labelScore: undefined, caption: undefined, section: undefined, version: undefined, headerOf: undefined,
    };
  }
  let c = classified.get(t);
  if (!c) {
    const fresh = classifyText(t, pos);
    // the cache must not keep the report's whole text alive (see detachedCopy); one literal of fixed shape, as
    // below, not a spread copy of `fresh`: those had a hidden class per kind (and a spread copy's class changes
    // after its first uses), so the reads of every cached entry below were megamorphic
    c = {
      kind: fresh.kind, text: detachedCopy(t), pos: fresh.pos, number: fresh.number, label: fresh.label,
      labelScore: fresh.labelScore, caption: fresh.caption, section: fresh.section, version: fresh.version,
      headerOf: fresh.kind === 'header' ? headerKindOf(t) : undefined,
    } as Token;
    if (classified.size > 50_000) classified.clear();
    classified.set(c.text, c);
  }
  // one literal of fixed shape, not a spread: this runs for every cell of every report (the copy has c's kind
  // and c's fields, so it is the same variant as c; the compiler cannot see that through the fixed shape)
  return {
    kind: c.kind, text: c.text, pos, number: c.number, label: c.label, labelScore: c.labelScore, caption: c.caption,
    section: c.section, version: c.version, headerOf: c.headerOf,
  } as Token;
}

function classifyText(t: string, pos: SourceRef): Token {
  if (isBlankCell(t)) return { kind: 'blank', text: t, pos };
  const number = parseNumberCell(t);
  if (number) return { kind: 'number', text: t, pos, number };
  const key = labelKey(t);
  const caption = matchCaption(t);
  if (caption) return { kind: 'caption', text: t, pos, caption };
  const section = matchSectionHeading(t);
  if (section) return { kind: 'section', text: t, pos, section: section.no };
  // table cells are short; a prose paragraph mentioning 现行有效 or 数量 is not a header
  const short = key.length <= 30 && !/[。；;]/.test(t);
  const version = short ? versionEvidence(t) ?? undefined : undefined;
  // a group's label and its first row's in one cell (三、本年度办理结果 (一)予以公开: a scrape's tabs turned to spaces);
  // a sentence that ends inside the cell is prose, though it starts with a row's words (行政处罚“双公示”信息…。规范…)
  const m = SENTENCE_INSIDE.test(t) ? null : childLabelAfter(t) ?? matchRowLabel(t);
  if (m) return { kind: 'label', text: t, pos, label: m.label, labelScore: m.score, version };
  if (version || /勾稽关系/.test(key) ||
    (short && (APPLICATION_HEADER.test(key) || REVIEW_HEADER.test(key) || OTHER_HEADER.test(key))) ||
    (key.length <= 16 && /^本年|数量$|金额|^\(?单位/.test(key) && !/[,:]/.test(t)))
    return { kind: 'header', text: t, pos, version };
  return { kind: 'text', text: t, pos };
}

/** A sentence's end with more text after it. */
const SENTENCE_INSIDE = /[。；]\s*[^\s）)」”]/;

/** Where a numbered label may start inside a cell: （一）, (二), 1., 2、 */
const NUMBERING = /[（(][一二三四五六七八九十][)）]|\d{1,2}[.、．]/g;

/**
 * The data row whose numbered label ends `t` after its group's label ('（六）其他处理 1.申请人…' → the first 其他处理
 * row), or null. Only a cell short enough to be a table's and holding a numbering after its start is tried.
 */
function childLabelAfter(t: string): ReturnType<typeof matchRowLabel> {
  if (t.length > 90) return null;
  for (const at of t.matchAll(NUMBERING)) {
    if (!at.index) continue;
    const child = matchRowLabel(t.slice(at.index));
    if (!child?.label.isData) continue;
    const group = matchRowLabel(t.slice(0, at.index));
    if (group && child.label.row.startsWith(group.label.row + '.')) return child;
  }
  return null;
}

export function headerKind(token: Token): 'applications' | 'review' | null {
  if (token.kind !== 'header') return null;
  return token.headerOf !== undefined ? token.headerOf : headerKindOf(token.text);
}

function headerKindOf(text: string): 'applications' | 'review' | null {
  const key = labelKey(text);
  if (APPLICATION_HEADER.test(key)) return 'applications';
  if (REVIEW_HEADER.test(key)) return 'review';
  return null;
}

/**
 * The values of number tokens, in order. A loop and push, not .map: an optimised .map makes a holey array where the
 * unoptimised one made a packed one, and the assembler's code that had seen only one kind deoptimised mid-batch
 * when the other came (assembleTable, rowCandidates and resolve were each compiled again for it). The other loops
 * that say "not .map" are there for the same reason. `node bench/engine-deopts.mjs --min 1` lists the deopts: the
 * engine's "wrong map" ones went from 38–49 to 0–7 a run (27 texts × 60 rounds, V8 defaults), and from 15 to 0–1
 * in a 2,000-report `check`.
 */
export function valuesOf(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) out.push(tokens[i].number!.value);
  return out;
}

/** A table row's tokens; its whole text (wanted only for the few rows read as prose or headings) is joined lazily. */
class TableRowTokens implements Row {
  private joined: string | null = null;
  constructor(readonly tokens: Token[], readonly grid: boolean, readonly pos: SourceRef,
    readonly cells: TableRow['cells'], readonly fields: Token[], readonly spaced: boolean,
    readonly padded: boolean) {}
  get text(): string {
    return (this.joined ??= joinTexts(this.cells));
  }
}

/**
 * The cells' texts joined by spaces. A loop, not map and join: an optimised map makes a holey array where the
 * unoptimised one made a packed one, and join's code deoptimised on meeting the other kind mid-batch.
 */
function joinTexts(cells: TableRow['cells']): string {
  let s = '';
  for (let i = 0; i < cells.length; i++) s += i ? ' ' + cells[i].text : cells[i].text;
  return s;
}

/** Every block as rows of tokens, in document order. */
export function tokenRows(doc: GDocument): Row[] {
  const rows: Row[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'table') {
      const gridLayout = b.layout === 'grid';
      for (const r of b.rows) {
        const all: Token[] = [];
        let anyNumber = false;
        let emptyBlank = false;
        for (const c of r.cells) {
          if (!gridLayout && c.text.trim() === '') continue;
          const tk = classify(c.text, c.pos);
          all.push(tk);
          if (tk.kind === 'number') anyNumber = true;
          else if (tk.kind === 'blank' && tk.text === '') emptyBlank = true;
        }
        // empty cells are kept only in a row without numbers (a label over blank value cells: printed blank);
        // elsewhere they are the empty fields of merged label cells
        const blankRow = gridLayout && !anyNumber;
        const tokens = emptyBlank && !blankRow ? all.filter((tk) => tk.text !== '' || tk.kind !== 'blank') : all;
        rows.push(new TableRowTokens(tokens, gridLayout && r.cells.length > 1, r.pos, r.cells, all, r.spaced === true,
          b.padded === true));
      }
    } else {
      rows.push({ tokens: [classify(b.text, b.pos)], grid: false, pos: b.pos, text: b.text });
    }
  }
  return rows;
}
