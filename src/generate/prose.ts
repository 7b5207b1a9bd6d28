// Invented prose for the title, the opening paragraph and sections 一、五、六. Figures quoted in the prose agree
// with the tables (申请 received / carried over / handled, 行政复议 and 行政诉讼 counts, documents issued) and are
// marked as figure tokens so the truth can record them under `narrative`.
import type { Agency } from './agency.js';
import type { Block, CellValue, Token } from './model.js';
import type { Rng } from './random.js';

function fig(key: string, value: number): Token {
  return { text: String(value), figure: key, value };
}

/** Tagged template: literal text and figure tokens in one paragraph. */
function P(strings: TemplateStringsArray, ...vals: (Token | string | number)[]): Token[] {
  const out: Token[] = [];
  strings.forEach((s, i) => {
    if (s) out.push({ text: s });
    if (i < vals.length) {
      const v = vals[i];
      out.push(typeof v === 'object' ? v : { text: String(v) });
    }
  });
  return out;
}

const para = (tokens: Token[]): Block => ({ kind: 'para', tokens });
const sub = (text: string): Block => ({ kind: 'heading', level: 2, text });

export function titleText(agency: string, year: number, rng: Rng): { text: string; rest: string } {
  const rest = rng.chance(0.2) ? `${year}年度政府信息公开工作年度报告` : `${year}年政府信息公开工作年度报告`;
  return { text: agency + rest, rest };
}

export function intro(a: Agency, year: number, rng: Rng): Block[] {
  const notice = rng.pick(['《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》', '上级有关文件']);
  const period = rng.pick([`本报告统计期限为${year}年1月1日至12月31日。`, `本报告所列数据的统计期限为${year}年1月1日至${year}年12月31日。`]);
  const contact = rng.chance(0.5) ? `如对本报告有疑问，请与${a.place}政务公开办公室联系。` : '';
  return [para(P`本报告由${a.name}根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和${notice}要求编制。${period}${contact}`)];
}

/** Section 一 as sub-headed paragraphs; `n` are the consistent numbers of the report. */
export function overview(a: Agency, year: number, n: Record<string, CellValue>, rng: Rng): Block[] {
  const v = (k: string): number => n[k]?.value ?? 0;
  const blocks: Block[] = [];
  const items = rng.int(12, 900);
  const docsKey = n['art20_1/normativeDocuments/made'] ? 'art20_1/normativeDocuments/made' : 'art20_1/normativeDocuments/newlyMade';
  const docs = v(docsKey);
  blocks.push(para(P`${year}年，${a.self}坚持以公开为常态、不公开为例外，认真贯彻落实《条例》各项要求，扎实推进政府信息公开工作。`));
  blocks.push(sub('（一）主动公开'));
  const docSentence = docs > 0 ? P`，其中制发规范性文件${fig('normativeDocumentsMade', docs)}件` : P``;
  blocks.push(para([...P`全年通过政府门户网站、政务新媒体和公开栏主动公开政府信息${fig('govInfoItemsPublished', items)}条`, ...docSentence,
    ...P`，重点做好财政预决算、乡村振兴、社会救助等领域信息公开。`]));
  blocks.push(sub('（二）依申请公开'));
  const rec = v('applications/newReceived/total');
  const carried = v('applications/carriedOver/total');
  const done = v('applications/outcome.total/total');
  const fwd = v('applications/carriedForward/total');
  if (rec === 0 && carried === 0 && rng.chance(0.6)) {
    blocks.push(para(P`全年未收到政府信息公开申请。`));
  } else {
    const tail = fwd > 0 ? P`，结转下年度继续办理${fig('applicationsCarriedForward', fwd)}件` : P``;
    blocks.push(para([...P`全年共收到政府信息公开申请${fig('applicationsReceived', rec)}件，上年结转${fig('applicationsCarriedOver', carried)}件，办结${fig('applicationsCompleted', done)}件`,
      ...tail, ...P`，均在法定期限内予以答复。`]));
  }
  const review = v('reviewLitigation/cases/review.total');
  const suits = v('reviewLitigation/cases/litigationDirect.total') + v('reviewLitigation/cases/litigationAfterReview.total');
  if (review === 0 && suits === 0) blocks.push(para(P`全年未发生政府信息公开行政复议、行政诉讼案件。`));
  else {
    const r = review > 0 ? P`被申请行政复议${fig('administrativeReconsiderations', review)}件` : P`未发生行政复议案件`;
    const s = suits > 0 ? P`，被提起行政诉讼${fig('administrativeLawsuits', suits)}件` : P`，未发生行政诉讼案件`;
    blocks.push(para([...P`因政府信息公开工作`, ...r, ...s, ...P`。`]));
  }
  blocks.push(sub('（三）政府信息管理'));
  blocks.push(para(P`严格落实“先审查、后公开”和“一事一审”制度，对拟公开信息进行保密审查，动态调整主动公开目录。`));
  blocks.push(sub('（四）政府信息公开平台建设'));
  const accounts = rng.int(1, 12);
  blocks.push(para(P`持续加强政府网站和政务新媒体管理，现有政务新媒体账号${fig('newMediaAccounts', accounts)}个，定期开展巡查，及时更新栏目内容。`));
  blocks.push(sub('（五）监督保障'));
  const trainings = rng.int(1, 6);
  blocks.push(para(P`将政务公开工作纳入年度考核，全年组织业务培训${fig('trainingSessions', trainings)}次，未发生因信息公开不当引发的责任追究情况。`));
  return blocks;
}

export function problems(a: Agency, rng: Rng): Block[] {
  const issues = rng.pick(['公开内容的深度和广度还不够', '政策解读形式较为单一', '工作人员业务能力有待提升', '部分栏目更新不够及时']);
  return [
    para(P`${a.self}政府信息公开工作取得了一定成效，但仍存在一些不足：一是${issues}；二是依申请公开办理的规范化水平有待提高。`),
    para(P`下一步，${a.self}将加强业务培训，完善信息发布审核机制，丰富政策解读形式，进一步提升政府信息公开工作质量。`),
  ];
}

export function otherMatters(year: number, rng: Rng): Block[] {
  if (rng.chance(0.75)) return [para(P`依据《政府信息公开信息处理费管理办法》，${year}年度未收取信息处理费。`)];
  const fee = rng.int(1, 30) * 100;
  return [para(P`${year}年，依据《政府信息公开信息处理费管理办法》收取信息处理费${fig('infoProcessingFeeYuan', fee)}元。`)];
}
