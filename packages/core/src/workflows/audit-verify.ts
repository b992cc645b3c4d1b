/**
 * Audit verification (审计核验) of what a store holds, against someone who can write the
 * database: each audit row is read as stored (valid, canonical JSON; its columns equal to what
 * the hashed entry says), the chains and heads are verified, then every signed checkpoint
 * (still held by the chain, signed by the key), every instance row (as its latest entry
 * recorded it) and every outbox row (as the entry that emitted it recorded it).
 */
import { canonicalJson, sha256Hex } from '../model/hash.js';
import {
  chainOf,
  entryRef,
  inTenant,
  verifyAuditChains,
  type AuditFailure,
  type AuditProblem,
  type AuditVerification,
} from './audit.js';
import { parseObject, type AuditEvidence, type AuditRow, type InstanceRow, type OutboxRow } from './audit-rows.js';
import { entrySigned } from './audit-sign.js';
import {
  checkpointPrivateKey,
  checkpointPublicKey,
  checkpointSigned,
  parseCheckpoint,
  publicKeyRing,
  signCheckpoint,
  type AuditCheckpoint,
  type CheckpointKey,
  type KeyRing,
  type PublicKeys,
} from './checkpoint.js';
import { AuditBrokenError } from './errors.js';
import type { AuditLog } from './store.js';
import type { AuditEntry } from './types.js';
import type { Message } from '../model/message.js';
import { sayAround, workflowText } from './locales/index.js';
import { workflowMessage } from './locales/messages.js';

/** What to verify against. */
export interface AuditVerifyOptions {
  /** Only this tenant's chain (and its instances and domain events). */
  tenant?: string;
  /**
   * The public key checkpoints and signed entries must be signed with (PEM or key object), or
   * several with the time each was in use (rotated keys).
   */
  publicKey?: PublicKeys;
  /** Checkpoints kept outside the database (an exported file), checked with the stored ones. */
  checkpoints?: readonly AuditCheckpoint[];
}

const fail = (
  problem: AuditProblem,
  where: { seq: number; instanceId?: string | null; outboxId?: number },
  message: Message,
): AuditFailure => ({
  ok: false,
  entries: 0,
  seq: where.seq,
  instanceId: where.instanceId ?? null,
  ...(where.outboxId === undefined ? {} : { outboxId: where.outboxId }),
  problem,
  message: workflowText(message),
});

/** Verify what a store holds (already filtered to `options.tenant` by the store). */
export function verifyAuditEvidence(evidence: AuditEvidence, options: AuditVerifyOptions = {}): AuditVerification {
  const read = readAuditRows(evidence.audit);
  if (!('entries' in read)) return { ...read.failure, entries: evidence.audit.length };
  const { entries, legacyTenants } = read;
  const chains = verifyAuditChains(entries, evidence.heads);
  if (!chains.ok) return chains;
  const total = (failure: AuditFailure, tenant?: string) =>
    tenant === undefined ? { ...failure, entries: entries.length } : inTenant(failure, tenant, entries.length);

  const ring = options.publicKey === undefined ? undefined : publicKeyRing(options.publicKey);
  const signed = checkSignatures(entries, ring);
  if ('failure' in signed) return total(signed.failure, signed.tenant);

  if (evidence.checkpoints === undefined) {
    return total(fail('checkpoint', { seq: 0 }, workflowMessage('audit.checkpoints-table-gone', {})));
  }
  const checkpoints = checkCheckpoints(entries, evidence.checkpoints, options, ring);
  if ('failure' in checkpoints) return total(checkpoints.failure, checkpoints.tenant);

  const instances = evidence.instances.filter((r) => options.tenant === undefined || r.tenant === options.tenant);
  const instanceFailure = checkInstances(entries, instances);
  if (instanceFailure) return total(instanceFailure.failure, instanceFailure.tenant);

  const events = checkOutbox(entries, evidence.outbox, legacyTenants, options.tenant);
  if ('failure' in events) return total(events.failure, events.tenant);

  return {
    ...chains,
    checkpoints: { count: checkpoints.count, signatures: ring ? 'verified' : 'not-checked' },
    signedEntries: signed.count,
    instances: instances.length,
    events: events.count,
  };
}

/**
 * Read each row as stored: valid JSON in the form its format prescribes (format 2: the
 * canonical text; before: the text as first written), its columns equal to the entry.
 */
function readAuditRows(
  rows: readonly AuditRow[],
): { entries: AuditEntry[]; legacyTenants: Set<string> } | { failure: AuditFailure } {
  const entries: AuditEntry[] = [];
  const legacyTenants = new Set<string>();
  for (const row of rows) {
    const where = { seq: row.seq, instanceId: row.instanceId };
    const parsed = parseObject(row.entry);
    if (!parsed) {
      return {
        failure: inTenant(
          fail('unreadable', where, workflowMessage('audit.entry-not-json', { seq: row.seq })),
          row.tenant,
          rows.length,
        ),
      };
    }
    const current = parsed.v === 2;
    const asWritten = current ? canonicalJson(parsed) : JSON.stringify(parsed);
    if (row.entry !== asWritten || (current && 'hash' in parsed) || (parsed.v !== undefined && !current)) {
      return {
        failure: inTenant(
          fail('unreadable', where, workflowMessage('audit.entry-not-as-written', { seq: row.seq })),
          row.tenant,
          rows.length,
        ),
      };
    }
    if (!current) legacyTenants.add(row.tenant);
    entries.push((current ? { ...parsed, hash: row.hash } : parsed) as unknown as AuditEntry);
  }
  for (const [i, row] of rows.entries()) {
    const failure = columnMismatch(row, entries[i]!, rows, entries);
    if (failure) return { failure: inTenant(failure, chainOf(entries[i]!), rows.length) };
  }
  return { entries, legacyTenants };
}

/** A column of `row` that differs from its entry: a swap or move of entries, or an edited column. */
function columnMismatch(
  row: AuditRow,
  entry: AuditEntry,
  rows: readonly AuditRow[],
  entries: readonly AuditEntry[],
): AuditFailure | undefined {
  const where = { seq: row.seq, instanceId: entry.instanceId ?? null };
  if (entry.seq !== row.seq) {
    const other = rows.findIndex((r) => r.tenant === row.tenant && r.seq === entry.seq);
    if (other >= 0 && entries[other]!.seq === row.seq) {
      const [a, b] = [row.seq, entry.seq].sort((x, y) => x - y);
      return fail(
        'reordered',
        { seq: a!, instanceId: where.instanceId },
        workflowMessage('audit.entries-swapped', { a: a!, b: b! }),
      );
    }
    return fail('reordered', where, workflowMessage('audit.entry-moved', { row: row.seq, seq: entry.seq }));
  }
  const columns: [string, unknown, unknown][] = [
    ['tenant', row.tenant, chainOf(entry)],
    ['instance_id', row.instanceId, entry.instanceId ?? null],
    ['prev_hash', row.prevHash, entry.prevHash],
    ['hash', row.hash, entry.hash],
  ];
  const wrong = columns.find(([, column, inEntry]) => column !== inEntry);
  if (!wrong) return undefined;
  const [name, column, inEntry] = wrong;
  return fail(
    'changed',
    where,
    workflowMessage('audit.column-changed', { seq: row.seq, column: name, stored: column, recorded: inEntry }),
  );
}

/**
 * Every checkpoint (stored, and given from outside) must be signed by the public key, when one
 * is given, and still held by its tenant's chain: an entry at its seq with its hash.
 */
function checkCheckpoints(
  entries: readonly AuditEntry[],
  stored: readonly string[],
  options: AuditVerifyOptions,
  ring: KeyRing | undefined,
): { count: number } | { failure: AuditFailure; tenant: string | undefined } {
  const all: AuditCheckpoint[] = [];
  for (const text of stored) {
    const checkpoint = parseCheckpoint(text);
    if (!checkpoint) {
      return {
        failure: fail(
          'checkpoint',
          { seq: 0 },
          workflowMessage('audit.checkpoint-unreadable', { text: text.slice(0, 80) }),
        ),
        tenant: undefined,
      };
    }
    all.push(checkpoint);
  }
  all.push(...(options.checkpoints ?? []));
  const chosen = all
    .filter((c) => options.tenant === undefined || c.tenant === options.tenant)
    .sort((a, b) => (a.tenant < b.tenant ? -1 : a.tenant > b.tenant ? 1 : a.seq - b.seq));
  const hashes = new Map<string, Map<number, string>>();
  for (const e of entries) {
    const chain = hashes.get(chainOf(e)) ?? new Map<number, string>();
    chain.set(e.seq, e.hash);
    hashes.set(chainOf(e), chain);
  }
  const held = new Map<string, number>();
  for (const c of chosen) {
    if (ring && !checkpointSigned(c, ring)) {
      return {
        failure: fail(
          'checkpoint',
          { seq: c.seq },
          workflowMessage('audit.checkpoint-forged', { seq: c.seq, at: c.at, key: c.keyId }),
        ),
        tenant: c.tenant,
      };
    }
    const chain = hashes.get(c.tenant) ?? new Map<number, string>();
    const hash = chain.get(c.seq);
    const since = held.get(c.tenant) ?? 0;
    if (hash === undefined) {
      const first = chain.size + 1;
      return {
        failure: fail(
          'checkpoint',
          { seq: first },
          workflowMessage('audit.chain-cut', { first, seq: c.seq, at: c.at }),
        ),
        tenant: c.tenant,
      };
    }
    if (hash !== c.headHash) {
      return {
        failure: fail(
          'checkpoint',
          { seq: since + 1 },
          workflowMessage('audit.checkpoint-mismatch', { seq: c.seq, at: c.at, from: since + 1 }),
        ),
        tenant: c.tenant,
      };
    }
    held.set(c.tenant, c.seq);
  }
  return { count: chosen.length };
}

/**
 * Signed entries (the runtime's audit key): in each chain, every entry after the first signed
 * one must be signed — entries before it are covered by checkpoints only — and, given public
 * keys, each signature must be by one of them in use at the entry's time.
 */
function checkSignatures(
  entries: readonly AuditEntry[],
  ring: KeyRing | undefined,
): { count: number } | { failure: AuditFailure; tenant: string } {
  const signing = new Set<string>();
  let count = 0;
  for (const e of entries) {
    const tenant = chainOf(e);
    const where = { seq: e.seq, instanceId: e.instanceId };
    const entry = entryRef(e);
    if (!e.signature) {
      if (!signing.has(tenant)) continue;
      return {
        failure: fail('signature', where, workflowMessage('audit.entry-unsigned', { entry })),
        tenant,
      };
    }
    signing.add(tenant);
    count += 1;
    if (ring && !entrySigned(e, ring)) {
      return {
        failure: fail(
          'signature',
          where,
          workflowMessage('audit.signature-invalid', { entry, key: e.signature.keyId }),
        ),
        tenant,
      };
    }
  }
  return { count };
}

/**
 * Every instance row must hash to what its latest entry recorded, with columns equal to its
 * record; every instance an entry recorded must still be there. Instances recorded only by
 * entries of the earlier format are not covered.
 */
function checkInstances(
  entries: readonly AuditEntry[],
  rows: readonly InstanceRow[],
): { failure: AuditFailure; tenant: string } | undefined {
  const latest = new Map<string, AuditEntry>();
  const mentioned = new Set<string>();
  for (const e of entries) {
    if (e.instanceId === null) continue;
    mentioned.add(e.instanceId);
    if (e.instanceHash) latest.set(e.instanceId, e);
  }
  for (const row of rows) {
    const entry = latest.get(row.id);
    const where = { seq: entry?.seq ?? 0, instanceId: row.id };
    const broken = (problem: Message) => ({
      failure: fail('instance', where, workflowMessage('audit.instance', { instance: row.id, problem })),
      tenant: row.tenant,
    });
    const record = parseObject(row.record);
    if (!record) return broken(workflowMessage('audit.instance-not-json', {}));
    if (entry && sha256Hex(row.record) !== entry.instanceHash) {
      return broken(workflowMessage('audit.instance-changed', { seq: entry.seq }));
    }
    if (!entry && !mentioned.has(row.id)) return broken(workflowMessage('audit.instance-inserted', {}));
    const columns: [string, unknown, unknown][] = [
      ['tenant', row.tenant, record.tenant],
      ['type', row.type, record.type],
      ['subject_key', row.subjectKey, record.subjectKey],
      ['exclusive_key', row.exclusiveKey, record.exclusiveKey ?? null],
      ['state', row.state, record.state],
      ['status', row.status, record.status],
      ['version', row.version, record.version],
      ['next_deadline_at', row.nextDeadlineAt, record.nextDeadlineAt ?? null],
    ];
    const wrong = columns.find(([, column, inRecord]) => column !== inRecord);
    if (wrong) {
      const [name, column, inRecord] = wrong;
      return broken(
        workflowMessage('audit.instance-column-changed', { column: name, stored: column, recorded: inRecord }),
      );
    }
  }
  const present = new Set(rows.map((r) => r.id));
  for (const [id, entry] of latest) {
    if (present.has(id)) continue;
    return {
      failure: fail(
        'instance',
        { seq: entry.seq, instanceId: id },
        workflowMessage('audit.instance-missing', { instance: id, seq: entry.seq }),
      ),
      tenant: chainOf(entry),
    };
  }
  return undefined;
}

/**
 * Every outbox row must be one of the domain events the entries recorded, and every recorded
 * event must be there. Rows of the earlier format, in tenants whose chains hold entries of
 * that format, are not covered.
 */
function checkOutbox(
  entries: readonly AuditEntry[],
  rows: readonly OutboxRow[],
  legacyTenants: ReadonlySet<string>,
  tenant: string | undefined,
): { count: number } | { failure: AuditFailure; tenant: string | undefined } {
  const emitted = new Map<string, AuditEntry[]>();
  for (const e of entries) {
    for (const hash of e.eventHashes ?? []) emitted.set(hash, [...(emitted.get(hash) ?? []), e]);
  }
  let count = 0;
  for (const row of rows) {
    const event = parseObject(row.event);
    const eventTenant = typeof event?.tenant === 'string' ? event.tenant : undefined;
    if (event && tenant !== undefined && eventTenant !== tenant) continue;
    const by = emitted.get(sha256Hex(row.event));
    if (by?.length) {
      by.shift();
      count += 1;
      continue;
    }
    if (event && row.event !== canonicalJson(event) && legacyTenants.has(eventTenant ?? '')) continue;
    return {
      failure: fail(
        'outbox',
        {
          seq: 0,
          instanceId: typeof event?.instanceId === 'string' ? event.instanceId : null,
          outboxId: row.id,
        },
        event
          ? workflowMessage('audit.event-unmatched', {
              id: row.id,
              type: String(event.type),
              instance: String(event.instanceId),
            })
          : workflowMessage('audit.event-not-json', { id: row.id }),
      ),
      tenant: eventTenant,
    };
  }
  for (const [, by] of emitted) {
    const entry = by[0];
    if (!entry) continue;
    return {
      failure: fail(
        'outbox',
        { seq: entry.seq, instanceId: entry.instanceId },
        workflowMessage('audit.event-missing', { seq: entry.seq }),
      ),
      tenant: chainOf(entry),
    };
  }
  return { count };
}

/** Verify what `store` holds: the maintenance's `verify`. */
export async function verifyStoreAudit(store: AuditLog, options: AuditVerifyOptions = {}): Promise<AuditVerification> {
  const evidence = await store.auditEvidence(options.tenant === undefined ? {} : { tenant: options.tenant });
  return verifyAuditEvidence(evidence, options);
}

/**
 * Verify `store` (its checkpoints and signed entries against the key's public half, or against
 * `publicKey` after a rotation), then sign each tenant's chain head with `privateKey` and store
 * the checkpoints: `runtime.checkpointAudit`. A broken chain is refused with `AuditBrokenError`:
 * its damage must not be signed.
 */
export async function checkpointStoreAudit(
  store: AuditLog,
  privateKey: CheckpointKey,
  at: string,
  options: { tenant?: string; publicKey?: PublicKeys } = {},
): Promise<AuditCheckpoint[]> {
  const key = checkpointPrivateKey(privateKey);
  const verified = await verifyStoreAudit(store, {
    ...(options.tenant === undefined ? {} : { tenant: options.tenant }),
    publicKey: options.publicKey ?? checkpointPublicKey(key),
  });
  if (!verified.ok) {
    throw new AuditBrokenError(
      sayAround(verified.message, (problem) => workflowMessage('audit.checkpoint-refused', { problem })),
    );
  }
  // a verified chain runs from #1 without gaps: its last seq is its number of entries
  const checkpoints = Object.entries(verified.tenants ?? {})
    .filter(([, chain]) => chain.entries > 0)
    .map(([name, chain]) => signCheckpoint({ tenant: name, seq: chain.entries, hash: chain.headHash }, key, at));
  await store.addCheckpoints(checkpoints);
  return checkpoints;
}
