/** The evaluation's words in English (评估消息的英文措辞). */
import type { WordsOf } from '../../model/message.js';
import type { EvaluationMessages } from './messages.js';

export const en: WordsOf<EvaluationMessages> = {
  'judgement.missing-data': (p) =>
    `${p.subject}: cannot judge ${p.rule} for ${p.year}: ${[...(p.missing.length ? [`missing ${p.missing.join(', ')}`] : []), ...p.reasons].join('; ')}`,
  'judgement.not-applicable': (p) => `${p.rule} does not apply to ${p.subject} (${p.facts.join('; ')})`,
  'judgement.not-done': (p) => `${p.subject} had not completed ${p.rule} as of ${p.asOf}`,
  'judgement.pending': (p) => `; due ${p.due}, progress: ${p.progress}`,
  'judgement.lapses': (p) => `; not met in ${p.years.join(', ')}`,
  'judgement.clause': (p) =>
    `${p.text} (clause ${p.clauses.map((c) => c.id).join(', ')}${p.lead ? `; lead unit: ${p.lead}` : ''})`,
  'judgement.key': (p) => `${p.name} (${p.key})`,
  'judgement.fact': (p) => `${p.name}: ${p.value}`,
  'value.none': () => 'no data',
  'value.boolean': (p) => (p.value ? 'yes' : 'no'),
  'value.cny': (p) => `CNY ${p.money}`,
  'value.days': (p) => `${p.value} days`,
  'value.working-days': (p) => `${p.value} working days`,
  'value.months': (p) => `${p.value} months`,
  'value.year': (p) => ` (${p.year})`,
  'value.separator': () => '; ',
  'input.duplicate-id': ({ type, first }) =>
    !first
      ? 'duplicate id'
      : 'line' in first
        ? `duplicate id: line ${first.line} has it already`
        : `duplicate id: ${type} #${first.position} has it already`,
  'derived.zero-denominator': (p) => `${p.name} is 0, so the ratio cannot be computed`,
  'derived.zero-base': (p) => `${p.name} was 0 in ${p.baseYear}, so growth cannot be computed`,
};
