/**
 * The audit chain (审计链): each entry hashes the one before (SHA-256 over canonical JSON), so a
 * changed, inserted or deleted entry breaks the chain at a place that can be named. Each tenant
 * (租户) has its own chain, so tenants never wait on one another's commits.
 */
import { z } from 'zod';
import { canonicalJson, sha256Hex } from '../model/hash.js';
import { AuditBrokenError } from './errors.js';
import type { AuditEntry, AuditRecord, AuditSigner, InstanceRecord, Principal } from './types.js';
import { sayAround, workflowText } from './locales/index.js';
import { workflowMessage, type EntryRef } from './locales/messages.js';
import type { Message } from '../model/message.js';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The last entry of a chain: its seq and hash. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** The chain an entry belongs to: its tenant (entries written before chains were per tenant: ''). */
export const chainOf = (record: { tenant?: string }): string => record.tenant ?? '';

/** The tenants whose chains a commit's records extend, for a store to lock their heads. */
export function auditTenants(records: readonly AuditRecord[]): string[] {
  return [...new Set(records.map(chainOf))];
}

/**
 * Where a tenant's chain stands, read in the writing transaction: the head row (if any) and the
 * highest seq among its stored entries.
 */
export interface ChainTip {
  head: AuditHead | undefined;
  lastSeq: number;
}

/** A record with what its commit binds into it: the instance and domain events it wrote. */
export type BoundRecord = AuditRecord & Pick<AuditEntry, 'instanceHash' | 'eventHashes'>;

/**
 * Chain the records of one commit, each after its tenant's head (`tipOf`, read in the same
 * transaction). Returns the entries and each touched tenant's new head: every store writes
 * exactly these. A head row missing or behind the last entry (deleted or edited by hand) is
 * refused with `AuditBrokenError`: appending would collide with a stored entry.
 */
export function chainAudit(
  records: readonly BoundRecord[],
  tipOf: (tenant: string) => ChainTip,
  signer?: AuditSigner,
): { entries: AuditEntry[]; texts: string[]; heads: Map<string, AuditHead> } {
  const heads = new Map<string, AuditHead>();
  const texts: string[] = [];
  const entries = records.map((record) => {
    const tenant = chainOf(record);
    let prev = heads.get(tenant);
    if (!prev) {
      const { head, lastSeq } = tipOf(tenant);
      const headSeq = head?.seq ?? 0;
      if (lastSeq > headSeq) {
        throw new AuditBrokenError(
          workflowMessage('audit.head-behind', { tenant: tenant || '-', head: headSeq, last: lastSeq }),
        );
      }
      prev = head;
    }
    const { entry, text } = chainEntry(prev && prev.seq > 0 ? prev : undefined, record, signer);
    heads.set(tenant, { seq: entry.seq, hash: entry.hash });
    texts.push(text);
    return entry;
  });
  return { entries, texts, heads };
}

/**
 * Chain `record` after the entry with `prev` (or start the chain), in the current format, signed
 * by `signer` when given (the signature is part of what the hash covers).
 */
export function chainAuditEntry(
  prev: { seq: number; hash: string } | undefined,
  record: BoundRecord,
  signer?: AuditSigner,
): AuditEntry {
  return chainEntry(prev, record, signer).entry;
}

/** `chainAuditEntry`, with the entry's stored text (hashed once, written as it was hashed). */
function chainEntry(
  prev: { seq: number; hash: string } | undefined,
  record: BoundRecord,
  signer?: AuditSigner,
): { entry: AuditEntry; text: string } {
  const seq = (prev?.seq ?? 0) + 1;
  const prevHash = prev?.hash ?? GENESIS_HASH;
  const unsigned = { ...record, v: 2 as const, seq, prevHash };
  const content = signer ? { ...unsigned, signature: signer(unsigned) } : unsigned;
  const text = auditEntryText(content);
  return { entry: { ...content, hash: sha256Hex(text) }, text };
}

/**
 * The hash of an entry: SHA-256 over the canonical JSON of everything in it but the hash. An
 * entry of format 2 is stored as exactly that text (`auditEntryText`).
 */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  return sha256Hex(auditEntryText(entry));
}

/** The canonical text of an entry without its hash: what format 2 stores and hashes. */
export function auditEntryText(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  // canonical JSON leaves an undefined member out (and a spread is far cheaper than a rest)
  return canonicalJson('hash' in entry ? { ...entry, hash: undefined } : entry);
}

const AuditProblemSchema = z.enum([
  'changed',
  'missing',
  'reordered',
  'unreadable',
  'head',
  'checkpoint',
  'signature',
  'instance',
  'outbox',
]);
/**
 * What was found wrong: an entry `changed`, `missing` or `reordered` (swapped, moved); a row
 * `unreadable` (not JSON, not in canonical form, duplicate keys); the `head` row missing or
 * not at the last entry; a signed `checkpoint` the chain no longer matches (truncated,
 * re-hashed) or whose signature fails, or the checkpoints table gone; an entry's `signature`
 * missing after the chain's first signed entry, or not by a given public key; an `instance` or `outbox` row that differs from what
 * its audit entry recorded.
 */
export type AuditProblem = z.infer<typeof AuditProblemSchema>;

/** What `verifyAudit` found (审计核验结果): intact, or the first broken entry. */
export const AuditVerificationSchema = z
  .union([
    z.object({
      ok: z.literal(true),
      entries: z.number().int(),
      /** The head hash of the one chain verified, or a hash over every tenant's head. */
      headHash: z.string(),
      /** Each tenant's chain: its entries and head hash (set when chains are verified per tenant). */
      tenants: z.record(z.string(), z.object({ entries: z.number().int(), headHash: z.string() })).optional(),
      /**
       * The signed checkpoints (签名检查点) the chains were checked against, and whether their
       * signatures were checked with a public key (without one, only that the chains still hold them).
       */
      checkpoints: z.object({ count: z.number().int(), signatures: z.enum(['verified', 'not-checked']) }).optional(),
      /** How many entries are signed (by the runtime's audit key); checked with the public keys when given. */
      signedEntries: z.number().int().optional(),
      /** Instance rows and domain event rows checked against the entries that recorded them. */
      instances: z.number().int().optional(),
      events: z.number().int().optional(),
    }),
    z.object({
      ok: z.literal(false),
      entries: z.number().int(),
      /** The tenant whose chain is broken (set when chains are verified per tenant). */
      tenant: z.string().optional(),
      /** The sequence number of the entry that is changed or missing (or that records the row). */
      seq: z.number().int(),
      instanceId: z.string().nullable(),
      /** The domain event row (outbox id) that was changed, for problem `outbox`. */
      outboxId: z.number().int().optional(),
      problem: AuditProblemSchema,
      message: z.object({ zh: z.string(), en: z.string() }),
    }),
  ])
  .meta({ id: 'AuditVerification' });
/** What `verifyAudit` found: intact, or the first broken entry. */
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;

/** A failed verification, for the checks that build one. */
export type AuditFailure = Extract<AuditVerification, { ok: false }>;

/**
 * Verify a whole chain in order. `head` is the last entry's seq and hash as the store recorded
 * them when it was written, so deleting the newest entries is caught too.
 */
export function verifyAuditChain(
  entries: readonly AuditEntry[],
  head: { seq: number; hash: string } | undefined,
): AuditVerification {
  let prev: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  const broken = (entry: { seq: number; instanceId: string | null }, problem: AuditProblem, message: Message) =>
    ({
      ok: false,
      entries: entries.length,
      seq: entry.seq,
      instanceId: entry.instanceId,
      problem,
      message: workflowText(message),
    }) as const;
  for (const entry of entries) {
    const where = entryRef(entry);
    if (entry.seq !== prev.seq + 1) {
      const missing = prev.seq + 1;
      return entry.seq > missing
        ? broken(
            { seq: missing, instanceId: null },
            'missing',
            workflowMessage('audit.entry-missing', { seq: missing }),
          )
        : broken(entry, 'reordered', workflowMessage('audit.entry-reordered', { entry: where }));
    }
    if (entry.prevHash !== prev.hash) {
      return broken(entry, 'changed', workflowMessage('audit.entry-unchained', { entry: where }));
    }
    if (hashAuditEntry(entry) !== entry.hash) {
      return broken(entry, 'changed', workflowMessage('audit.entry-changed', { entry: where }));
    }
    prev = { seq: entry.seq, hash: entry.hash };
  }
  if (head && (head.seq !== prev.seq || head.hash !== prev.hash)) {
    const missing = prev.seq + 1;
    return head.seq > prev.seq
      ? broken(
          { seq: missing, instanceId: null },
          'missing',
          workflowMessage('audit.entries-missing', { from: missing, to: head.seq }),
        )
      : broken(
          { seq: prev.seq, instanceId: null },
          'head',
          workflowMessage('audit.head-mismatch', { seq: prev.seq, head: head.seq }),
        );
  }
  return { ok: true, entries: entries.length, headHash: prev.hash };
}

/**
 * Verify every tenant's chain against its recorded head. `entries` are in chain order within
 * each tenant; a tenant with a head and no entries left has lost them all. The first broken
 * chain is reported, naming the tenant.
 */
export function verifyAuditChains(
  entries: readonly AuditEntry[],
  heads: Readonly<Record<string, AuditHead>>,
): AuditVerification {
  const byTenant = new Map<string, AuditEntry[]>();
  for (const tenant of Object.keys(heads).sort()) byTenant.set(tenant, []);
  for (const entry of entries) {
    const chain = byTenant.get(chainOf(entry)) ?? [];
    chain.push(entry);
    byTenant.set(chainOf(entry), chain);
  }
  const tenants: Record<string, { entries: number; headHash: string }> = {};
  for (const [tenant, chain] of [...byTenant].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const head = heads[tenant];
    const last = chain.at(-1);
    const chained = verifyAuditChain(chain, head && head.seq > 0 ? head : undefined);
    const result: AuditVerification =
      chained.ok && last && !(head && head.seq > 0)
        ? {
            ok: false,
            entries: chain.length,
            seq: last.seq,
            instanceId: null,
            problem: 'head',
            message: workflowText(workflowMessage('audit.head-row-missing', { last: last.seq })),
          }
        : chained;
    if (!result.ok) return inTenant(result, tenant, entries.length);
    tenants[tenant] = { entries: result.entries, headHash: result.headHash };
  }
  const names = Object.keys(tenants);
  const headHash =
    names.length === 1
      ? tenants[names[0]!]!.headHash
      : names.length === 0
        ? GENESIS_HASH
        : sha256Hex(canonicalJson(Object.fromEntries(names.map((t) => [t, tenants[t]!.headHash]))));
  return { ok: true, entries: entries.length, headHash, tenants };
}

/** A failure of one tenant's chain, named with the tenant. */
export function inTenant(failure: AuditFailure, tenant: string, entries: number): AuditFailure {
  return {
    ...failure,
    entries,
    tenant,
    message: sayAround(failure.message, (problem) =>
      workflowMessage('audit.in-tenant', { tenant: tenant || '-', problem }),
    ),
  };
}

/** An audit entry as its problems name it. */
export function entryRef(entry: { seq: number; instanceId: string | null; event: string }): EntryRef {
  return { seq: entry.seq, instance: entry.instanceId, event: entry.event };
}

/** Where an audit entry belongs: the tenant's chain, the instance, its pinned plan and version. */
export interface AuditWhere {
  tenant: string;
  instanceId: string | null;
  workflow: string;
  planHash: string;
  machineVersion: number;
}

/**
 * The one audit builder: what happened to an instance (or an attempt at one), before chaining.
 * The actor is kept by id: a principal's display name (a villager's name) is not audited.
 */
export function auditRecord(where: AuditWhere, what: Omit<AuditRecord, keyof AuditWhere>): AuditRecord {
  return { ...where, ...what, actor: withoutName(what.actor as Principal) };
}

/** A principal without its display name (copied key by key: an object rest is several times slower). */
function withoutName(principal: Principal): Omit<Principal, 'name'> {
  const actor: Record<string, unknown> = {};
  for (const key of Object.keys(principal)) if (key !== 'name') actor[key] = principal[key as keyof Principal];
  return actor as Omit<Principal, 'name'>;
}

/** Where an instance's audit entries go: its tenant's chain, under its pinned plan and version. */
export function auditWhere(record: InstanceRecord): AuditWhere {
  return {
    tenant: record.tenant,
    instanceId: record.id,
    workflow: record.type,
    planHash: record.envelope.planHash,
    machineVersion: record.envelope.machineVersion,
  };
}
