/**
 * Task lists (待办): for a principal, the active instances where an event is theirs to send now,
 * and the overdue ones escalating to their unit (督办), by due date then id, paged. Candidates are
 * found in the store by the states where the principal's roles hold a grant (from the workflow
 * definitions), then each is checked with the role table itself (`allowedNow`).
 */
import { z } from 'zod';
import { attemptOn } from './attempt.js';
import { allowedNow, grantScope } from './authorize.js';
import { searchKeyOf, type SearchScope } from './search-index.js';
import {
  boundScopes,
  checkQuery,
  cursorOf,
  instanceSummary,
  InstanceSummarySchema,
  MAX_PAGE,
  QUERY_NAMES,
} from './search.js';
import type { WorkflowStore } from './store.js';
import type { WorkflowRegistry } from './registry.js';
import type { InstanceRecord, Principal, WorkflowType } from './types.js';

/** Which tasks: of some workflow types only, and a page of them. */
export interface TaskQuery {
  types?: WorkflowType[];
  /** Tasks a page (1–500, default 50). */
  limit?: number;
  /** The `next` cursor of the previous page. */
  cursor?: string;
}

/** A task (待办事项): an instance summary with the events the principal may send now. */
export const TaskSchema = InstanceSummarySchema.extend({
  /** The events the principal may send now. */
  events: z.array(z.string()),
  /** An overdue deadline escalates to the principal's unit. */
  escalated: z.boolean(),
}).meta({ id: 'Task' });
/** A task: the instance, the events the principal may send now, and whether it is escalated to its unit. */
export interface Task extends z.infer<typeof TaskSchema> {}

/** A page of tasks (待办页). */
export const TaskPageSchema = z
  .object({
    tasks: z.array(TaskSchema),
    /** The cursor of the next page, or null on the last. */
    next: z.string().nullable(),
  })
  .meta({ id: 'TaskPage' });
/** A page of tasks. */
export interface TaskPage extends z.infer<typeof TaskPageSchema> {}

/** Where `principal` may have something to do: per workflow, the states and the household or party a grant needs; and its unit's overdue instances. */
export function taskScopes(principal: Principal, workflows: WorkflowRegistry): SearchScope[] {
  const byNeed = new Map<string, SearchScope & { states: string[] }>();
  for (const definition of workflows.definitions) {
    for (const [state, node] of Object.entries(definition.machine.states as Record<string, { ownEvents: string[] }>)) {
      for (const event of new Set(node.ownEvents)) {
        for (const grant of definition.events[event]?.grants ?? []) {
          const need = grantScope(grant, principal);
          if (!need) continue;
          const key = JSON.stringify([definition.type, need.household ?? null, need.party ?? null]);
          const scope = byNeed.get(key) ?? { type: definition.type, ...need, states: [] };
          if (!scope.states.includes(state)) scope.states.push(state);
          byNeed.set(key, scope);
        }
      }
    }
  }
  const scopes: SearchScope[] = [...byNeed.values()];
  if (principal.unit) scopes.push({ party: `unit:${principal.unit}`, overdue: true });
  return boundScopes(principal, scopes);
}

/** A page of `principal`'s tasks at `now`. */
export async function listTasks(
  store: WorkflowStore,
  workflows: WorkflowRegistry,
  principal: Principal,
  query: TaskQuery,
  now: string,
): Promise<TaskPage> {
  const { filters, after, limit } = checkQuery(
    {
      ...(query.types !== undefined ? { types: query.types } : {}),
      ...(query.limit !== undefined ? { limit: query.limit } : {}),
      ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
    },
    QUERY_NAMES,
    workflows.types,
  );
  const scopes = taskScopes(principal, workflows);
  const tasks: Task[] = [];
  if (scopes.length === 0) return { tasks, next: null };
  const chunk = Math.min(MAX_PAGE, Math.max(2 * limit, 50));
  let key = after;
  for (;;) {
    const { records, more } = await store.searchInstances({
      tenant: principal.tenant,
      scopes,
      filters: { ...filters, status: 'active' },
      limit: chunk,
      counts: false,
      ...(key ? { after: key } : {}),
    });
    for (const [i, record] of records.entries()) {
      key = searchKeyOf(record);
      const task = taskOf(record, workflows, principal, now);
      if (task) tasks.push(task);
      if (tasks.length === limit) return { tasks, next: more || i < records.length - 1 ? cursorOf(key) : null };
    }
    if (!more) return { tasks, next: null };
  }
}

function taskOf(
  record: InstanceRecord,
  workflows: WorkflowRegistry,
  principal: Principal,
  now: string,
): Task | undefined {
  // an instance of a workflow this plan does not register (another served plan's) can only be escalated
  const events = workflows.has(record.type)
    ? allowedNow(attemptOn(workflows.definitionOf(record.type), record, { type: '', actor: principal }, principal, now))
    : [];
  const unit = principal.unit;
  const escalated = unit !== undefined && record.deadlines.some((d) => d.overdueAt && d.escalateTo.includes(unit));
  if (events.length === 0 && !escalated) return undefined;
  return { ...instanceSummary(record), events, escalated };
}
