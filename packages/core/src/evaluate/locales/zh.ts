/** 评估消息的中文措辞 / the evaluation's words in Chinese. */
import type { WordsOf } from '../../model/message.js';
import { zh as model } from '../../model/locales/zh.js';
import type { EvaluationMessages } from './messages.js';

/** Zod's names of types, as the input's problems say them. */
const TYPE: Readonly<Record<string, string>> = {
  number: '数字',
  int: '整数',
  boolean: '是/否（true/false）',
  string: '文本',
  object: '对象',
  array: '列表',
};
const didYouMean = (suggestion: string | undefined) =>
  suggestion === undefined ? '' : model['suggest.did-you-mean']({ suggestion });
const noData = (years: number[]) => (years.length ? `；${years.join('、')}年缺数据` : '');

export const zh: WordsOf<EvaluationMessages> = {
  'judgement.missing-data': (p) =>
    `${p.subject}${p.year}年数据不足，无法判断${p.rule}：${[...(p.missing.length ? [`缺少${p.missing.join('、')}`] : []), ...p.reasons].join('；')}`,
  'judgement.not-applicable': (p) => `${p.subject}不适用${p.rule}（${p.facts.join('；')}）`,
  'judgement.not-done': (p) => `${p.subject}截至${p.asOf}尚未完成${p.rule}`,
  'judgement.pending': (p) => `，期限${p.due}，进展：${p.progress}`,
  'judgement.lapses': (p) => `；${p.years.join('、')}年未达标`,
  'judgement.clause': (p) =>
    `${p.text}（依据${p.clauses.map((c) => c.label).join('、')}${p.lead ? `；牵头单位：${p.lead}` : ''}）`,
  'judgement.key': (p) => `${p.name}（${p.key}）`,
  'judgement.fact': (p) => `${p.name}：${p.value}`,
  'value.none': () => '无数据',
  'value.boolean': (p) => (p.value ? '是' : '否'),
  'value.cny': (p) => `${p.money}元`,
  'value.days': (p) => `${p.value}天`,
  'value.working-days': (p) => `${p.value}个工作日`,
  'value.months': (p) => `${p.value}个月`,
  'value.year': (p) => `（${p.year}）`,
  'value.separator': () => '；',
  'input.duplicate-id': ({ type, first }) =>
    !first
      ? '编号重复'
      : 'line' in first
        ? `编号重复：第${first.line}行已有此编号`
        : `编号重复：第${first.position}个${type === 'village' ? '村' : '户'}已有此编号`,
  'derived.zero-denominator': (p) => `${p.name}为0，无法计算`,
  'derived.zero-base': (p) => `${p.baseYear}年${p.name}为0，无法计算增幅`,
  'input.unknown-field': ({ fields, suggestion }) => `未知字段（应为 ${fields.join('、')}）${didYouMean(suggestion)}`,
  'input.unknown-key': ({ suggestion }) => `未知指标：方案及插件均未定义此项${didYouMean(suggestion)}`,
  'input.not-between': ({ min, max }) => `不在 ${min}–${max} 之间`,
  'input.required': () => '缺少必填项',
  'input.not-finite': () => '应为有限数字（不能是 NaN 或无穷大）',
  'input.expected-type': ({ expected }) => `应为${TYPE[expected] ?? expected}`,
  'input.negative': () => '不能为负数',
  'input.at-least': ({ minimum }) => `不能小于 ${minimum}`,
  'input.at-most': ({ maximum }) => `不能大于 ${maximum}`,
  'input.year-key': ({ first, last }) => `年份应为 ${first}–${last} 之间的四位数字，如 "2023"`,
  'input.date-outside-years': ({ first, last }) => `日期应在 ${first}–${last} 年之间`,
  'input.not-a-date': () => '不是有效日期（YYYY-MM-DD）',
  'input.invalid': ({ detail }) => `无效：${detail}`,
  'input.proto-key': () => '不允许使用键名 "__proto__"（会被忽略或改变对象原型）',
  'input.circular': () => '循环引用（如 YAML 别名包含自身）',
  'input.too-deep': ({ maxDepth }) => `嵌套过深（超过 ${maxDepth} 层）`,
  'input.before-plan-start': ({ start }) => `早于方案起始日期 ${start}`,
  'input.dated-after-as-of': ({ key, value, asOf }) =>
    `${key} 的日期 ${value} 晚于评估日期 ${asOf}，按评估日期时尚未发生处理`,
  'text.expected-yes-no': () => '应填“是”或“否”',
  'text.not-a-date': () => '不是日期，应如 2022-12-31',
  'text.not-a-number': () => '不是数字',
  'workflow.village-not-in-input': ({ key, value, village }) =>
    `流程实例给出 ${key}=${value}，但输入中没有村 ${village}，未评估`,
  'workflow.typed-differs': ({ key, given, settled, workflow, instances }) =>
    `填报的 ${key}=${given} 与流程（${workflow}：${instances}）给出的 ${settled} 不一致，采用流程的值`,
  'assessment.lapsed': ({ subject, rule, lapses, unjudged }) =>
    `${subject}“${rule}”：${lapses.join('、')}年未达标${noData(unjudged)}`,
  'assessment.unjudged': ({ subject, rule, unjudged }) => `${subject}“${rule}”：无未达标年份${noData(unjudged)}`,
  'assessment.held': ({ subject, rule, first, last }) => `${subject}“${rule}”：${first}—${last}年每年达标`,
  'value.on-or-before': () => '不晚于',
  'subject.household': ({ id }) => `农户 ${id}`,
};
