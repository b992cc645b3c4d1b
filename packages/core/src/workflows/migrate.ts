/**
 * The migrate step (迁移): an instance keeps the machine version and plan it started under for
 * life; a runtime with another refuses to move it until it is migrated — explicitly, step by
 * step through the migration hooks, audited.
 */
import type { Setting } from './attempt.js';
import { auditRecord, auditWhere } from './audit.js';
import type { TransitionResult } from './commit.js';
import { domainEvent } from './deliver.js';
import { WorkflowError } from './errors.js';
import type { Envelope, InstanceRecord, Principal, WorkflowDefinition } from './types.js';
import { workflowText } from './locales/index.js';
import { workflowMessage } from './locales/messages.js';

/** Turns a snapshot of machine version `from` into one of version `from + 1`. */
export type Migration = (snapshot: Envelope['snapshot']) => Envelope['snapshot'];

/** Refuse to move an instance pinned to another machine version or plan than the runtime's. */
export function assertPinned(setting: Setting, definition: WorkflowDefinition, record: InstanceRecord): void {
  const { machineVersion, planHash: pinnedHash } = record.envelope;
  const hint = workflowText(workflowMessage('migration.hint', {}));
  if (machineVersion !== definition.version) {
    throw new WorkflowError(
      'machine-version',
      workflowText(
        workflowMessage('migration.machine-version', {
          instance: record.id,
          version: machineVersion,
          runtime: definition.version,
        }),
      ),
      { instanceId: record.id, state: record.state, reasons: [hint] },
    );
  }
  if (pinnedHash !== setting.planHash) {
    throw new WorkflowError(
      'plan-mismatch',
      workflowText(
        workflowMessage('migration.plan', { instance: record.id, pinned: pinnedHash, runtime: setting.planHash }),
      ),
      { instanceId: record.id, state: record.state, reasons: [hint] },
    );
  }
}

/**
 * Move an instance (its migration authorized) to `definition`'s machine version and the
 * runtime's plan, audited; `migrations` are its workflow's, by the version they start from.
 */
export async function migrateInstance(
  setting: Setting,
  migrations: Readonly<Record<number, Migration>> | undefined,
  definition: WorkflowDefinition,
  record: InstanceRecord,
  { actor, reason }: { actor: Principal; reason: string },
): Promise<TransitionResult> {
  let snapshot = record.envelope.snapshot;
  for (let version = record.envelope.machineVersion; version < definition.version; version += 1) {
    const step = migrations?.[version];
    if (!step) {
      throw new WorkflowError(
        'machine-version',
        workflowText(
          workflowMessage('migration.missing-step', { workflow: record.type, from: version, to: version + 1 }),
        ),
        { instanceId: record.id },
      );
    }
    snapshot = step(snapshot);
  }
  const at = setting.now();
  const migrated: InstanceRecord = {
    ...record,
    state: snapshot.value,
    envelope: { ...record.envelope, machineVersion: definition.version, planHash: setting.planHash, snapshot },
    version: record.version + 1,
    updatedAt: at,
  };
  const data = {
    fromVersion: record.envelope.machineVersion,
    toVersion: definition.version,
    fromPlan: record.envelope.planHash,
    toPlan: setting.planHash,
    reason,
  };
  await setting.store.save(migrated, record.version, {
    audit: [
      auditRecord(auditWhere(migrated), {
        event: 'MIGRATE',
        outcome: 'migrated',
        actor,
        at,
        stateBefore: record.state,
        stateAfter: snapshot.value,
        payload: data,
      }),
    ],
    outbox: [domainEvent(migrated, 'migrated', at, data)],
  });
  return {
    instanceId: record.id,
    event: 'MIGRATE',
    from: record.state,
    to: snapshot.value,
    version: migrated.version,
    at,
  };
}
