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
  const docsKey = n['art20_1/normativeDocuments/made']
    ? 'art20_1/normativeDocuments/made'
    : 'art20_1/normativeDocuments/newlyMade';
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
    blocks.push(para([...P`全年共收到政府信息公开申请${fig('applicationsReceived', rec)}件，上年结转${
      fig('applicationsCarriedOver', carried)}件，办结${fig('applicationsCompleted', done)}件`,
      ...tail, ...P`，均在法定期限内予以答复。`]));
  }
  const review = v('reviewLitigation/cases/review.total');
  const suits = v('reviewLitigation/cases/litigationDirect.total') +
    v('reviewLitigation/cases/litigationAfterReview.total');
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

// Sentences about a body's own work, several picked per report, with its own place and figures: real reports
// differ most here, so generated ones must too, or 雷同 screening sees every report as copying every other.
// None of them states a figure the narrative reader looks for (申请, 复议, 诉讼, 主动公开…条, 解读, 新媒体).
const PRACTICES: readonly ((a: Agency, n: () => number) => string)[] = [
  (a, n) => `围绕${a.place}重点项目建设，集中发布项目审批、招标投标和施工许可信息，开设专题专栏${n()}个。`,
  (a, n) => `组织召开新闻发布会${n()}场，由主要负责同志出席介绍${a.place}经济社会发展情况并回答记者提问。`,
  (a, n) => `在村（社区）公开栏张贴惠民政策明白纸${n() * 10}份，方便群众就近查阅。`,
  (a, n) => `${a.self}在政务服务大厅设立政府信息查阅点${n()}处，配备专人提供查询、打印和咨询服务。`,
  (a, n) => `开展“政府开放日”活动${n()}次，邀请人大代表、政协委员和群众代表走进机关，现场了解政务运行情况。`,
  (a, n) => `对${a.place}门户网站栏目进行全面梳理，整合归并栏目${n()}个，清理过期失效内容${n() * 3}条。`,
  (a, n) => `围绕医疗卫生、教育、养老等民生领域，编制基层政务公开标准目录${n()}项，实现目录化、清单化管理。`,
  (a, n) => `公开重大行政决策预公开事项${n()}项，通过座谈会、网上征求意见等方式收集意见建议${n() * 4}条。`,
  (a, n) => `及时公开防汛抗旱、森林防火等应急信息，全年发布预警提示${n() * 2}期。`,
  (a, n) => `做好人大代表建议和政协提案办理结果公开，公开答复全文${n()}篇。`,
  (a, n) => `依托“${a.place}发布”等平台开展线上访谈${n()}期，就群众关心的热点问题作出回应。`,
  (a, n) => `落实财政预决算公开要求，${a.self}本级及所属单位共公开预算、决算报告${n() * 2}份。`,
  (a, n) => `推进乡村振兴领域信息公开，公开衔接资金项目${n()}个，接受社会监督。`,
  (a, n) => `聚焦优化营商环境，梳理公开涉企收费清单和惠企政策${n()}条，编印政策汇编${n()}册。`,
  (a, n) => `在${a.place}范围内开展政务公开业务交叉检查，发现并整改问题${n()}个。`,
  (a, n) => `规范公共企事业单位信息公开，督促供水、供电、燃气等单位公开办事指南${n()}项。`,
  (a, n) => `公开行政许可、行政处罚“双公示”信息，累计更新数据${n() * 20}条。`,
  (a, n) => `加强政策文件清理，对${a.place}现行有效文件逐件核对，标注失效文件${n()}件。`,
  (a, n) => `建成政府信息公开专栏无障碍浏览功能，为老年人和残障人士提供便利，开展适老化改造${n()}项。`,
  (a, n) => `举办政务公开进社区活动${n()}场，发放宣传资料${n() * 50}份，解答群众咨询。`,
  (a, n) => `针对安置补偿、征地拆迁等群众关注事项，公开补偿标准和安置方案${n()}份。`,
  (a, n) => `利用政务服务“好差评”系统收集群众评价，对差评事项${n()}件逐一核实整改。`,
  (a, n) => `公开重点民生实事项目进展情况，按季度发布项目推进报告${n()}期。`,
  (a, n) => `对${a.place}各部门政务公开工作开展季度通报，督促整改栏目空白、更新不及时等问题${n()}处。`,
  (a, n) => `公开环境保护督察整改落实情况，发布整改进展信息${n()}条，主动接受群众监督。`,
  (a, n) => `加强就业创业信息公开，发布招聘岗位信息${n() * 30}个，举办线上招聘活动${n()}场。`,
  (a, n) => `推进政务公开专区标准化建设，在${a.place}便民服务中心设置电子查询终端${n()}台。`,
  (a, n) => `公开救助帮扶政策和办理流程，更新低保、特困供养等救助对象公示信息${n()}批次。`,
  (a, n) => `围绕安全生产领域，公开执法检查计划和结果${n()}项，及时发布事故调查处理情况。`,
  (a, n) => `建立健全政策解读与政策文件同步起草、同步审签、同步发布机制，组织起草部门负责人解读政策${n()}次。`,
];

/** Three to six of the body's own practices, as one paragraph of section 一. */
export function practices(a: Agency, rng: Rng): Block {
  const pool = [...PRACTICES];
  const chosen = Array.from({ length: rng.int(3, 6) }, () => pool.splice(rng.int(0, pool.length - 1), 1)[0]);
  const n = (): number => rng.int(2, 48);
  return para([{ text: chosen.map((s) => s(a, n)).join('') }]);
}
