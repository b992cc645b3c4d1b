/**
 * The period assessment (期末考核): on or after the plan's last day, whether each annual and
 * ongoing rule held in every year of the period, or the years it did not. Read from the results'
 * years, never judged again.
 */
import type { Plan } from '../model/schema.js';
import type { AssessedRule, PeriodAssessment, RuleResult } from './types.js';

/** The assessment of `results` at `asOf`, or undefined before the plan's last day. */
export function periodAssessment(
  plan: Plan,
  asOf: string,
  results: readonly RuleResult[],
): PeriodAssessment | undefined {
  if (asOf < plan.period.end) return undefined;
  const counts = { held: 0, lapsed: 0, unjudged: 0 };
  const rules: AssessedRule[] = [];
  for (const result of results) {
    if (result.kind === 'deadline' || !result.years) continue;
    const lapses = result.lapses ?? [];
    const unjudged = result.years.filter((y) => y.status === 'missing-data').map((y) => y.year);
    const outcome = lapses.length > 0 ? 'lapsed' : unjudged.length > 0 ? 'unjudged' : 'held';
    counts[outcome]++;
    rules.push({
      subject: result.subject,
      ruleId: result.ruleId,
      ruleName: result.ruleName,
      kind: result.kind,
      outcome,
      lapses,
      unjudged,
      message: assessedMessage(result, outcome, lapses, unjudged, plan.period),
    });
  }
  return { period: { start: plan.period.start, end: plan.period.end }, counts, rules };
}

function assessedMessage(
  result: RuleResult,
  outcome: AssessedRule['outcome'],
  lapses: number[],
  unjudged: number[],
  period: Plan['period'],
): AssessedRule['message'] {
  const [first, last] = [period.start.slice(0, 4), period.end.slice(0, 4)];
  const { subject, ruleName } = result;
  const head = { zh: `${subject.name.zh}“${ruleName.zh}”`, en: `${subject.name.en}, “${ruleName.en}”` };
  const missing = unjudged.length
    ? { zh: `；${unjudged.join('、')}年缺数据`, en: `; no data for ${unjudged.join(', ')}` }
    : { zh: '', en: '' };
  if (outcome === 'lapsed') {
    return {
      zh: `${head.zh}：${lapses.join('、')}年未达标${missing.zh}`,
      en: `${head.en}: not met in ${lapses.join(', ')}${missing.en}`,
    };
  }
  if (outcome === 'unjudged')
    return { zh: `${head.zh}：无未达标年份${missing.zh}`, en: `${head.en}: no year not met${missing.en}` };
  return { zh: `${head.zh}：${first}—${last}年每年达标`, en: `${head.en}: met in every year ${first}–${last}` };
}
