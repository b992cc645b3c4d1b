/**
 * Workflows opened from evaluation (未达标整改): every binding village target that is not met
 * gets a case of each workflow of the plan opened for targets (`openedForTarget`), idempotently
 * (the definition's key), so an evaluation run again opens nothing twice (opt-in: the runtime's
 * `openRectifications`).
 */
import type { Report as EvaluationReport } from '../evaluate/types.js';
import type { StartInput } from './attempt.js';
import type { TransitionResult } from './commit.js';
import type { Principal, WorkflowDefinition } from './types.js';

/** The outcome for one not-met target of opening a case from an evaluation. */
export interface RectificationStart {
  village: string;
  ruleId: string;
  year: number;
  instanceId: string;
  outcome: 'started' | 'duplicate';
}

/** Open (or find, when already opened) a case for every not-met binding village target, one after another. */
export async function openForTargets(
  report: EvaluationReport,
  { tenant, actor }: { tenant: string; actor: Principal },
  definitions: readonly WorkflowDefinition[],
  start: (type: string, input: StartInput) => Promise<TransitionResult>,
): Promise<RectificationStart[]> {
  const opened: RectificationStart[] = [];
  const failing = report.results.filter(
    (r) => r.subject.type === 'village' && r.strength === 'binding' && r.status === 'not-met',
  );
  for (const definition of definitions) {
    if (!definition.openedForTarget) continue;
    for (const result of failing) {
      const { subject, event } = definition.openedForTarget(result);
      const started = await start(definition.type, { tenant, subject, event: { ...event, actor } });
      opened.push({
        village: result.subject.id,
        ruleId: result.ruleId,
        year: result.year,
        instanceId: started.instanceId,
        outcome: started.duplicate ? 'duplicate' : 'started',
      });
    }
  }
  return opened;
}
