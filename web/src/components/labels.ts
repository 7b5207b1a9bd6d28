// Display names of the model's enumerations, in Chinese and English.
import type {
  BodyLevel, DeductionKind, FindingDecision, ReportStatus, RuleId, Severity, WorkflowAction,
} from '../model';

type Pair = [string, string];

export const STATUS: Record<ReportStatus | 'missing', Pair> = {
  pending: ['待确认', 'Pending'],
  draft: ['草稿', 'Draft'],
  submitted: ['已报送', 'Submitted'],
  returned: ['退回', 'Returned'],
  accepted: ['已通过', 'Accepted'],
  published: ['已发布', 'Published'],
  missing: ['未报送', 'Missing'],
};

export const STATUS_COLOR: Record<ReportStatus | 'missing', string> = {
  pending: 'purple', draft: 'default', submitted: 'blue', returned: 'orange', accepted: 'cyan',
  published: 'green', missing: 'red',
};

export const LEVEL: Record<BodyLevel, Pair> = {
  province: ['省级政府', 'Province'],
  city: ['市级政府', 'City'],
  county: ['县级政府', 'County'],
  town: ['乡镇政府', 'Town'],
  street: ['街道', 'Street office'],
  department: ['政府部门', 'Department'],
  committee: ['管委会', 'Committee'],
  other: ['其他', 'Other'],
};

export const SEVERITY: Record<Severity, Pair> = {
  error: ['错误', 'Error'],
  warning: ['警告', 'Warning'],
  info: ['提示', 'Info'],
};

export const SEVERITY_COLOR: Record<Severity, string> = { error: 'red', warning: 'gold', info: 'blue' };

export const DECISION: Record<FindingDecision, Pair> = {
  open: ['待处理', 'Open'],
  confirmed: ['已确认', 'Confirmed'],
  dismissed: ['已排除', 'Dismissed'],
  closed: ['已消除', 'Closed'],
};

export const ACTION: Record<WorkflowAction, Pair> = {
  edit: ['编辑', 'Edit'],
  submit: ['报送', 'Submit'],
  return: ['退回', 'Return'],
  accept: ['通过', 'Accept'],
  publish: ['发布', 'Publish'],
  assign: ['指定机关和年度', 'Assign'],
};

export const SECTION_NAMES: Record<string, Pair> = {
  overview: ['一、总体情况', 'I. Overview'],
  activeDisclosure: ['二、主动公开政府信息情况', 'II. Proactive disclosure'],
  applications: ['三、收到和处理政府信息公开申请情况', 'III. Applications'],
  reviewLitigation: ['四、政府信息公开行政复议、行政诉讼情况', 'IV. Review and litigation'],
  problems: ['五、存在的主要问题及改进情况', 'V. Problems and improvements'],
  otherMatters: ['六、其他需要报告的事项', 'VI. Other matters'],
};

/** What each check is called (the findings list shows this, not the rule id). */
export const RULE: Record<RuleId, Pair> = {
  'balance': ['勾稽平衡', 'Balance'],
  'outcome-total': ['办理结果总计', 'Outcome total'],
  'row-total': ['行合计', 'Row total'],
  'review-totals': ['复议诉讼合计', 'Review and litigation totals'],
  'group-subtotal': ['分项小计', 'Group subtotal'],
  'domain': ['数值范围', 'Value range'],
  'missing-table': ['表格缺失', 'Missing table'],
  'blank-cell': ['空白单元格', 'Blank cell'],
  'missing-section': ['缺少部分', 'Missing section'],
  'partial-table': ['表格不完整', 'Partial table'],
  'template-year': ['模板与年度', 'Template and year'],
  'narrative-vs-table': ['正文与表格', 'Text and table'],
  'plausibility': ['合理性', 'Plausibility'],
  'cross-year': ['跨年度', 'Cross-year'],
  'published-le-total': ['公开数与总数', 'Published and total'],
  'title-pattern': ['标题格式', 'Title'],
  'not-a-report': ['非年度报告', 'Not an annual report'],
  'truncated': ['原文中断', 'Truncated source'],
  'empty-form': ['空表', 'Empty form'],
  'misfiled': ['填错位置', 'Misfiled figures'],
  'year-mismatch': ['年度不符', 'Year mismatch'],
  'other-year-figures': ['他年数据', 'Other year’s figures'],
};

export function pick(pair: Pair | undefined, lang: 'zh' | 'en', fallback = ''): string {
  if (!pair) return fallback;
  return lang === 'en' ? pair[1] : pair[0];
}

export const DEDUCTION: Record<DeductionKind, [string, string]> = {
  'late-filing': ['逾期报送', 'Late filing'], 'late-publication': ['逾期发布', 'Late publication'],
  'missing-section': ['缺少部分', 'Missing section'], 'missing-table': ['缺少表格', 'Missing table'],
  'strict-error': ['勾稽关系错误', 'Relation error'], similarity: ['雷同', 'Similar text'],
  'returned-not-fixed': ['退回未按期整改', 'Returned, not fixed'], 'not-filed': ['未报送', 'Not filed'],
};

const AUDIT_ACTION: Record<string, Pair> = {
  import: ['导入', 'Import'], recheck: ['重新检查', 'Re-check'], 'correct-cell': ['更正单元格', 'Cell corrected'],
  decide: ['处理问题', 'Finding decided'], assign: ['指定机关和年度', 'Assigned'], create: ['创建', 'Created'],
  'create-draft': ['新建草稿', 'Draft created'], 'save-draft': ['保存草稿', 'Draft saved'], update: ['修改', 'Updated'],
  upsert: ['保存', 'Saved'],
};

/** An audit entry's action as read: `status:returned` → 状态：退回; an action not known here as it is stored. */
export function auditAction(action: string, lang: 'zh' | 'en'): string {
  const status = /^status:(.+)$/.exec(action)?.[1];
  if (status && status in STATUS) {
    return `${lang === 'en' ? 'Status: ' : '状态：'}${pick(STATUS[status as ReportStatus], lang)}`;
  }
  return AUDIT_ACTION[action] ? pick(AUDIT_ACTION[action], lang) : action;
}
