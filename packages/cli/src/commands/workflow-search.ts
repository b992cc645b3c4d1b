/**
 * `ruralkit workflow list` and `workflow tasks`: a principal's search of its tenant's instances
 * (实例检索) and its task list (待办), as text or JSON.
 */
import { queryFromText, type InstanceSummary, type Principal, type QueryNames, type Runtime } from '@ruralkit/core';
import type { Io } from '../io.js';
import { cliMessage, englishWord, inBoth, label } from '../locales/index.js';
import { stripControls } from '../safe-text.js';

/** The query's fields as this command's options spell them, for refusals. */
const OPTION_NAMES: QueryNames = {
  types: '--type',
  states: '--state',
  village: '--village',
  township: '--township',
  household: '--household',
  unit: '--unit',
  overdue: '--overdue',
  dueBefore: '--due-before',
  dueAfter: '--due-after',
  updatedSince: '--updated-since',
  limit: '--limit',
  cursor: '--cursor',
  counts: '--counts',
};

/** The options `list` and `tasks` read (besides the store's, --as and --format). */
export const searchOptions = {
  type: { type: 'string' },
  state: { type: 'string' },
  unit: { type: 'string' },
  overdue: { type: 'boolean' },
  'due-before': { type: 'string' },
  'due-after': { type: 'string' },
  'updated-since': { type: 'string' },
  limit: { type: 'string' },
  cursor: { type: 'string' },
  counts: { type: 'boolean' },
} as const;

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** `workflow list`: one line an instance, the counts by state, the next page's cursor. */
export async function list(
  runtime: Runtime,
  principal: Principal,
  values: Record<string, unknown>,
  io: Io,
  json: boolean,
): Promise<void> {
  const query = queryFromText(
    {
      types: text(values.type),
      states: text(values.state),
      village: text(values.village),
      township: text(values.township),
      household: text(values.household),
      unit: text(values.unit),
      overdue: values.overdue === true ? 'true' : undefined,
      dueBefore: text(values['due-before']),
      dueAfter: text(values['due-after']),
      updatedSince: text(values['updated-since']),
      limit: text(values.limit),
      cursor: text(values.cursor),
      counts: values.counts === true ? 'true' : undefined,
    },
    OPTION_NAMES,
    runtime.workflows.types,
  );
  const page = await runtime.search(principal, query);
  if (json) return void io.stdout(`${JSON.stringify(page, null, 2)}\n`);
  const say = (line: string) => io.stdout(`${stripControls(line)}\n`);
  const all = page.counts ? `（${inBoth(cliMessage('search.in-all', { total: total(page.counts) }))}）` : '';
  say(`${label('search.instances', ' ')}: ${page.instances.length}${all}`);
  if (page.counts && Object.keys(page.counts).length) {
    const counts = Object.entries(page.counts).map(([state, n]) => `${state} ${n}`);
    say(`${label('search.by-state', ' ')}: ${counts.join(', ')}`);
  }
  for (const instance of page.instances) say(line(instance));
  more(page.next, say);
}

/** `workflow tasks`: one line a task, with the events allowed now and whether it is escalated. */
export async function tasks(
  runtime: Runtime,
  principal: Principal,
  values: Record<string, unknown>,
  io: Io,
  json: boolean,
): Promise<void> {
  const { types, limit, cursor } = queryFromText(
    { types: text(values.type), limit: text(values.limit), cursor: text(values.cursor) },
    OPTION_NAMES,
    runtime.workflows.types,
  );
  const page = await runtime.tasks(principal, {
    ...(types ? { types } : {}),
    ...(limit !== undefined ? { limit } : {}),
    ...(cursor !== undefined ? { cursor } : {}),
  });
  if (json) return void io.stdout(`${JSON.stringify(page, null, 2)}\n`);
  const say = (line: string) => io.stdout(`${stripControls(line)}\n`);
  say(`${label('search.tasks', ' ')}: ${page.tasks.length}`);
  for (const task of page.tasks) {
    const events = task.events.length ? task.events.join(', ') : `（${label('instance.none')}）`;
    const escalated = task.escalated ? `  ${label('instance.escalated', ' ')}` : '';
    say(`${line(task)}  ${label('instance.allowed-now', ' ')}: ${events}${escalated}`);
  }
  more(page.next, say);
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

/** `2022-01-31  <id>  poverty-monitoring  verifying  nianyushan / liuyang / lh-001  逾期 OVERDUE`. */
function line(instance: InstanceSummary): string {
  const { township, village, household } = instance.subject;
  const subject = [township, village, household].filter(Boolean).join(' / ');
  const overdue = instance.overdue ? `  ${label('instance.overdue', ' ')}` : '';
  return `${(instance.due ?? '—').padEnd(10)}  ${instance.id}  ${instance.type}  ${instance.state}${instance.status === 'done' ? englishWord('instance.final') : ''}  ${subject}${overdue}`;
}

function more(next: string | null, say: (line: string) => void): void {
  if (next) say(`${label('search.next-page', ' ')}: --cursor ${next}`);
}
