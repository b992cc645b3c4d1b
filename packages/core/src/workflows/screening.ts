/**
 * Monitoring started from screening (筛查): every household the evaluation found at risk gets a
 * `poverty-monitoring` case through the department-alert channel, idempotently per screening
 * date and household, so a screening run again starts nothing twice.
 */
import type { Report as EvaluationReport } from '../evaluate/types.js';
import type { StartInput } from './attempt.js';
import type { TransitionResult } from './commit.js';
import type { Principal } from './types.js';

/** The outcome for one household of starting monitoring from screening results. */
export interface ScreeningStart {
  household: string;
  village: string;
  instanceId: string;
  outcome: 'started' | 'added' | 'duplicate';
}

/** Start (or flag on the open case of) every household with a risk, one after another. */
export async function startMonitoring(
  report: EvaluationReport,
  { tenant, actor }: { tenant: string; actor: Principal },
  start: (input: StartInput) => Promise<TransitionResult>,
): Promise<ScreeningStart[]> {
  const started: ScreeningStart[] = [];
  for (const household of report.households.filter((h) => h.risks.length > 0)) {
    const result = await start({
      tenant,
      subject: { village: household.villageId, household: household.subject.id },
      event: {
        type: 'FLAG',
        actor,
        payload: {
          channel: 'department-alert',
          riskTypes: household.risks,
          note: household.details.map((d) => d.message.zh).join('；'),
          ...(household.category ? { suggestedCategory: household.category } : {}),
        },
        idempotencyKey: `screening:${report.asOf}:${household.subject.id}`,
      },
    });
    started.push({
      household: household.subject.id,
      village: household.villageId,
      instanceId: result.instanceId,
      outcome: result.duplicate ? 'duplicate' : result.from === null ? 'started' : 'added',
    });
  }
  return started;
}
