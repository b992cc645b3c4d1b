/** The evaluation's words in English (评估消息的英文措辞). */
import type { WordsOf } from '../../model/message.js';
import { en as model } from '../../model/locales/en.js';
import type { EvaluationMessages } from './messages.js';

const didYouMean = (suggestion: string | undefined) =>
  suggestion === undefined ? '' : model['suggest.did-you-mean']({ suggestion });
const noData = (years: number[]) => (years.length ? `; no data for ${years.join(', ')}` : '');

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
  'input.unknown-field': ({ fields, suggestion }) =>
    `unknown field (expected ${fields.join(', ')})${didYouMean(suggestion)}`,
  'input.unknown-key': ({ suggestion }) =>
    `unknown key: neither the plan nor a plugin defines it${didYouMean(suggestion)}`,
  'input.not-between': ({ min, max }) => `not between ${min} and ${max}`,
  'input.required': () => 'required but missing',
  'input.not-finite': () => 'expected a finite number, not NaN or Infinity',
  'input.expected-type': ({ expected }) => `expected ${expected === 'int' ? 'a whole number' : expected}`,
  'input.negative': () => 'must not be negative',
  'input.at-least': ({ minimum }) => `must be at least ${minimum}`,
  'input.at-most': ({ maximum }) => `must be at most ${maximum}`,
  'input.year-key': ({ first, last }) => `a year must be four digits from ${first} to ${last}, such as "2023"`,
  'input.date-outside-years': ({ first, last }) => `a date must fall in the years ${first} to ${last}`,
  'input.not-a-date': () => 'not a real date (YYYY-MM-DD)',
  'input.invalid': ({ detail }) => `invalid: ${detail}`,
  'input.proto-key': () => 'the key "__proto__" is not allowed (it would be dropped or change the object prototype)',
  'input.circular': () => 'circular reference (such as a YAML alias that contains itself)',
  'input.too-deep': ({ maxDepth }) => `nested too deeply (more than ${maxDepth} levels)`,
  'input.before-plan-start': ({ start }) => `before the plan's start, ${start}`,
  'input.dated-after-as-of': ({ key, value, asOf }) =>
    `${key} is dated ${value}, after the as-of date ${asOf}: treated as not yet happened`,
  'text.expected-yes-no': () => 'expected 是 or 否 (yes or no)',
  'text.not-a-date': () => 'not a date; write it like 2022-12-31',
  'text.not-a-number': () => 'not a number',
  'workflow.village-not-in-input': ({ key, value, village }) =>
    `the workflows give ${key}=${value}, but village ${village} is not in the input: not evaluated`,
  'workflow.typed-differs': ({ key, given, settled, workflow, instances }) =>
    `the typed ${key}=${given} differs from ${settled} that the workflow (${workflow}: ${instances}) gives; the workflow's value is used`,
  'assessment.lapsed': ({ subject, rule, lapses, unjudged }) =>
    `${subject}, “${rule}”: not met in ${lapses.join(', ')}${noData(unjudged)}`,
  'assessment.unjudged': ({ subject, rule, unjudged }) => `${subject}, “${rule}”: no year not met${noData(unjudged)}`,
  'assessment.held': ({ subject, rule, first, last }) => `${subject}, “${rule}”: met in every year ${first}–${last}`,
  'value.on-or-before': () => 'on or before',
  'subject.household': ({ id }) => `Household ${id}`,
};
