/**
 * The audit chain (审计链): each entry hashes the one before (SHA-256 over canonical JSON), so a
 * changed, inserted or deleted entry breaks the chain at a place that can be named. Each tenant
 * (租户) has its own chain, so tenants never wait on one another's commits.
 */
import { canonicalJson, sha256Hex } from '../model/hash.js';
import type { AuditEntry, AuditRecord, InstanceRecord, Principal } from './types.js';

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
 * Chain the records of one commit, each after its tenant's head (`headOf`, read in the same
 * transaction). Returns the entries and each touched tenant's new head: every store writes
 * exactly these.
 */
export function chainAudit(
  records: readonly AuditRecord[],
  headOf: (tenant: string) => AuditHead | undefined,
): { entries: AuditEntry[]; heads: Map<string, AuditHead> } {
  const heads = new Map<string, AuditHead>();
  const entries = records.map((record) => {
    const tenant = chainOf(record);
    const prev = heads.get(tenant) ?? headOf(tenant);
    const entry = chainAuditEntry(prev && prev.seq > 0 ? prev : undefined, record);
    heads.set(tenant, { seq: entry.seq, hash: entry.hash });
    return entry;
  });
  return { entries, heads };
}

/** Chain `record` after the entry with `prev` (or start the chain). */
export function chainAuditEntry(prev: { seq: number; hash: string } | undefined, record: AuditRecord): AuditEntry {
  const seq = (prev?.seq ?? 0) + 1;
  const prevHash = prev?.hash ?? GENESIS_HASH;
  return { ...record, seq, prevHash, hash: hashAuditEntry({ ...record, seq, prevHash }) };
}

/** The hash of an entry: over everything in it but the hash itself. */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  const { hash: _hash, ...content } = entry;
  return sha256Hex(canonicalJson(content));
}

/** What `verifyAudit` found: intact, or the first broken entry. */
export type AuditVerification =
  | {
      ok: true;
      entries: number;
      /** The head hash of the one chain verified, or a hash over every tenant's head. */
      headHash: string;
      /** Each tenant's chain: its entries and head hash (set when chains are verified per tenant). */
      tenants?: Record<string, { entries: number; headHash: string }>;
    }
  | {
      ok: false;
      entries: number;
      /** The tenant whose chain is broken (set when chains are verified per tenant). */
      tenant?: string;
      /** The sequence number of the entry that is changed or missing. */
      seq: number;
      instanceId: string | null;
      problem: 'changed' | 'missing' | 'reordered';
      message: { zh: string; en: string };
    };

/**
 * Verify a whole chain in order. `head` is the last entry's seq and hash as the store recorded
 * them when it was written, so deleting the newest entries is caught too.
 */
export function verifyAuditChain(
  entries: readonly AuditEntry[],
  head: { seq: number; hash: string } | undefined,
): AuditVerification {
  let prev: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  const broken = (
    entry: { seq: number; instanceId: string | null },
    problem: 'changed' | 'missing' | 'reordered',
    zh: string,
    en: string,
  ) =>
    ({
      ok: false,
      entries: entries.length,
      seq: entry.seq,
      instanceId: entry.instanceId,
      problem,
      message: { zh, en },
    }) as const;
  for (const entry of entries) {
    const where = `#${entry.seq} (${entry.instanceId ?? '-'} ${entry.event})`;
    if (entry.seq !== prev.seq + 1) {
      const missing = prev.seq + 1;
      return entry.seq > missing
        ? broken(
            { seq: missing, instanceId: null },
            'missing',
            `审计记录 #${missing} 缺失（已被删除）`,
            `audit entry #${missing} is missing (deleted)`,
          )
        : broken(entry, 'reordered', `审计记录 ${where} 顺序错乱`, `audit entry ${where} is out of order`);
    }
    if (entry.prevHash !== prev.hash) {
      return broken(
        entry,
        'changed',
        `审计记录 ${where} 的前一哈希不符：前一条记录被改动`,
        `audit entry ${where} does not chain to the entry before it: that entry was changed`,
      );
    }
    if (hashAuditEntry(entry) !== entry.hash) {
      return broken(
        entry,
        'changed',
        `审计记录 ${where} 的内容被改动`,
        `audit entry ${where} was changed: its content does not match its hash`,
      );
    }
    prev = { seq: entry.seq, hash: entry.hash };
  }
  if (head && (head.seq !== prev.seq || head.hash !== prev.hash)) {
    const missing = prev.seq + 1;
    return head.seq > prev.seq
      ? broken(
          { seq: missing, instanceId: null },
          'missing',
          `审计记录 #${missing} 至 #${head.seq} 缺失（已被删除）`,
          `audit entries #${missing} to #${head.seq} are missing (deleted)`,
        )
      : broken(
          { seq: prev.seq, instanceId: null },
          'changed',
          `审计记录 #${prev.seq} 与记录的链头不符`,
          `audit entry #${prev.seq} does not match the recorded chain head`,
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
    const result = verifyAuditChain(chain, head && head.seq > 0 ? head : undefined);
    if (!result.ok) {
      const label = tenant || '-';
      return {
        ...result,
        entries: entries.length,
        tenant,
        message: { zh: `租户 ${label}：${result.message.zh}`, en: `tenant ${label}: ${result.message.en}` },
      };
    }
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
  const { name: _name, ...actor } = what.actor as Principal;
  return { ...where, ...what, actor };
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
