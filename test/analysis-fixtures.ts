// Fixtures of the analysis tests: invented prose (seeded, so independent reports share no passages by chance
// beyond the common phrases every report prints), reports carrying it, and analysis inputs around reports.
import type { AnalysisReport, AnalysisBody } from '../src/model/analysis.js';
import type { BodyLevel, ReportStatus } from '../src/model/api.js';
import type { Report } from '../src/model/report.js';
import { makeReport, type ReportSpec } from '../src/rules/testing.js';

import { rng } from './seeded.js';

export { rng };

const WORDS = (
  '政务 公开 信息 发布 平台 网站 专栏 解读 政策 文件 目录 审查 保密 依法 申请 答复 办理 规范 流程 制度 机制 培训 考核 ' +
  '监督 整改 落实 推进 深化 完善 加强 提升 优化 拓展 健全 统筹 协调 服务 群众 企业 基层 社区 乡村 振兴 财政 预算 决算 ' +
  '民生 救助 教育 卫生 健康 医疗 养老 就业 住房 交通 环境 生态 安全 应急 防汛 项目 资金 采购 招标 审批 许可 执法 检查 ' +
  '处罚 强制 收费 标准 清单 事项 指南 窗口 热线 回应 关切 舆情 会议 开放 参与 互动 留言 调查 意见 建议 征集 反馈 新闻 ' +
  '媒体 账号 栏目 更新 维护 巡查 台账 档案 归档 数据 统计 共享 质量 效率 水平 能力 队伍 人员 岗位 责任 分工 年度 季度 ' +
  '重点 领域 任务 措施 成效 问题 短板 不足 方向 目标 要求 部署 安排 实施 方案 办法 细则 规定 条例 法规 规章'
).split(' ');

/** `n` invented sentences, different for every seed. */
export function prose(seed: number, n: number): string {
  const next = rng(seed);
  const out: string[] = [];
  for (let s = 0; s < n; s++) {
    const len = 8 + Math.floor(next() * 10);
    let sentence = '';
    for (let w = 0; w < len; w++)
      sentence += WORDS[Math.floor(next() * WORDS.length)] + (w % 5 === 4 && w < len - 1 ? '，' : '');
    out.push(sentence + '。');
  }
  return out.join('');
}

/** A sentence every report prints (the 条例's words): common text, not 雷同. */
export const COMMON = '本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室关于印发年度报告格式的通知要求编制。' +
  '坚持以公开为常态、不公开为例外，认真贯彻落实《条例》各项要求，扎实推进政府信息公开工作。';

/** A complete, consistent report (src/rules/testing) whose sections 一, 五, 六 carry the given prose. */
export function reportWithProse(
  texts: { overview: string; problems: string; other: string }, spec: ReportSpec = {},
): Report {
  const r = makeReport(spec);
  const text: Record<number, string> = { 1: texts.overview, 5: texts.problems, 6: texts.other };
  return {
    ...r,
    sections: r.sections.map((s) => (text[s.no] !== undefined ? { ...s, text: `${s.title}\n${text[s.no]}` } : s)),
  };
}

export interface MetaSpec {
  reportId: number;
  bodyId: number;
  bodyName?: string;
  year?: number;
  level?: BodyLevel;
  status?: ReportStatus;
  submittedAt?: string | null;
  publishedAt?: string | null;
  returnedAt?: string | null;
  resubmittedAt?: string | null;
}

export function input(report: Report, m: MetaSpec): AnalysisReport {
  return {
    reportId: m.reportId, bodyId: m.bodyId, bodyName: m.bodyName ?? `单位${m.bodyId}`, level: m.level ?? 'department',
    regionCode: '990100', year: m.year ?? report.year, status: m.status ?? 'published',
    submittedAt: m.submittedAt ?? null, publishedAt: m.publishedAt ?? null, returnedAt: m.returnedAt ?? null,
    resubmittedAt: m.resubmittedAt ?? null, report,
  };
}

export function body(id: number, extra: Partial<AnalysisBody> = {}): AnalysisBody {
  return { id, name: `单位${id}`, level: 'department', regionCode: '990100', parentId: null, ...extra };
}
