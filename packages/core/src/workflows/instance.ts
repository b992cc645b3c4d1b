/**
 * An instance (流程实例) as the runtime reads it: loaded by id, or refused naming the id, and
 * shown as queries show it.
 */
import { canSee } from './authorize.js';
import { WorkflowError } from './errors.js';
import type { WorkflowStore } from './store.js';
import type { Deadline, InstanceRecord, Principal, Subject, WorkflowType } from './types.js';

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

/**
 * The instance `instanceId`, or `unknown-instance`; given a `reader`, an instance it may not see
 * (`canSee`) is answered exactly as a missing one.
 */
export async function loadInstance(
  store: WorkflowStore,
  instanceId: string,
  reader?: Principal,
): Promise<InstanceRecord> {
  const record = await store.load(instanceId);
  if (!record || (reader && !canSee(reader, record.tenant, record.subject))) {
    throw new WorkflowError(
      'unknown-instance',
      { zh: `没有实例 ${instanceId}`, en: `no instance ${instanceId}` },
      { instanceId },
    );
  }
  return record;
}

/** The view of a stored instance, with its context as the asker may see it (personal fields opened or masked). */
export function instanceView(record: InstanceRecord, context: Record<string, unknown>): InstanceView {
  return {
    id: record.id,
    type: record.type,
    tenant: record.tenant,
    subject: record.subject,
    state: record.state,
    done: record.status === 'done',
    context,
    version: record.version,
    machineVersion: record.envelope.machineVersion,
    planHash: record.envelope.planHash,
    deadlines: record.deadlines,
    overdue: record.deadlines.some((d) => d.overdueAt),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
