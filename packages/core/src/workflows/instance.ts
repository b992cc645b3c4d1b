/**
 * An instance (流程实例) as the runtime reads it: loaded by id, or refused naming the id, and
 * shown as queries show it.
 */
import { z } from 'zod';
import { canSee } from './authorize.js';
import { WorkflowError } from './errors.js';
import type { WorkflowStore } from './store.js';
import { DeadlineSchema, SubjectSchema, type InstanceRecord, type Principal } from './types.js';
import { workflowText } from './locales/index.js';
import { workflowMessage } from './locales/messages.js';

/** An instance (流程实例) as queries show it; `type` is its workflow type (流程类型). */
export const InstanceViewSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    tenant: z.string(),
    subject: SubjectSchema,
    state: z.string(),
    done: z.boolean(),
    /** The context, personal fields opened or masked as the asker may see them. */
    context: z.record(z.string(), z.unknown()),
    version: z.number().int(),
    machineVersion: z.number().int(),
    planHash: z.string(),
    deadlines: z.array(DeadlineSchema),
    overdue: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'InstanceView' });
/** An instance as queries show it. */
export interface InstanceView extends z.infer<typeof InstanceViewSchema> {}

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
      workflowText(workflowMessage('instance.unknown', { instance: instanceId })),
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
