/** Words the reports use, in Chinese and English. */
import type { Lang, Progress, Status } from '@ruralkit/core';

export const STATUS_LABEL: Record<Status, Record<Lang, string>> = {
  met: { zh: '达标', en: 'met' },
  'not-met': { zh: '未达标', en: 'not met' },
  pending: { zh: '未到期', en: 'pending' },
  'not-applicable': { zh: '不适用', en: 'n/a' },
  'missing-data': { zh: '缺数据', en: 'missing data' },
};

export const PROGRESS_LABEL: Record<Progress, Record<Lang, string>> = {
  'on-track': { zh: '进展顺利', en: 'on track' },
  'needs-acceleration': { zh: '需加快', en: 'needs acceleration' },
  'off-track': { zh: '严重滞后', en: 'off track' },
  deteriorating: { zh: '趋势恶化', en: 'deteriorating' },
  unknown: { zh: '无法判断', en: 'unknown' },
};

export const WORDS = {
  asOf: { zh: '评估日期', en: 'as of' },
  rule: { zh: '规则', en: 'Rule' },
  status: { zh: '状态', en: 'Status' },
  year: { zh: '年份', en: 'Year' },
  explanation: { zh: '说明', en: 'Explanation' },
  clause: { zh: '条款', en: 'Clause' },
  lead: { zh: '牵头单位', en: 'Lead unit' },
  district: { zh: '全区指标', en: 'District targets' },
  todo: { zh: '责任单位待办', en: 'To-do lists of responsible units' },
  households: { zh: '防止返贫监测筛查', en: 'Anti-relapse monitoring screening' },
  screened: { zh: '筛查农户', en: 'households screened' },
  withRisk: { zh: '有风险', en: 'with a risk' },
  riskType: { zh: '风险类型', en: 'Risk type' },
  category: { zh: '建议类别', en: 'Suggested category' },
  count: { zh: '户数', en: 'Households' },
  notKey: { zh: '（非本方案重点村，请核对编号）', en: ' (not a key village of this plan: check the id)' },
  overall: { zh: '合计', en: 'Overall' },
  nothingToDo: { zh: '无待办事项', en: 'nothing to do' },
} as const satisfies Record<string, Record<Lang, string>>;
