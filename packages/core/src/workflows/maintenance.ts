/**
 * Maintenance (运维): the store-wide work no plan owns — firing passed deadlines (`tick.ts`),
 * delivering domain events (`deliver.ts`), verifying the audit chains (`audit-verify.ts`) and
 * signing checkpoints (`checkpoint.ts`, on schedule with `auto-checkpoint.ts`). One maintenance
 * serves a store, for every tenant or one; the runtimes of the plans served over that store
 * (`runtime.ts`) write through it, so the audit key signs every entry, whoever writes it, and
 * their commits wake its delivery.
 */
import { randomUUID } from 'node:crypto';
import { RuralkitError } from '../model/errors.js';
import type { AuditVerification } from './audit.js';
import { entrySigner, signingStore } from './audit-sign.js';
import { checkpointStoreAudit, verifyStoreAudit, type AuditVerifyOptions } from './audit-verify.js';
import { scheduleCheckpoints, type AutoCheckpoint } from './auto-checkpoint.js';
import { systemClock, type Clock } from './calendar.js';
import { checkpointPrivateKey, type AuditCheckpoint, type CheckpointKey, type PublicKeys } from './checkpoint.js';
import { createDelivery, type DomainEventHandler } from './deliver.js';
import { idempotencySecret } from './idempotency.js';
import type { Lease, WorkflowStore } from './store.js';
import { fireDeadlines, type OverdueNotice } from './tick.js';
import { workflowText } from './locales/index.js';
import { workflowMessage } from './locales/messages.js';

export interface MaintenanceOptions {
  store: WorkflowStore;
  /** Which deadlines have passed, and when checkpoints are signed (default: the system's clock). */
  clock?: Clock;
  /** Only this tenant's (租户) deadlines, chains and checkpoints (default: every tenant's). */
  tenant?: string;
  /**
   * The lease passed deadlines and domain events are claimed with: `owner` names the process
   * (default: a random id), `ms` is how long a claim lasts if the process dies before finishing
   * (default 30 s); then another process takes the work over.
   */
  lease?: { owner?: string; ms?: number };
  /**
   * The audit key (审计密钥): an Ed25519 private key (PEM or key object) kept outside the
   * database. Every audit entry written through this maintenance — by it or by the runtimes
   * given it — is signed with it, idempotency keys are stored as an HMAC under a key derived
   * from it, and `checkpoint()` signs with it.
   */
  auditKey?: CheckpointKey;
  /** Checkpoint with the audit key on its own: after every N entries written, every T minutes. */
  autoCheckpoint?: AutoCheckpoint;
}

/** The store-wide work over one store: for every tenant, or the one it is scoped to. */
export interface Maintenance {
  /** The tenant this maintenance is scoped to; undefined for every tenant. */
  readonly tenant: string | undefined;
  /**
   * Mark passed deadlines overdue, audit them and emit `overdue` naming the units to escalate
   * to: of the scope's tenants, or only `tenant`'s.
   */
  tick(now?: Date, options?: { tenant?: string }): Promise<OverdueNotice[]>;
  /** Receive domain events (at least once), of every tenant; returns the unsubscribe function. */
  subscribe(handler: DomainEventHandler): () => void;
  /** Deliver pending domain events to subscribers now (also done after every commit through it). */
  deliver(): Promise<number>;
  /**
   * Verify the scope's audit chains, or only `tenant`'s: the rows as stored, the heads, the
   * signed checkpoints (signatures too, given `publicKey`), the instance and outbox rows.
   */
  verify(options?: string | AuditVerifyOptions): Promise<AuditVerification>;
  /**
   * Verify, then sign and store a checkpoint of each chain head in scope (签名检查点) with
   * `privateKey` (default: the audit key); `publicKey` verifies what older keys signed.
   */
  checkpoint(
    privateKey?: CheckpointKey,
    options?: { tenant?: string; publicKey?: PublicKeys },
  ): Promise<AuditCheckpoint[]>;
  /** Stop scheduled checkpoints (the store is the caller's to close). */
  close(): void;
}

/** What a runtime given a maintenance writes with: never exported from the package. */
export interface MaintenanceParts {
  /** The store as given. */
  source: WorkflowStore;
  /** The store every commit goes through: signing with the audit key when there is one. */
  store: WorkflowStore;
  /** The HMAC key idempotency keys are stored under, derived from the audit key. */
  secret: Buffer | undefined;
  /** Wake delivery after a commit. */
  deliverSoon(): Promise<number>;
}

const parts = new WeakMap<Maintenance, MaintenanceParts>();

/** The parts of a maintenance `createMaintenance` made. */
export function maintenanceParts(maintenance: Maintenance): MaintenanceParts {
  const found = parts.get(maintenance);
  if (found) return found;
  throw new RuralkitError('invalid-maintenance', workflowText(workflowMessage('maintenance.foreign', {})));
}

/** Create the maintenance of a store. */
export function createMaintenance(options: MaintenanceOptions): Maintenance {
  const clock = options.clock ?? systemClock;
  const scope = options.tenant;
  const auditKey = options.auditKey === undefined ? undefined : checkpointPrivateKey(options.auditKey);
  const lease: Lease = { owner: options.lease?.owner ?? randomUUID(), ms: options.lease?.ms ?? 30_000 };

  /** The tenant a call names, within the scope: a scoped maintenance refuses another tenant. */
  function tenantOf(tenant: string | undefined): string | undefined {
    if (scope === undefined || tenant === undefined || tenant === scope) return tenant ?? scope;
    throw new RuralkitError(
      'invalid-maintenance',
      workflowText(workflowMessage('maintenance.other-tenant', { scope, tenant })),
    );
  }

  const checkpoint: Maintenance['checkpoint'] = async (privateKey = auditKey, { tenant, publicKey } = {}) => {
    if (privateKey === undefined) {
      throw new RuralkitError('invalid-checkpoint', workflowText(workflowMessage('maintenance.no-private-key', {})));
    }
    const within = tenantOf(tenant);
    return checkpointStoreAudit(options.store, privateKey, clock.now().toISOString(), {
      ...(within === undefined ? {} : { tenant: within }),
      ...(publicKey === undefined ? {} : { publicKey }),
    });
  };
  const schedule =
    auditKey && options.autoCheckpoint ? scheduleCheckpoints(() => checkpoint(), options.autoCheckpoint) : undefined;
  const store = auditKey
    ? signingStore(options.store, entrySigner(auditKey), (n) => schedule?.wrote(n))
    : options.store;
  const delivery = createDelivery(store, lease);

  const maintenance: Maintenance = {
    tenant: scope,
    async tick(at = clock.now(), { tenant } = {}) {
      const fired = await fireDeadlines(store, lease, at.toISOString(), tenantOf(tenant));
      if (fired.length) void delivery.deliverSoon();
      return fired;
    },
    subscribe: delivery.subscribe,
    deliver: () => delivery.deliverSoon(),
    async verify(verifying) {
      const given = typeof verifying === 'string' ? { tenant: verifying } : (verifying ?? {});
      const tenant = tenantOf(given.tenant);
      return verifyStoreAudit(store, { ...given, ...(tenant === undefined ? {} : { tenant }) });
    },
    checkpoint,
    close: () => schedule?.stop(),
  };
  parts.set(maintenance, {
    source: options.store,
    store,
    secret: auditKey && idempotencySecret(auditKey),
    deliverSoon: delivery.deliverSoon,
  });
  return maintenance;
}
