/** 评估消息的中文措辞 / the evaluation's words in Chinese. */
import type { WordsOf } from '../../model/message.js';
import type { EvaluationMessages } from './messages.js';

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
};
