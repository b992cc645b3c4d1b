/** Names of statuses, progress values, rule kinds and strengths (状态、进展、类型、强度), in Chinese and English. */
import type { Lang } from './format.js';
import type { Progress, RuleResult, Status } from './types.js';
import { deepFreeze } from '../model/freeze.js';

export const STATUS_LABEL: Readonly<Record<Status, Readonly<Record<Lang, string>>>> = deepFreeze({
  met: { zh: '达标', en: 'met' },
  'not-met': { zh: '未达标', en: 'not met' },
  pending: { zh: '未到期', en: 'pending' },
  'not-applicable': { zh: '不适用', en: 'n/a' },
  'missing-data': { zh: '缺数据', en: 'missing data' },
});

export const PROGRESS_LABEL: Readonly<Record<Progress, Readonly<Record<Lang, string>>>> = deepFreeze({
  'on-track': { zh: '进展顺利', en: 'on track' },
  'needs-acceleration': { zh: '需加快进度', en: 'needs acceleration' },
  'off-track': { zh: '严重滞后', en: 'off track' },
  deteriorating: { zh: '趋势恶化', en: 'deteriorating' },
  unknown: { zh: '无法判断', en: 'unknown' },
});

export const KIND_LABEL: Readonly<Record<RuleResult['kind'], Readonly<Record<Lang, string>>>> = deepFreeze({
  deadline: { zh: '限期', en: 'deadline' },
  annual: { zh: '每年', en: 'annual' },
  ongoing: { zh: '持续', en: 'ongoing' },
});

export const STRENGTH_LABEL: Readonly<Record<RuleResult['strength'], Readonly<Record<Lang, string>>>> = deepFreeze({
  binding: { zh: '约束性', en: 'binding' },
  strive: { zh: '力争', en: 'strive' },
  basic: { zh: '基本', en: 'basic' },
});
