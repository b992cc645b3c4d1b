/**
 * An instance (流程实例) as the runtime reads it: loaded by id, or refused naming the id, and
 * shown as queries show it.
 */
import { WorkflowError } from './errors.js';
import type { WorkflowStore } from './store.js';
import type { Deadline, InstanceRecord, Subject, WorkflowType } from './types.js';

/** An instance as queries show it. */
export interface InstanceView {
  id: string;
  type: WorkflowType;
  tenant: string;
  subject: Subject;
  state: string;
  done: boolean;
  context: Record<string, unknown>;
  version: number;
  machineVersion: number;
  planHash: string;
  deadlines: Deadline[];
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The instance `instanceId`, or `unknown-instance`. */
export async function loadInstance(store: WorkflowStore, instanceId: string): Promise<InstanceRecord> {
  const record = await store.load(instanceId);
  if (!record) {
    throw new WorkflowError(
      'unknown-instance',
      { zh: `没有实例 ${instanceId}`, en: `no instance ${instanceId}` },
      { instanceId },
    );
  }
  return record;
}

/** The view of a stored instance. */
export function instanceView(record: InstanceRecord): InstanceView {
  return {
    id: record.id,
    type: record.type,
    tenant: record.tenant,
    subject: record.subject,
    state: record.state,
    done: record.status === 'done',
    context: record.envelope.snapshot.context,
    version: record.version,
    machineVersion: record.envelope.machineVersion,
    planHash: record.envelope.planHash,
    deadlines: record.deadlines,
    overdue: record.deadlines.some((d) => d.overdueAt),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
