// A third language for tests (伪语言): the evaluation's words.
import type { EvaluationMessages, WordsOf } from '../../src/index.js';

export const pseudo: WordsOf<EvaluationMessages> = {
  'judgement.missing-data': (p) =>
    `⟪${p.subject} ${p.year} ${p.rule} missing ${p.missing.join('+')} ${p.reasons.join('+')}⟫`,
  'judgement.not-applicable': (p) => `⟪${p.rule} not for ${p.subject}: ${p.facts.join('+')}⟫`,
  'judgement.not-done': (p) => `⟪${p.subject} not done ${p.rule} ${p.asOf}⟫`,
  'judgement.pending': (p) => `⟪due ${p.due} ${p.progress}⟫`,
  'judgement.lapses': (p) => `⟪lapsed ${p.years.join('+')}⟫`,
  'judgement.clause': (p) => `${p.text} ⟪${p.clauses.map((c) => c.id).join('+')} ${p.lead ?? ''}⟫`,
  'judgement.key': (p) => `⟪${p.name}/${p.key}⟫`,
  'judgement.fact': (p) => `⟪${p.name}=${p.value}⟫`,
  'value.none': () => '⟪none⟫',
  'value.boolean': (p) => `⟪${p.value}⟫`,
  'value.cny': (p) => `⟪¥${p.money}⟫`,
  'value.days': (p) => `⟪${p.value}d⟫`,
  'value.working-days': (p) => `⟪${p.value}wd⟫`,
  'value.months': (p) => `⟪${p.value}m⟫`,
  'value.year': (p) => `⟪@${p.year}⟫`,
  'value.separator': () => '⟪;⟫',
  'input.duplicate-id': ({ first }) => `⟪duplicate ${JSON.stringify(first)}⟫`,
  'derived.zero-denominator': (p) => `⟪${p.name} is 0⟫`,
  'derived.zero-base': (p) => `⟪${p.name} 0 in ${p.baseYear}⟫`,
};
