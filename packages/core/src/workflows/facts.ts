/**
 * Workflows as a source of facts (流程产生的指标): the indicators a plan's procedures settle,
 * derived from a tenant's workflow history as of a date, each with the instances it came from.
 * Which facts a workflow settles is its definition's `settles`; this module reads the history
 * and hands each definition the histories of its instances.
 */
import type { WorkflowFact } from '../evaluate/types.js';
import type { Plan } from '../model/schema.js';
import { workflowsFor } from './definitions.js';
import { historiesOf } from './histories.js';
import type { WorkflowStore } from './store.js';

/**
 * The facts `tenant`'s workflows under `plan` settle as of `asOf` (a local date, China time),
 * from its audit log: only what was recorded on or before that day is read.
 */
export async function deriveWorkflowFacts(
  store: Pick<WorkflowStore, 'readAudit' | 'load'>,
  { plan, tenant, asOf, firstYear }: { plan: Plan; tenant: string; asOf: string; firstYear: number },
): Promise<WorkflowFact[]> {
  const histories = await historiesOf(store, tenant, asOf);
  const period = { firstYear, lastYear: Number(asOf.slice(0, 4)), asOf };
  return workflowsFor(plan).definitions.flatMap(
    (definition) =>
      definition.settles?.(
        histories.filter((h) => h.workflow === definition.type),
        period,
      ) ?? [],
  );
}
