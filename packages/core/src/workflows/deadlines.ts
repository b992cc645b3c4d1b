/**
 * Deadlines (期限) of an instance: set on entering a state by the workflow's rules, kept while
 * it stays in the rule's states, cleared on leaving them; the next one to pass is what a store
 * indexes for `tick`.
 */
import { parameterValue } from '../model/parameters.js';
import type { Setting } from './attempt.js';
import { endOfLocalDay, localDate } from './calendar.js';
import type { Deadline, WorkflowDefinition } from './types.js';

/** Deadlines after entering `after` from `before` (null on a start) at `at`. */
export function nextDeadlines(
  { plan, calendar }: Setting,
  definition: WorkflowDefinition,
  current: Deadline[],
  before: string | null,
  after: string,
  context: Record<string, unknown>,
  at: string,
): Deadline[] {
  const today = localDate(at);
  const result: Deadline[] = [];
  for (const rule of definition.deadlines) {
    const isActive = rule.states.includes(after);
    if (!isActive) continue;
    const wasActive = before !== null && rule.states.includes(before);
    const kept = current.find((d) => d.id === rule.id);
    if (wasActive && kept) {
      result.push(kept);
      continue;
    }
    const due = rule.due({ context, today, parameter: (id) => parameterValue(plan, id, today), calendar });
    if (due)
      result.push({
        id: rule.id,
        name: rule.name,
        due,
        firesAt: endOfLocalDay(due),
        escalateTo: rule.escalateTo(plan),
      });
  }
  return result;
}

/** The instant the first deadline not yet overdue passes, or null. */
export const nextDeadlineAt = (deadlines: Deadline[]): string | null =>
  deadlines
    .filter((d) => !d.overdueAt)
    .reduce<string | null>((min, d) => (min === null || d.firesAt < min ? d.firesAt : min), null);
