/**
 * Workflows started from screening (筛查): for every household the evaluation found at risk,
 * each workflow of the plan started by screening (`startedByScreening`) gets the start its
 * definition makes, idempotently (the definition's key), so a screening run again starts nothing twice.
 */
import type { Report as EvaluationReport } from '../evaluate/types.js';
import type { StartInput } from './attempt.js';
import type { TransitionResult } from './commit.js';
import type { Principal, WorkflowDefinition } from './types.js';

/** The outcome for one household of starting a workflow from screening results. */
export interface ScreeningStart {
  household: string;
  village: string;
  instanceId: string;
  outcome: 'started' | 'added' | 'duplicate';
}

/** Start (or send the start event to the open case of) every household with a risk, one after another. */
export async function startFromScreening(
  report: EvaluationReport,
  { tenant, actor }: { tenant: string; actor: Principal },
  definitions: readonly WorkflowDefinition[],
  start: (type: string, input: StartInput) => Promise<TransitionResult>,
): Promise<ScreeningStart[]> {
  const started: ScreeningStart[] = [];
  for (const definition of definitions) {
    if (!definition.startedByScreening) continue;
    for (const household of report.households.filter((h) => h.risks.length > 0)) {
      const { subject, event } = definition.startedByScreening(household, report.asOf);
      const result = await start(definition.type, { tenant, subject, event: { ...event, actor } });
      started.push({
        household: household.subject.id,
        village: household.villageId,
        instanceId: result.instanceId,
        outcome: result.duplicate ? 'duplicate' : result.from === null ? 'started' : 'added',
      });
    }
  }
  return started;
}
