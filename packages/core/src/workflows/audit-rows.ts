/**
 * Stored rows (存储行) of the audit log, the instances and the outbox: what every store writes
 * and reads back, built in one place so that verification sees what a database query sees.
 * Texts are canonical JSON — the exact bytes that are hashed — and the queried columns repeat
 * what the text says. Each commit binds into its audit entries the hash of the instance it
 * saved and of the domain events it emitted.
 */
import { canonicalJson, sha256Hex } from '../model/hash.js';
import { auditEntryText, chainAudit, chainOf, type AuditHead, type BoundRecord, type ChainTip } from './audit.js';
import { AuditBrokenError } from './errors.js';
import type { AuditEntry, Commit, DomainEvent, InstanceRecord } from './types.js';
import { workflowMessage } from './locales/messages.js';

/** An audit row: the columns queries use, and the entry's stored text. */
export interface AuditRow {
  tenant: string;
  seq: number;
  instanceId: string | null;
  prevHash: string;
  hash: string;
  entry: string;
}

/** An instance row: the columns queries use, and the record's stored text. */
export interface InstanceRow {
  id: string;
  tenant: string;
  type: string;
  subjectKey: string;
  exclusiveKey: string | null;
  state: string;
  status: string;
  version: number;
  nextDeadlineAt: string | null;
  record: string;
}

/** An outbox row: its id and the domain event's stored text. */
export interface OutboxRow {
  id: number;
  event: string;
}

/** The instance row of a record, its text in canonical form. */
export function instanceRow(instance: InstanceRecord): InstanceRow {
  return {
    id: instance.id,
    tenant: instance.tenant,
    type: instance.type,
    subjectKey: instance.subjectKey,
    exclusiveKey: instance.exclusiveKey,
    state: instance.state,
    status: instance.status,
    version: instance.version,
    nextDeadlineAt: instance.nextDeadlineAt,
    record: canonicalJson(instance),
  };
}

/**
 * The audit row of an entry: format 2 stores the canonical text without the hash (`text`, when
 * the caller has it from hashing the entry).
 */
export function auditRow(entry: AuditEntry, text = auditEntryText(entry)): AuditRow {
  return {
    tenant: chainOf(entry),
    seq: entry.seq,
    instanceId: entry.instanceId,
    prevHash: entry.prevHash,
    hash: entry.hash,
    entry: text,
  };
}

/** What a store writes for one commit, in stored form. */
export interface SealedCommit {
  /** The instance row, when the commit creates or saves one. */
  instance: InstanceRow | undefined;
  /** The domain events' texts, in order. */
  outbox: string[];
  /** Chain the audit entries after each tenant's tip, read in the writing transaction. */
  chain(tipOf: (tenant: string) => ChainTip): {
    rows: AuditRow[];
    entries: AuditEntry[];
    heads: Map<string, AuditHead>;
  };
}

/**
 * Seal a commit: the stored texts of its instance and domain events, and audit entries that
 * bind them — each entry of the instance carries the instance's hash, the first entry of each
 * tenant the hashes of that tenant's domain events.
 */
export function sealCommit(commit: Commit, instance?: InstanceRecord): SealedCommit {
  const row = instance && instanceRow(instance);
  const outbox = commit.outbox.map((event: DomainEvent) => canonicalJson(event));
  const instanceHash = row && sha256Hex(row.record);
  const bound = new Set<string>();
  const records: BoundRecord[] = commit.audit.map((record) => {
    const tenant = chainOf(record);
    const events = bound.has(tenant) ? [] : outbox.filter((_, i) => commit.outbox[i]!.tenant === tenant);
    bound.add(tenant);
    return {
      ...record,
      ...(instanceHash && record.instanceId === row.id ? { instanceHash } : {}),
      ...(events.length ? { eventHashes: events.map(sha256Hex) } : {}),
    };
  });
  return {
    instance: row,
    outbox,
    chain(tipOf) {
      const { entries, texts, heads } = chainAudit(records, tipOf, commit.signer);
      return { rows: entries.map((entry, i) => auditRow(entry, texts[i])), entries, heads };
    },
  };
}

/**
 * The entry an audit row holds, for reading history. A row that is not JSON is refused with
 * `AuditBrokenError` naming its tenant and seq.
 */
export function auditEntryOf(row: Pick<AuditRow, 'tenant' | 'seq' | 'hash' | 'entry'>): AuditEntry {
  const parsed = parseObject(row.entry);
  if (!parsed) {
    throw new AuditBrokenError(workflowMessage('audit.row-not-json', { tenant: row.tenant || '-', seq: row.seq }));
  }
  return 'hash' in parsed ? (parsed as unknown as AuditEntry) : ({ ...parsed, hash: row.hash } as AuditEntry);
}

/** A stored text as a JSON object, or undefined when it is not one. */
export function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Everything a store holds that the audit covers, read at one moment (one read transaction). */
export interface AuditEvidence {
  /** Audit rows in chain order: by tenant, then seq. */
  audit: AuditRow[];
  /** Each tenant's head row (seq > 0). */
  heads: Record<string, AuditHead>;
  instances: InstanceRow[];
  outbox: OutboxRow[];
  /** The stored checkpoints' texts; undefined when the checkpoints table is gone (dropped). */
  checkpoints: string[] | undefined;
}
