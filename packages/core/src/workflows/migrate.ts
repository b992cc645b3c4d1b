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

/** Turns a snapshot of machine version `from` into one of version `from + 1`. */
export type Migration = (snapshot: Envelope['snapshot']) => Envelope['snapshot'];

/** Refuse to move an instance pinned to another machine version or plan than the runtime's. */
export function assertPinned(setting: Setting, definition: WorkflowDefinition, record: InstanceRecord): void {
  const { machineVersion, planHash: pinnedHash } = record.envelope;
  const hint = { zh: '请先以 migrate 显式迁移该实例', en: 'migrate the instance explicitly first' };
  if (machineVersion !== definition.version) {
    throw new WorkflowError(
      'machine-version',
      {
        zh: `实例 ${record.id} 的流程版本为 ${machineVersion}，本运行时为 ${definition.version}`,
        en: `instance ${record.id} runs machine version ${machineVersion}; this runtime has version ${definition.version}`,
      },
      { instanceId: record.id, state: record.state, reasons: [hint] },
    );
  }
  if (pinnedHash !== setting.planHash) {
    throw new WorkflowError(
      'plan-mismatch',
      {
        zh: `实例 ${record.id} 按方案 ${pinnedHash} 启动，本运行时的方案为 ${setting.planHash}`,
        en: `instance ${record.id} was started under plan ${pinnedHash}; this runtime runs plan ${setting.planHash}`,
      },
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
        {
          zh: `没有 ${record.type} 从版本 ${version} 到 ${version + 1} 的迁移`,
          en: `no migration of ${record.type} from machine version ${version} to ${version + 1}`,
        },
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
