/**
 * Instance histories (实例历史) as the facts a workflow settles are read from: each instance's
 * accepted audit entries up to a date, and the helpers a definition's `settles` reads them with.
 */
import type { FactSource, WorkflowFact } from '../evaluate/types.js';
import { localDate } from './calendar.js';
import type { WorkflowStore } from './store.js';
import type { AuditEntry, WorkflowHistory } from './types.js';

/** The tenant's instances with their accepted entries recorded on or before `asOf`, oldest first. */
export async function historiesOf(
  store: Pick<WorkflowStore, 'readAudit' | 'load'>,
  tenant: string,
  asOf: string,
): Promise<WorkflowHistory[]> {
  const entries = (await store.readAudit({ tenant })).filter(
    (e) => e.instanceId !== null && e.outcome !== 'refused' && localDate(e.at) <= asOf,
  );
  const byInstance = groupBy(entries, (e) => e.instanceId!);
  const histories: WorkflowHistory[] = [];
  for (const [id, own] of byInstance) {
    const record = await store.load(id);
    if (!record) continue;
    histories.push({ id, village: record.subject.village, workflow: record.type, entries: own });
  }
  return histories;
}

/** The index of an instance's last entry on or before `date`, or -1. */
export function lastIndexOn(h: WorkflowHistory, date: string): number {
  return lastIndex(h.entries, (e: AuditEntry) => localDate(e.at) <= date);
}

/** The index of the last item that `matches`, or -1. */
export function lastIndex<T>(items: readonly T[], matches: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (matches(items[i]!)) return i;
  return -1;
}

/** An instance as read at its `index`-th entry: each accepted entry is one version. */
export function at(h: WorkflowHistory, index: number): { id: string; version: number } {
  return { id: h.id, version: index + 1 };
}

/** A fact of `village` in `year`, settled by `workflow`'s `instances`. */
export function fact(
  village: string,
  year: number,
  key: string,
  value: WorkflowFact['value'],
  workflow: string,
  instances: FactSource['instances'],
): WorkflowFact {
  return { village, year, key, value, source: { workflow, instances } };
}

export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
