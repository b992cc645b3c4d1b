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
  zh: string,
  en: string,
): AuditFailure => ({
  ok: false,
  entries: 0,
  seq: where.seq,
  instanceId: where.instanceId ?? null,
  ...(where.outboxId === undefined ? {} : { outboxId: where.outboxId }),
  problem,
  message: { zh, en },
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
    return total(
      fail(
        'checkpoint',
        { seq: 0 },
        '检查点表 audit_checkpoints 不存在：它被删除了（签名检查点随之丢失，请以导出的检查点文件核验）',
        'the checkpoints table audit_checkpoints is gone: it was dropped (verify with the exported checkpoints file)',
      ),
    );
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
    const label = `#${row.seq}`;
    const parsed = parseObject(row.entry);
    if (!parsed) {
      return {
        failure: inTenant(
          fail('unreadable', where, `审计记录 ${label} 不是有效的 JSON`, `audit entry ${label} is not valid JSON`),
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
          fail(
            'unreadable',
            where,
            `审计记录 ${label} 不是写入时的格式（键重复、顺序或空白被改动）：数据库查询与核验读到的内容可能不同`,
            `audit entry ${label} is not in the form it was written in (duplicate keys, reordered keys or added spaces): a database query and the verifier may read it differently`,
          ),
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
        `审计记录 #${a} 与 #${b} 被互换`,
        `audit entries #${a} and #${b} were swapped`,
      );
    }
    return fail(
      'reordered',
      where,
      `第 #${row.seq} 行存放的是审计记录 #${entry.seq}：记录被移动`,
      `row #${row.seq} holds audit entry #${entry.seq}: the entry was moved`,
    );
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
    `审计记录 #${row.seq} 的列 ${name} 为 ${JSON.stringify(column)}，记录本身为 ${JSON.stringify(inEntry)}：该列被改动`,
    `audit entry #${row.seq}: column ${name} says ${JSON.stringify(column)} but the entry says ${JSON.stringify(inEntry)}: the column was changed`,
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
          `存储的检查点不可读：${text.slice(0, 80)}`,
          `a stored checkpoint is unreadable: ${text.slice(0, 80)}`,
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
    const signed = `${c.at} 的检查点 #${c.seq}`;
    const signedEn = `the checkpoint #${c.seq} signed ${c.at}`;
    if (ring && !checkpointSigned(c, ring)) {
      return {
        failure: fail(
          'checkpoint',
          { seq: c.seq },
          `${signed} 的签名无效（密钥 ${c.keyId}，或该密钥在签名时不在使用期内）：检查点是伪造或被改动的`,
          `${signedEn} has no valid signature by a given public key in use at that time (key ${c.keyId}): it was forged or changed`,
        ),
        tenant: c.tenant,
      };
    }
    const chain = hashes.get(c.tenant) ?? new Map<number, string>();
    const hash = chain.get(c.seq);
    const since = held.get(c.tenant) ?? 0;
    if (hash === undefined) {
      const first = chain.size + 1;
      const [zh, en] =
        first === c.seq
          ? [`审计记录 #${c.seq} 缺失`, `audit entry #${c.seq} is missing`]
          : [`审计记录 #${first} 至 #${c.seq} 缺失`, `audit entries #${first} to #${c.seq} are missing`];
      return {
        failure: fail(
          'checkpoint',
          { seq: first },
          `${zh}：链被截短到已签名的${signed}之前（已删除）`,
          `${en}: the chain was cut back below ${signedEn} (deleted)`,
        ),
        tenant: c.tenant,
      };
    }
    if (hash !== c.headHash) {
      return {
        failure: fail(
          'checkpoint',
          { seq: since + 1 },
          `审计记录 #${c.seq} 与已签名的${signed}不符：#${since + 1} 至 #${c.seq} 之间的记录被改动后重新计算了哈希`,
          `audit entry #${c.seq} does not match ${signedEn}: entries #${since + 1} to #${c.seq} were changed and re-hashed`,
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
    const label = `#${e.seq} (${e.instanceId ?? '-'} ${e.event})`;
    if (!e.signature) {
      if (!signing.has(tenant)) continue;
      return {
        failure: fail(
          'signature',
          where,
          `审计记录 ${label} 没有签名，而此前的记录已签名：它是被直接写入数据库的`,
          `audit entry ${label} is not signed, though the entries before it are: it was written into the database directly`,
        ),
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
          `审计记录 ${label} 的签名无效（密钥 ${e.signature.keyId}）：记录被伪造或改动`,
          `audit entry ${label} has no valid signature by a given public key in use at its time (key ${e.signature.keyId}): it was forged or changed`,
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
    const broken = (zh: string, en: string) => ({
      failure: fail('instance', where, `实例 ${row.id}：${zh}`, `instance ${row.id}: ${en}`),
      tenant: row.tenant,
    });
    const record = parseObject(row.record);
    if (!record) return broken('存储的记录不是有效的 JSON', 'its stored record is not valid JSON');
    if (entry && sha256Hex(row.record) !== entry.instanceHash) {
      return broken(
        `与审计记录 #${entry.seq} 记下的状态不符：记录在此之后被改动`,
        `it differs from what audit entry #${entry.seq} recorded: the row was changed after it`,
      );
    }
    if (!entry && !mentioned.has(row.id)) {
      return broken('没有任何审计记录记下它：该行是被插入的', 'no audit entry records it: the row was inserted');
    }
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
        `列 ${name} 为 ${JSON.stringify(column)}，记录本身为 ${JSON.stringify(inRecord)}：该列被改动`,
        `column ${name} says ${JSON.stringify(column)} but its record says ${JSON.stringify(inRecord)}: the column was changed`,
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
        `实例 ${id}（审计记录 #${entry.seq} 记下的）缺失：该行被删除或移走`,
        `instance ${id}, recorded by audit entry #${entry.seq}, is missing: the row was deleted or moved`,
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
    const what = event ? `（${String(event.type)}，实例 ${String(event.instanceId)}）` : '';
    const whatEn = event ? ` (${String(event.type)}, instance ${String(event.instanceId)})` : '';
    return {
      failure: fail(
        'outbox',
        {
          seq: 0,
          instanceId: typeof event?.instanceId === 'string' ? event.instanceId : null,
          outboxId: row.id,
        },
        event
          ? `领域事件 #${row.id}${what}与任何审计记录都不符：该行被改动或插入`
          : `领域事件 #${row.id} 不是有效的 JSON`,
        event
          ? `domain event #${row.id}${whatEn} matches no audit entry: the row was changed or inserted`
          : `domain event #${row.id} is not valid JSON`,
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
        `审计记录 #${entry.seq} 发出的一个领域事件缺失：该行被删除或改动`,
        `a domain event emitted with audit entry #${entry.seq} is missing: its row was deleted or changed`,
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
    throw new AuditBrokenError({
      zh: `审计链已被破坏，不签检查点：${verified.message.zh}`,
      en: `the audit chain is broken, so no checkpoint is signed: ${verified.message.en}`,
    });
  }
  // a verified chain runs from #1 without gaps: its last seq is its number of entries
  const checkpoints = Object.entries(verified.tenants ?? {})
    .filter(([, chain]) => chain.entries > 0)
    .map(([name, chain]) => signCheckpoint({ tenant: name, seq: chain.entries, hash: chain.headHash }, key, at));
  await store.addCheckpoints(checkpoints);
  return checkpoints;
}
