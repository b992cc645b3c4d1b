/**
 * The period assessment (期末考核): on or after the plan's last day, whether each annual and
 * ongoing rule held in every year of the period, or the years it did not. Read from the results'
 * years, never judged again.
 */
import type { Plan } from '../model/schema.js';
import type { Lang } from './format.js';
import type { AssessedRule, PeriodAssessment, RuleResult } from './types.js';
import { EVALUATION_WORDS } from './locales/index.js';

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
  const say = (lang: Lang) => {
    const [name, rule] = [subject.name[lang], ruleName[lang]];
    const words = EVALUATION_WORDS[lang];
    if (outcome === 'lapsed') return words['assessment.lapsed']({ subject: name, rule, lapses, unjudged });
    if (outcome === 'unjudged') return words['assessment.unjudged']({ subject: name, rule, unjudged });
    return words['assessment.held']({ subject: name, rule, first, last });
  };
  return { zh: say('zh'), en: say('en') };
}
