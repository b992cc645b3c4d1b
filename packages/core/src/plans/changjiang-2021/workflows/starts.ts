/**
 * How the Changjiang procedures start from an evaluation: a household screening (筛查) finds at
 * risk is flagged for monitoring through the department-alert channel, once per screening date
 * and household; a binding village target not met (未达标整改) is reported for rectification
 * as an inspection finding naming the rule, its clause and the year, once per village, rule and year.
 */
import type { HouseholdResult, RuleResult } from '../../../evaluate/types.js';
import type { EvaluationStart } from '../../../workflows/types.js';

/** The monitoring flag of a household screening found at risk. */
export function screeningFlag(household: HouseholdResult, asOf: string): EvaluationStart {
  return {
    subject: { village: household.villageId, household: household.subject.id },
    event: {
      type: 'FLAG',
      payload: {
        channel: 'department-alert',
        riskTypes: household.risks,
        note: household.details.map((d) => d.message.zh).join('；'),
        ...(household.category ? { suggestedCategory: household.category } : {}),
      },
      idempotencyKey: `screening:${asOf}:${household.subject.id}`,
    },
  };
}

/** The rectification report of a binding village target not met. */
export function targetReport(result: RuleResult): EvaluationStart {
  const { subject, ruleId, year, clause } = result;
  return {
    subject: { village: subject.id },
    event: {
      type: 'REPORT',
      payload: {
        source: 'inspection',
        category: 'other',
        description: result.message.zh,
        target: { ruleId, clause: clause.id, year },
      },
      idempotencyKey: `target:${subject.id}:${ruleId}:${year}`,
    },
  };
}
